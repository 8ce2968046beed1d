"""The risk matrices: exact for what the audience reads, hidden small cells for the
skyddade lägesbilder, and nothing that gives a skyddad lägesbild's counts back."""

from __future__ import annotations

from datetime import date

import pytest

from styrdok.core.model import Kalla, Rapport, Risk, Uppfoljningsar
from styrdok.core.problems import Position
from styrdok.core.riskbild import MINSTA_ANTAL, SKALA, riskmatriser

HERE = Kalla("data/uppfoljning/2024.yml", Position(1, 1))
YEAR = Uppfoljningsar(2024, date(2025, 2, 28), (), HERE)


def risk(s: int, k: int, *fokus: str) -> Risk:
    return Risk("Titel", tuple(fokus) or ("brott",), s, k, "Åtgärder")


def rapport(organ: str, *risker: Risk, atkomst: str = "intern", inlamnad: bool = True) -> Rapport:
    return Rapport(organ, inlamnad, atkomst, HERE, date(2025, 2, 1), risker=risker)


def by_area(matrices, skyddade=False):
    return {m.fokusomrade: m for m in matrices if m.skyddade is skyddade}


def test_exact_counts_per_cell_and_area():
    reports = [
        rapport("a", risk(2, 3, "brott"), risk(2, 3, "brott", "olyckor")),
        rapport("b", risk(5, 1, "olyckor")),
    ]
    found = by_area(riskmatriser(YEAR, ["brott", "olyckor"], reports))
    assert found["brott"].celler[(2, 3)] == 2
    assert found["olyckor"].celler[(2, 3)] == 1
    assert found["olyckor"].celler[(5, 1)] == 1
    assert found["olyckor"].lagesbilder == 2
    # All fokusområden: each risk once, even with two fokusområden.
    assert found[None].risker == 3
    assert found[None].celler[(2, 3)] == 2
    assert set(found[None].celler) == {(s, k) for s in SKALA for k in SKALA}


def test_no_skyddade_matrices_without_skyddade_reports():
    matrices = riskmatriser(YEAR, ["brott"], [rapport("a", risk(1, 1))])
    assert not any(m.skyddade for m in matrices)


def test_skyddade_cell_is_shown_only_with_enough_reports_but_not_all():
    hidden = [rapport(f"s{i}", risk(4, 4), atkomst="skyddad") for i in range(MINSTA_ANTAL)]
    # Every skyddad lägesbild has the risk: a count would say it of each of them.
    only_these = by_area(riskmatriser(YEAR, ["brott"], [], hidden), skyddade=True)
    assert only_these["brott"].celler[(4, 4)] is None
    assert only_these["brott"].lagesbilder is None
    # One more skyddad lägesbild without it: now the count says nothing of any one.
    hidden.append(rapport("s-other", risk(1, 1), atkomst="skyddad"))
    found = by_area(riskmatriser(YEAR, ["brott"], [], hidden), skyddade=True)
    assert found["brott"].celler[(4, 4)] == MINSTA_ANTAL
    assert found["brott"].celler[(1, 1)] is None
    # All four have some risk in the fokusområde, so how many do is not said.
    assert found["brott"].lagesbilder is None
    assert (
        by_area(riskmatriser(YEAR, ["brott", "olyckor"], [], hidden), skyddade=True)[
            "olyckor"
        ].lagesbilder
        is None
    )


def test_many_risks_of_one_skyddad_report_stay_hidden():
    hidden = [rapport("s1", *[risk(3, 3)] * 10, atkomst="skyddad")]
    hidden += [rapport(f"s{i}", risk(1, 2), atkomst="skyddad") for i in range(2, 6)]
    found = by_area(riskmatriser(YEAR, ["brott"], [], hidden), skyddade=True)
    assert found["brott"].celler[(3, 3)] is None  # ten risks, but one lägesbild


@pytest.mark.parametrize("behind", range(MINSTA_ANTAL))
def test_empty_and_small_cells_look_the_same(behind):
    hidden = [rapport(f"s{i}", risk(2, 2), atkomst="skyddad") for i in range(behind)]
    hidden += [rapport(f"t{i}", risk(5, 5), atkomst="skyddad") for i in range(6)]
    found = by_area(riskmatriser(YEAR, ["brott"], [], hidden), skyddade=True)
    assert found["brott"].celler[(2, 2)] is None
    assert found["brott"].celler[(1, 1)] is None  # empty: hidden alike


def test_skyddade_matrices_have_no_totals_and_never_mix_with_exact_counts():
    shown = [rapport("a", risk(4, 4))]
    hidden = [rapport(f"s{i}", risk(4, 4), atkomst="skyddad") for i in range(5)]
    hidden.append(rapport("s-last", risk(1, 1), atkomst="skyddad"))
    matrices = riskmatriser(YEAR, ["brott"], shown, hidden)
    assert by_area(matrices)["brott"].celler[(4, 4)] == 1
    skyddad = by_area(matrices, skyddade=True)["brott"]
    assert skyddad.celler[(4, 4)] == 5
    assert skyddad.risker is None


def test_reports_not_submitted_do_not_count_among_skyddade():
    hidden = [rapport(f"s{i}", risk(4, 4), atkomst="skyddad") for i in range(3)]
    hidden += [rapport(f"n{i}", atkomst="skyddad", inlamnad=False) for i in range(5)]
    found = by_area(riskmatriser(YEAR, ["brott"], [], hidden), skyddade=True)
    # Three of three submitted have it: hidden, whatever the unsubmitted ones are.
    assert found["brott"].celler[(4, 4)] is None


def test_a_fokusomrade_of_another_programme_is_left_out():
    found = by_area(riskmatriser(YEAR, ["brott"], [rapport("a", risk(1, 1, "annat"))]))
    assert found["brott"].tom
    assert found[None].risker == 1
