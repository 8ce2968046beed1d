"""The Atom feeds (RFC 4287) of decisions about anvisningar, from the data's dates.

- `andringar.xml`: the FEED_ENTRIES newest events, the feed to subscribe to;
- `andringar-alla.xml`: every event, a complete feed (RFC 5005, `fh:complete`). Chosen
  over yearly archive documents because the history is made from data that changes: a
  date is corrected, an earlier version is added afterwards, an anvisning becomes intern
  and its events leave the public feeds. Archive documents should never change (RFC 5005
  section 4) and cannot say that an entry is gone; a complete feed tells the reader to
  replace what it holds. It grows with the events, one entry each;
- one feed per organ and one per fokusområde, each of its FEED_ENTRIES newest events,
  with a link to the complete feed (whose categories name organ and fokusområde). Whole
  histories per organ would be organ × events; the newest suffice to follow them.

Every entry is one event of one version (views.queries.Event), categorised by what
happened, not by the anvisning's status today, and by the version's fokusområden, whom
it applies to and who owns it, so a reader can filter even the main feed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from styrdok.core import addresses
from styrdok.core.model import ORGANTYPER
from styrdok.select import Publication
from styrdok.views.queries import Event, EventIndex, events
from styrdok.views.urls import Urls
from styrdok.views.wording import HANDELSE_NAMN, SAMTLIGA, versal

ATOM = "http://www.w3.org/2005/Atom"
HISTORY = "http://purl.org/syndication/history/1.0"  # RFC 5005
FEED_ENTRIES = 50
# The date of the tag: URIs (RFC 4151) unless the plugin's `taggdatum` says otherwise: the
# ids were first minted in 2026, when the city held the site's host. Fixed, so that the
# same event has the same id in every build; change it and every reader sees new entries.
TAGGDATUM = "2026"
# The audiences as ASCII, for the tag's specific part (RFC 4151 allows no "ä" there).
TAGG_MALGRUPP = {"intranät": "intranat", "publik": "publik"}

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_TAG_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def tag_date_ok(text: str) -> bool:
    """Whether `text` is a date as RFC 4151 writes it: YYYY, YYYY-MM or YYYY-MM-DD."""
    if not _TAG_DATE.fullmatch(text):
        return False
    parts = [*text.split("-"), "01", "01"][:3]
    try:
        date(*map(int, parts))
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Taggar:
    """tag: URIs (RFC 4151), `tag:<host>,<date>:<audience>/<what>`: the host of the site's
    address, a fixed date on which it was the city's, and the audience, so that the
    intranet's feeds and entries never share an id with the public site's."""

    tagging_entity: str  # "<host>,<date>"
    malgrupp: str

    @classmethod
    def for_site(cls, site_url: str, datum: str, malgrupp: str) -> Taggar:
        host = (urlsplit(site_url).hostname or "").rstrip(".")
        # A host with å, ä or ö is written as DNS has it (xn--…): RFC 4151 allows ASCII.
        authority = host.encode("idna").decode("ascii") if host else ""
        if not authority or not tag_date_ok(datum):
            raise ValueError(f"kan inte skapa tag:-adresser av {site_url!r} och {datum!r}")
        return cls(f"{authority},{datum}", TAGG_MALGRUPP[malgrupp])

    def uri(self, what: str) -> str:
        return f"tag:{self.tagging_entity}:{self.malgrupp}/{what}"


@dataclass(frozen=True)
class _Feed:
    path: str  # below the site's root (core.addresses)
    what: str  # the specific part of its tag: URI
    titel: str
    undertitel: str
    sida: str  # the page the feed belongs to, below docs/
    events: Sequence[Event]
    complete: bool = False


def feed_files(
    pub: Publication, urls: Urls, site_name: str, author: str, taggar: Taggar
) -> dict[str, bytes]:
    """Every feed of the site by its path; the same source gives the same bytes."""
    found = events(pub)
    index = EventIndex.of(found)
    alla = urls.file(addresses.ANDRINGAR_ALLA_ATOM)
    newest = f"De {FEED_ENTRIES} senaste besluten om anvisningar"
    what = "nyast först: nya anvisningar, nya versioner och upphävanden"
    feeds = [
        _Feed(
            addresses.ANDRINGAR_ATOM,
            "andringar",
            f"Ändringar i anvisningarna – {site_name}",
            f"{newest}, {what}. Alla beslut: {alla}",
            addresses.NYTT_OCH_ANDRAT,
            found[:FEED_ENTRIES],
        ),
        _Feed(
            addresses.ANDRINGAR_ALLA_ATOM,
            "andringar/alla",
            f"Alla ändringar i anvisningarna – {site_name}",
            f"Alla beslut om anvisningar, {what}. Flödet är fullständigt "
            "(RFC 5005): det ersätter allt en läsare har hämtat av det tidigare.",
            addresses.NYTT_OCH_ANDRAT,
            found,
            complete=True,
        ),
    ]
    for organ in pub.organ:
        feeds.append(
            _Feed(
                addresses.andringar_organ(organ.id),
                f"andringar/organ/{organ.id}",
                f"Ändringar som gäller {organ.namn} – {site_name}",
                f"{newest} som gäller för {organ.namn}, {what}. Ett beslut finns med "
                f"när den version det gäller omfattar {organ.namn}, som på sidan om vad som gäller för {organ.namn}; anvisningar "
                f"som {organ.namn} bara ansvarar för finns inte med. Alla beslut: {alla}",
                addresses.organ(organ.id),
                index.for_organ(organ, FEED_ENTRIES),
            )
        )
    for fokus in pub.fokusomraden:
        feeds.append(
            _Feed(
                addresses.andringar_fokusomrade(fokus.id),
                f"andringar/fokusomrade/{fokus.id}",
                f"Ändringar inom {fokus.namn} – {site_name}",
                f"{newest} inom fokusområdet {fokus.namn}, {what}. Alla beslut: {alla}",
                addresses.fokusomrade(fokus.id),
                index.for_fokus(fokus.id, FEED_ENTRIES),
            )
        )
    writer = _Writer(pub, urls, author, taggar)
    return {feed.path: writer.document(feed) for feed in feeds}


def page_feeds(pub: Publication) -> dict[str, tuple[tuple[str, str], ...]]:
    """The feeds a page names in its head, besides the site's own: (title, path)."""
    found = {
        addresses.organ(o.id): (
            (f"Ändringar som gäller {o.namn}", addresses.andringar_organ(o.id)),
        )
        for o in pub.organ
    }
    for fokus in pub.fokusomraden:
        found[addresses.fokusomrade(fokus.id)] = (
            (f"Ändringar inom {fokus.namn}", addresses.andringar_fokusomrade(fokus.id)),
        )
    return found


def _timestamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _clean(text: str) -> str:
    # The check refuses control characters; should one get here all the same, the
    # feed stays well-formed XML rather than unreadable for every reader.
    return _NOT_XML.sub("", text)


class _Writer:
    def __init__(self, pub: Publication, urls: Urls, author: str, taggar: Taggar) -> None:
        self.pub, self.urls, self.author, self.taggar = pub, urls, author, taggar
        scheme = urls.file(addresses.ANDRINGAR_ATOM)
        self.scheme = {
            kind: f"{scheme}#{kind}"
            for kind in ("handelse", "fokusomrade", "galler-for", "organtyp", "organ", "ansvarig")
        }
        ET.register_namespace("", ATOM)
        ET.register_namespace("fh", HISTORY)

    def document(self, feed: _Feed) -> bytes:
        root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "sv"})
        add = _add
        add(root, "id", self.taggar.uri(feed.what))
        add(root, "title", feed.titel)
        add(root, "subtitle", feed.undertitel)
        newest = feed.events[0].datum if feed.events else None
        add(root, "updated", _timestamp(newest) if newest else "1970-01-01T00:00:00Z")
        add(root, "link", rel="self", type="application/atom+xml", href=self.urls.file(feed.path))
        add(root, "link", rel="alternate", type="text/html", href=self.urls.page(feed.sida))
        if feed.complete:
            ET.SubElement(root, f"{{{HISTORY}}}complete")
        else:
            add(
                root,
                "link",
                rel="related",
                type="application/atom+xml",
                title="Alla ändringar",
                href=self.urls.file(addresses.ANDRINGAR_ALLA_ATOM),
            )
        add(add(root, "author"), "name", self.author)
        for event in feed.events:
            self.entry(root, event)
        ET.indent(root)
        return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"

    def entry(self, root: ET.Element, event: Event) -> None:
        version = event.version
        entry = _add(root, "entry")
        # Permanent: what happened to which version, for this audience.
        _add(entry, "id", self.taggar.uri(event.nyckel))
        _add(entry, "title", f"{event.handelse}: {version.titel}")
        _add(entry, "updated", _timestamp(event.datum))
        _add(entry, "link", rel="alternate", type="text/html", href=self.urls.page(version.sida))
        for scheme, term, label in self.categories(event):
            _add(entry, "category", scheme=self.scheme[scheme], term=term, label=label)
        _add(entry, "summary", version.sammanfattning)

    def categories(self, event: Event) -> list[tuple[str, str, str]]:
        version, model = event.version, self.pub.model
        found = [("handelse", event.typ.value, HANDELSE_NAMN[event.typ.value])]
        for fokus_id in version.fokusomraden:
            fokus = model.fokusomrade_med_id(fokus_id)
            found.append(("fokusomrade", fokus_id, fokus.namn if fokus else fokus_id))
        krets = version.galler_for
        if krets.alla:
            found.append(("galler-for", "samtliga", versal(SAMTLIGA)))
        found += [("organtyp", typ, ORGANTYPER.get(typ, typ)) for typ in krets.organtyper]
        found += [("organ", o, model.organ_namn(o)) for o in krets.organ]
        found.append(("ansvarig", version.ansvarig, model.organ_namn(version.ansvarig)))
        return found


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(
        parent, f"{{{ATOM}}}{tag}", {k: _clean(v) for k, v in attributes.items()}
    )
    element.text = None if text is None else _clean(text)
    return element
