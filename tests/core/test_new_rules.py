"""The rules issue 14 adds: version without history, dates in the future, level-1
headings in a text, a wrong schema modeline."""

from __future__ import annotations

from datetime import date

from styrdok.core.pipeline import check_project
from styrdok.core.project import Project

from helpers import check, make_project

PAGE = "docs/anvisningar/krisledning.md"


def edit(project, old: str, new: str, path: str = PAGE) -> None:
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def codes(outcome, code):
    return [p for p in outcome.problems if p.code == code]


def test_a_decision_after_the_real_day_is_an_error_whatever_the_reference_day(tmp_path):
    project = make_project(tmp_path / "p")
    edit(project, "beslutsdatum: 2019-05-02", "beslutsdatum: 2019-05-20")
    root = Project.at(project)
    # Built as of a day before the decision: the decision is not in force yet, not wrong.
    as_of_then = check_project(root, date(2019, 5, 10), now=date(2026, 1, 1))
    assert codes(as_of_then, "datum-i-framtiden") == []
    # The real day before the decision: it cannot have been taken yet.
    real_day_before = check_project(root, date(2019, 5, 10), now=date(2019, 5, 10))
    # The accessibility statement, assessed in 2025, is then in the future too.
    (found,) = [
        p
        for p in codes(real_day_before, "datum-i-framtiden")
        if p.path != "data/tillganglighet.yml"
    ]
    assert (found.position.line, "beslutsdatum") == (10, found.message.split()[0])


def test_history_in_the_future_is_reported_at_its_entry(tmp_path):
    project = make_project(tmp_path / "p")
    edit(
        project,
        "version: 2\n",
        "version: 2\nhistorik:\n  - datum: 2019-05-02\n    version: 2\n    andring: Ny.\n"
        "  - datum: 2026-06-01\n    andring: Senare.\n",
    )
    root = Project.at(project)
    assert (
        codes(check_project(root, date(2026, 1, 1), now=date(2026, 6, 1)), "datum-i-framtiden")
        == []
    )
    (found,) = codes(
        check_project(root, date(2026, 1, 1), now=date(2026, 5, 31)), "datum-i-framtiden"
    )
    assert found.position.line == 19


def test_a_raised_version_needs_its_history_entry(tmp_path):
    project = make_project(tmp_path / "p")
    history = "historik:\n  - datum: 2019-05-02\n    version: 2\n    andring: Ny.\n"
    edit(project, "version: 2\n", "version: 2\n" + history)
    assert codes(check(project), "version-utan-historik") == []
    edit(project, "version: 2\n", "version: 3\n")
    (found,) = codes(check(project), "version-utan-historik")
    assert "version 3" in found.message
    # A history that never numbers its entries says nothing about versions.
    edit(project, "    version: 2\n", "")
    assert codes(check(project), "version-utan-historik") == []


def test_level_one_headings_in_either_form_but_not_in_code(tmp_path):
    project = make_project(tmp_path / "p")
    edit(project, "## Syfte\n", "Syfte\n=====\n\n```\n# inte en rubrik\n```\n\n# Ansvar\n")
    found = [(p.position.line, p.message) for p in codes(check(project), "rubrik-niva-1")]
    assert [line for line, _ in found] == [26, 33]
    assert "===" in found[0][1] and "#" in found[1][1]


def test_hand_written_pages_keep_their_own_title_heading(tmp_path):
    project = make_project(tmp_path / "p")
    page = project / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n# Rubrik\n", encoding="utf-8")
    assert codes(check(project), "rubrik-niva-1") == []


def test_the_modeline_path_depends_on_where_the_file_is(tmp_path):
    project = make_project(tmp_path / "p")
    right = "# yaml-language-server: $schema=../../schema/anvisning.schema.json"
    edit(project, "---\n", f"---\n{right}\n")
    assert codes(check(project), "fel-modeline") == []
    version = "docs/anvisningar/krisledning/version-1.md"
    text = (project / version).read_text(encoding="utf-8")
    (project / version).write_text(text.replace("---\n", f"---\n{right}\n", 1), encoding="utf-8")
    (found,) = codes(check(project), "fel-modeline")
    assert found.path == version
    assert found.hint.endswith("$schema=../../../schema/anvisningsversion.schema.json")
    organ = project / "data" / "organ.yml"
    organ.write_text(
        "# yaml-language-server: $schema=schema/organ.schema.json\n"
        + organ.read_text(encoding="utf-8")
    )
    assert [p.path for p in codes(check(project), "fel-modeline")] == [
        "data/organ.yml",
        version,
    ]
