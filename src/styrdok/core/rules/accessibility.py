"""Rules for the accessibility statement (data/tillganglighet.yml): it is the city's
statement under the law, so it must not contradict itself or date what has not happened."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from styrdok.core.messages import problem
from styrdok.core.model import HELT_FORENLIG, Model, Tillganglighet
from styrdok.core.problems import Problem


def check_accessibility(model: Model, now: date) -> list[Problem]:
    """`now` is the real day: an assessment cannot have been made after it."""
    statement = model.redogorelse
    if statement is None:
        return []
    return [*_compliance(statement), *_dates(statement, now)]


def _compliance(statement: Tillganglighet) -> Iterator[Problem]:
    """Fully compliant means no shortcoming is left; partly or not compliant must say
    which content is not accessible (DIGG: "på grund av de brister som beskrivs nedan")."""
    helt = statement.forenlighet == HELT_FORENLIG
    if helt == bool(statement.brister):
        antal = len(statement.brister)
        yield problem(
            "forenlighet-och-brister",
            statement.kalla.fil,
            statement.kalla.plats("forenlighet"),
            forenlighet=statement.forenlighet,
            brister=f"{antal} brister" if antal != 1 else "1 brist",
        )


def _dates(statement: Tillganglighet, now: date) -> Iterator[Problem]:
    kalla = statement.kalla
    for falt in ("bedomd", "uppdaterad"):
        value: date = getattr(statement, falt)
        if value > now:
            yield problem(
                "datum-i-framtiden",
                kalla.fil,
                kalla.plats(falt),
                falt=falt,
                datum=value.isoformat(),
            )
    if statement.uppdaterad < statement.bedomd:
        yield problem(
            "datumordning",
            kalla.fil,
            kalla.plats("uppdaterad"),
            forsta="bedomd",
            datum1=statement.bedomd.isoformat(),
            andra="uppdaterad",
            datum2=statement.uppdaterad.isoformat(),
            rad="Redogörelsen uppdateras när bedömningen görs eller senare. Rätta uppdaterad.",
        )
