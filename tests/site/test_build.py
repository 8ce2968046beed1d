"""Full builds with `mkdocs build --strict`: the real site and the small fixture project."""

from __future__ import annotations

import codecs
import json
import re
import shutil
from pathlib import Path

import pytest

from styrdok.core.pipeline import check_project
from styrdok.core.project import Project

from helpers import INVALID, REPO, make_project
from helpers.html import parse_html

# Resources a browser fetches on its own: scripts, styles, fonts, images, frames.
_FETCHING_TAGS = {"script", "img", "iframe", "source", "audio", "video", "link"}
_FETCHED_LINKS = re.compile(r"stylesheet|preconnect|preload|icon|manifest|prefetch", re.I)
_CSS_URL = re.compile(r"url\(\s*[\"']?((?:https?:)?//[^)\"']+)", re.I)
_EXTERNAL = re.compile(r"(https?:)?//")


def external_resources(site: Path) -> list[str]:
    found = []
    for path in site.rglob("*"):
        if path.suffix == ".html":
            for link in parse_html(path.read_text(errors="replace")).links:
                if link.tag not in _FETCHING_TAGS:
                    continue
                if link.tag == "link" and not _FETCHED_LINKS.search(link.rel):
                    continue
                if _EXTERNAL.match(link.url):
                    found.append(f"{path}: {link.url}")
        elif path.suffix == ".css":
            found += [f"{path}: {v}" for v in _CSS_URL.findall(path.read_text(errors="replace"))]
    return found


def test_scanner_finds_an_external_script(tmp_path):
    (tmp_path / "a.html").write_text('<script src="https://cdn.example.com/x.js"></script>')
    (tmp_path / "b.css").write_text("@font-face { src: url(https://fonts.example.com/f.woff2) }")
    assert len(external_resources(tmp_path)) == 2


def test_site_is_swedish(site):
    assert '<html lang="sv"' in (site / "index.html").read_text()


def test_search_is_swedish(site):
    index = json.loads((site / "search" / "search_index.json").read_text())
    assert index["config"]["lang"] == ["sv"]
    assert (site / "assets/javascripts/lunr/min/lunr.sv.min.js").is_file()


def test_site_loads_nothing_from_other_hosts(site):
    assert external_resources(site) == []


def test_footer_has_no_low_contrast_generator_line(site):
    html = (site / "index.html").read_text()
    assert "Made with" not in html
    css = (REPO / "overrides/stylesheets/styrdok.css").read_text()
    assert re.search(r"\.md-copyright[^{]*\{\s*color: var\(--md-footer-fg-color\);", css)


def test_repository_link_does_not_fetch_facts_from_the_git_host(site):
    html = (site / "index.html").read_text()
    assert 'class="md-source"' in html
    assert 'data-md-component="source"' not in html


def test_every_anvisning_page_shows_status_dates_and_edit_link(site):
    model = check_project(Project.at(REPO)).model
    assert len(model.anvisningar) >= 12
    for anvisning in model.anvisningar:
        html = (site / "anvisningar" / anvisning.id / "index.html").read_text()
        assert "sd-status--" in html, anvisning.id
        assert "Revideras senast" in html or anvisning.status == "utkast", anvisning.id
        if anvisning.giltig_fran:
            assert anvisning.giltig_fran.isoformat() in html
        # A skyddad page is made without reading its source, so it has no edit link.
        if not anvisning.skyddad:
            assert f"edit/main/docs/anvisningar/{anvisning.id}.md" in html
        if anvisning.exempelinnehall:
            assert "Exempelinnehåll" in html


def test_at_least_two_anvisningar_per_fokusomrade():
    model = check_project(Project.at(REPO)).model
    for fokus in model.fokusomraden:
        count = sum(fokus.id in a.fokusomraden for a in model.anvisningar)
        assert count >= 2, fokus.id


def test_programme_pages_are_built_from_data(site):
    fokus = (site / "fokusomraden" / "index.html").read_text()
    assert fokus.count('<h2 id="') >= 5
    assert (
        "Inom samtliga fokusområden ska kommunikation vara en integrerad del av arbetet." in fokus
    )
    start = (site / "index.html").read_text()
    assert "307-643/2012" in start


@pytest.fixture
def fixture_project(tmp_path) -> Path:
    return make_project(tmp_path / "projekt")


def test_fixture_site_builds_with_version_pages_and_leaves_editor_braces_alone(
    fixture_project, tmp_path, mkdocs_build
):
    result = mkdocs_build(fixture_project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site/anvisningar/krisledning/index.html").read_text()
    assert "{{ klammer }}" in html
    # The kept version 1 has a page of its own, and what changed in version 2 shows the
    # editor's braces as the text they are.
    folder = tmp_path / "site/anvisningar/krisledning"
    old = (folder / "version-1/index.html").read_text()
    assert "<title>Anvisning för krisledning, version 1 - " in old
    assert "Version 1 gäller inte längre" in old
    changes = (folder / "version-2/andringar/index.html").read_text()
    assert '<span class="sd-skarmlasare">Tillagt: </span>Texten med {{ klammer }}' in changes
    assert 'href="../../version-1/"' in changes
    assert 'href="version-1/"' in html and 'href="version-2/andringar/"' in html
    # Found by search, below the anvisning itself.
    index = json.loads((tmp_path / "site/search/search_index.json").read_text())
    boosts = {d["location"]: d.get("boost", 1) for d in index["docs"]}
    assert boosts["anvisningar/krisledning/version-1/"] < boosts["anvisningar/krisledning/"]
    assert boosts["anvisningar/krisledning/version-2/andringar/"] < 0.5


@pytest.mark.parametrize(
    "broken",
    [
        "ogiltig-yaml--kolon-i-text.md",
        "fel-struktur--frontmatter-lista.md",
        "fel-typ--text-i-stallet-for-lista.md",
        "frontmatter-saknas--bara-text.md",
        "binar-fil--nolltecken.md",
        "okant-fokusomrade--stavfel.md",
    ],
)
def test_broken_anvisning_stops_the_build_with_the_same_message(
    fixture_project, tmp_path, broken, mkdocs_build
):
    target = fixture_project / "docs/anvisningar/krisledning.md"
    shutil.copy(INVALID / broken, target)
    expected = check_project(Project.at(fixture_project)).errors[0]
    result = mkdocs_build(fixture_project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert str(expected) in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.parametrize(
    "broken",
    [
        "tom-fil--blanksteg.yml",
        "tabb--indrag.yml",
        "dubblett-id--organ.yml",
        "ogiltig-yaml--indrag.yml",
    ],
)
def test_broken_data_file_stops_the_build(fixture_project, tmp_path, broken, mkdocs_build):
    target = "data/malomraden.yml" if broken.startswith("tabb") else "data/organ.yml"
    shutil.copy(INVALID / broken, fixture_project / target)
    result = mkdocs_build(fixture_project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert re.search(rf"{re.escape(target)}:\d+:\d+: fel: ", result.stderr)
    assert "Traceback" not in result.stderr


def test_bom_and_crlf_build_fine(fixture_project, tmp_path, mkdocs_build):
    for path in [
        fixture_project / "docs/anvisningar/krisledning.md",
        fixture_project / "data/organ.yml",
    ]:
        text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
        path.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    result = mkdocs_build(fixture_project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (
        "Anvisning för krisledning"
        in (tmp_path / "site/anvisningar/krisledning/index.html").read_text()
    )


def test_macro_error_on_a_page_stops_the_build(fixture_project, tmp_path, mkdocs_build):
    page = fixture_project / "docs/fokusomraden/index.md"
    page.write_text(page.read_text() + '\n{{ anvisningar_tabell(fokusomrade="finns-inte") }}\n')
    result = mkdocs_build(fixture_project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert "okänt fokusområde 'finns-inte'" in result.stderr


def test_undefined_variable_on_a_page_stops_the_build(fixture_project, tmp_path, mkdocs_build):
    page = fixture_project / "docs/fokusomraden/index.md"
    page.write_text(page.read_text() + "\n{{ finns_inte }}\n")
    result = mkdocs_build(fixture_project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
