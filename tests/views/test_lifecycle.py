"""Every view agrees on what is in force, for a fixed reference date: an anvisning is
listed as in force only between its giltig_fran and its repeal, as coming before, as a
draft before its decision, as repealed after. Pages, organ pages, the förteckning, the
JSON and the CSV all answer from `pub.giltighet`."""

from __future__ import annotations

import csv
import io
from datetime import date

import feedparser
import pytest

from styrdok.core import addresses
from styrdok.select import select
from styrdok.views import api, crossref, feed, fragments
from styrdok.views.export import forteckning_csv
from styrdok.views.urls import Urls, organ_path
from styrdok.views.wording import TILLSTAND_NAMN

from helpers import check

URLS = Urls("https://intranat.example.se/", lambda sida: sida.removesuffix(".md") + "/")
ID = "krisledning"
TITEL = "Anvisning för krisledning"


@pytest.fixture
def dated(project):
    """krisledning decided 2025-12-01, in force from 2026-03-01, repealed from 2026-09-01;
    without its kept version 1, so only these dates decide."""
    (project / "docs/anvisningar/krisledning/version-1.md").unlink()
    page = project / "docs/anvisningar/krisledning.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace("beslutsdatum: 2019-05-02", "beslutsdatum: 2025-12-01")
    text = text.replace("giltig_fran: 2019-06-01", "giltig_fran: 2026-03-01")
    text = text.replace("status: gällande", "status: upphävd\nupphavd_datum: 2026-09-01")
    page.write_text(text, encoding="utf-8")
    outcome = check(project, date(2026, 1, 1))
    assert outcome.ok, outcome.problems
    return outcome.model


def _seen(model, day: str) -> dict[str, object]:
    pub = select(model, "intranät", date.fromisoformat(day))
    pages = {p.sida: p.text for p in crossref.generate(pub, pub.dag)}
    samtliga = pages[addresses.SAMTLIGA]
    gallande, _, rest = samtliga.partition("## Gällande anvisningar")[2].partition("\n## ")
    docs = api.documents(pub, URLS, {})
    organ = docs[organ_path("socialnamnden")][1]["anvisningar"]
    rows = list(
        csv.DictReader(io.StringIO(forteckning_csv(pub, URLS).lstrip("\ufeff")), delimiter=";")
    )
    feeds = feed.feed_files(
        pub,
        URLS,
        "Test",
        "Stockholms stad",
        feed.Taggar.for_site(URLS.site_url, "2026", "intranät"),
    )
    entries = feedparser.parse(feeds[addresses.ANDRINGAR_ALLA_ATOM]).entries
    return {
        "in_force_listed": TITEL in gallande,
        "other_sections": rest,
        "organ_json": {k: [a["id"] for a in v] for k, v in organ.items()},
        "csv": next(r["status"] for r in rows if r["id"] == ID),
        "forteckning": fragments.forteckning(pub, addresses.FORTECKNING),
        "upphavda": pages[addresses.UPPHAVDA],
        "state": pub.giltighet(pub.model.anvisning_med_id(ID)).tillstand.value,
        # The feed tells what happened, never today's status.
        "feed": sorted(
            (e.title, tuple(sorted(t.term for t in e.tags if t.scheme.endswith("/handelse"))))
            for e in entries
            if TITEL in e.title
        ),
    }


@pytest.mark.parametrize(
    ("day", "state", "in_force"),
    [
        ("2025-11-30", "utkast", False),
        ("2025-12-01", "beslutad", False),
        ("2026-02-28", "beslutad", False),
        ("2026-03-01", "gällande", True),
        ("2026-08-31", "gällande", True),
        ("2026-09-01", "upphävd", False),
    ],
)
def test_every_view_lists_it_as_in_force_only_while_it_is(dated, day, state, in_force):
    seen = _seen(dated, day)
    assert seen["state"] == state
    assert seen["in_force_listed"] is in_force
    organ_in_force = any(ID in seen["organ_json"][k] for k in ("samtliga", "for_typ", "sarskilt"))
    assert organ_in_force is in_force
    assert seen["csv"] == TILLSTAND_NAMN[state]
    assert (f"\n| [{TITEL}]" in seen["upphavda"]) is (state == "upphävd")
    if state == "beslutad":
        assert seen["other_sections"].startswith("Beslutade, gäller ännu inte")
        assert "gäller från 2026-03-01" in seen["forteckning"]
    if state == "utkast":
        assert ID in seen["organ_json"]["under_arbete"]
    feed_titles = [title for title, _ in seen["feed"]]
    if state == "utkast":
        assert feed_titles == []
    else:
        # (Its version 2: version 1 is not kept in this project.)
        assert f"Version 2 beslutad, gäller från 2026-03-01: {TITEL}" in feed_titles
    assert (f"Upphävd: {TITEL}" in feed_titles) is (state == "upphävd")
    announced = f"Upphävs från och med 2026-09-01: {TITEL}"
    assert (announced in feed_titles) is (state in ("beslutad", "gällande"))
    assert all("gällande" not in terms for _, terms in seen["feed"])
    if day == "2026-08-31":
        assert "upphävs 2026-09-01" in seen["forteckning"]


def test_the_anvisning_page_says_it_does_not_apply_yet(dated):
    from styrdok.views.anvisning_page import anvisning_sidhuvud

    pub = select(dated, "intranät", date(2026, 1, 15))
    head = anvisning_sidhuvud(pub, pub.model.anvisning_med_id(ID))
    assert "Beslutad, gäller ännu inte" in head and "gäller från 2026-03-01" in head
    assert "Gällande" not in head.replace("gäller", "")
