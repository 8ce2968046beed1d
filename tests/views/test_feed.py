"""The Atom feed of decisions made by the core (views/feed.py), without MkDocs."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

from styrdok.select import Publication
from styrdok.views.feed import ATOM, andringar_atom

from helpers.api import URLS


def test_atom_feed_is_newest_first_and_deterministic(publication):
    feed = andringar_atom(publication, URLS, "Test", "Stockholms stad")
    assert feed == andringar_atom(publication, URLS, "Test", "Stockholms stad")
    root = ET.fromstring(feed)
    assert root.tag == f"{{{ATOM}}}feed"
    entries = root.findall(f"{{{ATOM}}}entry")
    updated = [e.find(f"{{{ATOM}}}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert root.find(f"{{{ATOM}}}updated").text == updated[0]
    ids = [e.find(f"{{{ATOM}}}id").text for e in entries]
    assert len(ids) == len(set(ids))
    titles = [e.find(f"{{{ATOM}}}title").text for e in entries]
    assert "Upphävd: Gammal anvisning för krisledning" in titles


def test_a_control_character_cannot_make_the_feed_unreadable(publication):
    odd = tuple(replace(a, titel=f"{a.titel}\x08\x01") for a in publication.anvisningar)
    pub = Publication(
        malgrupp=publication.malgrupp,
        model=replace(publication.model, anvisningar=odd),
        dag=publication.dag,
        program=publication.program,
        anvisningar=odd,
    )
    root = ET.fromstring(andringar_atom(pub, URLS, "Test", "Stockholms stad"))
    titles = [e.find(f"{{{ATOM}}}title").text for e in root.findall(f"{{{ATOM}}}entry")]
    assert titles and not any("\x08" in t or "\x01" in t for t in titles)
