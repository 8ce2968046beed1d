"""The Atom feeds made by the core (views/feed.py), without MkDocs: read back with
feedparser, as a feed reader reads them, and compared with what the source says."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import feedparser
import pytest

from styrdok.core import addresses
from styrdok.core.model import GallerFor
from styrdok.select import SKYDDAD_SAMMANFATTNING, Publication, select
from styrdok.views.feed import ATOM, FEED_ENTRIES, HISTORY, Taggar, feed_files, tag_date_ok

from helpers import TODAY, check
from helpers.api import SITE, URLS
from helpers.canaries import add_canaries

TAG = re.compile(
    r"^tag:intranat\.example\.se,2026:(intranat|publik)/[A-Za-z0-9/._~:@!$&'()*+,;=-]+$"
)
HANDELSE = f"{URLS.file(addresses.ANDRINGAR_ATOM)}#handelse"
# The source's words for an anvisning's status: never an entry's category.
STATUSAR = {"utkast", "gällande", "under revidering", "upphävd"}


def on(project: Path, dag: date = TODAY, malgrupp: str = "intranät") -> Publication:
    outcome = check(project)
    assert outcome.ok, outcome.problems
    return select(outcome.model, malgrupp, dag)


def feeds_of(pub: Publication) -> dict[str, bytes]:
    return feed_files(
        pub, URLS, "Test", "Stockholms stad", Taggar.for_site(SITE, "2026", pub.malgrupp)
    )


def parsed(data: bytes) -> feedparser.FeedParserDict:
    feed = feedparser.parse(data)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def handelse(entry) -> str:
    (term,) = [t.term for t in entry.tags if t.scheme == HANDELSE]
    return term


def version_of(entry) -> tuple[str, int | None]:
    """(anvisning id, version) from where the entry links: a version page or the anvisning's."""
    path = entry.link.removeprefix(SITE)
    found = re.fullmatch(r"anvisningar/([a-z0-9-]+)/(?:version-(\d+)/)?", path)
    assert found, entry.link
    return found.group(1), int(found.group(2)) if found.group(2) else None


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, path
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def moved(project: Path) -> Path:
    """Version 1 of krisledning applied to Stadsledningskontoret only (a förvaltning, which
    the common anvisningar do not reach); version 2 applies to all nämnder and bolag.
    The repeal of krisledning-gammal is recorded in its historik on the day it was decided."""
    edit(
        project / "docs/anvisningar/krisledning/version-1.md",
        "galler_for: alla",
        "galler_for:\n  organ: [stadsledningskontoret]",
    )
    edit(
        project / "docs/anvisningar/krisledning-gammal.md",
        "atkomst: öppen\n",
        "atkomst: öppen\nhistorik:\n  - datum: 2014-01-10\n    version: 1\n    andring: Beslutad.\n"
        "  - datum: 2019-05-02\n    andring: Beslut att upphäva anvisningen från 2019-06-01.\n",
    )
    return project


def test_every_feed_parses_without_errors_and_is_the_same_twice(moved):
    for malgrupp in ("intranät", "publik"):
        pub = on(moved, malgrupp=malgrupp)
        files = feeds_of(pub)
        assert files == feeds_of(pub)
        assert set(files) == {
            addresses.ANDRINGAR_ATOM,
            addresses.ANDRINGAR_ALLA_ATOM,
            *(addresses.andringar_organ(o.id) for o in pub.organ),
            *(addresses.andringar_fokusomrade(f.id) for f in pub.fokusomraden),
        }
        for path, data in files.items():
            feed = parsed(data)
            assert feed.version == "atom10", path
            assert feed.feed.links[0].href == URLS.file(path)
            stamps = [e.updated for e in feed.entries]
            assert stamps == sorted(stamps, reverse=True), path


def test_every_version_has_its_decision_and_an_earlier_one_links_to_its_page(moved):
    entries = parsed(feeds_of(on(moved))[addresses.ANDRINGAR_ALLA_ATOM]).entries
    by_title = {e.title: e for e in entries}
    first = by_title["Ny anvisning beslutad, gäller från 2017-01-01: Anvisning för krisledning"]
    assert first.link == URLS.page("anvisningar/krisledning/version-1.md")
    assert first.updated.startswith("2016-12-05")
    second = by_title["Version 2 beslutad, gäller från 2019-06-01: Anvisning för krisledning"]
    assert second.link == URLS.page("anvisningar/krisledning.md")
    repeal = by_title["Upphävd: Gammal anvisning för krisledning"]
    assert repeal.updated.startswith("2019-06-01")
    # A draft has decided nothing.
    assert not [e for e in entries if "trygghet-i-bromma" in e.link]


def test_categories_are_the_event_fokus_and_whom_it_applies_to_not_the_status(moved):
    entries = parsed(feeds_of(on(moved))[addresses.ANDRINGAR_ALLA_ATOM]).entries
    (old,) = [
        e for e in entries if e.title.startswith("Ny anvisning beslutad") and "Gammal" in e.title
    ]
    # Decided in 2014, repealed since: its decision is still a decision.
    assert handelse(old) == "ny-anvisning"
    assert {(t.term, t.label) for t in old.tags if t.scheme.endswith("#fokusomrade")} == {
        ("krisberedskap", "Bygga motståndskraft")
    }
    assert [t.term for t in old.tags if t.scheme.endswith("#galler-for")] == ["samtliga"]
    assert [t.label for t in old.tags if t.scheme.endswith("#ansvarig")] == ["Kommunstyrelsen"]
    (first,) = [e for e in entries if version_of(e) == ("krisledning", 1)]
    assert [(t.term, t.label) for t in first.tags if t.scheme.endswith("#organ")] == [
        ("stadsledningskontoret", "Stadsledningskontoret")
    ]
    assert {handelse(e) for e in entries} == {"ny-anvisning", "ny-version", "upphavd"}
    assert not STATUSAR & {t.term for e in entries for t in e.tags}


def test_ids_are_tag_uris_stable_across_builds_and_distinct_between_audiences(moved):
    ids = {}
    for malgrupp in ("intranät", "publik"):
        files = feeds_of(on(moved, malgrupp=malgrupp))
        found = set()
        for data in files.values():
            feed = parsed(data)
            found |= {feed.feed.id, *(e.id for e in feed.entries)}
        assert all(TAG.match(i) for i in found), sorted(found)
        ids[malgrupp] = found
    assert not ids["intranät"] & ids["publik"]
    # A corrected decision date changes the entry, not its id.
    before = parsed(feeds_of(on(moved))[addresses.ANDRINGAR_ATOM]).entries
    edit(
        moved / "docs/anvisningar/krisledning.md",
        "beslutsdatum: 2019-05-02",
        "beslutsdatum: 2019-05-03",
    )
    after = parsed(feeds_of(on(moved))[addresses.ANDRINGAR_ATOM]).entries
    assert {e.id for e in before} == {e.id for e in after}
    assert {e.updated for e in before} != {e.updated for e in after}


def test_an_id_needs_a_host_and_a_date_as_rfc_4151_writes_it():
    assert Taggar.for_site("https://intranät.example.se/x/", "2026-12", "publik").uri("a") == (
        "tag:xn--intrant-bxa.example.se,2026-12:publik/a"
    )
    assert [tag_date_ok(d) for d in ("2026", "2026-02", "2026-02-28")] == [True] * 3
    assert not any(tag_date_ok(d) for d in ("26", "2026-2", "2026-02-30", "2026-13", "idag", ""))
    with pytest.raises(ValueError):
        Taggar.for_site("https://intranat.example.se/", "igår", "intranät")


def many(pub: Publication, count: int) -> Publication:
    """The publication with `count` more anvisningar for all, each decided on its own day."""
    base = next(a for a in pub.anvisningar if a.id == "krisledning")
    extra = tuple(
        replace(
            base,
            id=f"ny-{n}",
            sida=f"anvisningar/ny-{n}.md",
            version=1,
            beslutsdatum=date(2020, 1, 1) + timedelta(days=n),
            giltig_fran=date(2020, 1, 1) + timedelta(days=n),
        )
        for n in range(count)
    )
    anvisningar = (*pub.anvisningar, *extra)
    model = replace(pub.model, anvisningar=anvisningar)
    return replace(pub, model=model, anvisningar=anvisningar)


def test_the_complete_feed_holds_every_event_once_and_the_others_the_newest(moved):
    pub = many(on(moved), FEED_ENTRIES + 10)
    files = feeds_of(pub)
    complete = ET.fromstring(files[addresses.ANDRINGAR_ALLA_ATOM])
    assert complete.find(f"{{{HISTORY}}}complete") is not None
    every = parsed(files[addresses.ANDRINGAR_ALLA_ATOM]).entries
    # 60 new ones, two versions of krisledning, krisledning-gammal decided and repealed.
    assert len(every) == FEED_ENTRIES + 10 + 4
    assert len({e.id for e in every}) == len(every)
    recent = parsed(files[addresses.ANDRINGAR_ATOM])
    assert [e.id for e in recent.entries] == [e.id for e in every[:FEED_ENTRIES]]
    assert any(
        link.rel == "related" and link.href == URLS.file(addresses.ANDRINGAR_ALLA_ATOM)
        for link in recent.feed.links
    )
    assert ET.fromstring(files[addresses.ANDRINGAR_ATOM]).find(f"{{{HISTORY}}}complete") is None
    organ = parsed(files[addresses.andringar_organ("socialnamnden")]).entries
    applying = [e.id for e in every if version_of(e) != ("krisledning", 1)]
    assert [e.id for e in organ] == applying[:FEED_ENTRIES]


def applies(krets: GallerFor, typ: str, organ_id: str) -> bool:
    """Whom a version applies to, written out here rather than taken from the code."""
    tillampar = typ in ("kommunstyrelse", "stadsdelsnämnd", "facknämnd", "bolagsstyrelse")
    return (krets.alla and tillampar) or typ in krets.organtyper or organ_id in krets.organ


def test_each_organ_feed_holds_exactly_the_events_that_apply_to_it(moved):
    pub = on(moved)
    whole = check(moved).model
    files = feeds_of(pub)
    every = parsed(files[addresses.ANDRINGAR_ALLA_ATOM]).entries
    assert len(every) < FEED_ENTRIES, "the test wants complete organ feeds"
    versions = {}
    for a in whole.anvisningar:
        for v in (*whole.versioner_av(a.id), a):
            versions[a.id, v.version] = v
            if v.version == a.version:
                versions[a.id, None] = v
    counts = {}
    for organ in whole.organ:
        expected = {
            e.id for e in every if applies(versions[version_of(e)].galler_for, organ.typ, organ.id)
        }
        feed = parsed(files[addresses.andringar_organ(organ.id)])
        assert {e.id for e in feed.entries} == expected, organ.id
        assert organ.namn in feed.feed.subtitle and "bara ansvarar för" in feed.feed.subtitle
        counts[organ.id] = len(expected)
    # Version 1 reached Stadsledningskontoret alone, version 2 the nämnder.
    assert counts["stadsledningskontoret"] == 1
    assert counts["socialnamnden"] == 3  # krisledning v2, krisledning-gammal's two
    assert counts["kommunfullmaktige"] == 0


def test_each_fokus_feed_holds_the_events_of_its_anvisningar(moved):
    pub = on(moved)
    files = feeds_of(pub)
    every = parsed(files[addresses.ANDRINGAR_ALLA_ATOM]).entries
    for fokus in pub.fokusomraden:
        feed = parsed(files[addresses.andringar_fokusomrade(fokus.id)])
        expected = [
            e.id
            for e in every
            if fokus.id in {t.term for t in e.tags if t.scheme.endswith("#fokusomrade")}
        ]
        assert [e.id for e in feed.entries] == expected
    assert parsed(files[addresses.andringar_fokusomrade("krisberedskap")]).entries


def test_nothing_dated_after_the_reference_date_is_told_as_done(moved):
    # 2019-04-01: version 2 is not decided yet; the repeal of krisledning-gammal was
    # decided (its historik, 2019-05-02, is later still, so the newest record is 2014).
    early = parsed(feeds_of(on(moved, date(2019, 4, 1)))[addresses.ANDRINGAR_ALLA_ATOM]).entries
    assert not [e for e in early if handelse(e) == "ny-version"]
    (announced,) = [e for e in early if "Gammal" in e.title and handelse(e) == "upphavs"]
    assert announced.title == "Upphävs från och med 2019-06-01: Gammal anvisning för krisledning"
    assert announced.updated.startswith("2014-01-10")
    # 2019-05-15: version 2 is decided, in force from a later day; the repeal is announced
    # on the day its decision is recorded.
    between = parsed(feeds_of(on(moved, date(2019, 5, 15)))[addresses.ANDRINGAR_ALLA_ATOM])
    titles = {e.title: e for e in between.entries}
    assert "Version 2 beslutad, gäller från 2019-06-01: Anvisning för krisledning" in titles
    repeal = titles["Upphävs från och med 2019-06-01: Gammal anvisning för krisledning"]
    assert repeal.updated.startswith("2019-05-02")
    assert all(e.updated[:10] <= "2019-05-15" for e in between.entries)
    assert between.feed.updated.startswith("2019-05-02")
    # Once it has taken effect, the same entry says so, dated the day it did.
    later = parsed(feeds_of(on(moved))[addresses.ANDRINGAR_ALLA_ATOM]).entries
    (done,) = [e for e in later if e.id == repeal.id]
    assert done.title == "Upphävd: Gammal anvisning för krisledning"
    assert done.updated.startswith("2019-06-01") and handelse(done) == "upphavd"


def test_public_feeds_hold_no_intern_or_skyddad_anvisning(project):
    add_canaries(project)
    publik = feeds_of(on(project, malgrupp="publik"))
    leaking = {path for path, data in publik.items() if b"kanarie" in data.lower()}
    assert leaking == set()
    intranat = feeds_of(on(project))
    # The positive control: the intern one (for Bromma) and the skyddad one, as metadata.
    bromma = parsed(intranat[addresses.andringar_organ("bromma-stadsdelsnamnd")]).entries
    assert "Ny anvisning beslutad, gäller från 2024-02-01: KANARIE-INTERN-TITEL" in {
        e.title for e in bromma
    }
    every = intranat[addresses.ANDRINGAR_ALLA_ATOM].decode()
    assert "KANARIE-SKYDDAD-TITEL" in every and SKYDDAD_SAMMANFATTNING in every
    assert "KANARIE-SKYDDAD-SAMMANFATTNING" not in every
    assert "KANARIE-INTERN-TITEL" not in b"".join(publik.values()).decode()


def test_a_control_character_cannot_make_a_feed_unreadable(publication):
    odd = tuple(replace(a, titel=f"{a.titel}\x08\x01") for a in publication.anvisningar)
    pub = Publication(
        malgrupp=publication.malgrupp,
        model=replace(publication.model, anvisningar=odd),
        dag=publication.dag,
        program=publication.program,
        anvisningar=odd,
    )
    root = ET.fromstring(feeds_of(pub)[addresses.ANDRINGAR_ATOM])
    titles = [e.find(f"{{{ATOM}}}title").text for e in root.findall(f"{{{ATOM}}}entry")]
    assert titles and not any("\x08" in t or "\x01" in t for t in titles)
