"""Fixtures for the end-to-end tests of the built site: `site` (the real site, built once
as tests/conftest.py's built_site), the site served on 127.0.0.1 and a headless Chromium
driven through Playwright (test_browser.py, test_accessibility.py, test_uppfoljning.py).
One server and one browser per module; `axe_violations`, axe-core's WCAG 2.1 AA checks on
a page, as those modules run them.

Without Chromium or Playwright the browser tests skip, unless STYRDOK_KRAV_WEBBLASARE=1
(as in CI), where a missing browser is a failure.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import pytest

from helpers import REPO

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # the test skips, or fails where a browser is required
    sync_playwright = None
try:
    from axe_playwright_python.sync_playwright import Axe
except ImportError:  # the test skips (the browser fixture already fails where required)
    Axe = None

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

KRAV = os.environ.get("STYRDOK_KRAV_WEBBLASARE") == "1"
# The rules every page is held to: WCAG 2.1 level A and AA.
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


BROWSER_SETUP = (
    "installera Debians chromium (apt-get install chromium) och "
    "Python-paketet playwright (make .venv/.installed)"
)


def unavailable(reason: str, setup: str = BROWSER_SETUP) -> NoReturn:
    """Skip for `reason`, or fail where CI requires the test (STYRDOK_KRAV_WEBBLASARE=1);
    `setup` says how to install what is missing."""
    if KRAV:
        pytest.fail(
            f"{reason}. STYRDOK_KRAV_WEBBLASARE=1 kräver att webbläsartesterna körs: {setup}.",
            pytrace=False,
        )
    pytest.skip(reason)


# The Nu Html Checker as `make test` installs it (package-lock.json, npm ci).
VNU_JAR = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
NU_SETUP = (
    "kör make test, som installerar Java (tools/systempaket default-jre-headless) "
    "och vnu-jar (npm ci enligt package-lock.json)"
)


@pytest.fixture(scope="session")
def nu_checker() -> list[str]:
    """The command that runs the Nu Html Checker (test_html_validity.py)."""
    java = shutil.which("java")
    if java is None:
        unavailable("Java saknas (inget java i PATH)", NU_SETUP)
    if not VNU_JAR.is_file():
        unavailable(f"Nu Html Checker saknas ({VNU_JAR.relative_to(REPO)})", NU_SETUP)
    return [java, "-jar", str(VNU_JAR)]


def chromium() -> str | None:
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else shutil.which("chromium")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if sync_playwright is None:
        unavailable("Python-paketet playwright saknas")
    executable = chromium()
    if executable is None:
        unavailable("Chromium saknas (ingen /usr/bin/chromium och ingen chromium i PATH)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def site(built_site) -> Path:
    return built_site


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def origin(site: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def axe_violations(browser: Browser) -> Callable[[Page], list[str]]:
    """`axe_violations(page)`: each WCAG 2.1 AA violation axe-core finds on the page as
    it is now, as "rule (impact) [the first targets]". axe-core comes inside the Python
    package axe-playwright-python; nothing is fetched."""
    if Axe is None:
        pytest.skip("Python-paketet axe-playwright-python saknas")
    axe = Axe()

    def violations(page: Page) -> list[str]:
        found = axe.run(page, options=WCAG_AA).response["violations"]
        return [
            f"{v['id']} ({v['impact']}) {[node['target'] for node in v['nodes'][:3]]}"
            for v in found
        ]

    return violations
