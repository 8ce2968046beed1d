"""The preview's rebuild, with what it keeps between rebuilds (adapters/preview_cache), is
byte for byte the site a fresh build of the same source gives, but for what is
deliberately preview-only: "Hela programmet" says that the PDF is made by the real
build. And a save that cannot be built leaves the last good site served."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from styrdok.adapters.mkdocs_run import Preview, build_once, sources_of, swedish_log
from styrdok.adapters.preview_cache import PDF_NOTICE

from helpers import edit

pytestmark = pytest.mark.slow  # each test builds the small site several times, in-process

URL = "http://127.0.0.1:8765/test/"
NEW_TITLE = "Anvisning för krisledning och stabsläge"


@pytest.fixture
def preview(project: Path, monkeypatch) -> Preview:
    monkeypatch.setenv("STYRDOK_REFERENSDATUM", "2026-12-01")
    monkeypatch.setenv("STYRDOK_PDF", "false")
    found = Preview(project / "mkdocs.yml", "127.0.0.1", 8765, io.StringIO())
    found.url = URL
    return found


def _tree(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()
    }


def _fresh_build(preview: Preview, site: Path) -> dict[str, bytes]:
    """The site as the preview built it before it kept anything: a build of its own."""

    def at_preview_address(config) -> None:
        config.site_url = URL

    with swedish_log(sources_of(preview.config_file), io.StringIO()) as log:
        assert build_once(preview.config_file, site, log, at_preview_address, serve_url=URL)
    return _tree(site)


def test_a_rebuild_after_a_save_is_a_fresh_build_but_for_the_pdf_notice(project, preview, tmp_path):
    with swedish_log(sources_of(preview.config_file), preview.out) as log:
        assert preview.build(log), preview.out.getvalue()
        path = "docs/anvisningar/krisledning.md"
        edit(project, path, "titel: Anvisning för krisledning\n", f"titel: {NEW_TITLE}\n")
        edit(project, path, "## Syfte\n", "## Syfte\n\nEn ny mening i texten.\n")
        assert preview.build(log), preview.out.getvalue()
        # The new title is in every page's navigation: the gate read every page again.
        # A change to the text alone changes one page, and the gate reads that one.
        edit(project, path, "En ny mening i texten.\n", "En ny mening i texten. Och en till.\n")
        assert preview.build(log), preview.out.getvalue()
    pages = preview.caches.pages
    # What is compared is a rebuild that used what was kept, and rendered the saved page.
    assert pages.hits > 10 and pages.misses >= 1
    assert preview.caches.search.hits > 10
    # The gate read only the pages whose bytes changed (tests/adapters/test_gate_identity.py
    # shows that what it keeps is what it would find again).
    assert preview.caches.gate.hits > 10
    assert preview.served is not None
    rebuilt = _tree(preview.served)
    fresh = _fresh_build(preview, tmp_path / "fresh")

    assert NEW_TITLE in rebuilt["anvisningar/index.html"].decode()
    assert (
        "En ny mening i texten. Och en till."
        in rebuilt["anvisningar/krisledning/index.html"].decode()
    )
    assert rebuilt.keys() == fresh.keys()
    differ = sorted(name for name in fresh if rebuilt[name] != fresh[name])
    assert differ == ["hela-programmet/index.html"]
    page = rebuilt["hela-programmet/index.html"].decode()
    assert page.count(PDF_NOTICE) == 1
    assert page.replace(PDF_NOTICE, "", 1).encode() == fresh["hela-programmet/index.html"]


def test_the_preview_makes_no_pdf_and_links_none(project, preview, monkeypatch):
    # A project that makes the PDF in a real build (as the repository's always does).
    monkeypatch.setenv("STYRDOK_PDF", "true")
    with swedish_log(sources_of(preview.config_file), preview.out) as log:
        assert preview.build(log), preview.out.getvalue()
    assert preview.served is not None
    assert not (preview.served / "hela-programmet.pdf").exists()
    page = (preview.served / "hela-programmet/index.html").read_text(encoding="utf-8")
    assert PDF_NOTICE in page and ".pdf" not in page


def test_a_broken_save_keeps_the_last_good_site_until_it_is_mended(project, preview):
    path = "docs/anvisningar/krisledning.md"
    out = preview.out
    assert isinstance(out, io.StringIO)
    with swedish_log(sources_of(preview.config_file), out) as log:
        assert preview.build(log), out.getvalue()
        good = preview.served
        edit(project, path, "## Syfte\n", "## Syfte\n\nSe [saknas](finns-inte.md).\n")
        # Twice: the second time nothing has changed, and it must still not be built.
        for _ in range(2):
            assert not preview.build(log)
            assert preview.served == good  # the last good site is still served
        assert "finns-inte.md" in out.getvalue()
        edit(project, path, "Se [saknas](finns-inte.md).\n", "")
        assert preview.build(log), out.getvalue()
        assert preview.served != good
