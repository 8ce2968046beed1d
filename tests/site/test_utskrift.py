"""The print stylesheet in Chromium's print emulation: no navigation or search, an
anvisning's status and dates and the reference date printed, links to other sites
followed by their address, in-page anchors not."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from styrdok.core.pipeline import check_project
from styrdok.core.project import Project

from helpers import REPO

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.slow

HIDDEN = (
    ".md-header",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-search",
    ".md-footer",
)


@pytest.fixture
def printed(browser: Browser, origin: str) -> Iterator[Page]:
    model = check_project(Project.at(REPO)).model
    anvisning = next(
        a for a in model.anvisningar if a.atkomst == "öppen" and a.status == "gällande"
    )
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    page.goto(f"{origin}/anvisningar/{anvisning.id}/")
    page.emulate_media(media="print")
    yield page
    context.close()


def shown(page: Page, selector: str) -> bool:
    return page.locator(selector).first.evaluate(
        "e => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0"
    )


def test_navigation_and_search_are_not_printed(printed):
    for selector in HIDDEN:
        assert printed.locator(selector).count(), selector
        assert not shown(printed, selector), selector
    assert not shown(printed, ".md-typeset .headerlink")


def test_status_dates_and_reference_date_are_printed(printed):
    facts = printed.locator(".sd-fakta")
    assert shown(printed, ".sd-fakta")
    text = facts.inner_text()
    assert "Status" in text and "Giltig från" in text and "Beslutad" in text
    assert shown(printed, ".sd-referensdatum")
    assert "Uppgifterna gäller per" in printed.locator(".sd-referensdatum").inner_text()


def test_links_to_other_sites_print_their_address(printed):
    after = printed.evaluate(
        """() => {
          const article = document.querySelector('.md-content .md-typeset');
          const out = document.createElement('a');
          out.href = 'https://www.stockholm.se/';
          out.textContent = 'Stockholms stad';
          const inPage = document.createElement('a');
          inPage.href = '#status';
          inPage.textContent = 'status';
          article.append(out, inPage);
          return [getComputedStyle(out, '::after').content,
                  getComputedStyle(inPage, '::after').content];
        }"""
    )
    assert "https://www.stockholm.se/" in after[0]
    assert after[1] in ("none", "normal", "")
