"""Links to the Git repository: on the intranet a header link named with the guide's
word and an edit pen on each editable page; on the public site neither, and no address
of the internal Git host anywhere (theme.without_repository, the gate)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import REPO

# mkdocs.yml's own default, as a build without STYRDOK_REPO_URL (as these) uses it.
REPO_URL = "https://git.stockholm.se/stadsledningskontoret/styrdok"
GIT_HOST = "git.stockholm.se"


def test_the_default_repository_address_is_the_one_tested():
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    # mkdocs.yml has !ENV tags; only the line is read.
    (line,) = [row for row in text.splitlines() if row.startswith("repo_url:")]
    assert f'"{REPO_URL}"' in line


@pytest.fixture(scope="module")
def publik(built_publik_site: Path) -> Path:
    return built_publik_site


def text_files(site: Path) -> list[Path]:
    return [
        p
        for p in sorted(site.rglob("*"))
        if p.is_file() and p.suffix in {".html", ".json", ".xml", ".js", ".txt"}
    ]


def test_no_public_page_has_an_edit_link_or_the_git_host(publik):
    pages = [p for p in text_files(publik) if p.suffix == ".html"]
    assert len(pages) > 20
    for path in text_files(publik):
        text = path.read_text(encoding="utf-8", errors="replace")
        rel = path.relative_to(publik).as_posix()
        assert GIT_HOST not in text, f"{rel} nämner {GIT_HOST}"
        assert 'rel="edit"' not in text, f"{rel} har en redigeringslänk"
        assert 'class="md-source"' not in text, f"{rel} har en länk till förrådet"


def test_the_intranet_links_to_the_repository_with_the_guides_word(built_site):
    start = (built_site / "index.html").read_text(encoding="utf-8")
    assert f'href="{REPO_URL}"' in start
    assert "Förrådet styrdok" in start
    assert "Gå till datakatalog" not in start
    page = (built_site / "begrepp" / "index.html").read_text(encoding="utf-8")
    assert f'href="{REPO_URL}/edit/main/docs/begrepp.md"' in page
    assert 'title="Redigera sidan"' in page
