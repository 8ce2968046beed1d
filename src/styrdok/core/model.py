"""The model: the programme and its anvisningar as immutable, linked objects.

Built once per build by `linking/`, after validation; every view reads it (through the
publication made by `select`) and nothing re-reads files. Each object remembers where
it was written so integrity rules can point at the line.

Longer than most modules because it is declarative: one frozen dataclass per kind of
thing the source describes, kept together so the model reads as one schema.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any

from styrdok.core.kinds import KINDS
from styrdok.core.problems import Position

# A programme is proposed, in force, or has expired.
PROGRAM_FORSLAG = "förslag"
PROGRAM_I_KRAFT = "gällande"
PROGRAM_UTGATT = "utgått"
# An anvisning's lifecycle; views ask the predicates on Anvisning, never compare strings.
UTKAST = "utkast"
GALLANDE = "gällande"
UNDER_REVIDERING = "under revidering"
UPPHAVD = "upphävd"
GALLANDE_STATUSAR = (GALLANDE, UNDER_REVIDERING)

ORGANTYPER: dict[str, str] = {
    "kommunfullmäktige": "Kommunfullmäktige",
    "kommunstyrelse": "Kommunstyrelsen",
    "stadsdelsnämnd": "Stadsdelsnämnder",
    "facknämnd": "Facknämnder",
    "bolagsstyrelse": "Bolagsstyrelser",
    "förvaltning": "Kontor och förvaltningar",
}

# The bodies the programme applies to ("samtliga nämnder och bolagsstyrelser").
TILLAMPANDE_TYPER = ("kommunstyrelse", "stadsdelsnämnd", "facknämnd", "bolagsstyrelse")


@dataclass(frozen=True)
class Kalla:
    """Where an object was written: the file, the entry's position and each field's."""

    fil: str
    position: Position
    falt: Mapping[str, Position] = field(default_factory=dict, compare=False, hash=False)

    def plats(self, namn: str) -> Position:
        return self.falt.get(namn, self.position)


@dataclass(frozen=True)
class Ansvar:
    """Tasks the programme gives to some types of organ and/or named organ."""

    uppgifter: tuple[str, ...]
    organtyper: tuple[str, ...] = ()
    organ: tuple[str, ...] = ()

    def galler(self, organ: Organ) -> bool:
        return organ.typ in self.organtyper or organ.id in self.organ


@dataclass(frozen=True)
class Program:
    id: str
    titel: str
    period_fran: int
    period_till: int
    status: str
    beslutad_av: str
    kalla: Kalla
    kortnamn: str | None = None
    forslag_av: str | None = None
    beredd_av: str | None = None
    beslutsdatum: date | None = None
    beslutsmanad: str | None = None
    diarienummer: str | None = None
    utgangspunkt: str | None = None
    sammanfattning: str | None = None
    kommunikation: str | None = None
    ansvar: tuple[Ansvar, ...] = ()
    ersatter: tuple[str, ...] = ()
    # A programme may be split into several successors (tsp-2018-2021 was).
    ersatt_av: tuple[str, ...] = ()

    def uppgifter_for(self, organ: Organ) -> tuple[str, ...]:
        return tuple(
            task for ansvar in self.ansvar if ansvar.galler(organ) for task in ansvar.uppgifter
        )

    @property
    def i_kraft(self) -> bool:
        return self.status == PROGRAM_I_KRAFT

    @property
    def forslag(self) -> bool:
        return self.status == PROGRAM_FORSLAG

    @property
    def utgatt(self) -> bool:
        return self.status == PROGRAM_UTGATT

    @property
    def period(self) -> str:
        return f"{self.period_fran}–{self.period_till}"


@dataclass(frozen=True)
class Malomrade:
    id: str
    program: str
    namn: str
    beskrivning: str
    ordning: int
    kalla: Kalla
    karna: bool = False


@dataclass(frozen=True)
class Fokusomrade:
    id: str
    program: str
    namn: str
    beskrivning: str
    malomraden: tuple[str, ...]
    malsattningar: tuple[str, ...]
    ordning: int
    kalla: Kalla
    exempelinnehall: bool = False
    skyddsvart: bool = False


@dataclass(frozen=True)
class Organ:
    id: str
    namn: str
    typ: str
    kalla: Kalla
    forvaltning: str | None = None
    moderbolag: str | None = None
    underordnat: str | None = None
    beskrivning: str | None = None
    # The organ's own legal person (a company); a nämnd is part of the kommun and has none.
    organisationsnummer: str | None = None
    # The years the body reports for, when it did not exist for the whole programme.
    rapporterar_fran: int | None = None
    rapporterar_till: int | None = None

    @property
    def tillampar_programmet(self) -> bool:
        return self.typ in TILLAMPANDE_TYPER

    def rapporterar(self, ar: int) -> bool:
        """Whether the body owes a risk- och lägesbild for year `ar`."""
        return (
            self.tillampar_programmet
            and (self.rapporterar_fran is None or self.rapporterar_fran <= ar)
            and (self.rapporterar_till is None or ar <= self.rapporterar_till)
        )


@dataclass(frozen=True)
class Forfattning:
    id: str
    namn: str
    sfs: str
    kalla: Kalla
    kortnamn: str | None = None
    skyddsvard: bool = False

    @property
    def benamning(self) -> str:
        short = f", {self.kortnamn}" if self.kortnamn else ""
        return f"{self.namn}{short} (SFS {self.sfs})"


@dataclass(frozen=True)
class GallerFor:
    """Who an anvisning applies to: all bodies, some types of body, or named bodies."""

    alla: bool = False
    organtyper: tuple[str, ...] = ()
    organ: tuple[str, ...] = ()

    def omfattar(self, organ: Organ) -> bool:
        if self.alla:
            return organ.tillampar_programmet
        return organ.typ in self.organtyper or organ.id in self.organ


@dataclass(frozen=True)
class Kontakt:
    funktion: str
    epost: str | None = None
    telefon: str | None = None


@dataclass(frozen=True)
class Handelse:
    """One entry of an anvisning's version history."""

    datum: date
    andring: str
    version: int | None = None


@dataclass(frozen=True)
class Anvisning:
    id: str
    titel: str
    sammanfattning: str
    fokusomraden: tuple[str, ...]
    ansvarig: str
    galler_for: GallerFor
    status: str
    atkomst: str
    version: int
    kontakt: Kontakt
    sida: str  # path below docs/, e.g. anvisningar/<id>.md
    text: str
    kalla: Kalla
    beslutsdatum: date | None = None
    beslutad_av: str | None = None
    giltig_fran: date | None = None
    revideras_senast: date | None = None
    upphavd_datum: date | None = None
    diarienummer: str | None = None
    ersatter: tuple[str, ...] = ()
    rattslig_grund: tuple[str, ...] = ()
    exempelinnehall: bool = False
    historik: tuple[Handelse, ...] = ()
    # Files below docs/ that belong to the anvisning and share its access level.
    bilagor: tuple[str, ...] = ()
    # The line of the source file where the text begins, for messages about the text.
    text_rad: int = 1

    @property
    def fil(self) -> str:
        """The source file, as messages name it (a page's `fil`, likewise)."""
        return self.kalla.fil

    @property
    def senast_andrad(self) -> date | None:
        """The latest day something was decided or changed, from the data."""
        days = [h.datum for h in self.historik]
        days += [d for d in (self.beslutsdatum, self.upphavd_datum) if d]
        return max(days, default=None)

    @property
    def gallande(self) -> bool:
        """In force: decided and not repealed (gällande or under revidering)."""
        return self.status in GALLANDE_STATUSAR

    @property
    def utkast(self) -> bool:
        """In preparation: not decided, does not apply yet."""
        return self.status == UTKAST

    @property
    def under_revidering(self) -> bool:
        """In force, but being reviewed."""
        return self.status == UNDER_REVIDERING

    @property
    def upphavd(self) -> bool:
        """Repealed: kept so decisions and references can be followed."""
        return self.status == UPPHAVD

    @property
    def skyddad(self) -> bool:
        return self.atkomst == "skyddad"


# How far the site meets the law's requirements, in the words DIGG prescribes.
HELT_FORENLIG = "helt förenlig"
DELVIS_FORENLIG = "delvis förenlig"
INTE_FORENLIG = "inte förenlig"
# Why content is outside the requirements: an adaptation that would be unreasonably
# burdensome (12 § lag 2018:1937), or content the law does not cover (9 §).
OSKALIGT_BETUNGANDE = "oskäligt betungande"
OMFATTAS_INTE = "omfattas inte"


@dataclass(frozen=True)
class Brist:
    """Content that does not meet a requirement, and why it has not been fixed."""

    beskrivning: str
    wcag: tuple[str, ...]  # success criteria, e.g. 1.1.1
    orsak: str
    planerad_atgard: str | None = None
    # Suspected, not confirmed: the statement says so rather than claim it.
    osaker: bool = False


@dataclass(frozen=True)
class Undantag:
    """Content outside the requirements: burdensome (12 §) or not covered (9 §)."""

    beskrivning: str
    grund: str  # OSKALIGT_BETUNGANDE or OMFATTAS_INTE
    motivering: str


@dataclass(frozen=True)
class Kontroll:
    """One automated check that was run, and what it found."""

    verktyg: str
    omfattning: str
    resultat: str
    datum: date


@dataclass(frozen=True)
class Tillganglighet:
    """The site's accessibility statement (tillgänglighetsredogörelse): the facts DIGG's
    regulations (MDFFS 2019:2) require, kept as data so they are updated, not rewritten."""

    organisation: str
    tjanst: str
    forenlighet: str
    bedomd: date
    uppdaterad: date
    metod: str
    metod_beskrivning: str
    kalla: Kalla
    inte_gjort: tuple[str, ...] = ()
    automatiska_kontroller: tuple[Kontroll, ...] = ()
    brister: tuple[Brist, ...] = ()
    undantag: tuple[Undantag, ...] = ()


@dataclass(frozen=True)
class Sida:
    """A hand-written page: its text and the few settings its front matter may make.

    The renderer gets the page from here, never from the file, so nothing in the front
    matter that the schema does not know (a theme template, macro switches) takes effect.
    """

    sida: str  # path below docs/
    titel: str
    text: str
    # No default: a page that forgot its access level must not be published by accident.
    atkomst: str
    beskrivning: str | None = None
    dolj: tuple[str, ...] = ()
    sok_uteslut: bool = False
    sok_vikt: float | None = None
    bilagor: tuple[str, ...] = ()
    text_rad: int = 1
    fil: str = ""  # the source file, as messages name it


@dataclass(frozen=True)
class Risk:
    """One risk of a body's risk- och lägesbild, on the five-level RSA scales (1–5)."""

    titel: str
    fokusomraden: tuple[str, ...]
    sannolikhet: int
    konsekvens: int
    atgarder: str


@dataclass(frozen=True)
class Rapport:
    """A body's report for one year: whether it came in, and what it says."""

    organ: str
    inlamnad: bool
    # No default: the access level of what a body reports must be chosen, never assumed.
    atkomst: str
    kalla: Kalla
    inlamnad_datum: date | None = None
    referens: str | None = None
    notering: str | None = None
    risker: tuple[Risk, ...] = ()

    @property
    def skyddad(self) -> bool:
        return self.atkomst == "skyddad"


@dataclass(frozen=True)
class Uppfoljningsar:
    """One year's follow-up of the programme (data/uppfoljning/<ar>.yml): a report from
    every body the programme applies to."""

    ar: int
    sista_dag: date
    rapporter: tuple[Rapport, ...]
    kalla: Kalla
    exempelinnehall: bool = False

    def passerad(self, today: date) -> bool:
        """Whether the deadline has passed on `today`."""
        return self.sista_dag < today


@dataclass(frozen=True)
class Varde:
    """An indicator's value for one year: for women and men where the source has the
    split, and/or for all."""

    ar: int
    kvinnor: float | None = None
    man: float | None = None
    alla: float | None = None

    @property
    def uppdelat(self) -> bool:
        return self.kvinnor is not None and self.man is not None


@dataclass(frozen=True)
class Datakalla:
    namn: str
    url: str | None = None
    kommentar: str | None = None


@dataclass(frozen=True)
class Indikator:
    """A statistic the programme is followed up with (data/indikatorer/<id>.yml)."""

    id: str
    namn: str
    beskrivning: str
    enhet: str  # procent or antal
    fokusomraden: tuple[str, ...]
    datakalla: Datakalla
    # No default, as for reports: whether a statistic is public is a decision.
    atkomst: str
    varden: tuple[Varde, ...]  # as written in the file
    kalla: Kalla
    exempelinnehall: bool = False

    @property
    def efter_ar(self) -> tuple[Varde, ...]:
        """The values, oldest year first."""
        return tuple(sorted(self.varden, key=lambda v: v.ar))

    @property
    def uppdelad(self) -> bool:
        """Whether any year is split by women and men."""
        return any(v.uppdelat for v in self.varden)


@dataclass(frozen=True)
class Model:
    program: tuple[Program, ...]
    malomraden: tuple[Malomrade, ...]
    fokusomraden: tuple[Fokusomrade, ...]
    organ: tuple[Organ, ...]
    forfattningar: tuple[Forfattning, ...]
    anvisningar: tuple[Anvisning, ...]
    sidor: tuple[Sida, ...] = ()
    uppfoljning: tuple[Uppfoljningsar, ...] = ()
    indikatorer: tuple[Indikator, ...] = ()
    # Earlier versions of anvisningar (docs/anvisningar/<id>/version-<n>.md), each an
    # Anvisning as it was written then; `versioner_av` finds an anvisning's.
    versioner: tuple[Anvisning, ...] = ()
    # The accessibility statement: one, from data/tillganglighet.yml (none only when the
    # file was refused, and then the check has failed).
    tillganglighet: tuple[Tillganglighet, ...] = ()
    _by_id: Mapping[str, Mapping[str, Any]] = field(init=False, repr=False, compare=False)
    _ersatt_av: Mapping[str, Mapping[str, str]] = field(init=False, repr=False, compare=False)
    _program_ersatt_av: Mapping[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)
    _versioner: Mapping[str, tuple[Anvisning, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Indexes are built once here; views look things up, they never scan.
        by_id = {
            name: MappingProxyType({item.id: item for item in getattr(self, name)})
            for name in (kind.key for kind in KINDS.values() if kind.ids is not None)
        }
        # Replacement is written on the newer document (ersatter); a programme may also
        # name its successors (ersatt_av), and may have several. Both directions end up
        # in one lookup: its own list first, then the programmes that say they replace it.
        program: dict[str, dict[str, None]] = {
            p.id: dict.fromkeys(p.ersatt_av) for p in self.program
        }
        for newer_program in self.program:
            for older in newer_program.ersatter:
                program.setdefault(older, {})[newer_program.id] = None
        anvisningar: dict[str, str] = {}
        for newer in self.anvisningar:
            for older in newer.ersatter:
                anvisningar.setdefault(older, newer.id)
        ersatt_av = {"anvisningar": MappingProxyType(anvisningar)}
        object.__setattr__(
            self,
            "_program_ersatt_av",
            MappingProxyType({old: tuple(new) for old, new in program.items() if new}),
        )
        versions: dict[str, list[Anvisning]] = {}
        for old in self.versioner:
            versions.setdefault(old.id, []).append(old)
        object.__setattr__(
            self,
            "_versioner",
            MappingProxyType(
                {k: tuple(sorted(v, key=lambda a: a.version)) for k, v in versions.items()}
            ),
        )
        object.__setattr__(self, "_by_id", MappingProxyType(by_id))
        object.__setattr__(self, "_ersatt_av", MappingProxyType(ersatt_av))

    def texts(self) -> tuple[Anvisning | Sida, ...]:
        """Every document with a text of its own: the anvisningar, their kept earlier
        versions, then the other pages. Each has `sida` (its path below docs/), `titel`
        and `text`."""
        return (*self.anvisningar, *self.versioner, *self.sidor)

    @property
    def redogorelse(self) -> Tillganglighet | None:
        """The accessibility statement, if its file could be read."""
        return self.tillganglighet[0] if self.tillganglighet else None

    def program_med_id(self, id: str) -> Program | None:
        return self._by_id["program"].get(id)

    def malomrade_med_id(self, id: str) -> Malomrade | None:
        return self._by_id["malomraden"].get(id)

    def fokusomrade_med_id(self, id: str) -> Fokusomrade | None:
        return self._by_id["fokusomraden"].get(id)

    def skyddsvarda_fokusomraden(self, ids: Iterable[str]) -> list[Fokusomrade]:
        """The fokusområden among `ids` whose subject must be protected, in `ids`' order:
        what nothing öppen (an anvisning, a report, an indicator) may be about."""
        found = map(self.fokusomrade_med_id, dict.fromkeys(ids))
        return [f for f in found if f is not None and f.skyddsvart]

    def organ_med_id(self, id: str) -> Organ | None:
        return self._by_id["organ"].get(id)

    def organ_namn(self, id: str) -> str:
        """The organ's name, or its id when the model does not know it."""
        organ = self._by_id["organ"].get(id)
        return organ.namn if organ else id

    def forfattning_med_id(self, id: str) -> Forfattning | None:
        return self._by_id["forfattningar"].get(id)

    def anvisning_med_id(self, id: str) -> Anvisning | None:
        return self._by_id["anvisningar"].get(id)

    def indikator_med_id(self, id: str) -> Indikator | None:
        return self._by_id["indikatorer"].get(id)

    def versioner_av(self, id: str) -> tuple[Anvisning, ...]:
        """The kept earlier versions of anvisning `id`, oldest first."""
        return self._versioner.get(id, ())

    def anvisning_ersatt_av(self, id: str) -> str | None:
        """The id of the anvisning that replaced anvisning `id`, if any."""
        return self._ersatt_av["anvisningar"].get(id)

    def program_ersatt_av(self, id: str) -> tuple[str, ...]:
        """The ids of the programmes that replaced programme `id`, in source order."""
        return self._program_ersatt_av.get(id, ())
