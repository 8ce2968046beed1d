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

from styrdok.core.giltighet import Tillstand, Versionsperiod, perioder
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


# What applied on a given day ------------------------------------------------------------


def versionsperioder(pub: Publication, anvisning: Anvisning) -> tuple[Versionsperiod, ...]:
    """Every decided version of a published anvisning with its period, oldest first, from
    every decision in the data (a draft never applied and is left out). This is the record
    the page, the JSON and `styrdok gallde` show; which version applied on a day is asked
    of `gallde`, which counts only what was decided by that day."""
    published = pub.versioner(anvisning)
    return tuple(p for p in perioder(anvisning, published) if p.beslutad)


def version_sida(anvisning: Anvisning, period: Versionsperiod) -> str:
    """The page of one version (below docs/): the anvisning's own page for its current
    version, docs/anvisningar/<id>/version-<n>.md for an earlier one."""
    return anvisning.sida if period.version == anvisning.version else period.anvisning.sida


@dataclass(frozen=True)
class Gallde:
    """One anvisning in force on a day, and the version that applied."""

    anvisning: Anvisning  # as published now (its current version)
    period: Versionsperiod  # the version in force on the day, by what was decided by then
    intervall: Versionsperiod  # the same version's period by every decision in the data

    @property
    def sida(self) -> str:
        return version_sida(self.anvisning, self.period)


@dataclass(frozen=True)
class GalldeSvar:
    """What was in force on `dag` (for `organ`, if given): the same answer for the page,
    `styrdok gallde` and the JSON, each version's applicability read from that version."""

    dag: date
    organ: Organ | None
    gallde: tuple[Gallde, ...]
    # Versions decided after the day with effect from it or earlier: on the day itself
    # another version (or none) applied, but a later decision says this one did.
    senare_beslut: tuple[Versionsperiod, ...]
    # The oldest kept version of each anvisning whose kept versions begin after the day
    # while earlier versions are not kept: one of those may have applied.
    ej_bevarade: tuple[Versionsperiod, ...]
    # The first day any version that applies to the organ (or any version) applied.
    forsta_dag: date | None

    @property
    def fore_allt(self) -> bool:
        """The day is before every version kept here."""
        return self.forsta_dag is None or self.dag < self.forsta_dag


def gallde(pub: Publication, dag: date, organ: Organ | None = None) -> GalldeSvar:
    """The anvisningar in force on `dag` with the version that applied, optionally only
    those that applied to `organ` by that version's `galler_for` (an earlier version may
    have applied to other bodies), by the rules of the organ pages. Linear in the
    number of versions."""

    def concerns(period: Versionsperiod) -> bool:
        return organ is None or period.anvisning.galler_for.omfattar(organ)

    hits: list[Gallde] = []
    later: list[Versionsperiod] = []
    unkept: list[Versionsperiod] = []
    first: date | None = None
    for a in pub.anvisningar:
        record = versionsperioder(pub, a)
        starts = [p.fran for p in record if p.fran and concerns(p)]
        if starts:
            first = min(first, *starts) if first else min(starts)
        applied = pub.giltighet_den(a, dag).gallande
        if applied is not None and concerns(applied):
            known = next(p for p in record if p.version == applied.version)
            hits.append(Gallde(a, applied, known))
        later += [
            p
            for p in record
            if p.omfattar(dag)
            and p.anvisning.beslutsdatum is not None
            and p.anvisning.beslutsdatum > dag
            and concerns(p)
        ]
        oldest = record[0] if record else None
        if (
            applied is None
            and oldest is not None
            and oldest.version > 1
            and not (oldest.fran and oldest.fran <= dag and _decided_by(oldest, dag))
            and (a.upphavd_datum is None or dag < a.upphavd_datum)
            and concerns(oldest)
        ):
            unkept.append(oldest)
    return GalldeSvar(dag, organ, tuple(hits), tuple(later), tuple(unkept), first)


def _decided_by(period: Versionsperiod, dag: date) -> bool:
    decided = period.anvisning.beslutsdatum
    return decided is None or decided <= dag
