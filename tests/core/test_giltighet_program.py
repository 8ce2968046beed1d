"""A programme's validity on a day (core/giltighet.py, `programgiltighet`): from its
status, its decision date and its period together, each state with fixed dates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from styrdok.core.giltighet import (
    Programtillstand,
    nasta_programandring,
    perioden_slut,
    periodslut,
    periodstart,
    programgiltighet,
)
from styrdok.core.model import Kalla, Program
from styrdok.core.problems import Position

PROGRAM = Program(
    id="tsp-2018-2021",
    titel="Testprogram 2018–2021",
    period_fran=2018,
    period_till=2021,
    status="gällande",
    beslutad_av="kommunfullmaktige",
    kalla=Kalla("data/program.yml", Position()),
)


@pytest.mark.parametrize(
    ("status", "dag", "tillstand"),
    [
        ("förslag", date(2019, 6, 1), Programtillstand.FORSLAG),
        ("gällande", date(2017, 12, 31), Programtillstand.KOMMANDE),
        ("gällande", date(2018, 1, 1), Programtillstand.GALLANDE),
        ("gällande", date(2021, 12, 31), Programtillstand.GALLANDE),
        ("gällande", date(2022, 1, 1), Programtillstand.PERIOD_SLUT),
        ("gällande", date(2026, 12, 1), Programtillstand.PERIOD_SLUT),
        # utgått says what the source knows now; when it stopped applying is not recorded.
        ("utgått", date(2019, 6, 1), Programtillstand.UTGATT),
        ("utgått", date(2026, 12, 1), Programtillstand.UTGATT),
    ],
)
def test_each_state_from_status_and_period(status, dag, tillstand):
    assert programgiltighet(replace(PROGRAM, status=status), dag) is tillstand


def test_only_a_programme_in_force_within_its_period_is_simply_in_force():
    states = [programgiltighet(PROGRAM, date(year, 6, 1)) for year in range(2016, 2024)]
    assert [s.gallande for s in states] == [False, False, True, True, True, True, False, False]


def test_a_programme_decided_after_the_day_was_not_adopted_then():
    decided = replace(PROGRAM, beslutsdatum=date(2018, 3, 20))
    assert programgiltighet(decided, date(2018, 3, 19)) is Programtillstand.FORSLAG
    assert programgiltighet(decided, date(2018, 3, 20)) is Programtillstand.GALLANDE
    by_month = replace(PROGRAM, beslutsmanad="2018-04")
    assert programgiltighet(by_month, date(2018, 3, 31)) is Programtillstand.FORSLAG
    assert programgiltighet(by_month, date(2018, 4, 1)) is Programtillstand.GALLANDE


def test_the_period_runs_from_the_first_day_of_its_first_year_to_the_last_of_its_last():
    assert periodstart(PROGRAM) == date(2018, 1, 1)
    assert periodslut(PROGRAM) == date(2022, 1, 1)
    assert not perioden_slut(PROGRAM, date(2021, 12, 31))
    assert perioden_slut(replace(PROGRAM, status="utgått"), date(2022, 1, 1))


def test_the_next_change_is_the_decision_or_the_start_or_the_end_of_the_period():
    decided = replace(PROGRAM, beslutsdatum=date(2017, 11, 6))
    assert nasta_programandring(decided, date(2017, 6, 1)) == date(2017, 11, 6)
    assert nasta_programandring(decided, date(2017, 11, 6)) == date(2018, 1, 1)
    assert nasta_programandring(decided, date(2019, 6, 1)) == date(2022, 1, 1)
    assert nasta_programandring(decided, date(2022, 1, 1)) is None
    assert nasta_programandring(replace(PROGRAM, status="utgått"), date(2019, 6, 1)) is None
