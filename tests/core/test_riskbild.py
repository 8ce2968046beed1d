"""The risk matrices: exact counts of the lägesbilder an audience reads in full, and a
skyddad lägesbild in no count at all."""

from __future__ import annotations

from datetime import date

import pytest

from styrdok.core.model import Kalla, Rapport, Risk, Uppfoljningsar
from styrdok.core.problems import Position
from styrdok.core.riskbild import SKALA, riskmatriser

HERE = Kalla("data/uppfoljning/2024.yml", Position(1, 1))
YEAR = Uppfoljningsar(2024, date(2025, 2, 28), (), HERE)


def risk(s: int, k: int, *fokus: str) -> Risk:
    return Risk("Titel", tuple(fokus) or ("brott",), s, k, "Åtgärder")


def rapport(organ: str, *risker: Risk, atkomst: str = "intern") -> Rapport:
    return Rapport(organ, True, atkomst, HERE, date(2025, 2, 1), risker=risker)


def by_area(matrices):
    return {m.fokusomrade: m for m in matrices}


def test_exact_counts_per_cell_and_area():
    reports = [
        rapport("a", risk(2, 3, "brott"), risk(2, 3, "brott", "olyckor")),
        rapport("b", risk(5, 1, "olyckor")),
    ]
    found = by_area(riskmatriser(YEAR, ["brott", "olyckor"], reports))
    assert found["brott"].celler[(2, 3)] == 2
    assert found["olyckor"].celler[(2, 3)] == 1
    assert found["olyckor"].celler[(5, 1)] == 1
    assert (found["olyckor"].lagesbilder, found["olyckor"].risker) == (2, 2)
    # All fokusområden: each risk once, even with two fokusområden.
    assert (found[None].risker, found[None].lagesbilder) == (3, 2)
    assert found[None].celler[(2, 3)] == 2
    assert set(found[None].celler) == {(s, k) for s in SKALA for k in SKALA}
    assert sum(found[None].celler.values()) == found[None].risker


def test_matrices_come_all_fokusomraden_first_then_in_the_order_given():
    matrices = riskmatriser(YEAR, ["b", "a"], [])
    assert [m.fokusomrade for m in matrices] == [None, "b", "a"]
    assert all(m.tom for m in matrices)


def test_a_skyddad_report_is_never_counted():
    with pytest.raises(ValueError):
        riskmatriser(YEAR, ["brott"], [rapport("s", risk(4, 4), atkomst="skyddad")])


def test_a_fokusomrade_of_another_programme_is_left_out():
    found = by_area(riskmatriser(YEAR, ["brott"], [rapport("a", risk(1, 1, "annat"))]))
    assert found["brott"].tom
    assert found[None].risker == 1
