"""WCAG 2.1 AA with axe-core in headless Chromium, on every kind of page, wide and narrow.

axe-core comes inside the Python package axe-playwright-python; nothing is fetched. The
browser and the server are fixtures in site/conftest.py.
"""

from __future__ import annotations

import pytest

try:
    from axe_playwright_python.sync_playwright import Axe
except ImportError:  # the browser fixture already skips, or fails where it is required
    Axe = None

# One page of each kind: hand-written with macros, the förteckning, an anvisning (öppen
# and skyddad), the generated cross-reference and lifecycle pages, the API guide with code.
PAGES = [
    "",
    "anvisningar/",
    "anvisningar/kamerabevakning/",
    "anvisningar/sakerhetsskyddsanalys/",
    "anvisningar/nytt-och-andrat/",
    "organ/",
    "organ/bromma-stadsdelsnamnd/",
    "fokusomraden/forebygga-brott/",
    "malomraden/individens-trygghet-och-sakerhet/",
    "begrepp/",
    "api/",
    "for-redaktorer/",
]
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture(scope="module")
def axe():
    if Axe is None:
        pytest.skip("Python-paketet axe-playwright-python saknas")
    return Axe()


@pytest.mark.parametrize("width", [1280, 390], ids=["dator", "mobil"])
def test_pages_have_no_wcag_aa_violations(browser, origin, axe, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    found = []
    for path in PAGES:
        page.goto(f"{origin}/{path}")
        for violation in axe.run(page, options=WCAG_AA).response["violations"]:
            targets = [node["target"] for node in violation["nodes"][:3]]
            found.append(f"/{path}: {violation['id']} ({violation['impact']}) {targets}")
    page.close()
    assert found == []
