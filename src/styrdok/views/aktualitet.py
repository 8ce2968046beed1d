"""When a built page stops being current by the data's own dates.

The site states what applies on its reference date. It is out of date from the first
later day on which, by the dates already in the source, something changes: an anvisning
(or a new version of one) begins to apply or ceases to, or a programme is adopted or its
period begins or ends. The theme prints the reference date on every page and hands this
day to a small script that tells a reader who opens the page on or after it.
"""

from __future__ import annotations

from datetime import date

from styrdok.core.giltighet import nasta_programandring
from styrdok.select import Publication


def nasta_andring(pub: Publication) -> date | None:
    """The first day after the reference date on which, by the data, something the
    publication says changes; None if nothing in the data is dated after it."""
    days: list[date] = []
    for anvisning in pub.anvisningar:
        g = pub.giltighet(anvisning)
        if g.kommande is not None and g.kommande.fran is not None:
            days.append(g.kommande.fran)
        if g.upphor is not None:
            days.append(g.upphor)
    for program in pub.model.program:
        day = nasta_programandring(program, pub.dag)
        if day is not None:
            days.append(day)
    return min((d for d in days if d > pub.dag), default=None)
