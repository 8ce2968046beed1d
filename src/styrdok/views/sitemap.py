"""The day each page last changed according to the data: the sitemap's `lastmod`.

MkDocs would give every page the day of the build. Here a page gets the newest day, up
to the reference date, on which what it shows changed:

- an anvisning's page: a decision on any of its versions, the day one came into force,
  its repeal, or an entry of any version's historik;
- an earlier version's page: its own decision, the day it came into force, its historik;
- an organ's page: the events that apply to it or concern what it owns; a fokusområde's
  page: those of its anvisningar; a målområde's page: those of its fokusområden;
- the other generated lists of anvisningar: the newest event of all.

Every other page (hand-written pages, the follow-up pages, whose content also depends on
the reference date) gets no `lastmod`, which the sitemap protocol allows, rather than a
day the data does not give.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from styrdok.core import addresses
from styrdok.core.model import Anvisning
from styrdok.select import Publication
from styrdok.views.queries import Event, EventIndex, events, fokusomraden_of

# Generated pages listing anvisningar of every kind.
LISTINGS = (
    addresses.ORGAN,
    addresses.SAMTLIGA,
    addresses.NYTT_OCH_ANDRAT,
    addresses.SKA_REVIDERAS,
    addresses.UPPHAVDA,
)


def lastmod(pub: Publication) -> dict[str, date]:
    """Page (below docs/) -> the day it last changed; pages without one are left out."""
    dag = pub.dag
    found = events(pub)
    index = EventIndex.of(found)
    by_version: dict[tuple[str, int], list[Event]] = defaultdict(list)
    for event in found:
        by_version[event.anvisning.id, event.version.version].append(event)

    def newest(these: Iterable[Event], more: Iterable[date] = ()) -> date | None:
        return max((*(e.andrad(dag) for e in these), *more), default=None)

    def recorded(version: Anvisning) -> list[date]:
        return [h.datum for h in version.historik if h.datum <= dag]

    days: dict[str, date | None] = {}
    for anvisning in pub.anvisningar:
        versions = (*pub.versioner(anvisning), anvisning)
        for version in versions:
            days[version.sida] = newest(
                by_version[anvisning.id, version.version], recorded(version)
            )
        days[anvisning.sida] = max(
            (d for v in versions if (d := days[v.sida]) is not None), default=None
        )
    # The event lists are shared by organs (every organ of a type has its type's): the
    # newest day of each is taken once, so this stays linear in organs plus events.
    of_list: dict[int, date | None] = {}
    for organ in pub.organ:
        parts = []
        for these in index.concerning(organ):
            if id(these) not in of_list:
                of_list[id(these)] = newest(these)
            parts.append(of_list[id(these)])
        days[addresses.organ(organ.id)] = max((d for d in parts if d is not None), default=None)
    for fokus in pub.fokusomraden:
        days[addresses.fokusomrade(fokus.id)] = newest(index.for_fokus(fokus.id))
    for malomrade in pub.malomraden:
        bearing = fokusomraden_of(pub, malomrade)
        days[addresses.malomrade(malomrade.id)] = newest(
            e for fokus in bearing for e in index.for_fokus(fokus.id)
        )
    overall = newest(found)
    for sida in LISTINGS:
        days[sida] = overall
    return {sida: day for sida, day in days.items() if day is not None}
