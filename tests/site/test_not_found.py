"""The 404 page (overrides/404.html) as a reader meets it: served by a host, as the real
one is configured, for an address deep below the site that names no file; in Swedish,
with a search that works from the keyboard and links that lead on from any depth.

Both builds are served at the path of site_url (`hosted`, `hosted_publik` in
site/conftest.py): the page links from that path, so a relative link would break here.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from helpers.html import read_html

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture skips, or fails where a browser is required
    expect = None

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

MISSING = "finns/inte/alls/"
# The ways on, by their link text, and where each must lead below the site's path.
WAYS_ON = {"Anvisningar": "anvisningar/", "Vad gäller för oss?": "organ/", "Startsidan": ""}


@pytest.fixture(scope="module", params=["intranät", "publik"])
def home(request: pytest.FixtureRequest) -> str:
    """The site's address as served, for each build."""
    return request.getfixturevalue("hosted" if request.param == "intranät" else "hosted_publik")


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    yield page
    page.close()


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_host_answers_a_missing_address_with_the_404_page_and_status_404(hosted):
    assert status(hosted) == 200
    assert status(f"{hosted}anvisningar/") == 200
    for missing in (MISSING, "anvisningar/finns-inte/", "finns-inte.html"):
        assert status(f"{hosted}{missing}") == 404, missing
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(f"{hosted}{MISSING}")
    assert "<h1>Sidan finns inte</h1>" in answer.value.read().decode("utf-8")


def test_the_404_page_is_swedish_and_offers_search_and_ways_on(page, home):
    response = page.goto(f"{home}{MISSING}")
    assert response is not None and response.status == 404
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.title().startswith("Sidan finns inte - ")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sidan finns inte")
    # The field is the page's own, named by its label, not the header's.
    search = page.locator("article").get_by_role("searchbox", name="Sök på webbplatsen")
    expect(search).to_be_visible()
    # The theme's stylesheet loaded from the site's path, even this deep.
    assert page.evaluate(
        "[...document.styleSheets].some(s => (s.href || '').includes('/assets/stylesheets/'))"
    )


@pytest.mark.parametrize("text", WAYS_ON)
def test_each_way_on_leads_to_its_page_from_a_deep_missing_address(page, home, text):
    page.goto(f"{home}{MISSING}")
    link = page.locator("article").get_by_role("link", name=text, exact=True)
    with page.expect_navigation() as navigation:
        link.click()
    response = navigation.value
    assert response is not None and response.status == 200, response and response.url
    assert page.url.rstrip(".") == f"{home}{WAYS_ON[text]}"


def test_searching_from_the_404_page_by_keyboard_shows_results(page, home):
    page.goto(f"{home}{MISSING}")
    # From the text above it, Tab reaches the field: it is in the keyboard's order.
    page.locator("article p").first.click()
    page.keyboard.press("Tab")
    field = page.locator("article").get_by_role("searchbox", name="Sök på webbplatsen")
    expect(field).to_be_focused()
    page.keyboard.type("kamerabevakning")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{home}?q=kamerabevakning")
    # Material's search opens with the words and lists the anvisning.
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=10_000)
    expect(page.locator(".md-search-result")).to_contain_text("Kamerabevakning")
    header = page.locator(".md-search__input")
    expect(header).to_have_value("kamerabevakning")
    expect(header).to_be_focused()


def test_the_404_page_is_not_indexed_and_names_its_one_document(built_site, site_url):
    parsed = read_html(built_site / "404.html")
    (robots,) = [t for t in parsed.find("meta") if t.attributes.get("name") == "robots"]
    assert robots.attributes["content"] == "noindex"
    canonical = [link.url for link in parsed.links if link.rel == "canonical"]
    assert canonical == [f"{site_url}404.html"]
