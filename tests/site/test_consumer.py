"""A consumer of the API, as another system of the city would be: for each organ it fetches
one document, api/v1/organ/{id}.json, over HTTP from the served intranet build, and from
that alone shows the organ's "Vad gäller för oss?" lists. The result is compared with the
organ's page on the same site, and the summary and example flag with each anvisning's page.

The consumer knows only the published contract (docs/api.md and the schemas): it imports
nothing of styrdok, so a field the lists need and the document lacks fails here.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin
from urllib.request import urlopen

import pytest

# What a consumer writes for each giltighet, as the guide's status section names them.
LABELS = {
    "utkast": "Utkast",
    "beslutad": "Beslutad, gäller ännu inte",
    "gällande": "Gällande",
    "under revidering": "Under revidering",
    "upphävd": "Upphävd",
}
IN_FORCE = ("gällande", "under revidering")

Row = tuple[str, str, str, str, str | None, str]


def _get(url: str) -> bytes:
    with urlopen(url, timeout=30) as response:
        assert response.status == 200, url
        return response.read()


# The consumer: one document in, the lists out ------------------------------------------


def _state(post: dict[str, Any]) -> str:
    """The state with the date that qualifies it, from the post's fields alone."""
    label = LABELS[post["giltighet"]]
    if post["giltighet"] == "beslutad" and post["kommande_fran"]:
        return f"{label} gäller från {post['kommande_fran']}"
    details = []
    if post["giltighet"] in IN_FORCE and post["kommande_fran"]:
        details.append(f"version {post['kommande_version']} gäller från {post['kommande_fran']}")
    if post["giltighet"] in IN_FORCE and post["upphor"]:
        details.append(f"upphävs {post['upphor']}")
    return f"{label} {', '.join(details)}" if details else label


def consumer_lists(document: dict[str, Any]) -> dict[str, list[Row]]:
    """Each list of the organ as rows: title, page, state, owner, owner's page, review date."""
    posts = {post["id"]: post for post in document["anvisningsposter"]}
    lists: dict[str, list[Row]] = {}
    for key, entries in document["anvisningar"].items():
        rows = []
        for entry in entries:
            post = posts[entry["id"]]
            owner = post["ansvarig"]
            rows.append(
                (
                    post["titel"],
                    post["url"],
                    _state(post),
                    owner["namn"] if owner else "–",
                    owner["url"] if owner else None,
                    post["revideras_senast"] or "–",
                )
            )
        lists[key] = rows
    return lists


# The page, as a reader sees it -----------------------------------------------------------


class _OrganPage(HTMLParser):
    """The tables of the page's article under their headings, and its paragraphs' text."""

    def __init__(self, base: str) -> None:
        super().__init__()
        self.base = base
        self.tables: dict[str, list[list[tuple[str, str | None]]]] = {}
        self.paragraphs: list[str] = []
        self._heading: str | None = None
        self._section = ""
        self._row: list[tuple[str, str | None]] | None = None
        self._cell: list[str] | None = None
        self._href: str | None = None
        self._paragraph: list[str] | None = None
        self._in_article = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self._in_article = True
        if not self._in_article:
            return
        if tag in ("h2", "h3"):
            self._heading = ""
        elif tag == "tr":
            self._row = []
        elif tag == "td":
            self._cell, self._href = [], None
        elif tag == "a" and self._cell is not None and self._href is None:
            self._href = urljoin(self.base, dict(attrs).get("href") or "")
        elif tag == "p":
            self._paragraph = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._in_article = False
        if tag in ("h2", "h3") and self._heading is not None:
            self._section, self._heading = self._heading.removesuffix("¶").strip(), None
        elif tag == "td" and self._cell is not None and self._row is not None:
            self._row.append((" ".join("".join(self._cell).split()), self._href))
            self._cell = None
        elif tag == "tr" and self._row:
            self.tables.setdefault(self._section, []).append(self._row)
            self._row = None
        elif tag == "p" and self._paragraph is not None:
            self.paragraphs.append(" ".join("".join(self._paragraph).split()))
            self._paragraph = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading += data
        if self._cell is not None:
            self._cell.append(data)
        if self._paragraph is not None:
            self._paragraph.append(data)


def _section_key(heading: str, namn: str) -> str | None:
    if heading == f"Särskilt för {namn}":
        return "sarskilt"
    if heading == f"Anvisningar som {namn} ansvarar för":
        return "ansvarar_for"
    if heading == "Beslutade, gäller ännu inte":
        return "kommande"
    if heading == "Under arbete":
        return "under_arbete"
    if heading.startswith("För ") and heading != "För samtliga nämnder och bolagsstyrelser":
        return "for_typ"
    return None


def page_lists(html: str, base: str, namn: str) -> dict[str, list[Row]]:
    page = _OrganPage(base)
    page.feed(html)
    lists: dict[str, list[Row]] = {}
    for heading, rows in page.tables.items():
        key = _section_key(heading, namn)
        if key is None:
            continue  # the follow-up's table
        lists[key] = [
            (title, title_url or "", state, owner, owner_url, review)
            for (title, title_url), (state, _), (owner, owner_url), (review, _) in rows
        ]
    return lists


def _samtliga_sentence(html: str, base: str) -> str:
    page = _OrganPage(base)
    page.feed(html)
    return next((p for p in page.paragraphs if "gäller för alla nämnder" in p), "")


# The test --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def organ_ids(hosted: str) -> list[str]:
    listing = json.loads(_get(f"{hosted}api/v1/organ.json"))
    return [organ["id"] for organ in listing["organ"]]


def test_one_request_per_organ_gives_everything_its_list_shows(hosted, site_url, organ_ids):
    shown = 0
    for organ_id in organ_ids:
        document = json.loads(_get(f"{hosted}api/v1/organ/{organ_id}.json"))
        mine = consumer_lists(document)
        # The document's addresses are the real site's; the page is read from the server.
        page_url = document["url"]
        assert page_url.startswith(site_url)
        html = _get(hosted + page_url.removeprefix(site_url)).decode("utf-8")
        theirs = page_lists(html, page_url, document["namn"])
        for key in ("for_typ", "sarskilt", "ansvarar_for", "kommande", "under_arbete"):
            assert mine[key] == theirs.get(key, []), f"{organ_id}: {key}"
            shown += len(mine[key])
        if document["tillampar_programmet"]:
            count = len(document["anvisningar"]["samtliga"])
            sentence = _samtliga_sentence(html, page_url)
            assert sentence.startswith(f"{count} anvisningar gäller"), (organ_id, sentence)
        else:
            assert document["anvisningar"]["samtliga"] == []
    assert shown > 20, "the real content lists anvisningar for the organ"


def test_the_summary_and_example_flag_in_the_organ_document_are_the_anvisnings_own(
    hosted, site_url, organ_ids
):
    """What the guide says a consumer must show with each anvisning is in its post, and is
    what the anvisning's own page says."""
    posts: dict[str, dict[str, Any]] = {}
    for organ_id in organ_ids:
        document = json.loads(_get(f"{hosted}api/v1/organ/{organ_id}.json"))
        for post in document["anvisningsposter"]:
            posts.setdefault(post["id"], post)
    assert any(p["exempelinnehall"] for p in posts.values())
    for post in posts.values():
        html = _get(hosted + post["url"].removeprefix(site_url)).decode("utf-8")
        text = " ".join(html.replace("&nbsp;", " ").split())
        summary = " ".join(post["sammanfattning"].split())
        assert summary.replace("&", "&amp;").replace("<", "&lt;") in text, post["id"]
        assert ("Exempelinnehåll" in text) == post["exempelinnehall"], post["id"]
