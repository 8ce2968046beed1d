"""The Atom feed of decisions about anvisningar (RFC 4287), from the data's dates."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from styrdok.core import addresses
from styrdok.select import Publication
from styrdok.views.queries import events
from styrdok.views.urls import Urls
from styrdok.views.wording import STATUS_NAMN

ATOM = "http://www.w3.org/2005/Atom"
FEED_ENTRIES = 50


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _timestamp(day) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def andringar_atom(pub: Publication, urls: Urls, site_name: str, author: str) -> bytes:
    """Newest decisions first; dates come from the data, so the same source gives the same bytes."""
    ET.register_namespace("", ATOM)
    found = events(pub)[:FEED_ENTRIES]
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "sv"})

    def add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        # The check refuses control characters; should one get here all the same, the
        # feed stays well-formed XML rather than unreadable for every reader.
        element.text = None if text is None else _NOT_XML.sub("", text)
        return element

    self_url = urls.file(addresses.ANDRINGAR_ATOM)
    add(feed, "id", "urn:styrdok:andringar")
    add(feed, "title", f"Ändringar i anvisningarna – {site_name}")
    add(feed, "subtitle", "Nya anvisningar, nya versioner och upphävda anvisningar, nyast först.")
    add(feed, "updated", _timestamp(found[0].datum) if found else "1970-01-01T00:00:00Z")
    add(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    add(feed, "link", rel="alternate", type="text/html", href=urls.page(addresses.NYTT_OCH_ANDRAT))
    add(add(feed, "author"), "name", author)
    for event in found:
        anvisning = event.anvisning
        page = urls.page(anvisning.sida)
        entry = add(feed, "entry")
        # Permanent ids, whatever address the site moves to.
        add(entry, "id", f"urn:styrdok:anvisning:{anvisning.id}:{event.slug}")
        add(entry, "title", f"{event.handelse}: {anvisning.titel}")
        add(entry, "updated", _timestamp(event.datum))
        add(entry, "link", rel="alternate", type="text/html", href=page)
        add(
            entry,
            "category",
            term=anvisning.status,
            label=STATUS_NAMN.get(anvisning.status, anvisning.status),
        )
        add(entry, "summary", anvisning.sammanfattning)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
