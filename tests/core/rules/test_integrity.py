"""Integrity helpers, tested on plain data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from styrdok.core.rules.integrity import find_cycles
from styrdok.select import select

from helpers import TODAY, check


def test_find_cycles_reports_each_cycle_once_from_its_smallest_id():
    edges = {"c": ("a",), "a": ("b",), "b": ("c",), "x": ("x",), "y": ("z",), "z": ()}
    assert find_cycles(edges) == [("a", "b", "c"), ("x",)]


def test_find_cycles_handles_long_chains_without_recursion():
    edges = {f"n{i}": (f"n{i + 1}",) for i in range(20000)}
    assert find_cycles(edges) == []
    edges["n20000"] = ("n0",)
    (cycle,) = find_cycles(edges)
    assert len(cycle) == 20001


# Programmes: successors, several in force, the period ---------------------------------

SPLIT = """\
- id: program-nu
  titel: Testprogram 2018–2030
  period:
    fran: 2018
    till: 2030
  status: utgått
  beslutad_av: kommunfullmaktige
  ersatter:
    - program-forr
  ersatt_av:
    - program-a
    - program-b

- id: program-a
  titel: Program A 2024–2030
  period:
    fran: 2024
    till: 2030
  status: gällande
  beslutad_av: kommunfullmaktige
  ersatter:
    - program-nu

- id: program-b
  titel: Program B 2024–2030
  period:
    fran: 2024
    till: 2030
  status: gällande
  beslutad_av: kommunfullmaktige
  beslutsdatum: 2024-04-12

- id: program-forr
  titel: Testprogram 2013–2016
  period:
    fran: 2013
    till: 2016
  status: utgått
  beslutad_av: kommunfullmaktige
"""


def _programmes(project: Path, text: str) -> None:
    (project / "data" / "program.yml").write_text(text, encoding="utf-8")


def test_a_programme_split_in_two_successors_in_force_is_valid(project):
    _programmes(project, SPLIT)
    outcome = check(project)
    assert outcome.problems == []
    assert outcome.model.program_ersatt_av("program-nu") == ("program-a", "program-b")
    assert outcome.model.program_med_id("program-nu").ersatt_av == ("program-a", "program-b")


def test_a_single_successor_id_is_still_accepted(project):
    _programmes(
        project,
        SPLIT.replace(
            "  ersatt_av:\n    - program-a\n    - program-b\n", "  ersatt_av: program-b\n"
        ),
    )
    model = check(project).model
    # Its own successor first, then those that say they replace it.
    assert model.program_ersatt_av("program-nu") == ("program-b", "program-a")


def test_a_replaced_programme_still_in_force_names_all_its_successors(project):
    _programmes(
        project,
        SPLIT.replace(
            "  status: utgått\n  beslutad_av: kommunfullmaktige\n  ersatter:\n    - program-forr",
            "  status: gällande\n  beslutad_av: kommunfullmaktige\n  ersatter:\n    - program-forr",
            1,
        ),
    )
    (found,) = [p for p in check(project).problems if p.code == "ersatt-men-gallande"]
    assert found.message == (
        "programmet 'program-nu' har ersatts av 'program-a', 'program-b' men har fortfarande status gällande"
    )


def test_an_unknown_successor_in_the_list_is_reported_at_its_line(project):
    _programmes(project, SPLIT.replace("    - program-b\n\n", "    - program-c\n\n", 1))
    (found,) = check(project).problems
    assert (found.code, found.position.line) == ("okant-program", 12)


def test_a_successor_named_in_ersatt_av_closes_a_cycle(project):
    _programmes(
        project,
        SPLIT.replace(
            "  ersatter:\n    - program-nu\n",
            "  ersatter:\n    - program-nu\n  ersatt_av: [program-nu]\n",
        ),
    )
    assert "ersattningscykel" in {p.code for p in check(project).problems}


def test_two_programmes_in_force_with_content_of_their_own_cannot_both_be_shown(project):
    _programmes(
        project,
        SPLIT.replace("status: utgått", "status: gällande", 1)
        .replace("  ersatt_av:\n    - program-a\n    - program-b\n", "")
        .replace("  ersatter:\n    - program-nu\n", ""),
    )
    malomraden = project / "data" / "malomraden.yml"
    text = malomraden.read_text(encoding="utf-8")
    second = text.index("- id:", 1)
    malomraden.write_text(
        text[:second] + text[second:].replace("program: program-nu", "program: program-a", 1),
        encoding="utf-8",
    )
    problems = [p for p in check(project).problems if p.code == "flera-gallande-program"]
    assert [(p.path, p.position.line) for p in problems] == [("data/program.yml", 16)]
    assert problems[0].message == (
        "flera program med egna målområden eller fokusområden har status gällande: "
        "program-nu, program-a"
    )


def test_no_programme_in_force_is_a_warning_and_the_site_still_selects_one(project):
    _programmes(project, SPLIT.replace("status: gällande", "status: utgått"))
    outcome = check(project)
    assert [p.code for p in outcome.problems] == ["inget-gallande-program"]
    assert outcome.ok
    assert select(outcome.model, dag=TODAY).program.id == "program-nu"


def test_a_programme_in_force_whose_period_has_ended_is_warned_about_on_the_day(project):
    _programmes(
        project,
        SPLIT.replace(
            "    till: 2030\n  status: gällande", "    till: 2025\n  status: gällande", 1
        ),
    )
    assert check(project, date(2025, 12, 31)).problems == []
    (found,) = check(project, date(2026, 1, 1)).problems
    assert (found.code, found.path, found.position.line) == (
        "programperiod-slut",
        "data/program.yml",
        19,
    )
    assert found.message == (
        "programmet 'program-a' har status gällande, men dess period 2024–2025 har löpt ut (2026-01-01)"
    )
    assert "status: utgått och ersatt_av" in found.hint
