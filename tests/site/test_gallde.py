""" "Vad gällde den …?" end to end: an anvisning at version 3 (versions 1 and 2 kept, then
repealed) in a build of the small project, and for a day in each interval, before the
first and after the repeal, the same version from the page in Chromium, from
`styrdok gallde` and from the build's tidslinje.json. One build, served here (its
address is its site_url); the browser is site/conftest.py's. The build turns on Material's
instant navigation, so the page is also tested when reached without a load.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import pytest

from styrdok.tools.cli import main
from styrdok.views import paging
from styrdok.views.urls import Urls

from helpers import REPO, TODAY, make_project
from helpers.tidpunkt import (
    ORGAN_VERSION_ON,
    RATTELSE,
    RETROACTIVE_DAY,
    TITLES,
    UTRYMNING,
    VERSION_ON,
    add_versions,
    page_of,
    version_in,
)

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture skips, or fails where a browser is required
    expect = None

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

PAGE = "anvisningar/vad-gallde/"
ANSWER = ".sd-gallde__svar"
HITS = ".sd-gallde__gallde li"
CASES = [*((day, None) for day in VERSION_ON), *ORGAN_VERSION_ON]


def expected(day: str, organ: str | None) -> int | None:
    return VERSION_ON[day] if organ is None else ORGAN_VERSION_ON[(day, organ)]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """A server on 127.0.0.1 for the folder the site is built into, started first: the
    build's site_url is the server's address, as Material's instant navigation needs
    (it follows only links to the site_url's host and path)."""
    folder = tmp_path_factory.mktemp("gallde-site")
    with serving(folder) as address:
        yield address, folder


@contextlib.contextmanager
def serving(folder: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(folder))
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
def project(tmp_path_factory, served) -> Path:
    project = make_project(tmp_path_factory.mktemp("gallde") / "projekt")
    add_versions(project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    # The site's own theme files, script and styles, instant navigation, the server's
    # address and a fixed reference date.
    text = text.replace(
        "  font: false\n",
        f"  font: false\n  custom_dir: {REPO / 'overrides'}\n  features:\n    - navigation.instant\n",
    )
    text = text.replace("https://intranat.example.se/test/", f"{served[0]}/")
    text = text.replace('!ENV [STYRDOK_REFERENSDATUM, ""]', f'"{TODAY.isoformat()}"')
    text += (
        "extra_javascript:\n  - javascripts/gallde.js\nextra_css:\n"
        "  - stylesheets/styrdok.css\n  - stylesheets/formular.css\n  - stylesheets/gallde.css\n"
    )
    config.write_text(text, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def site(project, served, mkdocs_build) -> Path:
    _, folder = served
    result = mkdocs_build(project / "mkdocs.yml", folder)
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture(scope="module")
def origin(served, site) -> str:
    """Overrides site/conftest.py's `origin`: this module's build, served."""
    return served[0]


@pytest.fixture(scope="module")
def tidslinje(site) -> dict:
    return json.loads((site / "api" / "v1" / "tidslinje.json").read_text(encoding="utf-8"))


@pytest.fixture
def errors() -> list[str]:
    return []


@pytest.fixture
def page(browser: Browser, origin: str, errors: list[str]) -> Iterator[Page]:
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{origin}/{PAGE}")
    page.wait_for_selector(".sd-gallde__fragor")
    yield page
    context.close()


# Reading each of the three ------------------------------------------------------------


def datum(page: Page):
    return page.locator(".sd-gallde__fragor").get_by_label("Datum", exact=True)


def organ_field(page: Page):
    return page.locator(".sd-gallde__fragor").get_by_label("Organ", exact=True)


def from_page(page: Page, origin: str, day: str, organ: str | None) -> tuple[int | None, str]:
    """Pick the date and organ as a reader does; the version of UTRYMNING listed, and
    where its link goes (relative to the site)."""
    organ_field(page).select_option(organ or "")
    datum(page).fill(day)
    expect(page.locator(ANSWER)).to_contain_text(f"Den {day} gällde")
    item = page.locator(HITS).filter(has_text=f"({UTRYMNING})")
    if item.count() == 0:
        return None, ""
    text = item.inner_text()
    version = int(re.search(r"\): version (\d+)", text).group(1))
    href = item.locator("a").get_attribute("href") or ""
    return version, href.removeprefix(f"{origin}/")


def from_cli(project: Path, capsys, day: str, organ: str | None) -> tuple[int | None, str]:
    args = ["gallde", "--rot", str(project), "--datum", day, "--format", "json"]
    args += ["--idag", TODAY.isoformat(), *(["--organ", organ] if organ else [])]
    assert main(args) == 0
    found = [g for g in json.loads(capsys.readouterr().out)["gallde"] if g["id"] == UTRYMNING]
    return (found[0]["version"], found[0]["sida"]) if found else (None, "")


def from_json(document: dict, site_url: str, day: str, organ: str | None) -> tuple[int | None, str]:
    version = version_in(document, UTRYMNING, day, organ)
    if version is None:
        return None, ""
    (entry,) = (a for a in document["anvisningar"] if a["id"] == UTRYMNING)
    url = next(v["url"] for v in entry["versioner"] if v["version"] == version)
    return version, url.removeprefix(site_url)


# The acceptance test ------------------------------------------------------------------


def test_the_page_the_command_and_the_json_give_the_same_version_on_each_day(
    page, origin, project, tidslinje, capsys, errors
):
    site_url = tidslinje["url"].removesuffix(PAGE)
    for day, organ in CASES:
        version = expected(day, organ)
        want = (version, page_of(version) if version else "")
        assert from_page(page, origin, day, organ) == want, ("sidan", day, organ)
        assert from_cli(project, capsys, day, organ) == want, ("styrdok gallde", day, organ)
        assert from_json(tidslinje, site_url, day, organ) == want, ("tidslinje.json", day, organ)
    assert errors == []


@pytest.fixture(scope="module")
def paged_origin(site, served, tmp_path_factory) -> Iterator[str]:
    """A copy of the build served at another address, with tidslinje.json split into pages
    of one anvisning each, named as the build names them (views/paging.py): the page
    must read every page, moved to where the copy is served."""
    copy = tmp_path_factory.mktemp("gallde-sidor") / "site"
    shutil.copytree(site, copy)
    api = copy / "api" / "v1"
    whole = json.loads((api / "tidslinje.json").read_text(encoding="utf-8"))
    assert whole["sidindelning"]["antal_sidor"] == 1
    urls = Urls(f"{served[0]}/", lambda sida: sida)
    pages = paging.pages(whole, "tidslinje.json", urls, ("/anvisningar",), per_sida=1)
    assert len(pages) == len(whole["anvisningar"]) > 2
    for path, document in pages.items():
        (api / path).write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with serving(copy) as address:
        yield address


def test_the_page_reads_every_page_of_a_paged_tidslinje(browser, paged_origin, errors):
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{paged_origin}/{PAGE}")
    page.wait_for_selector(".sd-gallde__fragor")
    for day, organ in CASES:
        version = expected(day, organ)
        want = (version, page_of(version) if version else "")
        assert from_page(page, paged_origin, day, organ) == want, (day, organ)
    context.close()
    assert errors == []


# The page in the browser --------------------------------------------------------------


def test_the_answer_names_version_interval_and_title_and_is_announced(page):
    datum(page).fill("2019-01-01")
    answer = page.locator(ANSWER)
    expect(answer).to_have_attribute("role", "status")
    expect(answer).to_have_attribute("aria-live", "polite")
    item = page.locator(HITS).filter(has_text=f"({UTRYMNING})")
    expect(item).to_have_text(
        f"{TITLES[2]} ({UTRYMNING}): version 2, giltig 2018-04-01 – 2020-05-31."
    )
    expect(item.locator("a")).to_have_text(TITLES[2])


def test_the_choice_is_kept_in_the_url_and_restored_from_a_link(page, origin):
    datum(page).fill("2022-01-01")
    organ_field(page).select_option("socialnamnden")
    assert parse_qs(urlsplit(page.url).query) == {
        "datum": ["2022-01-01"],
        "organ": ["socialnamnden"],
    }
    page.goto(page.url)
    page.wait_for_selector(".sd-gallde__fragor")
    assert datum(page).input_value() == "2022-01-01"
    assert organ_field(page).input_value() == "socialnamnden"
    expect(page.locator(ANSWER)).to_contain_text("Den 2022-01-01 gällde")
    expect(page.locator(ANSWER)).to_contain_text("för Socialnämnden")
    expect(page.locator(HITS).filter(has_text=f"({UTRYMNING})")).to_contain_text("version 3")


def test_bad_values_in_the_url_are_ignored(page, origin, errors):
    page.goto(f"{origin}/{PAGE}?datum=2019-02-30&organ=finns-inte&annat=1")
    page.wait_for_selector(".sd-gallde__fragor")
    assert datum(page).input_value() == ""
    assert organ_field(page).input_value() == ""
    expect(page.locator(ANSWER)).to_have_text(
        "Välj ett datum för att se vilka anvisningar som gällde då."
    )
    datum(page).fill("2019-01-01")
    assert parse_qs(urlsplit(page.url).query)["annat"] == ["1"]
    assert errors == []


def test_before_every_version_and_a_later_decision_are_explained(page):
    datum(page).fill("2010-01-01")
    expect(page.locator(ANSWER)).to_have_text("Den 2010-01-01 gällde ingen av anvisningarna här.")
    expect(page.locator(".sd-gallde__not")).to_have_text(
        "Datumet är före den äldsta version som finns här: den började gälla 2014-02-01."
    )
    datum(page).fill(RETROACTIVE_DAY)
    expect(page.locator(HITS).filter(has_text=f"({RATTELSE})")).to_contain_text("version 1")
    expect(page.locator(".sd-gallde__not")).to_contain_text(
        f"({RATTELSE}): version 2 beslutades 2021-09-01 och gäller från 2021-06-01."
    )


def test_the_controls_are_reached_and_used_with_the_keyboard(page):
    datum(page).focus()
    chosen = organ_field(page)
    # The date field's day, month and year are each a stop of their own.
    for _ in range(4):
        page.keyboard.press("Tab")
        if chosen.evaluate("node => node === document.activeElement"):
            break
    expect(chosen).to_be_focused()
    datum(page).fill("2019-01-01")
    chosen.focus()
    page.keyboard.press("ArrowDown")
    assert chosen.input_value() != ""
    expect(page.locator(ANSWER)).to_contain_text(" för ")


def test_without_javascript_the_table_holds_every_version_and_there_is_no_form(browser, origin):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{origin}/{PAGE}")
        rows = page.locator("table tbody tr").filter(has_text="vid larm")
        assert rows.count() == 3
        assert [rows.nth(i).locator("td").nth(1).inner_text() for i in range(3)] == [
            "1",
            "2",
            "3 (nuvarande)",
        ]
        assert page.locator(".sd-gallde form, .sd-gallde input, .sd-gallde select").count() == 0
        expect(page.locator(".sd-gallde")).to_contain_text("Läs i tabellen nedan")
    finally:
        context.close()


def test_it_works_after_instant_navigation_from_an_organ_page(page, origin):
    page.goto(f"{origin}/organ/bromma-stadsdelsnamnd/")
    page.get_by_role("link", name="Vad gällde den …?").first.click()
    page.wait_for_url(re.compile(r"/anvisningar/vad-gallde/\?organ=bromma-stadsdelsnamnd$"))
    page.wait_for_selector(".sd-gallde__fragor")
    assert organ_field(page).input_value() == "bromma-stadsdelsnamnd"
    # Instant navigation swapped the content: the page was not loaded again.
    assert page.evaluate("performance.getEntriesByType('navigation')[0].name").endswith(
        "/organ/bromma-stadsdelsnamnd/"
    )


def test_data_from_another_site_is_never_fetched(page, origin):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    body = (
        "<!doctype html><html lang='sv'><meta charset='utf-8'><title>Prov</title>"
        "<div class='sd-gallde' data-tidslinje='https://example.org/api/v1/tidslinje.json'>"
        "</div><div class='sd-gallde' data-tidslinje='../../data/annat.json'></div>"
        "<script src='/javascripts/gallde.js'></script></html>"
    )
    page.route(
        f"{origin}/prov/x.html",
        lambda route: route.fulfill(body=body, content_type="text/html; charset=utf-8"),
    )
    page.goto(f"{origin}/prov/x.html")
    page.wait_for_load_state("networkidle")
    assert page.locator("form").count() == 0
    assert [u for u in requests if "example.org" in u or "annat.json" in u] == []


def test_the_page_with_an_answer_has_no_wcag_aa_violations(page, axe_violations):
    datum(page).fill("2019-01-01")
    organ_field(page).select_option("bromma-stadsdelsnamnd")
    expect(page.locator(HITS).first).to_be_visible()
    assert axe_violations(page) == []
