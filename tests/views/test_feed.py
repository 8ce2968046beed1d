"""The Atom feed of decisions made by the core (views/feed.py), without MkDocs."""

from __future__ import annotations

import xml.etree.ElementTree as ET

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
