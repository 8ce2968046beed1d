"""The real site as a reader meets the programme in time: the notice on every page that
presents tsp-2018-2021 (replaced, its period over), none on the anvisningar, and the
reference date on every page, printed with it. The stale-page sentence in a browser.

The notice's wording does not depend on the build day: tsp-2018-2021 is utgått in the
data, so it is "Programmet har ersatts" on any day.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from helpers.html import read_html

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture skips, or fails where a browser is required
    expect = None

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Route

NOTICE = re.compile(
    r'<div class="admonition danger">\s*<p class="admonition-title">Programmet har ersatts</p>'
    r"\s*<p>(.*?)</p>",
    re.S,
)
# The hand-written pages of the programme, as MkDocs writes them.
PROGRAMME_PAGES = [
    "bakgrund-och-syfte/index.html",
    "beslutet/index.html",
    "roller-och-ansvar/index.html",
    "uppfoljning/index.html",
    "krishantering/index.html",
    "jamstalldhet/index.html",
    "malomraden/index.html",
    "fokusomraden/index.html",
]


def notices(site: Path, page: str) -> list[str]:
    return NOTICE.findall((site / page).read_text(encoding="utf-8"))


def pages(site: Path, folder: str) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in (site / folder).rglob("index.html"))


def test_every_programme_page_says_the_programme_was_replaced_and_by_what(built_site):
    generated = pages(built_site, "malomraden") + pages(built_site, "fokusomraden")
    assert len(generated) > 2
    for page in [*PROGRAMME_PAGES, *generated]:
        found = notices(built_site, page)
        assert len(found) == 1, page
        (notice,) = found
        assert "Programperioden 2018–2021 har löpt ut" in notice, page
        assert "Säkerhetsprogram 2020–2023 (beslutat av kommunfullmäktige;" in notice, page
        assert "Trygghetsprogram 2020–2023 (beslutat av kommunfullmäktige 2021-04-12;" in notice
        assert "programperioden 2020–2023 har löpt ut" in notice


def test_the_notice_is_under_the_title(built_site):
    html = (built_site / "roller-och-ansvar/index.html").read_text(encoding="utf-8")
    assert html.index("</h1>") < html.index("Programmet har ersatts") < html.index("<h2")


def test_the_start_page_box_no_longer_says_the_programme_applies(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert len(NOTICE.findall(html)) == 1
    assert 'admonition-title">Programmet gäller' not in html
    assert "gällande trygghets- och säkerhetsprogram" not in html
    # The first thing under the title.
    assert html.index("</h1>") < html.index("Programmet har ersatts") < html.index("<p>Trygghets")


def test_organ_pages_with_tasks_from_the_programme_carry_the_notice(built_site):
    assert notices(built_site, "organ/bromma-stadsdelsnamnd/index.html")
    assert notices(built_site, "organ/kommunstyrelsen/index.html")


def test_anvisningar_and_other_pages_carry_no_programme_notice(built_site):
    anvisningar = pages(built_site, "anvisningar")
    assert len(anvisningar) > 10
    for page in [*anvisningar, "begrepp/index.html", "api/index.html"]:
        assert notices(built_site, page) == [], page


def test_every_page_says_for_which_day_it_tells_what_applies(built_site):
    program = json.loads((built_site / "api/v1/program.json").read_text(encoding="utf-8"))
    day = program["referensdatum"]
    date.fromisoformat(day)
    html_pages = sorted(built_site.rglob("*.html"))
    assert len(html_pages) > 50
    for path in html_pages:
        if path.name == "404.html":
            continue  # the theme's error page shows no data
        page = read_html(path)
        (line,) = page.find("p", cls="sd-referensdatum")
        # Inside the article: printed with the content (Material's print style drops the
        # header, navigation and footer).
        assert line.in_article, path
        (time,) = page.find("time")
        assert time.attributes["datetime"] == day, path
        assert f'Uppgifterna gäller per <time datetime="{day}">{day}</time>.' in (
            path.read_text(encoding="utf-8")
        )


def test_the_page_tells_a_reader_after_the_next_change_that_it_may_be_stale(
    browser: Browser, origin: str
):
    if expect is None:
        pytest.skip("Python-paketet playwright saknas")
    # The real data has no change dated after today; the page is given two, one passed
    # and one to come, as the plugin writes them.
    added = (
        '<span class="sd-inaktuell" id="passerad" data-nasta-andring="2000-01-01" hidden>'
        "Sidan byggdes.</span>"
        '<span class="sd-inaktuell" id="kommande" data-nasta-andring="2999-01-01" hidden>'
        "Sidan byggdes.</span>"
    )

    def with_dates(route: Route) -> None:
        response = route.fetch()
        body = response.text().replace(
            '<p class="sd-referensdatum">', f'<p class="sd-referensdatum">{added}', 1
        )
        route.fulfill(response=response, body=body)

    context = browser.new_context(locale="sv-SE")
    try:
        page = context.new_page()
        page.route(f"{origin}/", with_dates)
        page.goto(f"{origin}/")
        expect(page.locator("#passerad")).to_be_visible()
        expect(page.locator("#kommande")).to_be_hidden()
    finally:
        context.close()
