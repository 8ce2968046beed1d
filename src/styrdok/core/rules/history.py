"""Rules over an anvisning's dates and history that its other fields cannot show.

A raised version needs a history entry saying what changed in it; a decision or a
history entry dated after today is a slip (a year or a month mistyped).

"Today" here is the real day, not the reference day of the check: the site may be built
as of a past day (STYRDOK_REFERENSDATUM), and a decision after that day is right then,
it only does not apply yet. Callers pass the real day, so tests can fix it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from styrdok.core.messages import problem
from styrdok.core.model import Anvisning, Model
from styrdok.core.problems import Problem


def check_history(model: Model, now: date) -> Iterator[Problem]:
    for anvisning in model.anvisningar:
        yield from _version_without_entry(anvisning)
    for anvisning in (*model.anvisningar, *model.versioner):
        yield from _future_dates(anvisning, now)


def _version_without_entry(anvisning: Anvisning) -> Iterator[Problem]:
    """The history numbers its entries by version, but none is for the current one.

    A history that never names versions says nothing either way, and is left alone."""
    numbered = [entry.version for entry in anvisning.historik if entry.version is not None]
    if numbered and anvisning.version not in numbered and anvisning.version > max(numbered):
        yield problem(
            "version-utan-historik",
            anvisning.fil,
            anvisning.kalla.plats("version"),
            version=anvisning.version,
            senaste=max(numbered),
        )


def _future_dates(anvisning: Anvisning, now: date) -> Iterator[Problem]:
    if anvisning.beslutsdatum is not None and anvisning.beslutsdatum > now:
        yield problem(
            "datum-i-framtiden",
            anvisning.fil,
            anvisning.kalla.plats("beslutsdatum"),
            falt="beslutsdatum",
            datum=anvisning.beslutsdatum.isoformat(),
        )
    for index, entry in enumerate(anvisning.historik):
        if entry.datum > now:
            yield problem(
                "datum-i-framtiden",
                anvisning.fil,
                anvisning.kalla.plats(f"historik[{index}]"),
                falt="historik",
                datum=entry.datum.isoformat(),
            )
