"""Questions every view asks of the publication: what applies to whom, what is in force,
what happened when.

Pages, JSON, the feed and the diff all answer from here, so they cannot disagree. Each
answer is a frozen value made from the publication alone; indexes are built once
(`Applicability.of`), so answering for every organ stays linear in the content.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum
from types import MappingProxyType

from styrdok.core.giltighet import Tillstand, Versionsperiod, perioder
from styrdok.core.model import ORGANTYPER, Anvisning, Fokusomrade, Malomrade, Organ
from styrdok.core.sortering import svensk
from styrdok.select import Publication
from styrdok.views.wording import handelse

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
    # The lists every organ (or every organ of a type) shares, filtered by state once
    # per publication: (filter, list, publication) -> the publication and the result.
    _filtered: dict[tuple[str, str | None, int], tuple[Publication, tuple[Anvisning, ...]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

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

    def shared(
        self,
        pub: Publication,
        state: Callable[[Publication, Iterable[Anvisning]], list[Anvisning]],
        typ: str | None = None,
    ) -> tuple[Anvisning, ...]:
        """`state(pub, alla)`, or of those for organ type `typ`, made once: every organ's
        answer holds them, and filtering them per organ scans them once per organ."""
        key = (state.__name__, typ, id(pub))
        if key not in self._filtered:
            listed = self.alla if typ is None else self.by_type.get(typ, ())
            # The publication is kept with the answer, so its id cannot be reused.
            self._filtered[key] = (pub, tuple(state(pub, listed)))
        return self._filtered[key][1]

    def applying(
        self,
        pub: Publication,
        state: Callable[[Publication, Iterable[Anvisning]], list[Anvisning]],
        organ: Organ,
    ) -> tuple[Anvisning, ...]:
        """`state(pub, self.applies_to(organ))`: the state of each list it joins, the shared
        ones made once (a filter of a joined list is the join of the filtered lists)."""
        _, named = self.specific(organ)
        common = self.shared(pub, state) if organ.tillampar_programmet else ()
        return (*common, *self.shared(pub, state, organ.typ), *state(pub, named))


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


# The lists of an OrganAnswer, in the order the organ's page shows them: the keys of its
# document's `anvisningar` and of each entry's `listor`.
ORGAN_LISTOR = ("samtliga", "for_typ", "sarskilt", "ansvarar_for", "kommande", "under_arbete")


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

    def listor(self) -> dict[str, tuple[Anvisning, ...]]:
        """The lists by key (ORGAN_LISTOR), in that order."""
        return {key: getattr(self, key) for key in ORGAN_LISTOR}


def organ_answer(pub: Publication, applicability: Applicability, organ: Organ) -> OrganAnswer:
    _, named = applicability.specific(organ)
    return OrganAnswer(
        organ=organ,
        uppgifter=pub.program.uppgifter_for(organ) if pub.program else (),
        samtliga=applicability.shared(pub, in_force) if organ.tillampar_programmet else (),
        for_typ=applicability.shared(pub, in_force, organ.typ),
        sarskilt=tuple(in_force(pub, named)),
        ansvarar_for=tuple(current(pub, applicability.owned.get(organ.id, ()))),
        kommande=applicability.applying(pub, coming, organ),
        under_arbete=applicability.applying(pub, drafts, organ),
    )


class Handelsetyp(Enum):
    """What happened: the feeds' first category and the words of "Nytt och ändrat"."""

    NY_ANVISNING = "ny-anvisning"  # version 1 decided
    NY_VERSION = "ny-version"
    UPPHAVD = "upphavd"
    UPPHAVS = "upphavs"  # the repeal is decided, and takes effect after the reference date


@dataclass(frozen=True)
class Event:
    """A decision about one version of an anvisning, or its repeal: for "Nytt och ändrat",
    the Atom feeds and the sitemap.

    Never dated after the reference date: a decision dated later has not happened yet (as
    `giltighet` decides too), and a repeal that takes effect later is announced
    (`UPPHAVS`) on the newest day the data records anything about the anvisning up to
    the reference date, usually the historik entry of the decision to repeal it.
    """

    datum: date
    typ: Handelsetyp
    anvisning: Anvisning  # as its page holds it now: its state now, its current title
    version: Anvisning  # the version the event concerns: an earlier one, or `anvisning`
    galler_fran: date | None = None  # a decision: the day the version applies from
    upphor: date | None = None  # a repeal: the first day the anvisning no longer applies

    @property
    def nyckel(self) -> str:
        """What happened to which version, stable across builds: a corrected date changes
        the entry, not its identity, and the announced repeal becomes the repeal."""
        if self.typ in (Handelsetyp.UPPHAVD, Handelsetyp.UPPHAVS):
            return f"anvisning/{self.anvisning.id}/upphavd"
        return f"anvisning/{self.anvisning.id}/version-{self.version.version}/beslut"

    @property
    def handelse(self) -> str:
        return handelse(self.typ.value, self.version.version, self.galler_fran, self.upphor)

    def andrad(self, dag: date) -> date:
        """The last day up to `dag` on which what the event's pages show changed: the
        decision, or the day the decided version came into force."""
        return max(d for d in (self.datum, self.galler_fran) if d is not None and d <= dag)


def events(pub: Publication) -> list[Event]:
    """Decisions on every published version (earlier ones and the current) and repeals,
    newest first."""
    found: list[Event] = []
    for a in pub.anvisningar:
        versions = (*pub.versioner(a), a)
        for version in versions:
            decided = version.beslutsdatum
            if version.utkast or decided is None or decided > pub.dag:
                continue
            typ = Handelsetyp.NY_ANVISNING if version.version == 1 else Handelsetyp.NY_VERSION
            found.append(Event(decided, typ, a, version, galler_fran=version.giltig_fran))
        repeal = _repeal(pub.dag, a, versions)
        if repeal is not None:
            found.append(repeal)
    return sorted(found, key=_chronological, reverse=True)


_TYP_ORDER = {typ: i for i, typ in enumerate(Handelsetyp)}


def _chronological(event: Event) -> tuple[date, str, int, int]:
    """The order of events, made total so that every list of them reads the same."""
    return (event.datum, event.anvisning.id, event.version.version, _TYP_ORDER[event.typ])


def _repeal(dag: date, anvisning: Anvisning, versions: Iterable[Anvisning]) -> Event | None:
    day = anvisning.upphavd_datum
    if day is None or anvisning.utkast:
        return None
    if day <= dag:
        return Event(day, Handelsetyp.UPPHAVD, anvisning, anvisning, upphor=day)
    recorded = [h.datum for v in versions for h in v.historik]
    recorded += [v.beslutsdatum for v in versions if v.beslutsdatum]
    announced = max((d for d in recorded if d <= dag), default=None)
    if announced is None:
        return None
    return Event(announced, Handelsetyp.UPPHAVS, anvisning, anvisning, upphor=day)


@dataclass(frozen=True)
class EventIndex:
    """The events by whom their version applies to, what it is filed under and who owns
    it, indexed once; each list newest first.

    Applicability is the organ pages' (`Applicability`), read from the version the event
    concerns: an event of version 1 is for the organ version 1 applied to.
    """

    alla: tuple[Event, ...]
    by_type: Mapping[str, tuple[Event, ...]]
    by_organ: Mapping[str, tuple[Event, ...]]
    by_fokus: Mapping[str, tuple[Event, ...]]
    owned: Mapping[str, tuple[Event, ...]]

    @classmethod
    def of(cls, found: Iterable[Event]) -> EventIndex:
        alla: list[Event] = []
        by_type: dict[str, list[Event]] = defaultdict(list)
        by_organ: dict[str, list[Event]] = defaultdict(list)
        by_fokus: dict[str, list[Event]] = defaultdict(list)
        owned: dict[str, list[Event]] = defaultdict(list)
        for event in found:
            version = event.version
            owned[version.ansvarig].append(event)
            for fokus_id in version.fokusomraden:
                by_fokus[fokus_id].append(event)
            if version.galler_for.alla:
                alla.append(event)
            for typ in version.galler_for.organtyper:
                by_type[typ].append(event)
            for organ_id in version.galler_for.organ:
                by_organ[organ_id].append(event)

        def frozen(index: dict[str, list[Event]]) -> Mapping[str, tuple[Event, ...]]:
            return MappingProxyType({k: tuple(v) for k, v in index.items()})

        return cls(tuple(alla), frozen(by_type), frozen(by_organ), frozen(by_fokus), frozen(owned))

    def applying_to(self, organ: Organ) -> tuple[Sequence[Event], ...]:
        """The lists, each newest first, whose events apply to the organ (they overlap)."""
        common = self.alla if organ.tillampar_programmet else ()
        return (common, self.by_type.get(organ.typ, ()), self.by_organ.get(organ.id, ()))

    def concerning(self, organ: Organ) -> tuple[Sequence[Event], ...]:
        """The lists of what its page shows: the events that apply to it and those of
        what it owns. Shared by many organs, so a caller can take each one's newest once."""
        return (*self.applying_to(organ), self.owned.get(organ.id, ()))

    def for_organ(self, organ: Organ, limit: int | None = None) -> list[Event]:
        """The events whose version applies to the organ, newest first (at most `limit`)."""
        return _newest(self.applying_to(organ), limit)

    def for_fokus(self, fokus_id: str, limit: int | None = None) -> list[Event]:
        return list(self.by_fokus.get(fokus_id, ())[:limit])


def _newest(lists: Iterable[Sequence[Event]], limit: int | None) -> list[Event]:
    """Lists that are each newest first, merged newest first, each event once."""
    merged: list[Event] = []
    seen: set[int] = set()
    for event in heapq.merge(*lists, key=_chronological, reverse=True):
        if id(event) not in seen:
            seen.add(id(event))
            merged.append(event)
            if limit is not None and len(merged) == limit:
                break
    return merged


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
    of `gallde`, which counts only what was decided by that day. A version the audience
    may not read still ends the period of the one before it, as on the anvisning's page."""
    published = pub.versioner(anvisning)
    dolda = pub.dolda_versioner.get(anvisning.id, ())
    return tuple(p for p in perioder(anvisning, published, dolda=dolda) if p.beslutad)


@dataclass(frozen=True)
class Gallde:
    """One anvisning in force on a day, and the version that applied."""

    anvisning: Anvisning  # as published now (its current version)
    period: Versionsperiod  # the version in force on the day, by what was decided by then
    intervall: Versionsperiod  # the same version's period by every decision in the data

    @property
    def sida(self) -> str:
        """The page of the version (below docs/): a period's `anvisning` is the version
        as its own page holds it, the anvisning's page for the current version."""
        return self.period.anvisning.sida


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
    # Anvisningar in force on the day in a version this audience may not read, with that
    # version's number: whom it applied to is not published either, so they are listed
    # whatever the organ.
    dolda: tuple[tuple[Anvisning, int], ...] = ()

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
    hidden: list[tuple[Anvisning, int]] = []
    later: list[Versionsperiod] = []
    unkept: list[Versionsperiod] = []
    first: date | None = None
    for a in pub.anvisningar:
        record = versionsperioder(pub, a)
        starts = [p.fran for p in record if p.fran and concerns(p)]
        if starts:
            first = min(first, *starts) if first else min(starts)
        on_the_day = pub.giltighet_den(a, dag)
        applied = on_the_day.gallande
        if on_the_day.dold is not None:
            hidden.append((a, on_the_day.dold))
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
            and on_the_day.dold is None
            and oldest is not None
            and oldest.version > 1
            and not (oldest.fran and oldest.fran <= dag and _decided_by(oldest, dag))
            and (a.upphavd_datum is None or dag < a.upphavd_datum)
            and concerns(oldest)
        ):
            unkept.append(oldest)
    return GalldeSvar(dag, organ, tuple(hits), tuple(later), tuple(unkept), first, tuple(hidden))


def _decided_by(period: Versionsperiod, dag: date) -> bool:
    decided = period.anvisning.beslutsdatum
    return decided is None or decided <= dag
