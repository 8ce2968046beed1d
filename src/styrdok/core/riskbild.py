"""The city's risk picture: the risks of a year's lägesbilder counted in a matrix of
likelihood × consequence, per fokusområde and for all of them.

Only the lägesbilder an audience reads in full are counted, so every count can be
checked against the risks on the year's page. A skyddad lägesbild is in no count at
all. Counting it, even with small cells hidden, gives it away: a hidden cell whose
subset in another matrix is shown, the total over the fokusområden minus the cells
shown, or the change between two builds when one skyddad report comes in, each tell
what that one report holds. (An earlier design hid small cells; an attack on it
recovered every skyddad body's risks from the example data.) Leaving them out is the
only rule that holds by construction.

Only `select` calls this; what it returns is counts, never a risk's title or measures.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from styrdok.core.model import Rapport, Uppfoljningsar

# The five-level scales of the schema (schema/uppfoljning.schema.json).
SKALA = (1, 2, 3, 4, 5)

Cell = tuple[int, int]  # (sannolikhet, konsekvens)


@dataclass(frozen=True)
class Riskmatris:
    ar: int
    fokusomrade: str | None  # None: all fokusområden, each risk counted once
    # (sannolikhet, konsekvens) -> number of risks, for all 25 cells.
    celler: Mapping[Cell, int]
    lagesbilder: int  # lägesbilder with at least one risk in the matrix
    risker: int  # all risks in the matrix

    @property
    def tom(self) -> bool:
        return not self.risker


def riskmatriser(
    year: Uppfoljningsar, fokusomraden: Iterable[str], shown_in_full: Iterable[Rapport]
) -> tuple[Riskmatris, ...]:
    """The year's matrices, all fokusområden first, then each of `fokusomraden`, of the
    reports given: those the audience reads in full, never a skyddad one."""
    areas: list[str | None] = [None, *fokusomraden]
    risks: dict[str | None, dict[Cell, int]] = {area: defaultdict(int) for area in areas}
    reports: dict[str | None, set[int]] = {area: set() for area in areas}
    # One pass over the risks.
    for index, rapport in enumerate(shown_in_full):
        if rapport.skyddad:
            raise ValueError("en skyddad lägesbild får inte räknas in i en riskmatris")
        for risk in rapport.risker:
            cell = (risk.sannolikhet, risk.konsekvens)
            for area in (None, *dict.fromkeys(risk.fokusomraden)):
                if area not in risks:  # a fokusområde of another programme
                    continue
                risks[area][cell] += 1
                reports[area].add(index)
    return tuple(
        Riskmatris(
            ar=year.ar,
            fokusomrade=area,
            celler=MappingProxyType({(s, k): risks[area][(s, k)] for s in SKALA for k in SKALA}),
            lagesbilder=len(reports[area]),
            risker=sum(risks[area].values()),
        )
        for area in areas
    )
