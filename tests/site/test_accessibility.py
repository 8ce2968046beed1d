"""WCAG 2.1 AA with axe-core in headless Chromium, on every kind of page of both builds,
in four conditions: wide (1280 px), narrow (390 px), forced colours (Windows' contrast
themes) and 200 % zoom; and reflow (WCAG 1.4.10) at 200 % and at 320 CSS px.

200 % zoom is what a browser does at 200 % in a 1280 px window: the CSS viewport
halves to 640 px, each CSS pixel drawn with two device pixels (device_scale_factor 2),
and the page's media queries see 640 px. That is the same layout as the zoomed window,
not an enlarged screenshot of the 1280 px one. 320 CSS px is WCAG 1.4.10's own width
(1280 px at 400 %).

The browser, the servers (`hosted`, `hosted_publik`: each build at the path of site_url)
and axe (`axe_violations`, with the rule set) are fixtures in site/conftest.py. One page
per build and condition visits every address, so the run stays short.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from helpers import REPO

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

# The latest year of the follow-up in the content, read from the file names alone.
LATEST_YEAR = max(int(p.stem) for p in (REPO / "data" / "uppfoljning").glob("*.yml"))
# An address below the site that names no file: the host answers with the 404 page.
MISSING = "finns/inte/alls/"

# One page of each kind: hand-written with macros and without, the förteckning, an anvisning and its
# kept version and the changes to it, the generated cross-reference and lifecycle pages,
# the organ pages, the follow-up's overview (status matrix, risk matrices, charts) and a
# year, the API guide with code, the editor guide, the 404 page.
PAGES = [
    "",
    "bakgrund-och-syfte/",
    "anvisningar/",
    "anvisningar/kamerabevakning/",
    "anvisningar/samverkansoverenskommelser-med-polisen/",
    "anvisningar/nytt-och-andrat/",
    "anvisningar/vad-gallde/",
    "anvisningar/ska-revideras/",
    "anvisningar/upphavda/",
    "organ/",
    "organ/samtliga/",
    "organ/bromma-stadsdelsnamnd/",
    "fokusomraden/",
    "fokusomraden/forebygga-brott/",
    "malomraden/individens-trygghet-och-sakerhet/",
    "begrepp/",
    "uppfoljning/oversikt/",
    f"uppfoljning/{LATEST_YEAR}/",
    "jamstalldhet/",
    "api/",
    "for-redaktorer/",
    "tillganglighet/",
    "hela-programmet/",
    MISSING,
]
# Only on the intranet: a skyddad anvisning (metadata only) and an intern upphävd one.
INTRANET_PAGES = [
    "anvisningar/sakerhetsskyddsanalys/",
    "anvisningar/hot-och-vald-i-arbetsmiljon/",
]


@dataclass(frozen=True)
class Condition:
    width: int
    height: int
    scale: float = 1
    # Also checked with forced colours switched on, on the page as loaded: what the
    # browser does when a reader turns on a contrast theme (no reload needed).
    forced_colors_too: bool = False
    # WCAG 1.4.10 as well: nothing but a table or code block scrolls sideways.
    reflow: bool = False


# Forced colours are checked at 1280 px, on the same load as the wide check.
CONDITIONS = {
    "dator-och-tvingade-farger": Condition(1280, 900, forced_colors_too=True),
    "mobil": Condition(390, 844, scale=3),
    "zoom-200": Condition(640, 450, scale=2, reflow=True),
}
# 320 CSS px (1280 px at 400 %): reflow alone, as WCAG 1.4.10 asks at that width.
REFLOW_320 = Condition(320, 256, scale=4)

# What sticks out to the right of the viewport, outside any box that scrolls or clips it
# (a wide table or code block scrolls in its own box, which WCAG 1.4.10 allows); and a
# table's caption wider than the box its table scrolls in: it is text, to be read
# without scrolling sideways.
OVERFLOW = """() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  const box = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== "visible") return p;
    }
    return null;
  };
  const name = (el) => el.tagName.toLowerCase()
    + (el.className ? "." + String(el.className).trim().split(/\\s+/).join(".") : "");
  const found = [];
  if (root.scrollWidth > width) {
    found.push(`${root.scrollWidth} px bred i ${width} px`);
    found.push(...[...document.body.querySelectorAll("*")]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !box(el))
      .slice(0, 3).map(name));
  }
  for (const caption of document.querySelectorAll("caption")) {
    const around = box(caption);
    const right = caption.getBoundingClientRect().right;
    if (around && right > around.getBoundingClientRect().right + 1) {
      found.push(`rubriken "${caption.textContent.trim().slice(0, 40)}" rullar med tabellen`);
    }
  }
  return found;
}"""


@dataclass(frozen=True)
class Build:
    site: Path
    home: str  # the site's address as served, ending in "/"
    paths: list[str]


@pytest.fixture(scope="module", params=["intranät", "publik"])
def build(request: pytest.FixtureRequest) -> Build:
    if request.param == "intranät":
        site = request.getfixturevalue("site")
        home = request.getfixturevalue("hosted")
        extra = INTRANET_PAGES
    else:
        site = request.getfixturevalue("built_publik_site")
        home = request.getfixturevalue("hosted_publik")
        extra = []
    return Build(site, home, [*PAGES, *extra, *versions(site)])


def versions(site: Path) -> list[str]:
    """A kept earlier version of an anvisning and the page of changes to a version, as
    the build has them (which anvisning has them is the content's business)."""
    found = []
    for pattern in ("anvisningar/*/version-*/index.html", "anvisningar/*/version-*/*/index.html"):
        pages = sorted(site.glob(pattern))
        assert pages, f"the build has no page {pattern}"
        found.append(pages[0].parent.relative_to(site).as_posix() + "/")
    return found


def exists(site: Path, path: str) -> bool:
    return (site / path / "index.html").is_file()


def open_page(browser: Browser, condition: Condition) -> Page:
    context = browser.new_context(
        viewport={"width": condition.width, "height": condition.height},
        device_scale_factor=condition.scale,
    )
    return context.new_page()


@pytest.fixture
def tab(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    page = open_page(browser, request.param)
    yield page
    page.context.close()


def visit(page: Page, home: str, path: str) -> list[str]:
    """Loads the page; what is wrong with the answer, if anything."""
    response = page.goto(f"{home}{path}")
    want = 404 if path == MISSING else 200
    if response is None or response.status != want:
        return [f"/{path}: status {response and response.status}, väntat {want}"]
    return []


def overflow(page: Page, path: str) -> list[str]:
    sticking_out = page.evaluate(OVERFLOW)
    return [f"/{path}: {', '.join(sticking_out)}"] if sticking_out else []


def problems(page: Page, condition: Condition, path: str, axe_violations) -> list[str]:
    """Everything wrong with the loaded page in this condition."""
    found = [f"/{path}: {violation}" for violation in axe_violations(page)]
    if condition.forced_colors_too:
        page.emulate_media(forced_colors="active")
        found += [f"/{path} (tvingade färger): {v}" for v in axe_violations(page)]
        page.emulate_media(forced_colors="none")
    if condition.reflow:
        found += overflow(page, path)
    return found


def params(conditions: dict[str, Condition]):
    return pytest.mark.parametrize(
        "tab, condition",
        [pytest.param(c, c, id=name) for name, c in conditions.items()],
        indirect=["tab"],
    )


@params(CONDITIONS)
def test_pages_have_no_wcag_aa_violations(tab, condition, build, axe_violations):
    found = []
    for path in build.paths:
        if path != MISSING and not exists(build.site, path):
            found.append(f"/{path}: finns inte i bygget")
            continue
        found += visit(tab, build.home, path)
        found += problems(tab, condition, path, axe_violations)
    assert not found, "\n".join(found)


@params({"320-px": REFLOW_320})
def test_no_page_scrolls_sideways_at_320_css_px(tab, condition, build):
    found = []
    for path in build.paths:
        found += visit(tab, build.home, path) + overflow(tab, path)
    assert not found, "\n".join(found)
