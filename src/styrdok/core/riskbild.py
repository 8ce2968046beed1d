"""The city's risk picture: the risks of a year's lägesbilder counted in a matrix of
likelihood × consequence, per fokusområde and for all of them.

Two kinds of matrix, because an audience reads some lägesbilder in full and others not
at all:

- of the lägesbilder the audience reads in full (`Riskmatris.skyddade` false): exact
  counts. Every risk behind them is on the year's page anyway.
- of the skyddade lägesbilder (intranet only): a cell shows its count only when at least
  MINSTA_ANTAL different lägesbilder, but not every one of them, have a risk in it. With
  fewer, a count would point at one or two bodies; with all, it would say something
  about each. Every other cell, zero included, is hidden alike, so a hidden cell tells
  nothing, not even that it is empty. The matrix has no totals: a total minus the cells shown would give the hidden
  ones back. And they are never added to the exact counts, since the difference
  between the two would be the skyddade lägesbilder's own counts.

Only `select` calls this, with the whole model; what it returns is counts, never a
risk's title or measures.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from styrdok.core.model import Rapport, Uppfoljningsar

# The five-level scales of the schema (schema/uppfoljning.schema.json).
SKALA = (1, 2, 3, 4, 5)
# Fewest skyddade lägesbilder behind a cell that shows its count.
MINSTA_ANTAL = 3

Cell = tuple[int, int]  # (sannolikhet, konsekvens)


@dataclass(frozen=True)
class Riskmatris:
    ar: int
    fokusomrade: str | None  # None: all fokusområden, each risk counted once
    skyddade: bool  # counts of skyddade lägesbilder, small cells hidden
    # (sannolikhet, konsekvens) -> number of risks; None: hidden (skyddade only).
    celler: Mapping[Cell, int | None]
    # Lägesbilder with at least one risk in the matrix; None: hidden by the same rule.
    lagesbilder: int | None
    # All risks in the matrix; None for skyddade matrices, which have no totals.
    risker: int | None

    @property
    def tom(self) -> bool:
        return not self.lagesbilder


def riskmatriser(
    year: Uppfoljningsar,
    fokusomraden: Iterable[str],
    shown_in_full: Iterable[Rapport],
    skyddade: Iterable[Rapport] = (),
) -> tuple[Riskmatris, ...]:
    """The year's matrices: all fokusområden, then each of `fokusomraden`, first of the
    lägesbilder shown in full, then (if any are given) of the skyddade ones."""
    areas: list[str | None] = [None, *fokusomraden]
    shown = _count(shown_in_full, areas)
    result = [_exact(year.ar, area, shown[area]) for area in areas]
    hidden_reports = [r for r in skyddade if r.inlamnad]
    if hidden_reports:
        hidden = _count(hidden_reports, areas)
        result += [_suppressed(year.ar, area, hidden[area], len(hidden_reports)) for area in areas]
    return tuple(result)


@dataclass
class _Tally:
    risks: dict[Cell, int]
    reports: dict[Cell, set[int]]
    with_risk: set[int]


def _count(reports: Iterable[Rapport], areas: list[str | None]) -> dict[str | None, _Tally]:
    """One pass over the risks: per area, risks per cell and which reports are behind them."""
    tallies = {area: _Tally(defaultdict(int), defaultdict(set), set()) for area in areas}
    for index, rapport in enumerate(reports):
        for risk in rapport.risker:
            cell = (risk.sannolikhet, risk.konsekvens)
            for area in (None, *dict.fromkeys(risk.fokusomraden)):
                tally = tallies.get(area)
                if tally is None:  # a fokusområde of another programme
                    continue
                tally.risks[cell] += 1
                tally.reports[cell].add(index)
                tally.with_risk.add(index)
    return tallies


def _cells(values: Mapping[Cell, int | None]) -> Mapping[Cell, int | None]:
    return MappingProxyType({(s, k): values.get((s, k), 0) for s in SKALA for k in SKALA})


def _exact(ar: int, area: str | None, tally: _Tally) -> Riskmatris:
    return Riskmatris(
        ar=ar,
        fokusomrade=area,
        skyddade=False,
        celler=_cells(tally.risks),
        lagesbilder=len(tally.with_risk),
        risker=sum(tally.risks.values()),
    )


def _suppressed(ar: int, area: str | None, tally: _Tally, reports: int) -> Riskmatris:
    def shown(behind: int) -> bool:
        return MINSTA_ANTAL <= behind < reports

    cells = {
        cell: tally.risks[cell] if shown(len(tally.reports.get(cell, ()))) else None
        for cell in ((s, k) for s in SKALA for k in SKALA)
    }
    behind = len(tally.with_risk)
    return Riskmatris(
        ar=ar,
        fokusomrade=area,
        skyddade=True,
        celler=MappingProxyType(cells),
        lagesbilder=behind if shown(behind) else None,
        risker=None,
    )
