"""The förteckning in a real browser: forteckning.js filters and sorts the built table.

Builds the real site once, serves it on 127.0.0.1 and drives Debian's Chromium through
Playwright (the fixtures are in site/conftest.py). Without Chromium or Playwright the tests
skip, unless STYRDOK_KRAV_WEBBLASARE=1 (as in CI), where a missing browser is a failure.
Expected values come from the page itself or from the model, never from the current
content's titles.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import pytest

from styrdok.core.pipeline import check_project
from styrdok.core.project import Project
from styrdok.views import queries

from helpers import REPO

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture skips, or fails where a browser is required
    expect = None

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TABLE = ".sd-forteckning table"
ROWS = f"{TABLE} tbody tr"
SHOWN = f"{TABLE} tbody tr:not([hidden])"


@pytest.fixture(scope="module")
def url(origin: str) -> str:
    return f"{origin}/anvisningar/"


@pytest.fixture(scope="module")
def in_force() -> int:
    """How many anvisningar the förteckning lists: all but the repealed ones."""
    model = check_project(Project.at(REPO)).model
    return sum(1 for a in model.anvisningar if a.status != "upphävd")


@pytest.fixture(scope="module")
def fokus_counts() -> dict[str, int]:
    """For each fokusområde's name, how many anvisningar in force belong to it."""
    model = check_project(Project.at(REPO)).model
    return {
        f.namn: sum(
            1 for a in model.anvisningar if a.status != "upphävd" and f.id in a.fokusomraden
        )
        for f in model.fokusomraden
    }


@dataclass
class Log:
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@pytest.fixture
def log() -> Log:
    return Log()


@pytest.fixture
def page(browser: Browser, url: str, log: Log) -> Iterator[Page]:
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and log.errors.append(m.text))
    page.on("pageerror", lambda e: log.errors.append(str(e)))
    page.on("request", lambda r: log.requests.append(r.url))
    page.goto(url)
    page.wait_for_selector(".sd-forteckning__filter")
    yield page
    context.close()


# --- Helpers ----------------------------------------------------------------------------


def headers(page: Page) -> list[str]:
    return [t.strip() for t in page.locator(f"{TABLE} thead th").all_text_contents()]


def column(page: Page, name: str, selector: str = SHOWN) -> list[str]:
    """The text of one column in the rows that selector picks, top to bottom."""
    return page.eval_on_selector_all(
        selector,
        "(rows, i) => rows.map(r => r.cells[i].textContent.replace(/\\s+/g, ' ').trim())",
        headers(page).index(name),
    )


def row_texts(page: Page, selector: str = SHOWN) -> list[str]:
    return page.eval_on_selector_all(
        selector, "rows => rows.map(r => r.textContent.replace(/\\s+/g, ' ').trim())"
    )


def fokus_of_rows(page: Page) -> list[list[str]]:
    return page.eval_on_selector_all(
        ROWS,
        "(rows, i) => rows.map(r => [...r.cells[i].querySelectorAll('a')]"
        ".map(a => a.textContent.trim()))",
        headers(page).index("Fokusområden"),
    )


def options(select: Locator) -> list[str]:
    return [o.strip() for o in select.locator("option").all_text_contents()]


def count_text(page: Page) -> Locator:
    return page.locator(".sd-forteckning [role=status]")


def th(page: Page, name: str) -> Locator:
    exact = re.compile(rf"^\s*{re.escape(name)}\s*$")
    return page.locator(f"{TABLE} thead th").filter(has_text=exact)


def sort_button(page: Page, name: str) -> Locator:
    return th(page, name).get_by_role("button")


_SV_LETTERS = "abcdefghijklmnopqrstuvwxyzåäö"


def swedish_key(text: str) -> list[tuple[int, int]]:
    """Swedish alphabetical order, as a reader expects it: å, ä, ö after z; case and other
    accents ignored (é as e, ü as y); spaces and punctuation before digits before letters."""
    key = []
    for ch in text.casefold():
        if ch not in _SV_LETTERS:
            ch = {"æ": "ä", "ø": "ö", "ü": "y"}.get(ch, ch)
        if ch not in _SV_LETTERS:
            ch = unicodedata.normalize("NFD", ch)[0]
        if ch in _SV_LETTERS:
            key.append((3, _SV_LETTERS.index(ch)))
        elif ch.isdigit():
            key.append((2, ord(ch)))
        elif ch.isspace():
            key.append((0, 0))
        else:
            key.append((1, ord(ch)))
    return key


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


# --- Tests ------------------------------------------------------------------------------


def test_swedish_key_puts_a_ring_a_umlaut_and_o_umlaut_after_z():
    words = ["Örn", "ärende", "Zeta", "Åtgärd", "alfa", "Éclair", "Övrigt 2", "Övrigt 10"]
    assert sorted(words, key=swedish_key) == [
        "alfa",
        "Éclair",
        "Zeta",
        "Åtgärd",
        "ärende",
        "Örn",
        "Övrigt 10",
        "Övrigt 2",
    ]


def test_the_table_lists_every_anvisning_in_force_and_the_live_region_counts_them(page, in_force):
    assert page.locator(ROWS).count() == in_force
    assert page.locator(SHOWN).count() == in_force
    status = count_text(page)
    expect(status).to_have_text(f"Visar {in_force} av {in_force} anvisningar")
    expect(status).to_have_attribute("aria-live", "polite")


def test_every_filter_control_has_a_visible_label_and_starts_at_alla(page):
    search = page.get_by_label("Sök i förteckningen", exact=True)
    assert search.get_attribute("type") == "search"
    for name in ("Fokusområde", "Status", "Ansvarig"):
        select = page.get_by_label(name, exact=True)
        assert select.evaluate("e => e.tagName") == "SELECT"
        assert page.locator(f"label[for='{select.get_attribute('id')}']").is_visible()
        values = options(select)
        assert values[0] == "Alla"
        assert select.input_value() == ""
        assert len(values) > 1
        assert len(set(values)) == len(values)
    assert page.get_by_role("button", name="Rensa filter").is_visible()


def test_the_filter_options_are_the_values_in_the_table_in_swedish_order(page):
    for name, header in (("Status", "Status"), ("Ansvarig", "Ansvarig")):
        found = {v for v in column(page, header, ROWS) if v.strip("–")}
        listed = options(page.get_by_label(name, exact=True))[1:]
        assert sorted(listed) == sorted(found)
        assert listed == sorted(listed, key=swedish_key)
    found = {f for fokus in fokus_of_rows(page) for f in fokus}
    assert set(options(page.get_by_label("Fokusområde", exact=True))[1:]) == found


def test_choosing_a_status_hides_all_other_statuses_and_updates_the_count(page, in_force):
    statuses = column(page, "Status", ROWS)
    select = page.get_by_label("Status", exact=True)
    # The rarest status, so that the filter has something to hide.
    chosen = min(options(select)[1:], key=statuses.count)
    select.select_option(label=chosen)
    expected = statuses.count(chosen)
    assert 0 < expected < in_force
    assert column(page, "Status") == [chosen] * expected
    assert page.locator(f"{ROWS}[hidden]").count() == in_force - expected
    expect(count_text(page)).to_have_text(f"Visar {expected} av {in_force} anvisningar")


def test_choosing_a_fokusomrade_shows_only_the_rows_that_link_to_it(page, in_force, fokus_counts):
    select = page.get_by_label("Fokusområde", exact=True)
    for chosen in options(select)[1:]:
        select.select_option(label=chosen)
        shown = page.eval_on_selector_all(
            SHOWN,
            "(rows, i) => rows.map(r => [...r.cells[i].querySelectorAll('a')]"
            ".map(a => a.textContent.trim()))",
            headers(page).index("Fokusområden"),
        )
        assert shown
        assert all(chosen in fokus for fokus in shown)
        assert len(shown) == fokus_counts[chosen]
        expect(count_text(page)).to_have_text(f"Visar {len(shown)} av {in_force} anvisningar")


def test_typing_a_swedish_word_with_a_umlaut_or_o_umlaut_filters_on_the_whole_row(page, in_force):
    rows = row_texts(page)
    words = {w for text in rows for w in re.findall(r"\w+", text) if re.search("[äöå]", w)}
    # A word with ä, ö or å that some rows have and others lack, typed in capitals.
    candidates = [w for w in words if 0 < sum(w.lower() in r.lower() for r in rows) < len(rows)]
    assert candidates, "no word with å, ä or ö tells the rows apart"
    word = max(sorted(candidates), key=len)
    expected = [r for r in rows if word.lower() in r.lower()]
    # Key by key, as a person types: Material's own shortcuts (s, f, /) must stay quiet.
    page.get_by_label("Sök i förteckningen", exact=True).press_sequentially(word.upper())
    expect(count_text(page)).to_have_text(f"Visar {len(expected)} av {in_force} anvisningar")
    assert row_texts(page) == expected
    assert not page.locator("[data-md-toggle=search]").is_checked()


def test_filters_combine_and_no_match_says_so(page, in_force):
    page.get_by_label("Status", exact=True).select_option(index=1)
    page.get_by_label("Sök i förteckningen", exact=True).fill("qzxjvåäö")
    assert page.locator(SHOWN).count() == 0
    expect(page.get_by_text("Inga anvisningar matchar filtret.")).to_be_visible()
    expect(count_text(page)).to_have_text(f"Visar 0 av {in_force} anvisningar")
    page.get_by_role("button", name="Rensa filter").click()
    assert page.locator(SHOWN).count() == in_force
    expect(page.get_by_text("Inga anvisningar matchar filtret.")).to_be_hidden()
    assert page.get_by_label("Status", exact=True).input_value() == ""
    assert page.get_by_label("Sök i förteckningen", exact=True).input_value() == ""
    assert urlsplit(page.url).query == ""


def test_clicking_revideras_senast_sorts_by_date_with_empty_dates_last_then_descending(page):
    before = column(page, "Revideras senast")
    dates = sorted(d for d in before if ISO.match(d))
    empty = [d for d in before if not ISO.match(d)]
    assert dates and empty, "the content needs both dated and undated rows for this test"
    assert all(th(page, n).get_attribute("aria-sort") == "none" for n in headers(page))

    sort_button(page, "Revideras senast").click()
    expect(th(page, "Revideras senast")).to_have_attribute("aria-sort", "ascending")
    assert column(page, "Revideras senast") == dates + empty

    sort_button(page, "Revideras senast").click()
    expect(th(page, "Revideras senast")).to_have_attribute("aria-sort", "descending")
    assert column(page, "Revideras senast") == dates[::-1] + empty
    others = [n for n in headers(page) if n != "Revideras senast"]
    assert all(th(page, n).get_attribute("aria-sort") == "none" for n in others)


def test_sorting_is_stable_for_equal_values(page):
    titles = column(page, "Anvisning")
    statuses = column(page, "Status")
    sort_button(page, "Status").click()
    for status in set(statuses):
        in_order = [t for t, s in zip(titles, statuses, strict=True) if s == status]
        after = column(page, "Anvisning")
        assert [t for t in after if t in in_order] == in_order


def test_clicking_anvisning_sorts_titles_in_swedish_order(page):
    titles = column(page, "Anvisning")
    sort_button(page, "Anvisning").click()
    expect(th(page, "Anvisning")).to_have_attribute("aria-sort", "ascending")
    assert column(page, "Anvisning") == sorted(titles, key=swedish_key)
    sort_button(page, "Anvisning").click()
    expect(th(page, "Anvisning")).to_have_attribute("aria-sort", "descending")
    assert column(page, "Anvisning") == sorted(titles, key=swedish_key, reverse=True)


def test_titles_beginning_with_a_ring_a_umlaut_and_o_umlaut_sort_after_z(page, origin):
    """On a made-up page, since the content need not have such titles."""
    titles = ["Örn", "Zeta", "ärende", "Åtgärd", "Alfa", "Övning", "beta"]
    rows = "".join(
        f"<tr><td><a href='#'>{t}</a></td><td>–</td><td>Gällande</td><td>X</td>"
        "<td>–</td><td>–</td></tr>"
        for t in titles
    )
    body = (
        "<!doctype html><html lang='sv'><meta charset='utf-8'><title>Prov</title>"
        "<div class='sd-forteckning' data-kolumner='text fokus status ansvarig datum datum'>"
        "<table><thead><tr><th>Anvisning</th><th>Fokusområden</th><th>Status</th>"
        "<th>Ansvarig</th><th>Beslutad</th><th>Revideras senast</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></div>"
        "<script src='/javascripts/forteckning.js'></script></html>"
    )
    page.route(
        f"{origin}/prov.html",
        lambda route: route.fulfill(body=body, content_type="text/html; charset=utf-8"),
    )
    page.goto(f"{origin}/prov.html")
    sort_button(page, "Anvisning").click()
    assert column(page, "Anvisning") == [
        "Alfa",
        "beta",
        "Zeta",
        "Åtgärd",
        "ärende",
        "Örn",
        "Övning",
    ]


def test_the_view_is_kept_in_the_url_and_restored_on_reload(page, in_force):
    status = page.get_by_label("Status", exact=True)
    chosen = options(status)[1]
    status.select_option(label=chosen)
    word = column(page, "Anvisning")[0].split()[-1]
    page.get_by_label("Sök i förteckningen", exact=True).fill(word)
    sort_button(page, "Beslutad").click()
    sort_button(page, "Beslutad").click()
    shown = row_texts(page)
    assert shown

    params = query(page)
    assert params["status"] == [chosen]
    assert params["sok"] == [word]
    assert "q" not in params  # Material's own site search reads ?q= and would open
    assert "sortera" in params
    assert "ordning" in params

    page.reload()
    page.wait_for_selector(".sd-forteckning__filter")
    assert page.get_by_label("Status", exact=True).input_value() == chosen
    assert page.get_by_label("Sök i förteckningen", exact=True).input_value() == word
    assert not page.locator("[data-md-toggle=search]").is_checked()
    expect(th(page, "Beslutad")).to_have_attribute("aria-sort", "descending")
    assert row_texts(page) == shown
    expect(count_text(page)).to_have_text(f"Visar {len(shown)} av {in_force} anvisningar")


def test_unknown_values_in_the_url_are_ignored(page, url, log, in_force):
    page.goto(f"{url}?status=Finns+inte&fokus=%C3%85&ansvarig=&sortera=okänd&ordning=x&annat=1")
    page.wait_for_selector(".sd-forteckning__filter")
    assert page.locator(SHOWN).count() == in_force
    assert page.get_by_label("Status", exact=True).input_value() == ""
    assert all(th(page, n).get_attribute("aria-sort") == "none" for n in headers(page))
    assert log.errors == []
    # A change keeps parameters that are not the förteckning's.
    page.get_by_label("Status", exact=True).select_option(index=1)
    assert query(page)["annat"] == ["1"]


def test_without_javascript_all_rows_show_and_there_is_no_filter_form(browser, url, in_force):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(url)
        assert page.locator(ROWS).count() == in_force
        assert page.locator(SHOWN).count() == in_force
        assert all(row.is_visible() for row in page.locator(ROWS).all())
        assert page.locator(".sd-forteckning form").count() == 0
        assert page.locator(".sd-forteckning select, .sd-forteckning input").count() == 0
        assert page.locator(f"{TABLE} th button").count() == 0
    finally:
        context.close()


def test_no_console_errors_and_no_requests_to_other_hosts(page, origin, log):
    page.get_by_label("Fokusområde", exact=True).select_option(index=1)
    page.get_by_label("Sök i förteckningen", exact=True).fill("för")
    sort_button(page, "Revideras senast").click()
    page.get_by_role("button", name="Rensa filter").click()
    # Every other page loads the script too, and it must leave them alone.
    page.goto(f"{origin}/")
    assert page.locator(".sd-forteckning__filter").count() == 0
    page.wait_for_load_state("networkidle")
    assert log.errors == []
    assert log.requests
    foreign = [
        u
        for u in log.requests
        if urlsplit(u).scheme in ("http", "https", "ws", "wss")
        and urlsplit(u).hostname != "127.0.0.1"
    ]
    assert foreign == []


def test_an_organ_page_naming_its_own_feed_loads_without_errors(page, origin, log):
    # Material fetches sitemap.xml beside every rel=alternate address: the organ's feed
    # is at the root (core/addresses.py), so that is the site's own sitemap, not a 404.
    page.goto(f"{origin}/organ/socialnamnden/")
    page.wait_for_load_state("networkidle")
    assert page.locator('link[rel=alternate][href$="andringar-organ-socialnamnden.xml"]').count()
    assert log.errors == []
    sitemaps = {u for u in log.requests if u.endswith("sitemap.xml")}
    assert sitemaps <= {f"{origin}/sitemap.xml"}


def test_the_json_twin_link_makes_the_theme_fetch_no_sitemap_beside_the_api(page, origin, log):
    # The twin is below api/v1/: Material would fetch api/v1/…/sitemap.xml (a 404) for a
    # link whose rel is exactly "alternate" (overrides/README.md, main.html).
    page.goto(f"{origin}/anvisningar/kamerabevakning/")
    page.wait_for_load_state("networkidle")
    twin = page.locator('link[type="application/json"]')
    assert twin.count() == 1 and "alternate" in (twin.get_attribute("rel") or "").split()
    assert page.get_by_role("link", name="Som data (JSON)").get_attribute("href") == (
        twin.get_attribute("href")
    )
    assert log.errors == []
    sitemaps = {u for u in log.requests if u.endswith("sitemap.xml")}
    assert sitemaps <= {f"{origin}/sitemap.xml"}


def test_vad_gallde_answers_from_the_published_data_with_links_to_this_copy(
    browser, origin, repo_publication
):
    """The real site, served here rather than at its site_url: the page answers from its
    tidslinje.json as the core does, and its links lead to this copy of the site."""
    day = date(2020, 1, 1)
    expected = queries.gallde(repo_publication, day)
    context = browser.new_context(locale="sv-SE")
    try:
        page = context.new_page()
        page.goto(f"{origin}/anvisningar/vad-gallde/?datum={day.isoformat()}")
        expect(page.locator(".sd-gallde__svar")).to_contain_text(f"Den {day.isoformat()} gällde")
        items = page.locator(".sd-gallde__gallde li")
        expect(items).to_have_count(len(expected.gallde))
        hrefs = [a.get_attribute("href") for a in items.locator("a").all()]
        assert hrefs and all(h and h.startswith(f"{origin}/anvisningar/") for h in hrefs)
        ids = [re.search(r"\(([a-z0-9-]+)\): version", t).group(1) for t in items.all_inner_texts()]
        assert ids == [g.anvisning.id for g in expected.gallde]
    finally:
        context.close()


def test_going_back_to_a_page_does_not_reopen_the_drawer_or_the_search(browser, origin):
    """The theme's toggles have no autocomplete="off" (invalid on a checkbox;
    adapters/theme_markup.py), so the browser restores their state on going back:
    paneler.js closes them again, as the attribute did, and Material's state follows."""
    context = browser.new_context(locale="sv-SE", viewport={"width": 390, "height": 800})
    try:
        page = context.new_page()
        page.goto(f"{origin}/begrepp/")
        assert page.get_attribute("#__drawer", "autocomplete") is None
        page.click("label.md-header__button[for=__drawer]")
        assert page.eval_on_selector("#__drawer", "e => e.checked")
        # Left as a reader leaves it: from the open drawer, to another page.
        page.evaluate("location.href = '../beslutet/'")
        page.wait_for_url("**/beslutet/")
        page.go_back()
        page.wait_for_url("**/begrepp/")
        page.wait_for_load_state("load")
        expect(page.locator("#__drawer")).not_to_be_checked()
        expect(page.locator("#__search")).not_to_be_checked()
        # The reader can still open it: Material's own state followed the click.
        page.click("label.md-header__button[for=__drawer]")
        expect(page.locator("#__drawer")).to_be_checked()
        expect(page.locator(".md-sidebar--primary")).to_be_visible()
    finally:
        context.close()
