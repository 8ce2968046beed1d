"""The day each published JSON document last changed, by the data: what index.json lists
beside each document's sha256 so a consumer can tell what is new without fetching it.

A document changes when something it reports is decided or edited, and also when the
reference date passes a day on which, by the data, its content turns (a version begins
to apply, a repeal takes effect). Both kinds of day count, but never one after the
reference date: a document cannot have changed on a day that has not come. Nothing
depends on the day of the build, so the same source gives the same dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from styrdok.core.giltighet import periodslut, periodstart
from styrdok.core.model import Anvisning
from styrdok.select import Publication
from styrdok.views.urls import Urls, anvisning_path


def _days_of_version(v: Anvisning) -> Iterator[dt.date | None]:
    yield v.beslutsdatum
    yield v.senast_andrad
    yield v.giltig_fran
    yield v.upphavd_datum
    yield from (h.datum for h in v.historik)


def _latest(days: Iterable[dt.date | None], until: dt.date) -> dt.date | None:
    return max((d for d in days if d is not None and d <= until), default=None)


def per_anvisning(pub: Publication, urls: Urls) -> dict[str, dt.date | None]:
    """Each published anvisning's latest day of change (of any of its published versions,
    and the days its versions began and stopped applying), by its document's address:
    that is how every document that reports an anvisning refers to it."""
    found: dict[str, dt.date | None] = {}
    for a in pub.anvisningar:
        g = pub.giltighet(a)
        days: list[dt.date | None] = [g.upphor]
        for p in g.perioder:
            days.extend(_days_of_version(p.anvisning))
            days.append(p.fran)
            # The day after the last day in force is the day the change is seen.
            days.append(p.till + dt.timedelta(days=1) if p.till else None)
        found[urls.api(anvisning_path(a.id))] = _latest(days, pub.dag)
    return found


def _addresses(value: Any) -> list[str]:
    """Every `json_url` in a document: its own, and those of the entries it lists (in
    no particular order). A loop, not a recursive generator: it visits every node of
    every document, and at thousands of documents a generator per node costs twice."""
    found: list[str] = []
    stack = [value]
    pop, push = stack.pop, stack.extend
    while stack:
        item = pop()
        if isinstance(item, dict):
            url = item.get("json_url")
            if isinstance(url, str):
                found.append(url)
            push(item.values())
        elif isinstance(item, list):
            push(item)
    return found


def _programme_days(pub: Publication) -> Iterator[dt.date | None]:
    """The days each programme was decided, and the days its state (`tillstand`, which
    program.json reports) turns by its dates: its period begins, its period ends. A
    proposal's or an expired one's state does not turn by dates (`programgiltighet`)."""
    for p in pub.model.program:
        yield p.beslutsdatum
        # Known only by its month ("2017-11"): adopted from that month's first day on.
        yield dt.date.fromisoformat(f"{p.beslutsmanad}-01") if p.beslutsmanad else None
        if not (p.forslag or p.utgatt):
            yield periodstart(p)
            yield periodslut(p)


def _follow_up_days(pub: Publication) -> Iterator[dt.date | None]:
    for year in pub.uppfoljning:
        yield from (r.inlamnad_datum for r in year.rapporter)


# Kinds whose content also comes from data other than the anvisningar.
_OTHER_DAYS = {
    "program": _programme_days,
    "uppfoljning": _follow_up_days,
    "riskbild": _follow_up_days,
}


def document_date(
    pub: Publication,
    kind: str,
    document: Mapping[str, Any],
    anvisningar: Mapping[str, dt.date | None],
) -> dt.date | None:
    """The latest day of change of what `document` reports, or None if its data has no
    dates (e.g. the list of organ). `anvisningar` is `per_anvisning`."""
    days: list[dt.date | None] = [anvisningar.get(u) for u in _addresses(document)]
    if kind in _OTHER_DAYS:
        days.extend(_OTHER_DAYS[kind](pub))
    return _latest(days, pub.dag)
