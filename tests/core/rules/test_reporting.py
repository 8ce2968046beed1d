"""The rules over a year's follow-up, beyond the broken files of data/invalid: what
they leave alone, and the rule that needs a skyddsvärt fokusområde."""

from __future__ import annotations

import shutil
from datetime import date

from helpers import INVALID, check
from helpers.invalid import AR, place

YEAR = "data/uppfoljning/2025.yml"


def codes(outcome):
    return [(p.code, p.path, p.position.line) for p in outcome.problems]


def test_a_project_without_reporting_passes_the_check(project):
    shutil.rmtree(project / "data" / "uppfoljning")
    outcome = check(project)
    assert outcome.problems == []
    assert outcome.model.uppfoljning == ()


def test_the_valid_year_is_in_the_model_with_every_report(project):
    (year,) = check(project).model.uppfoljning
    assert (year.ar, year.sista_dag) == (2025, date(2026, 2, 28))
    assert [r.organ for r in year.rapporter][:2] == ["kommunstyrelsen", "bromma-stadsdelsnamnd"]
    assert {r.atkomst for r in year.rapporter} == {"öppen", "intern", "skyddad"}


def test_a_late_report_with_a_note_is_accepted(project):
    # Stadshus AB's report in the valid year came in after sista_dag, with a notering.
    (year,) = check(project).model.uppfoljning
    late = next(r for r in year.rapporter if r.organ == "stockholms-stadshus-ab")
    assert late.inlamnad_datum > year.sista_dag and late.notering


def test_no_warning_for_a_report_not_in_before_the_deadline(project):
    place(project, "rapport-ej-inlamnad--efter-sista-dag.yml")
    assert check(project, today=date(2025, 12, 31)).problems == []
    assert [c for c, _, _ in codes(check(project, today=date(2026, 1, 1)))] == [
        "rapport-ej-inlamnad"
    ]


def test_each_body_not_in_is_its_own_warning(project):
    text = (INVALID / "rapport-ej-inlamnad--efter-sista-dag.yml").read_text(encoding="utf-8")
    text = text.replace("inlamnad: true\n    inlamnad_datum: 2025-12-10\n", "inlamnad: false\n", 1)
    (project / AR).write_text(text, encoding="utf-8")
    warnings = check(project).warnings
    assert sorted(w.message.split(" (")[0] for w in warnings) == [
        "Kommunstyrelsen",
        "Stockholms Stadshus AB",
    ]


def test_an_unknown_organ_is_not_also_reported_as_not_applying(project):
    place(project, "okant-organ--rapport.yml")
    assert [c for c, _, _ in codes(check(project))] == ["okant-organ"]


def test_kommunfullmaktige_does_not_report(project):
    text = (project / YEAR).read_text(encoding="utf-8")
    text += "  - organ: kommunfullmaktige\n    inlamnad: false\n    atkomst: intern\n"
    (project / YEAR).write_text(text, encoding="utf-8")
    (found,) = check(project).problems
    assert found.code == "rapport-fel-organ"
    assert "Kommunfullmäktige (kommunfullmaktige)" in found.message


def test_a_year_that_breaks_its_schema_is_left_out_not_reported_twice(project):
    place(project, "saknat-falt--atkomst-pa-rapport.yml")
    outcome = check(project)
    assert [c for c, _, _ in codes(outcome)] == ["saknat-falt"]
    assert outcome.model.uppfoljning == ()


def test_an_open_report_about_a_protected_fokusomrade_is_an_error(project):
    fokus = project / "data" / "fokusomraden.yml"
    text = fokus.read_text(encoding="utf-8")
    fokus.write_text(
        text.replace("- id: forebygga-brott\n", "- id: forebygga-brott\n  skyddsvart: true\n"),
        encoding="utf-8",
    )
    found = [p for p in check(project).problems if p.path == YEAR]
    # Bromma's öppen report has a risk in forebygga-brott; socialnämndens is skyddad.
    assert [(p.code, p.position.line) for p in found] == [("skyddsvard-rapport-oppen", 20)]
    assert "Bromma stadsdelsnämnd" in found[0].message


def test_a_symbolic_link_in_the_folder_is_never_read(project, tmp_path):
    outside = tmp_path / "hemlig.yml"
    outside.write_text("ar: 2024\n", encoding="utf-8")
    (project / "data" / "uppfoljning" / "2024.yml").symlink_to(outside)
    assert codes(check(project)) == [("symbolisk-lank", "data/uppfoljning/2024.yml", 1)]


def test_a_subfolder_or_other_file_in_the_folder_is_refused(project):
    folder = project / "data" / "uppfoljning"
    (folder / "arkiv").mkdir()
    (folder / "README.md").write_text("anteckning\n", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\x00")
    assert codes(check(project)) == [
        ("fel-filnamn", "data/uppfoljning/README.md", 1),
        ("fel-filnamn", "data/uppfoljning/arkiv", 1),
    ]


def test_a_body_is_owed_a_report_only_for_the_years_it_reports(project):
    organ = project / "data" / "organ.yml"
    text = organ.read_text(encoding="utf-8")
    # Socialnämnden closed after 2024: no longer required in 2025, and refused there.
    text = text.replace("- id: socialnamnden\n", "- id: socialnamnden\n  rapporterar_till: 2024\n")
    organ.write_text(text, encoding="utf-8")
    found = codes(check(project))
    assert ("rapport-utanfor-ar", YEAR, 27) in found
    year = project / YEAR
    lines = year.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if "organ: socialnamnden" in line)
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("  - organ:"))
    year.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")
    assert check(project).problems == []


def test_a_body_set_up_later_is_not_missing_from_earlier_years(project):
    # The valid project's Framtidsnämnden reports from 2030 and is in no year before.
    model = check(project).model
    organ = model.organ_med_id("framtidsnamnden")
    assert organ.tillampar_programmet and not organ.rapporterar(2025) and organ.rapporterar(2030)
