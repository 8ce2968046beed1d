"""WCAG 2.1 AA with axe-core in headless Chromium, on every kind of page, wide and narrow.

The browser, the server and axe (`axe_violations`, with the rule set) are fixtures in
site/conftest.py.
"""

from __future__ import annotations

import pytest

from helpers import REPO

# The latest year of the follow-up in the content, read from the file names alone.
LATEST_YEAR = max(int(p.stem) for p in (REPO / "data" / "uppfoljning").glob("*.yml"))

# One page of each kind: hand-written with macros, the förteckning, an anvisning (öppen
# and skyddad), the generated cross-reference and lifecycle pages, the follow-up's
# overview (status matrix, risk matrices, charts) and a year, the API guide with code.
PAGES = [
    "",
    "anvisningar/",
    "anvisningar/kamerabevakning/",
    "anvisningar/sakerhetsskyddsanalys/",
    "anvisningar/nytt-och-andrat/",
    "anvisningar/vad-gallde/",
    "organ/",
    "organ/bromma-stadsdelsnamnd/",
    "fokusomraden/forebygga-brott/",
    "malomraden/individens-trygghet-och-sakerhet/",
    "begrepp/",
    "uppfoljning/oversikt/",
    f"uppfoljning/{LATEST_YEAR}/",
    "jamstalldhet/",
    "api/",
    "for-redaktorer/",
    "tillganglighet/",
]


@pytest.mark.parametrize("width", [1280, 390], ids=["dator", "mobil"])
def test_pages_have_no_wcag_aa_violations(browser, origin, axe_violations, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    found = []
    for path in PAGES:
        page.goto(f"{origin}/{path}")
        found += [f"/{path}: {violation}" for violation in axe_violations(page)]
    page.close()
    assert found == []
