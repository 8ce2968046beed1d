"""Fixtures for the end-to-end tests of the built site: `site` (the real site, built once
as tests/conftest.py's built_site), the site served on 127.0.0.1 and a headless Chromium
driven through Playwright (test_browser.py, test_accessibility.py, test_uppfoljning.py).
One server and one browser per module. `origin` serves the site at the server's root;
`hosted` and `hosted_publik` serve the intranet and the public build at the path of
site_url, as the real host does, which the 404 page (written from that path) needs;
 `axe_violations`, axe-core's WCAG 2.1 AA checks on
a page, as those modules run them.

Without Chromium or Playwright the browser tests skip, unless STYRDOK_KRAV_WEBBLASARE=1
(as in CI), where a missing browser is a failure.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, NoReturn
from urllib.parse import urlsplit

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
# The rules every page is held to: WCAG 2.1 level A and AA. Only violations are read, so
# axe lists one node for each rule that passes instead of every one (much faster).
WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
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


class StaticHost(SimpleHTTPRequestHandler):
    """What a static web host is configured to do with a built site: the tree is served at
    the path of site_url (`base`), a folder by its index.html, and any other address below
    that path gets the site's 404.html with status 404 (no folder listings)."""

    base = "/"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_head(self) -> BinaryIO | None:
        path = urlsplit(self.path).path
        if not path.startswith(self.base):
            self.send_error(HTTPStatus.NOT_FOUND)
            return None
        local = Path(self.translate_path("/" + path[len(self.base) :]))
        if local.is_dir() and (local / "index.html").is_file():
            if not path.endswith("/"):
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            local = local / "index.html"
        if not local.is_file():
            return self.not_found()
        self.path = "/" + path[len(self.base) :]  # what the parent class translates
        return super().send_head()

    def not_found(self) -> BinaryIO:
        page = Path(self.directory) / "404.html"
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(page.stat().st_size))
        self.end_headers()
        return page.open("rb")


@contextlib.contextmanager
def serving(site: Path, base: str = "/") -> Iterator[str]:
    """The built `site` served on 127.0.0.1 at the path `base`; yields the server's
    origin (scheme, host and port, no path)."""
    host = type("Host", (StaticHost,), {"base": base})
    handler = functools.partial(host, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def origin(site: Path) -> Iterator[str]:
    """The intranet build served at the server's root: `f"{origin}/anvisningar/"`."""
    with serving(site) as served:
        yield served


@pytest.fixture(scope="module")
def site_path(site_url: str) -> str:
    """The path of site_url, where the real host serves the site ("/…/")."""
    return urlsplit(site_url).path


@pytest.fixture(scope="module")
def hosted(site: Path, site_path: str) -> Iterator[str]:
    """The intranet build served at the path of site_url: the site's own address, ending
    in "/", as `f"{hosted}anvisningar/"`."""
    with serving(site, site_path) as served:
        yield served + site_path


@pytest.fixture(scope="module")
def hosted_publik(built_publik_site: Path, site_path: str) -> Iterator[str]:
    """The public build served like `hosted`."""
    with serving(built_publik_site, site_path) as served:
        yield served + site_path


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
