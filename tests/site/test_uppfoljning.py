"""The yearly follow-up in the real site (built once, as tests/conftest.py's built_site):
the overview with its status matrix, risk matrices and charts, the organ pages'
"Risk- och lägesbild", the indicators on the gender page; in the browser, the charts
as a reader and a screen reader meet them and the status matrix's filter by type.

Expected values come from the publication (what the intranet publishes), never from
the current content's names or numbers. Access levels across both audiences are in
test_access.py, axe on the overview and a year page in test_accessibility.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import pytest

from styrdok.core import addresses
from styrdok.core.model import ORGANTYPER

from helpers.html import Page, read_html

if TYPE_CHECKING:
    from playwright.sync_api import Browser
    from playwright.sync_api import Page as BrowserPage

MATRIX = ".sd-forteckning table"
ROWS = f"{MATRIX} tbody tr"
SHOWN = f"{ROWS}:not([hidden])"
TYP = "Typ av organ"
STADSDELSNAMNDER = ORGANTYPER["stadsdelsnämnd"]
OVERSIKT_URL = PurePosixPath(addresses.UPPFOLJNING_OVERSIKT).with_suffix("").as_posix() + "/"


def page_of(site: Path, sida: str) -> Path:
    """The built file of a page below docs/ ("uppfoljning/oversikt.md")."""
    return site / PurePosixPath(sida).with_suffix("") / "index.html"


def chart_images(page: Page) -> list[str]:
    """The src of every <img> in the article that shows an SVG file."""
    return [
        t.attributes["src"]
        for t in page.find("img")
        if t.in_article and t.attributes.get("src", "").endswith(".svg")
    ]


@pytest.fixture(scope="module")
def reporting_bodies(repo_publication) -> list[str]:
    """The ids of the bodies the status matrix has a row for: every one that applies the
    programme, and any other with a report."""
    reported = {r.organ for year in repo_publication.uppfoljning for r in year.rapporter}
    return [o.id for o in repo_publication.organ if o.tillampar_programmet or o.id in reported]


@pytest.fixture(scope="module")
def oversikt(built_site) -> Page:
    return read_html(page_of(built_site, addresses.UPPFOLJNING_OVERSIKT))


# The built pages -----------------------------------------------------------------------


def test_overview_has_the_status_matrix_a_risk_matrix_and_one_chart_per_indicator(
    oversikt, repo_publication
):
    matrix = oversikt.find("div", cls="sd-forteckning")
    assert len(matrix) == 1
    assert "organtyp" in matrix[0].attributes["data-kolumner"].split()
    assert oversikt.find("table", cls="sd-riskmatris")
    visible = {i.id for i in repo_publication.indikatorer}
    assert visible, "the content has indicators"
    charts = chart_images(oversikt)
    assert len(charts) == len(visible)
    assert {PurePosixPath(src).stem for src in charts} == visible
    headings = {text for tag, text in oversikt.headings if tag == "h3"}
    assert {i.namn for i in repo_publication.indikatorer} <= headings


def test_every_chart_an_img_shows_exists_and_every_svg_img_on_the_site_has_an_alt(built_site):
    without_alt, missing = [], []
    for path in built_site.rglob("*.html"):
        for tag in read_html(path).find("img"):
            src = tag.attributes.get("src", "")
            if not src.split("#")[0].endswith(".svg"):
                continue
            name = path.relative_to(built_site).as_posix()
            if not tag.attributes.get("alt", "").strip():
                without_alt.append(f"{name}: {src}")
            if not src.startswith(("http:", "https:", "/")) and not (path.parent / src).is_file():
                missing.append(f"{name}: {src}")
    assert without_alt == []
    assert missing == []


def test_every_organ_page_shows_how_the_body_reports(built_site, repo_publication):
    without = [
        o.id
        for o in repo_publication.organ
        if ("h2", "Risk- och lägesbild")
        not in read_html(page_of(built_site, addresses.organ(o.id))).headings
    ]
    assert without == []


def test_a_body_that_does_not_apply_the_programme_says_so(built_site, repo_publication):
    others = [o for o in repo_publication.organ if not o.tillampar_programmet]
    assert others, "the content has bodies that do not report (kommunfullmäktige, offices)"
    for organ in others:
        text = page_of(built_site, addresses.organ(organ.id)).read_text(encoding="utf-8")
        assert "lämnar ingen egen risk- och lägesbild" in text, organ.id


def test_gender_page_shows_each_split_indicator_with_its_chart_and_no_other(
    built_site, repo_publication
):
    page = read_html(built_site / "jamstalldhet" / "index.html")
    split = {i.id for i in repo_publication.indikatorer if i.uppdelad}
    assert split and split < {i.id for i in repo_publication.indikatorer}
    assert {PurePosixPath(src).stem for src in chart_images(page)} == split
    assert {i.id for i in repo_publication.indikatorer} & page.ids == split
    assert {i.namn for i in repo_publication.indikatorer if i.uppdelad} <= {
        text for _, text in page.headings
    }


# The charts in the browser -------------------------------------------------------------

# The chart's root as a screen reader meets it: its role, and what aria-labelledby names.
ROOT_JS = """() => {
    const svg = document.documentElement;
    const named = (svg.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
    return {
        tag: svg.localName,
        role: svg.getAttribute('role'),
        labelledby: named.map(id => {
            const el = document.getElementById(id);
            return el && [el.localName, el.parentNode === svg, el.textContent.trim()];
        }),
    };
}"""


@pytest.fixture
def tab(browser: Browser) -> Iterator[BrowserPage]:
    context = browser.new_context(locale="sv-SE")
    yield context.new_page()
    context.close()


def test_each_chart_opened_on_its_own_is_a_named_image_without_axe_violations(
    tab, origin, axe_violations, repo_publication
):
    found = {}
    for indikator in repo_publication.indikatorer:
        response = tab.goto(f"{origin}/{addresses.diagram(indikator.id)}")
        assert response is not None and response.ok, indikator.id
        root = tab.evaluate(ROOT_JS)
        assert root["tag"] == "svg" and root["role"] == "img", indikator.id
        kinds = [entry and entry[:2] for entry in root["labelledby"]]
        assert kinds == [["title", True], ["desc", True]], indikator.id
        assert all(entry[2] for entry in root["labelledby"]), indikator.id
        assert root["labelledby"][0][2] == indikator.namn
        found[indikator.id] = axe_violations(tab)
    assert found == {i: [] for i in found}


def test_axe_checks_an_svg_document_so_a_chart_without_a_name_fails(tab, origin, axe_violations):
    # The control of the test above: axe runs on an SVG opened on its own, not only on
    # HTML, and finds an image without a name there.
    unnamed = '<svg xmlns="http://www.w3.org/2000/svg" role="img" width="10" height="10"/>'
    tab.route(
        f"{origin}/utan-namn.svg",
        lambda route: route.fulfill(body=unnamed, content_type="image/svg+xml"),
    )
    tab.goto(f"{origin}/utan-namn.svg")
    assert tab.evaluate("document.documentElement.localName") == "svg"
    assert [v for v in axe_violations(tab) if v.startswith("svg-img-alt ")]


# The status matrix's filter ------------------------------------------------------------


def types_of_rows(tab: BrowserPage, selector: str) -> list[str]:
    column = tab.locator(f"{MATRIX} thead th").all_text_contents()
    index = [c.strip() for c in column].index(TYP)
    return tab.eval_on_selector_all(
        selector, "(rows, i) => rows.map(r => r.cells[i].textContent.trim())", index
    )


def test_choosing_stadsdelsnamnder_shows_only_them(tab, origin, repo_publication, reporting_bodies):
    tab.goto(f"{origin}/{OVERSIKT_URL}")
    tab.wait_for_selector(".sd-forteckning__filter")
    assert tab.locator(SHOWN).count() == len(reporting_bodies)
    typ = {o.id: o.typ for o in repo_publication.organ}
    expected = sum(1 for o in reporting_bodies if typ[o] == "stadsdelsnämnd")
    assert 0 < expected < len(reporting_bodies)

    tab.get_by_label(TYP, exact=True).select_option(STADSDELSNAMNDER)
    assert types_of_rows(tab, SHOWN) == [STADSDELSNAMNDER] * expected
    assert all(row.is_visible() for row in tab.locator(SHOWN).all())
    hidden = tab.locator(f"{ROWS}[hidden]")
    assert hidden.count() == len(reporting_bodies) - expected
    assert STADSDELSNAMNDER not in types_of_rows(tab, f"{ROWS}[hidden]")
    assert not any(row.is_visible() for row in hidden.all())
    status = tab.locator(".sd-forteckning [role=status]").text_content() or ""
    assert re.search(rf"\b{expected} av {len(reporting_bodies)} organ\b", status), status


def test_without_javascript_the_status_matrix_lists_every_reporting_body(
    browser, origin, reporting_bodies
):
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(f"{origin}/{OVERSIKT_URL}")
        assert tab.locator(ROWS).count() == len(reporting_bodies)
        assert all(row.is_visible() for row in tab.locator(ROWS).all())
        assert tab.locator(".sd-forteckning select").count() == 0
        links = tab.eval_on_selector_all(
            f"{ROWS} td:first-child a", "links => links.map(a => a.getAttribute('href'))"
        )
        assert sorted(PurePosixPath(h).name for h in links) == sorted(reporting_bodies)
    finally:
        context.close()
