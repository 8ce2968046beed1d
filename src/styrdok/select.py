"""Selection: decide, once, what of the model may be published for an audience.

Every view reads the `Publication` this returns and nothing else, so a document the
selection leaves out cannot appear in any page, list, count or export. The rules:

- intranät: öppen and intern documents in full; a skyddad anvisning as metadata only
  (id, title, status, dates, fokusområden, who it applies to, owner and contact), so
  staff know it exists and whom to ask; its text never leaves the source.
- publik: öppen documents only. Nothing intern or skyddad appears, not even its id.

A year's reports (`uppfoljning`) follow the same levels: the intranet gets öppen and
intern reports in full and a skyddad one as the fact of submission only (organ,
inlamnad, inlamnad_datum); the public gets öppen reports only, and of the others not
even whether they came in: the status of a report that is not öppen is not öppen data.
The risk matrices are counted here (`core.riskbild`), from the reports each audience
reads in full and no others: a skyddad report is in no count. Indicators are öppen or
intern.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from enum import Enum
from types import MappingProxyType

from styrdok.core.giltighet import (
    Giltighet,
    Programtillstand,
    Versionsdatum,
    giltighet,
    programgiltighet,
)
from styrdok.core.model import (
    Anvisning,
    Fokusomrade,
    Indikator,
    Malomrade,
    Model,
    Organ,
    Program,
    Rapport,
    Sida,
    Uppfoljningsar,
)
from styrdok.core.riskbild import Riskmatris, riskmatriser
from styrdok.core.sortering import svensk
from styrdok.core.withheld import published

MALGRUPPER = ("intranät", "publik")
STANDARD_MALGRUPP = "intranät"
MALGRUPP_NAMN = {"intranät": "Intranät", "publik": "Publik webb"}

SKYDDAD_SAMMANFATTNING = (
    "Innehållet är skyddat och publiceras inte. Kontakta den ansvariga om du behöver det."
)


class Visning(Enum):
    HEL = "hel"  # published in full
    METADATA = "metadata"  # published as metadata only


def visning(atkomst: str, malgrupp: str) -> Visning | None:
    """How a document with access level `atkomst` is published for `malgrupp`, if at all."""
    if malgrupp == "intranät":
        return {"öppen": Visning.HEL, "intern": Visning.HEL, "skyddad": Visning.METADATA}.get(
            atkomst
        )
    if malgrupp == "publik":
        return Visning.HEL if atkomst == "öppen" else None
    return None


# From least to most restricted.
ATKOMST_ORDNING = ("öppen", "intern", "skyddad")


def strictest(*levels: str) -> str:
    """The most restricted of access levels: an earlier version is published no more
    openly than the anvisning is now, nor than it was then."""
    return max(levels, key=lambda level: ATKOMST_ORDNING.index(level))


def metadata_only(anvisning: Anvisning) -> Anvisning:
    """A skyddad anvisning as the intranet may show it: no text, summary, dnr, legal basis
    or history (what changed can tell what it says)."""
    return replace(
        anvisning,
        sammanfattning=SKYDDAD_SAMMANFATTNING,
        text="",
        diarienummer=None,
        rattslig_grund=(),
        historik=(),
        bilagor=(),
    )


def submission_only(rapport: Rapport) -> Rapport:
    """A skyddad report as the intranet may show it: that it came in and when; not where
    it is filed, the note or any risk."""
    return replace(rapport, referens=None, notering=None, risker=())


def reports_for(year: Uppfoljningsar, malgrupp: str) -> Uppfoljningsar:
    """A year with the reports `malgrupp` may see, each as much as it may see of it."""
    shown: list[Rapport] = []
    for rapport in year.rapporter:
        how = visning(rapport.atkomst, malgrupp)
        if how is Visning.HEL:
            shown.append(rapport)
        elif how is Visning.METADATA:
            shown.append(submission_only(rapport))
    return replace(year, rapporter=tuple(shown))


@dataclass(frozen=True)
class Publication:
    malgrupp: str
    # Only what was selected: views look ids up here and cannot reach anything else.
    model: Model
    # The reference date: what is in force is decided for this day (`giltighet`).
    dag: date
    # The programme the site presents: the one its målområden and fokusområden belong
    # to (`shown_programme`), whether or not it is in force (`programtillstand`).
    program: Program | None
    malomraden: tuple[Malomrade, ...] = field(default=())
    fokusomraden: tuple[Fokusomrade, ...] = field(default=())
    anvisningar: tuple[Anvisning, ...] = field(default=())
    organ: tuple[Organ, ...] = field(default=())
    # Each year's follow-up, oldest first, with only the reports the audience may see.
    uppfoljning: tuple[Uppfoljningsar, ...] = field(default=())
    # Per year (oldest first): the matrices of `core.riskbild`, counted by selection.
    riskbilder: tuple[Riskmatris, ...] = field(default=())
    indikatorer: tuple[Indikator, ...] = field(default=())
    # Whether every report's submission is shown (the intranet; the public site only
    # when every report is öppen): only then may views count who has reported.
    hel_rapportering: bool = True
    # Pages below docs/ that are not published at all, and anvisning pages that are
    # published as metadata only.
    undanhallna: frozenset[str] = field(default=frozenset())
    bara_metadata: frozenset[str] = field(default=frozenset())
    # Attachments (paths below docs/): of documents published in full, and of the rest.
    bilagor: frozenset[str] = field(default=frozenset())
    undanhallna_bilagor: frozenset[str] = field(default=frozenset())
    # Per anvisning id, the dates of earlier versions the audience may not read: they end
    # the period of the version before them (a version's period must stay true), and
    # nothing else of them is published.
    dolda_versioner: Mapping[str, tuple[Versionsdatum, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )

    _by_sida: Mapping[str, Anvisning] = field(init=False, repr=False, compare=False)
    _versions_by_sida: Mapping[str, Anvisning] = field(init=False, repr=False, compare=False)
    _sidor: Mapping[str, Sida] = field(init=False, repr=False, compare=False)
    _giltighet: Mapping[str, Giltighet] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "_by_sida", MappingProxyType({a.sida: a for a in self.anvisningar})
        )
        object.__setattr__(
            self, "_versions_by_sida", MappingProxyType({v.sida: v for v in self.model.versioner})
        )
        object.__setattr__(self, "_sidor", MappingProxyType({s.sida: s for s in self.model.sidor}))
        # Decided once for the reference date; every view reads it from here.
        valid = {
            a.id: giltighet(
                a, self.model.versioner_av(a.id), self.dag, self.dolda_versioner.get(a.id, ())
            )
            for a in self.anvisningar
        }
        object.__setattr__(self, "_giltighet", MappingProxyType(valid))

    def programtillstand(self, program: Program) -> Programtillstand:
        """The programme's state on the reference date."""
        return programgiltighet(program, self.dag)

    def giltighet(self, anvisning: Anvisning) -> Giltighet:
        """The anvisning's state on the reference date, and which version applies."""
        return self._giltighet[anvisning.id]

    def giltighet_den(self, anvisning: Anvisning, dag: date) -> Giltighet:
        """The anvisning's state on another day than the reference date."""
        return giltighet(
            anvisning,
            self.model.versioner_av(anvisning.id),
            dag,
            self.dolda_versioner.get(anvisning.id, ()),
        )

    def versioner(self, anvisning: Anvisning) -> tuple[Anvisning, ...]:
        """The published earlier versions of an anvisning, oldest first."""
        return self.model.versioner_av(anvisning.id)

    def version_for_sida(self, sida: str) -> Anvisning | None:
        """The published earlier version whose page is `sida` (a path below docs/)."""
        return self._versions_by_sida.get(sida)

    @property
    def malgrupp_namn(self) -> str:
        return MALGRUPP_NAMN[self.malgrupp]

    def anvisning_for_sida(self, sida: str) -> Anvisning | None:
        """The published anvisning whose page is `sida` (a path below docs/)."""
        return self._by_sida.get(sida)

    def sida(self, sida: str) -> Sida | None:
        """The published hand-written page at `sida` (a path below docs/)."""
        return self._sidor.get(sida)

    def texts(self) -> tuple[Anvisning | Sida, ...]:
        """Every published text: the anvisningar (a skyddad one's is empty), then the pages."""
        return self.model.texts()

    def withholds(self, path: str) -> bool:
        """Whether a file below docs/ belongs to what this audience does not get: a page
        not published, or an attachment of a document whose content is not published."""
        return path in self.undanhallna or path in self.undanhallna_bilagor


def shown_programme(model: Model, dag: date) -> Program | None:
    """The programme the site presents: the one its målområden and fokusområden belong
    to (a successor with no content of its own in the source cannot be presented), else
    any. Among several, one in force on `dag`, then one marked in force, then the latest.
    Whether it is in force is for the views to say; here it is only chosen."""
    with_content = {m.program for m in model.malomraden} | {f.program for f in model.fokusomraden}
    candidates = [p for p in model.program if p.id in with_content] or list(model.program)
    return max(
        candidates,
        key=lambda p: (
            programgiltighet(p, dag).gallande,
            p.i_kraft,
            p.period_till,
            p.period_fran,
        ),
        default=None,
    )


@dataclass
class _Selected:
    """What selection keeps for an audience, gathered in one pass over the model."""

    anvisningar: list[Anvisning] = field(default_factory=list)
    versioner: list[Anvisning] = field(default_factory=list)
    sidor: list[Sida] = field(default_factory=list)
    undanhallna: set[str] = field(default_factory=set)
    bara_metadata: set[str] = field(default_factory=set)
    bilagor: set[str] = field(default_factory=set)
    undanhallna_bilagor: set[str] = field(default_factory=set)
    dolda_versioner: dict[str, list[Versionsdatum]] = field(default_factory=dict)

    def withheld(self, path: str) -> bool:
        return path in self.undanhallna or path in self.undanhallna_bilagor


def _choose(whole: Model, malgrupp: str) -> _Selected:
    chosen = _Selected()
    for anvisning in whole.anvisningar:
        shown = visning(anvisning.atkomst, malgrupp)
        if shown is Visning.HEL:
            chosen.anvisningar.append(anvisning)
            chosen.bilagor.update(anvisning.bilagor)
            continue
        chosen.undanhallna_bilagor.update(anvisning.bilagor)
        if shown is None:
            chosen.undanhallna.add(anvisning.sida)
        else:
            chosen.bara_metadata.add(anvisning.sida)
            chosen.anvisningar.append(metadata_only(anvisning))
    for old in whole.versioner:
        current = whole.anvisning_med_id(old.id)
        level = strictest(old.atkomst, current.atkomst) if current else "skyddad"
        shown = visning(level, malgrupp) if current else None
        if shown is Visning.HEL:
            chosen.versioner.append(replace(old, atkomst=level))
            chosen.bilagor.update(old.bilagor)
            continue
        chosen.undanhallna_bilagor.update(old.bilagor)
        if shown is None:
            chosen.undanhallna.add(old.sida)
            chosen.dolda_versioner.setdefault(old.id, []).append(
                Versionsdatum(old.version, old.beslutsdatum, old.giltig_fran, old.utkast)
            )
        else:
            chosen.bara_metadata.add(old.sida)
            chosen.versioner.append(metadata_only(replace(old, atkomst=level)))
    for sida in whole.sidor:
        if visning(sida.atkomst, malgrupp) is Visning.HEL:
            chosen.sidor.append(sida)
            chosen.bilagor.update(sida.bilagor)
        else:
            chosen.undanhallna.add(sida.sida)
            chosen.undanhallna_bilagor.update(sida.bilagor)
    return chosen


def _published_model(whole: Model, chosen: _Selected, malgrupp: str) -> Model:
    """The model of what was chosen. A published text may link to, or replace, a document
    that is not published: its address and id must not show, so the links become plain
    text here, once."""
    published_ids = {a.id for a in chosen.anvisningar}
    anvisningar = [
        replace(
            a,
            ersatter=tuple(old for old in a.ersatter if old in published_ids),
            text=published(a.sida, a.text, chosen.withheld),
        )
        for a in chosen.anvisningar
    ]
    versioner = [
        replace(
            v,
            ersatter=tuple(old for old in v.ersatter if old in published_ids),
            text=published(v.sida, v.text, chosen.withheld),
        )
        for v in chosen.versioner
    ]
    sidor = [replace(s, text=published(s.sida, s.text, chosen.withheld)) for s in chosen.sidor]
    return Model(
        program=whole.program,
        malomraden=whole.malomraden,
        fokusomraden=whole.fokusomraden,
        organ=whole.organ,
        forfattningar=whole.forfattningar,
        anvisningar=tuple(anvisningar),
        versioner=tuple(versioner),
        sidor=tuple(sidor),
        uppfoljning=tuple(reports_for(year, malgrupp) for year in whole.uppfoljning),
        indikatorer=tuple(
            i for i in whole.indikatorer if visning(i.atkomst, malgrupp) is Visning.HEL
        ),
        # The statement is about the site itself, public by nature: the same for both.
        tillganglighet=whole.tillganglighet,
    )


def risk_matrices(
    published: Model, fokusomraden: tuple[Fokusomrade, ...]
) -> tuple[Riskmatris, ...]:
    """Each year's matrices, counted from the published model: only the reports the
    audience reads in full are there with their risks, so nothing else can be counted."""
    areas = [f.id for f in fokusomraden]
    matrices: list[Riskmatris] = []
    for year in sorted(published.uppfoljning, key=lambda y: y.ar):
        matrices += riskmatriser(year, areas, [r for r in year.rapporter if not r.skyddad])
    return tuple(matrices)


def select(whole: Model, malgrupp: str = STANDARD_MALGRUPP, dag: date | None = None) -> Publication:
    """What `malgrupp` may see of the model, with validity decided for `dag` (the
    reference date; today if not given)."""
    if malgrupp not in MALGRUPPER:
        raise ValueError(f"okänd målgrupp {malgrupp!r}; välj en av {', '.join(MALGRUPPER)}")
    dag = dag or date.today()
    chosen = _choose(whole, malgrupp)
    model = _published_model(whole, chosen, malgrupp)
    program = shown_programme(model, dag)
    program_id = program.id if program else None
    fokusomraden = tuple(
        sorted((f for f in model.fokusomraden if f.program == program_id), key=lambda f: f.ordning)
    )
    return Publication(
        malgrupp=malgrupp,
        model=model,
        dag=dag,
        program=program,
        malomraden=tuple(
            sorted(
                (m for m in model.malomraden if m.program == program_id), key=lambda m: m.ordning
            )
        ),
        fokusomraden=fokusomraden,
        anvisningar=tuple(sorted(model.anvisningar, key=lambda a: (svensk(a.titel), a.id))),
        organ=tuple(sorted(model.organ, key=lambda o: svensk(o.namn))),
        uppfoljning=tuple(sorted(model.uppfoljning, key=lambda year: year.ar)),
        riskbilder=risk_matrices(model, fokusomraden),
        hel_rapportering=all(
            visning(r.atkomst, malgrupp) is not None
            for year in whole.uppfoljning
            for r in year.rapporter
        ),
        indikatorer=tuple(sorted(model.indikatorer, key=lambda i: (svensk(i.namn), i.id))),
        undanhallna=frozenset(chosen.undanhallna),
        bara_metadata=frozenset(chosen.bara_metadata),
        # An attachment declared by a withheld document is never published, even if a
        # published one also links to it.
        bilagor=frozenset(chosen.bilagor - chosen.undanhallna_bilagor),
        undanhallna_bilagor=frozenset(chosen.undanhallna_bilagor),
        # Only of anvisningar that are published: of the others not even that.
        dolda_versioner=MappingProxyType(
            {
                id: tuple(dates)
                for id, dates in chosen.dolda_versioner.items()
                if model.anvisning_med_id(id) is not None
            }
        ),
    )
