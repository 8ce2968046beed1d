"""The rules over the indicators beyond the broken files of data/invalid: the one that
needs a skyddsvärt fokusområde, and what the model makes of a valid indicator."""

from __future__ import annotations

from helpers import check

INDIKATOR = "data/indikatorer/otrygghet-kvall.yml"


def test_an_open_indicator_about_what_must_be_protected_is_refused(project):
    fokus = project / "data" / "fokusomraden.yml"
    text = fokus.read_text(encoding="utf-8")
    fokus.write_text(
        text.replace("- id: forebygga-brott\n", "- id: forebygga-brott\n  skyddsvart: true\n"),
        encoding="utf-8",
    )
    found = [(p.code, p.position.line) for p in check(project).problems if p.path == INDIKATOR]
    assert found == [("skyddsvard-indikator-oppen", 9)]
    # Intern, the same indicator is fine.
    path = project / INDIKATOR
    path.write_text(
        path.read_text(encoding="utf-8").replace("atkomst: öppen", "atkomst: intern"),
        encoding="utf-8",
    )
    assert not [p for p in check(project).problems if p.path == INDIKATOR]


def test_values_are_kept_as_written_and_read_oldest_first(project):
    indikator = check(project).model.indikator_med_id("otrygghet-kvall")
    assert [v.ar for v in indikator.varden] == [2023, 2021]
    assert [v.ar for v in indikator.efter_ar] == [2021, 2023]
    assert indikator.uppdelad and indikator.varden[0].uppdelat
    assert (indikator.datakalla.namn, indikator.enhet) == ("Trygghetsmätningen", "procent")
