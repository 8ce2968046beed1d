"""The tillgänglighetsredogörelse in both real builds: the page is there, and every HTML
page of each build, the 404 page included, has the footer link that resolves to it.

Slow: reads the session's builds of the real site (`built_site`, `built_publik_site`)."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.slow

LINK_CLASS = "sd-tillganglighet-lank"


@pytest.fixture(scope="module")
def sites(built_site: Path, built_publik_site: Path) -> dict[str, Path]:
    return {"intranät": built_site, "publik": built_publik_site}


class _Footer(HTMLParser):
    """The footer link's address and text, the copyright line and the first h1."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.copyright = False
        self.h1 = ""
        self._in: str | None = None
        self._href = ""
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = (found.get("class") or "").split()
        if tag == "a" and LINK_CLASS in classes:
            self._in, self._href, self._text = "a", found.get("href") or "", ""
        elif "md-copyright__highlight" in classes:
            self._in, self._text = "copyright", ""
        elif tag == "h1" and not self.h1:
            self._in, self._text = "h1", ""

    def handle_data(self, data: str) -> None:
        if self._in:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if self._in == "a" and tag == "a":
            self.links.append((self._href, self._text.strip()))
        elif self._in == "copyright" and tag == "div":
            self.copyright = "Stockholms stad" in self._text
        elif self._in == "h1" and tag == "h1":
            self.h1 = self._text.strip()
        else:
            return
        self._in = None


def parsed(path: Path) -> _Footer:
    parser = _Footer()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def target(site: Path, page: Path, href: str, site_url: str) -> Path:
    """The file a link on `page` leads to: relative from the page, or absolute below the
    site's path (the 404 page is served from any depth, so its links are absolute)."""
    address = urlsplit(href)
    assert not address.scheme and not address.netloc, href
    if address.path.startswith("/"):
        base = urlsplit(site_url).path
        assert address.path.startswith(base), href
        rel = address.path[len(base) :]
    else:
        here = posixpath.dirname(page.relative_to(site).as_posix())
        rel = posixpath.normpath(posixpath.join(here, address.path))
    return site / rel / "index.html"


@pytest.mark.parametrize("malgrupp", ["intranät", "publik"])
def test_both_builds_have_the_statement_with_diggs_elements(sites, malgrupp, repo_publication):
    page = sites[malgrupp] / "tillganglighet" / "index.html"
    html = page.read_text(encoding="utf-8")
    # What the data says, whatever it says: the page must carry it.
    statement = repo_publication.model.redogorelse
    assert statement is not None
    assert parsed(page).h1.startswith("Tillgänglighetsredogörelse för Trygghet och säkerhet")
    for element in (
        statement.forenlighet,
        "Bristande förenlighet med lagkraven",
        "Oskäligt betungande anpassning",
        "Innehåll som inte omfattas av tillämplig lagstiftning",
        "Bedömningen gjordes den",
        "Redogörelsen uppdaterades senast den",
        statement.metod,
        'href="https://www.digg.se/tdosanmalan"',
        'href="mailto:',
    ):
        assert element in html, element


@pytest.mark.parametrize("malgrupp", ["intranät", "publik"])
def test_every_page_has_the_footer_link_to_the_statement(sites, site_url, malgrupp):
    site = sites[malgrupp]
    pages = sorted(site.rglob("*.html"))
    assert site / "404.html" in pages and len(pages) > 30
    wrong = []
    for page in pages:
        found = parsed(page)
        if not found.copyright:
            wrong.append(f"{page.relative_to(site)}: ingen copyrightrad")
        if len(found.links) != 1:
            wrong.append(f"{page.relative_to(site)}: {len(found.links)} länkar")
            continue
        href, text = found.links[0]
        statement = target(site, page, href, site_url)
        if text != "Tillgänglighetsredogörelse" or statement != site / "tillganglighet/index.html":
            wrong.append(f"{page.relative_to(site)}: {href} ({text})")
        elif not statement.is_file():
            wrong.append(f"{page.relative_to(site)}: {href} finns inte")
    assert wrong == []
