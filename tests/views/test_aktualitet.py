"""When a built page stops being current by the data's own dates (views/aktualitet.py)."""

from __future__ import annotations

from datetime import date

from styrdok.select import select
from styrdok.views.aktualitet import nasta_andring

from helpers import check


def at(project, dag: date):
    return nasta_andring(select(check(project, dag).model, "intranät", dag))


def test_the_programme_period_ending_is_the_next_change_when_nothing_else_is_dated(project):
    # program-nu runs 2018–2030; every anvisning's dates are in the past.
    assert at(project, date(2026, 1, 1)) == date(2031, 1, 1)
    assert at(project, date(2017, 6, 1)) == date(2018, 1, 1)


def test_an_anvisning_beginning_or_ceasing_to_apply_is_a_change(project):
    krisledning = project / "docs" / "anvisningar" / "krisledning.md"
    text = krisledning.read_text(encoding="utf-8")
    krisledning.write_text(
        text.replace("status: gällande", "status: upphävd\nupphavd_datum: 2026-03-01"),
        encoding="utf-8",
    )
    assert at(project, date(2026, 1, 1)) == date(2026, 3, 1)
    # Before version 2 began to apply, its first day was the next change.
    assert at(project, date(2019, 5, 15)) == date(2019, 6, 1)


def test_nothing_dated_after_the_day_means_no_next_change(project):
    program = project / "data" / "program.yml"
    program.write_text(
        program.read_text(encoding="utf-8").replace("status: gällande", "status: utgått"),
        encoding="utf-8",
    )
    assert at(project, date(2026, 1, 1)) is None
