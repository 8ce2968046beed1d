"""The linked data of the built sites, read as a consumer reads it: every anvisning page,
every earlier version's page and every page that presents the programme carries one
schema.org JSON-LD script, a JSON-LD processor expands it without the network, exactly
one Legislation is the page's main entity, its legal force agrees with the status the
page shows a reader, and every term it uses is schema.org's."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from helpers.jsonld import SCHEMA, expand, legal_force, main_entity, scripts, unknown_terms

# Both sites are built (the fixtures are asked for by name, so mark it here).
pytestmark = pytest.mark.slow

# The status a reader sees in the metadata block, and what it means for legal force:
# the anvisning's state (its page) and a version's own state (an earlier version's).
IN_FORCE = {"Gällande", "Under revidering", "Gäller"}
NOT_IN_FORCE = {
    "Utkast",
    "Beslutad, gäller ännu inte",
    "Upphävd",
    "Gäller inte längre",
    "Gällde aldrig",
    "Inte beslutad",
}
# The titles the programme's box and notices have; only one says it applies.
PROGRAMME_IN_FORCE = "Programmet gäller"
PROGRAMME_NOT_IN_FORCE = re.compile(
    r"Programmet har ersatts|Programmet gäller inte längre|Programperioden har löpt ut"
    r"|Programmet är ännu inte antaget|Programmet gäller från \d{4}"
)
# The pages presenting the programme as mkdocs.yml's nav has them, besides the pages of
# each målområde and fokusområde (from program.json's own lists).
PROGRAMME_PAGES = (
    "",
    "bakgrund-och-syfte/",
    "malomraden/",
    "fokusomraden/",
    "roller-och-ansvar/",
    "uppfoljning/",
    "krishantering/",
    "jamstalldhet/",
    "beslutet/",
    "hela-programmet/",
)

_STATUS = re.compile(r"<dt>Status</dt>\s*<dd><span class=\"sd-status[^\"]*\">([^<]+)</span>")
_ADMONITION = re.compile(r'class="admonition-title">([^<]+)<')


def _page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def _api(site: Path, name: str) -> dict:
    return json.loads((site / "api" / "v1" / name).read_text(encoding="utf-8"))


def _path(url: str, site_url: str) -> str:
    assert url.startswith(site_url), url
    return url.removeprefix(site_url)


def _the_main_entity(site: Path, site_url: str, path: str) -> dict:
    """The page's one JSON-LD script, expanded, checked for its vocabulary, and the one
    Legislation that is the page's main entity."""
    found = scripts(_page(site, path))
    assert len(found) == 1, f"{path}: {len(found)} JSON-LD-skript"
    expanded = expand(found[0])
    assert unknown_terms(expanded) == set(), path
    mains = main_entity(expanded, site_url + path)
    assert len(mains) == 1, path
    assert mains[0]["@type"] == [f"{SCHEMA}Legislation"], path
    return mains[0]


def _anvisning_pages(site: Path, site_url: str) -> list[str]:
    """Every anvisning page and earlier version page, as the API lists them."""
    pages = []
    for item in _api(site, "anvisningar.json")["anvisningar"]:
        pages.append(_path(item["url"], site_url))
        pages += [_path(v["url"], site_url) for v in item["versioner"]]
    return sorted(set(pages))


@pytest.fixture(params=["intranät", "publik"])
def site(request) -> Path:
    fixture = "built_site" if request.param == "intranät" else "built_publik_site"
    return request.getfixturevalue(fixture)


def test_every_anvisning_and_version_page_states_the_legal_force_it_shows(site, site_url):
    pages = _anvisning_pages(site, site_url)
    assert any("/version-" in p for p in pages), "no earlier version to check"
    forces = set()
    for path in pages:
        shown = html.unescape(_STATUS.search(_page(site, path)).group(1)).strip()
        assert shown in IN_FORCE | NOT_IN_FORCE, f"{path}: okänd status {shown!r}"
        expected = "InForce" if shown in IN_FORCE else "NotInForce"
        main = _the_main_entity(site, site_url, path)
        assert legal_force(main) == expected, f"{path}: {shown}"
        forces.add(expected)
    # Both answers occur, so the comparison is not vacuous.
    assert forces == {"InForce", "NotInForce"}


def test_every_programme_page_states_the_programme_s_legal_force(site, site_url):
    program = _api(site, "program.json")
    parts = [_path(m["url"], site_url) for m in program.get("malomraden", [])]
    parts += [_path(f["url"], site_url) for f in program.get("fokusomraden", [])]
    assert parts
    for path in (*PROGRAMME_PAGES, *parts):
        page = _page(site, path)
        titles = [html.unescape(t).strip() for t in _ADMONITION.findall(page)]
        if any(PROGRAMME_NOT_IN_FORCE.fullmatch(t) for t in titles):
            expected = "NotInForce"
        else:
            # The start page always says it; another page says so only when it does not.
            assert path != "" or PROGRAMME_IN_FORCE in titles
            expected = "InForce"
        assert legal_force(_the_main_entity(site, site_url, path)) == expected, path


def test_no_other_page_carries_linked_data(site, site_url):
    """Only the pages above: a listing or an organ page has no JSON-LD of its own."""
    program = _api(site, "program.json")
    expected = set(_anvisning_pages(site, site_url)) | set(PROGRAMME_PAGES)
    expected |= {_path(m["url"], site_url) for m in program.get("malomraden", [])}
    expected |= {_path(f["url"], site_url) for f in program.get("fokusomraden", [])}
    carrying = {
        _page_path(site, page)
        for page in site.rglob("index.html")
        if scripts(page.read_text(encoding="utf-8"))
    }
    assert carrying == expected


def _page_path(site: Path, page: Path) -> str:
    """A built page's path on the site: "" for the start page, "x/" for x/index.html."""
    folder = page.parent.relative_to(site).as_posix()
    return "" if folder == "." else f"{folder}/"
