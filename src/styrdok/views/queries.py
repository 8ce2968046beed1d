"""Questions every view asks of the publication: what applies to whom, what is in force,
what happened when.

Pages, JSON, the feed and the diff all answer from here, so they cannot disagree. Each
answer is a frozen value made from the publication alone; indexes are built once
(`Applicability.of`), so answering for every organ stays linear in the content.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from styrdok.core.giltighet import Tillstand
from styrdok.core.model import ORGANTYPER, Anvisning, Fokusomrade, Malomrade, Organ
from styrdok.core.sortering import svensk
from styrdok.select import Publication

# How far ahead "Ska revideras" looks for review dates.
REVIEW_WINDOW = timedelta(days=90)


def in_force(pub: Publication, anvisningar: Iterable[Anvisning]) -> list[Anvisning]:
    """In force on the reference date (gällande or under revidering), by dates and status."""
    return [a for a in anvisningar if pub.giltighet(a).i_kraft]


def coming(pub: Publication, anvisningar: Iterable[Anvisning]) -> list[Anvisning]:
    """Decided, but in force only from a day after the reference date."""
    return [a for a in anvisningar if pub.giltighet(a).tillstand is Tillstand.KOMMANDE]


def drafts(pub: Publication, anvisningar: Iterable[Anvisning]) -> list[Anvisning]:
    return [a for a in anvisningar if pub.giltighet(a).utkast]


def current(pub: Publication, anvisningar: Iterable[Anvisning]) -> list[Anvisning]:
    """Everything not repealed: in force, coming or in preparation."""
    return [a for a in anvisningar if pub.giltighet(a).aktuell]


def repealed(pub: Publication, anvisningar: Iterable[Anvisning]) -> list[Anvisning]:
    return [a for a in anvisningar if pub.giltighet(a).upphavd]


def of_fokusomrade(pub: Publication, fokus_id: str) -> list[Anvisning]:
    """The anvisningar filed under a fokusområde, repealed ones included."""
    return [a for a in pub.anvisningar if fokus_id in a.fokusomraden]


def fokusomraden_of(pub: Publication, malomrade: Malomrade) -> list[Fokusomrade]:
    """The fokusområden that bear on a målområde."""
    return [f for f in pub.fokusomraden if malomrade.id in f.malomraden]


def by_organ_name(pub: Publication, ids: Iterable[str]) -> tuple[str, ...]:
    """Organ ids in Swedish alphabetical order of their names."""
    return tuple(sorted(ids, key=lambda o: svensk(pub.model.organ_namn(o))))


@dataclass(frozen=True)
class Applicability:
    """Which anvisningar apply to whom and who owns which, indexed once."""

    alla: tuple[Anvisning, ...]
    by_type: dict[str, tuple[Anvisning, ...]]
    by_organ: dict[str, tuple[Anvisning, ...]]
    owned: dict[str, tuple[Anvisning, ...]]

    @classmethod
    def of(cls, anvisningar: Iterable[Anvisning]) -> Applicability:
        alla: list[Anvisning] = []
        by_type: dict[str, list[Anvisning]] = defaultdict(list)
        by_organ: dict[str, list[Anvisning]] = defaultdict(list)
        owned: dict[str, list[Anvisning]] = defaultdict(list)
        for a in anvisningar:
            owned[a.ansvarig].append(a)
            if a.galler_for.alla:
                alla.append(a)
            for typ in a.galler_for.organtyper:
                by_type[typ].append(a)
            for organ_id in a.galler_for.organ:
                by_organ[organ_id].append(a)
        return cls(
            tuple(alla),
            {k: tuple(v) for k, v in by_type.items()},
            {k: tuple(v) for k, v in by_organ.items()},
            {k: tuple(v) for k, v in owned.items()},
        )

    def specific(self, organ: Organ) -> tuple[tuple[Anvisning, ...], tuple[Anvisning, ...]]:
        """Anvisningar for the organ's type, and those naming it (not already for its type)."""
        for_type = self.by_type.get(organ.typ, ())
        seen = {a.id for a in for_type}
        named = tuple(a for a in self.by_organ.get(organ.id, ()) if a.id not in seen)
        return for_type, named

    def applies_to(self, organ: Organ) -> list[Anvisning]:
        for_type, named = self.specific(organ)
        common = self.alla if organ.tillampar_programmet else ()
        return [*common, *for_type, *named]


@dataclass(frozen=True)
class FokusAnswer:
    """A fokusområde's anvisningar and the organ concerned: for its page and its JSON."""

    fokus: Fokusomrade
    anvisningar: tuple[Anvisning, ...]  # not repealed
    upphavda: tuple[Anvisning, ...]
    ansvariga: tuple[str, ...]  # organ ids owning the anvisningar
    for_alla: bool  # some anvisning applies to all nämnder and bolagsstyrelser
    organtyper: tuple[str, ...]
    organ: tuple[str, ...]  # organ named by the anvisningar


def fokus_answer(pub: Publication, fokus: Fokusomrade) -> FokusAnswer:
    anvisningar = of_fokusomrade(pub, fokus.id)
    now = current(pub, anvisningar)
    types = {t for a in now for t in a.galler_for.organtyper}
    return FokusAnswer(
        fokus=fokus,
        anvisningar=tuple(now),
        upphavda=tuple(repealed(pub, anvisningar)),
        ansvariga=by_organ_name(pub, {a.ansvarig for a in now}),
        for_alla=any(a.galler_for.alla for a in now),
        organtyper=tuple(t for t in ORGANTYPER if t in types),
        organ=by_organ_name(pub, {o for a in now for o in a.galler_for.organ}),
    )


@dataclass(frozen=True)
class OrganAnswer:
    """What applies to one organ: the same answer for its page and its JSON document."""

    organ: Organ
    uppgifter: tuple[str, ...]
    samtliga: tuple[Anvisning, ...]  # in force for all nämnder and bolagsstyrelser
    for_typ: tuple[Anvisning, ...]  # in force for the organ's type
    sarskilt: tuple[Anvisning, ...]  # in force and naming the organ
    ansvarar_for: tuple[Anvisning, ...]  # owned by the organ, not repealed
    kommande: tuple[Anvisning, ...]  # decided, will apply to it from a later day
    under_arbete: tuple[Anvisning, ...]  # drafts that will apply to it


def organ_answer(pub: Publication, applicability: Applicability, organ: Organ) -> OrganAnswer:
    for_type, named = applicability.specific(organ)
    return OrganAnswer(
        organ=organ,
        uppgifter=pub.program.uppgifter_for(organ) if pub.program else (),
        samtliga=tuple(in_force(pub, applicability.alla)) if organ.tillampar_programmet else (),
        for_typ=tuple(in_force(pub, for_type)),
        sarskilt=tuple(in_force(pub, named)),
        ansvarar_for=tuple(current(pub, applicability.owned.get(organ.id, ()))),
        kommande=tuple(coming(pub, applicability.applies_to(organ))),
        under_arbete=tuple(drafts(pub, applicability.applies_to(organ))),
    )


@dataclass(frozen=True)
class Event:
    """A decision about an anvisning: for "Nytt och ändrat" and the Atom feed."""

    datum: date
    handelse: str
    anvisning: Anvisning

    @property
    def slug(self) -> str:
        what = "upphavd" if self.handelse == UPPHAVD_HANDELSE else f"v{self.anvisning.version}"
        return f"{self.datum.isoformat()}-{what}"


UPPHAVD_HANDELSE = "Upphävd"


def events(pub: Publication) -> list[Event]:
    """Decisions (new anvisningar, new versions) and repeals, newest first."""
    found: list[Event] = []
    for a in pub.anvisningar:
        if a.beslutsdatum:
            what = "Ny anvisning beslutad" if a.version == 1 else f"Version {a.version} beslutad"
            found.append(Event(a.beslutsdatum, what, a))
        if a.upphavd_datum:
            found.append(Event(a.upphavd_datum, UPPHAVD_HANDELSE, a))
    return sorted(found, key=lambda e: (e.datum, e.anvisning.id, e.handelse), reverse=True)


@dataclass(frozen=True)
class ReviewAnswer:
    """Anvisningar in force whose last day for review has passed or is near."""

    passed: tuple[Anvisning, ...]
    soon: tuple[Anvisning, ...]  # within REVIEW_WINDOW from today


def review_answer(pub: Publication, today: date) -> ReviewAnswer:
    due = sorted(
        (a for a in pub.anvisningar if pub.giltighet(a).i_kraft and a.revideras_senast),
        key=lambda a: (a.revideras_senast, a.id),
    )
    return ReviewAnswer(
        passed=tuple(a for a in due if a.revideras_senast < today),
        soon=tuple(a for a in due if today <= a.revideras_senast <= today + REVIEW_WINDOW),
    )


def repealed_newest_first(pub: Publication) -> list[tuple[Anvisning, Anvisning | None]]:
    """Repealed anvisningar, most recently repealed first, each with its replacement."""
    found = sorted(
        repealed(pub, pub.anvisningar),
        key=lambda a: (a.upphavd_datum or date.min, a.id),
        reverse=True,
    )
    return [(a, replacement(pub, a)) for a in found]


def replacement(pub: Publication, anvisning: Anvisning) -> Anvisning | None:
    """The published anvisning that replaced this one, if any."""
    newer = pub.model.anvisning_ersatt_av(anvisning.id)
    return pub.model.anvisning_med_id(newer) if newer else None
