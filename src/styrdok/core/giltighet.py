"""Validity in time: the state a document is in on a given day, decided once.

Status alone does not say whether an anvisning applies. A decided version applies from
its `giltig_fran` until the day before the next decided version's `giltig_fran`; the
last decided version until the day before `upphavd_datum`. A draft applies never, and
while the next version is a draft the version before it still applies. Every view asks
here, for the publication's reference date (`Publication.dag`), so pages, JSON, CSV and
feeds cannot disagree about what is in force, and "what applied on 2017-04-07" has the
same answer as "what applies today".

A programme's validity comes from its status and its period: one marked in force whose
period has ended is not simply in force (`Programtillstand.PERIOD_SLUT`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from styrdok.core.model import Anvisning, Program

_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def dag(text: str) -> date:
    """A day written YYYY-MM-DD, as editors and commands write it; ValueError otherwise.
    Stricter than date.fromisoformat, which also takes 20261201 and 2026-W49-2."""
    text = text.strip()
    if not _DAY.fullmatch(text):
        raise ValueError(text)
    return date.fromisoformat(text)


class Tillstand(Enum):
    """An anvisning's state on one day."""

    UTKAST = "utkast"  # not decided (on that day)
    KOMMANDE = "beslutad"  # decided, in force from a later day
    GALLANDE = "gällande"
    UNDER_REVIDERING = "under revidering"  # in force, a new version is being prepared
    UPPHAVD = "upphävd"

    @property
    def i_kraft(self) -> bool:
        return self in (Tillstand.GALLANDE, Tillstand.UNDER_REVIDERING)


@dataclass(frozen=True)
class Versionsdatum:
    """The dates of a version an audience may not read: enough to end the period of the
    version before it, nothing of what it says."""

    version: int
    beslutsdatum: date | None
    giltig_fran: date | None
    utkast: bool = False


@dataclass(frozen=True)
class Versionsperiod:
    """One version of an anvisning and the days it applied or applies."""

    anvisning: Anvisning  # the version as it was written (an old version or the current)
    fran: date | None  # the first day in force; None: never decided
    till: date | None  # the last day in force; None: no end decided

    @property
    def version(self) -> int:
        return self.anvisning.version

    @property
    def beslutad(self) -> bool:
        return self.fran is not None

    @property
    def tom(self) -> bool:
        """Decided, but replaced or repealed before it began to apply."""
        return self.fran is not None and self.till is not None and self.till < self.fran

    def omfattar(self, dag: date) -> bool:
        return (
            self.fran is not None and self.fran <= dag and (self.till is None or dag <= self.till)
        )


@dataclass(frozen=True)
class Giltighet:
    """What an anvisning is on `dag`, and which of its versions applies."""

    dag: date
    tillstand: Tillstand
    perioder: tuple[Versionsperiod, ...]  # every version, oldest first
    gallande: Versionsperiod | None = None  # the version in force on `dag`
    kommande: Versionsperiod | None = None  # the next decided version, from a later day
    upphor: date | None = None  # the first day it no longer applies, if after `dag`
    # The version in force on `dag` when the audience may not read it (then `gallande`
    # is None although the anvisning is in force).
    dold: int | None = None

    @property
    def i_kraft(self) -> bool:
        return self.tillstand.i_kraft

    @property
    def upphavd(self) -> bool:
        return self.tillstand is Tillstand.UPPHAVD

    @property
    def utkast(self) -> bool:
        return self.tillstand is Tillstand.UTKAST

    @property
    def aktuell(self) -> bool:
        """Not repealed: in force, coming or in preparation."""
        return not self.upphavd


def _decided(version: Anvisning | Versionsdatum, dag: date | None = None) -> bool:
    """Whether a version was decided (on `dag`, if given): a draft never is, and one whose
    decision is dated after `dag` was not yet."""
    if version.utkast or version.giltig_fran is None:
        return False
    return dag is None or version.beslutsdatum is None or version.beslutsdatum <= dag


def perioder(
    aktuell: Anvisning,
    tidigare: Iterable[Anvisning] = (),
    dag: date | None = None,
    dolda: Iterable[Versionsdatum] = (),
) -> tuple[Versionsperiod, ...]:
    """Each readable version's period, oldest first. `aktuell` is the anvisning as its
    page holds it, `tidigare` its kept earlier versions the audience may read, `dolda`
    the dates of those it may not: they still end the period of the version before them,
    but have no period here. With `dag`, only what was decided by that day counts: a
    version decided later did not end an earlier one's period yet."""
    return tuple(
        Versionsperiod(v, fran, till)
        for v, fran, till in _all_periods(aktuell, tidigare, dag, dolda)
        if isinstance(v, Anvisning)
    )


def _all_periods(
    aktuell: Anvisning,
    tidigare: Iterable[Anvisning],
    dag: date | None,
    dolda: Iterable[Versionsdatum],
) -> list[tuple[Anvisning | Versionsdatum, date | None, date | None]]:
    """Every version, readable or not, in version order, with its first and last day in
    force (None, None for one never decided)."""
    versions: list[Anvisning | Versionsdatum] = sorted(
        (*tidigare, *dolda, aktuell), key=lambda v: v.version
    )
    decided = [v for v in versions if _decided(v, dag)]
    ends: dict[int, date | None] = {}
    for older, newer in itertools.pairwise(decided):
        ends[older.version] = newer.giltig_fran - timedelta(days=1)  # type: ignore[operator]
    if decided:
        # upphavd_datum is the first day the anvisning no longer applies.
        repeal = aktuell.upphavd_datum
        ends[decided[-1].version] = repeal - timedelta(days=1) if repeal else None
    return [
        (v, v.giltig_fran, ends[v.version]) if v.version in ends else (v, None, None)
        for v in versions
    ]


def _hidden_in_force(
    aktuell: Anvisning,
    tidigare: Iterable[Anvisning],
    dag: date,
    dolda: tuple[Versionsdatum, ...],
) -> int | None:
    """The number of a version the audience may not read that is in force on `dag`."""
    for v, fran, till in _all_periods(aktuell, tidigare, dag, dolda) if dolda else ():
        if isinstance(v, Versionsdatum) and fran and fran <= dag and (till is None or dag <= till):
            return v.version
    return None


def giltighet(
    aktuell: Anvisning,
    tidigare: Iterable[Anvisning],
    dag: date,
    dolda: Iterable[Versionsdatum] = (),
) -> Giltighet:
    """The anvisning's state on `dag`, from all its versions' dates and statuses."""
    tidigare, dolda = tuple(tidigare), tuple(dolda)
    periods = perioder(aktuell, tidigare, dag, dolda)
    in_force = next((p for p in periods if p.omfattar(dag)), None)
    coming = next((p for p in periods if p.fran and p.fran > dag and not p.tom), None)
    repeal = aktuell.upphavd_datum
    upphor = repeal if repeal is not None and repeal > dag else None
    hidden = _hidden_in_force(aktuell, tidigare, dag, dolda) if in_force is None else None
    if in_force is not None or hidden is not None:
        # The file holds a newer version not yet decided (or the file says so itself):
        # the version in force is being revised.
        current_in_force = in_force is not None and in_force.anvisning is aktuell
        revising = aktuell.under_revidering or (not current_in_force and not _decided(aktuell, dag))
        state = Tillstand.UNDER_REVIDERING if revising else Tillstand.GALLANDE
        return Giltighet(dag, state, periods, in_force, coming, upphor, hidden)
    if repeal is not None and repeal <= dag and any(p.beslutad for p in periods):
        return Giltighet(dag, Tillstand.UPPHAVD, periods)
    if coming is not None:
        return Giltighet(dag, Tillstand.KOMMANDE, periods, None, coming, upphor)
    return Giltighet(dag, Tillstand.UTKAST, periods)


class Programtillstand(Enum):
    """A programme's state on one day."""

    FORSLAG = "förslag"  # not adopted (on that day)
    KOMMANDE = "kommande"  # adopted, its period has not begun
    GALLANDE = "gällande"
    PERIOD_SLUT = "perioden har löpt ut"  # marked in force, but its last year has passed
    UTGATT = "utgått"

    @property
    def gallande(self) -> bool:
        return self is Programtillstand.GALLANDE


def periodstart(program: Program) -> date:
    """The first day of the programme's period (its first year)."""
    return date(program.period_fran, 1, 1)


def periodslut(program: Program) -> date:
    """The first day after the programme's period: the day its last year has passed."""
    return date(program.period_till + 1, 1, 1)


def perioden_slut(program: Program, dag: date) -> bool:
    """Whether the programme's period has ended by `dag`, whatever its status."""
    return dag >= periodslut(program)


def _adopted(program: Program, dag: date) -> bool:
    """Whether the programme had been adopted by `dag`, as far as its decision date
    (or month) says; without one, its status is taken at its word."""
    if program.beslutsdatum is not None:
        return program.beslutsdatum <= dag
    if program.beslutsmanad is not None:
        return program.beslutsmanad <= dag.isoformat()[:7]
    return True


def programgiltighet(program: Program, dag: date) -> Programtillstand:
    """The programme's state on `dag`, from its status, decision date and period.

    The status says what the source knows now: `utgått` is taken as utgått on any day,
    since the day a programme stopped applying is not recorded (only that it was
    replaced). A programme marked in force is in force only within its period.
    """
    if program.forslag or not _adopted(program, dag):
        return Programtillstand.FORSLAG
    if program.utgatt:
        return Programtillstand.UTGATT
    if perioden_slut(program, dag):
        return Programtillstand.PERIOD_SLUT
    if dag < periodstart(program):
        return Programtillstand.KOMMANDE
    return Programtillstand.GALLANDE


def nasta_programandring(program: Program, dag: date) -> date | None:
    """The first day after `dag` on which the programme's state changes by its dates
    alone (it is adopted, its period begins or ends), if any."""
    if program.forslag or program.utgatt:
        return None
    days = [periodstart(program), periodslut(program)]
    if program.beslutsdatum is not None:
        days.append(program.beslutsdatum)
    return min((d for d in days if d > dag), default=None)
