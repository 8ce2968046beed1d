"""The page "Vad gällde den …?" (views/vad_gallde.py): without JavaScript a complete
table of every version; the container gallde.js enhances."""

from __future__ import annotations

import posixpath
import re

import pytest

from styrdok.core import addresses
from styrdok.core.sanitize import clean
from styrdok.views.crossref import generate
from styrdok.views.fragments import forteckning
from styrdok.views.urls import sidadress
from styrdok.views.vad_gallde import vad_gallde_page

from helpers import TODAY, check, publication_of
from helpers.tidpunkt import TITLES, UTRYMNING, add_versions


@pytest.fixture
def page(project) -> str:
    add_versions(project)
    return vad_gallde_page(publication_of(project)).text


def rows(text: str) -> list[list[str]]:
    return [
        [cell.strip() for cell in line.strip("|").split(" | ")]
        for line in text.splitlines()
        if line.startswith("| ") and not line.startswith("| Anvisning |")
    ]


def test_the_table_has_every_version_with_its_interval_and_whom_it_applied_to(page):
    # Each row links the page of its version: earlier ones their own, the current one
    # the anvisning's.
    mine = [r for r in rows(page) if re.search(rf"\]\({UTRYMNING}(/version-[12])?\.md\)", r[0])]
    assert [r[0].split("](")[0].strip("[") for r in mine] == [TITLES[1], TITLES[2], TITLES[3]]
    assert [r[1:5] for r in mine] == [
        ["1", "2016-11-20", "2017-01-01", "2018-03-31"],
        ["2", "2018-03-01", "2018-04-01", "2020-05-31"],
        ["3 (nuvarande)", "2020-05-15", "2020-06-01", "2023-12-31"],
    ]
    # Each version's own circle of bodies, not the current one's.
    assert "Samtliga nämnder och bolagsstyrelser" in mine[0][5]
    assert mine[1][5] == "Alla stadsdelsnämnder"
    assert mine[2][5].startswith("Alla stadsdelsnämnder, [Socialnämnden]")


def test_a_version_in_force_has_no_last_day_and_drafts_are_not_listed(page):
    krisledning = [r for r in rows(page) if re.search(r"\]\(krisledning(/version-1)?\.md\)", r[0])]
    assert krisledning[-1][4] == "tills vidare"
    assert "trygghet-i-bromma" not in page


def test_the_container_points_at_tidslinje_json_from_where_the_page_is_served(page):
    match = re.search(r'<div class="sd-gallde" data-tidslinje="([^"]+)" markdown>', page)
    assert match
    served = sidadress(addresses.VAD_GALLDE)
    assert served == "anvisningar/vad-gallde/"
    assert posixpath.normpath(posixpath.join(served, match.group(1))) == "api/v1/tidslinje.json"
    # The same address as a plain link, which the gate checks after the build.
    assert f'<a href="{match.group(1)}">api/v1/tidslinje.json</a>' in page


def test_the_sanitiser_keeps_data_tidslinje_on_a_div_only():
    html = '<div data-tidslinje="../x.json"><span data-tidslinje="y">a</span></div>'
    assert clean(html) == '<div data-tidslinje="../x.json"><span>a</span></div>'


def test_older_versions_that_are_not_here_are_named(project):
    add_versions(project)
    assert "Äldre versioner som inte finns här" not in vad_gallde_page(publication_of(project)).text
    (project / "docs" / "anvisningar" / UTRYMNING / "version-1.md").unlink()
    intranat = vad_gallde_page(publication_of(project)).text
    assert "Äldre versioner som inte finns här" in intranat
    assert "versionerna före version 2 finns inte här" in intranat
    assert "före 2018-04-01" in intranat
    assert "sparades inte" in intranat
    publik = vad_gallde_page(publication_of(project, "publik")).text
    assert "publiceras inte här" in publik and "sparades inte" not in publik


def test_the_forteckning_and_every_organ_page_link_to_it(project):
    pub = publication_of(project)
    assert "[Vad gällde den …?](vad-gallde.md)" in forteckning(pub, addresses.FORTECKNING)
    pages = {p.sida: p for p in generate(pub, TODAY)}
    assert addresses.VAD_GALLDE in pages
    for organ in pub.organ:
        text = pages[addresses.organ(organ.id)].text
        assert f"(../anvisningar/vad-gallde.md?organ={organ.id})" in text, organ.id


def test_an_anvisning_cannot_take_the_pages_address(project):
    draft = project / "docs" / "anvisningar" / "trygghet-i-bromma.md"
    text = draft.read_text(encoding="utf-8").replace("id: trygghet-i-bromma\n", "id: vad-gallde\n")
    draft.unlink()
    (project / "docs" / "anvisningar" / "vad-gallde.md").write_text(text, encoding="utf-8")
    assert "reserverat-id" in {p.code for p in check(project).problems}
