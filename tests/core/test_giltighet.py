"""Validity on a day (core.giltighet): every lifecycle state from dates and status
together, and which version applies, for fixed days."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from styrdok.core.giltighet import (
    Programtillstand,
    Tillstand,
    giltighet,
    perioder,
    programgiltighet,
)
from styrdok.core.model import Anvisning, GallerFor, Kalla, Kontakt, Program
from styrdok.core.problems import Position

D = date.fromisoformat


def anvisning(**changes) -> Anvisning:
    base = Anvisning(
        id="krisledning",
        titel="Anvisning för krisledning",
        sammanfattning="Hur nämnderna leder vid kris.",
        fokusomraden=("krisberedskap",),
        ansvarig="kommunstyrelsen",
        galler_for=GallerFor(alla=True),
        status="gällande",
        atkomst="öppen",
        version=1,
        kontakt=Kontakt("Beredskapsavdelningen"),
        sida="anvisningar/krisledning.md",
        text="Text.",
        kalla=Kalla("docs/anvisningar/krisledning.md", Position(1, 1)),
        beslutsdatum=D("2020-01-10"),
        giltig_fran=D("2020-02-01"),
    )
    return replace(base, **changes)


def state(a: Anvisning, day: str, *older: Anvisning) -> Tillstand:
    return giltighet(a, older, D(day)).tillstand


def test_a_decided_anvisning_applies_from_giltig_fran_not_from_its_status():
    a = anvisning()
    assert state(a, "2020-01-09") is Tillstand.UTKAST  # not even decided yet
    assert state(a, "2020-01-10") is Tillstand.KOMMANDE
    assert state(a, "2020-01-31") is Tillstand.KOMMANDE
    assert state(a, "2020-02-01") is Tillstand.GALLANDE
    coming = giltighet(a, (), D("2020-01-20"))
    assert not coming.i_kraft and coming.kommande and coming.kommande.fran == D("2020-02-01")


def test_a_draft_never_applies():
    a = anvisning(status="utkast", beslutsdatum=None, giltig_fran=None)
    for day in ("2019-01-01", "2030-01-01"):
        assert state(a, day) is Tillstand.UTKAST


def test_under_revidering_applies():
    a = anvisning(status="under revidering")
    assert state(a, "2021-01-01") is Tillstand.UNDER_REVIDERING
    assert giltighet(a, (), D("2021-01-01")).i_kraft


def test_a_repeal_takes_effect_on_its_date_and_not_before():
    a = anvisning(status="upphävd", upphavd_datum=D("2023-01-01"))
    before = giltighet(a, (), D("2022-12-31"))
    assert before.tillstand is Tillstand.GALLANDE and before.upphor == D("2023-01-01")
    assert state(a, "2023-01-01") is Tillstand.UPPHAVD
    assert state(a, "2030-01-01") is Tillstand.UPPHAVD
    # Before it began to apply it was decided, not repealed.
    assert state(a, "2020-01-15") is Tillstand.KOMMANDE


def test_each_version_applies_until_the_next_begins():
    v1 = anvisning(version=1, sida="anvisningar/krisledning/version-1.md")
    v2 = anvisning(version=2, beslutsdatum=D("2021-05-01"), giltig_fran=D("2021-06-01"))
    v2 = replace(v2, sida="anvisningar/krisledning/version-2.md")
    v3 = anvisning(version=3, beslutsdatum=D("2023-03-01"), giltig_fran=D("2023-04-01"))
    periods = perioder(v3, (v2, v1))
    assert [(p.version, p.fran, p.till) for p in periods] == [
        (1, D("2020-02-01"), D("2021-05-31")),
        (2, D("2021-06-01"), D("2023-03-31")),
        (3, D("2023-04-01"), None),
    ]
    for day, version in (
        ("2020-02-01", 1),
        ("2021-05-31", 1),
        ("2021-06-01", 2),
        ("2025-01-01", 3),
    ):
        found = giltighet(v3, (v1, v2), D(day))
        assert found.i_kraft and found.gallande and found.gallande.version == version, day
    assert state(v3, "2020-01-31", v1, v2) is Tillstand.KOMMANDE


def test_the_version_before_a_draft_stays_in_force_and_is_under_revision():
    v1 = anvisning(version=1, sida="anvisningar/krisledning/version-1.md")
    draft = anvisning(version=2, status="utkast", beslutsdatum=None, giltig_fran=None)
    found = giltighet(draft, (v1,), D("2024-01-01"))
    assert found.tillstand is Tillstand.UNDER_REVIDERING
    assert found.gallande and found.gallande.version == 1 and found.gallande.till is None


def test_a_decided_new_version_from_a_later_day_leaves_the_old_one_in_force_until_then():
    v1 = anvisning(version=1, sida="anvisningar/krisledning/version-1.md")
    v2 = anvisning(version=2, beslutsdatum=D("2026-11-01"), giltig_fran=D("2027-01-01"))
    found = giltighet(v2, (v1,), D("2026-12-01"))
    assert found.tillstand is Tillstand.GALLANDE
    assert found.gallande and found.gallande.version == 1
    assert found.kommande and found.kommande.version == 2
    # On a day before version 2 was decided, nobody knew version 1 would end.
    earlier = giltighet(v2, (v1,), D("2026-10-01"))
    assert earlier.gallande and earlier.gallande.till is None and earlier.kommande is None


def test_a_version_replaced_before_it_began_never_applied():
    v1 = anvisning(version=1, giltig_fran=D("2022-01-01"))
    v2 = anvisning(version=2, beslutsdatum=D("2020-06-01"), giltig_fran=D("2021-01-01"))
    periods = perioder(v2, (v1,))
    # Out of order (the check refuses this: version-datumordning); never in force.
    assert periods[0].tom and not periods[0].omfattar(D("2021-06-01"))


@pytest.mark.parametrize(
    ("status", "fran", "till", "day", "expected"),
    [
        ("gällande", 2018, 2021, "2020-06-01", Programtillstand.GALLANDE),
        ("gällande", 2018, 2021, "2021-12-31", Programtillstand.GALLANDE),
        ("gällande", 2018, 2021, "2022-01-01", Programtillstand.PERIOD_SLUT),
        ("gällande", 2027, 2030, "2026-12-01", Programtillstand.KOMMANDE),
        ("utgått", 2013, 2016, "2015-01-01", Programtillstand.UTGATT),
        ("förslag", 2027, 2030, "2026-12-01", Programtillstand.FORSLAG),
    ],
)
def test_a_programme_is_in_force_only_within_its_period(status, fran, till, day, expected):
    program = Program(
        id="p",
        titel="Program",
        period_fran=fran,
        period_till=till,
        status=status,
        beslutad_av="kommunfullmaktige",
        kalla=Kalla("data/program.yml", Position(1, 1)),
    )
    assert programgiltighet(program, D(day)) is expected


def test_a_version_the_audience_may_not_read_still_ends_the_period_before_it():
    from styrdok.core.giltighet import Versionsdatum

    v1 = anvisning(version=1, sida="anvisningar/krisledning/version-1.md")
    v3 = anvisning(version=3, beslutsdatum=D("2024-12-01"), giltig_fran=D("2025-01-01"))
    hidden = (Versionsdatum(2, D("2019-05-01"), D("2019-06-01")),)
    periods = perioder(v3, (v1,), dolda=hidden)
    assert [(p.version, p.fran, p.till) for p in periods] == [
        (1, D("2020-02-01"), D("2019-05-31")),
        (3, D("2025-01-01"), None),
    ]
    assert periods[0].tom  # replaced before it began: the test data say so
    found = giltighet(v3, (v1,), D("2022-01-01"), hidden)
    assert found.i_kraft and found.gallande is None and found.dold == 2
    assert giltighet(v3, (v1,), D("2025-06-01"), hidden).gallande.version == 3


@pytest.mark.parametrize("text", ["20261201", "2026-W49-2", "2026-12-1", "2026-02-30", "", "i dag"])
def test_a_day_is_written_yyyy_mm_dd_and_nothing_else(text):
    from styrdok.core.giltighet import dag

    with pytest.raises(ValueError):
        dag(text)


def test_a_day_is_read_from_yyyy_mm_dd():
    from styrdok.core.giltighet import dag

    assert dag(" 2017-04-07 ") == D("2017-04-07")
