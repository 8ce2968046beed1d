"""Swedish search end to end: every query of tests/data/sokfragor.yml typed into
Material's search box on the real intranet site in Chromium, and the first result's page
read from the results list. Material's own worker, lunr.sv, our wrapper
(overrides/assets/javascripts/lunr/min/lunr.sv.min.js) and search/lemman.json all take
part, as they do for a reader."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
import yaml

from helpers import REPO

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

QUERIES = yaml.safe_load((REPO / "tests" / "data" / "sokfragor.yml").read_text(encoding="utf-8"))
BOX = "input.md-search__input"
META = ".md-search-result__meta"
FIRST = ".md-search-result__list > li.md-search-result__item > a.md-search-result__link"


@pytest.fixture(scope="module")
def page(browser: Browser) -> Iterator[Page]:
    page = browser.new_page()
    yield page
    page.close()


def first_hit(page: Page, origin: str, query: str) -> str | None:
    """Open the start page, type `query` into the search box as a reader does (one
    input event) and return the first result's page below the site's root, or None."""
    for _ in range(3):  # a page whose worker was still building its index answers nothing
        page.goto(f"{origin}/")
        page.keyboard.press("s")  # Material's shortcut: focus the search box
        page.wait_for_selector(f"{BOX}:focus")
        page.fill(BOX, query)
        # The count is shown before the list is drawn: read until the answer has stayed
        # the same for half a second.
        seen, stable = ["", ""], 0
        # Up to 30 s: on a loaded two-core machine the worker may take that long to build
        # the index (it does so on every page load); an answer ends the wait at once.
        for _ in range(300):
            page.wait_for_timeout(100)
            now = page.evaluate(
                """([meta, first]) => [document.querySelector(meta)?.textContent ?? '',
                    document.querySelector(first)?.href ?? '']""",
                [META, FIRST],
            )
            stable = stable + 1 if now == seen else 0
            seen = now
            # Only an answer with a hit ends the wait early: "Inga sökresultat" can be
            # what a worker still reading its index says first, on a loaded machine.
            if "sökresultat" in now[0] and now[1] and stable >= 5:
                break
        if seen[1]:
            return urlsplit(seen[1]).path.removeprefix("/")
    return None


def hits(page: Page) -> list[str]:
    return [
        urlsplit(h).path.removeprefix("/")
        for h in page.eval_on_selector_all(FIRST, "els => els.map(e => e.href)")
    ]


def test_the_list_has_at_least_30_queries_each_with_an_expected_first_hit() -> None:
    assert len(QUERIES) >= 30
    assert all(set(q) == {"fraga", "forsta"} for q in QUERIES)
    assert len({q["fraga"] for q in QUERIES}) == len(QUERIES)


@pytest.mark.slow
def test_each_query_finds_its_expected_first_hit(page: Page, origin: str) -> None:
    wrong = {}
    for q in QUERIES:
        found = first_hit(page, origin, q["fraga"])
        if found != q["forsta"]:
            wrong[q["fraga"]] = (found, q["forsta"])
    assert not wrong, "first hit (found, expected): " + repr(wrong)


@pytest.mark.slow
def test_an_upphavd_anvisning_ranks_below_the_gallande_one_for_the_same_words(
    page: Page, origin: str
) -> None:
    first_hit(page, origin, "hot och våld")
    found = hits(page)
    gallande = found.index("anvisningar/hot-och-vald-mot-anstallda/")
    assert gallande < found.index("anvisningar/hot-och-vald-i-arbetsmiljon/")
