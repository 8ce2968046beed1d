"""A new anvisning from `styrdok ny` (tools/scaffold.py)."""

from __future__ import annotations

from datetime import date

import pytest

from styrdok.tools.scaffold import ScaffoldError, new_anvisning, slug

from helpers import REPO, check

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("titel", "expected"),
    [
        ("Anvisning för hot och våld mot anställda", "hot-och-vald-mot-anstallda"),
        ("Anvisningen om Öppna data & e-tjänster", "oppna-data-e-tjanster"),
        ("Krisstöd – när något har hänt", "krisstod-nar-nagot-har-hant"),
        ("Café- och idéverksamhet", "cafe-och-ideverksamhet"),
    ],
)
def test_id_is_made_from_the_title(titel, expected):
    assert slug(titel) == expected


def test_long_titles_give_ids_cut_at_a_word():
    made = slug("Anvisning för " + " ".join(["beredskapsplanering"] * 10))
    assert len(made) <= 60 and not made.endswith("-")


def scaffold(
    project,
    titel="Anvisning för nattlig tillsyn",
    fokus=("krisberedskap",),
    ansvarig="kommunstyrelsen",
):
    model = check(project).model
    made = new_anvisning(
        model, project / "docs" / "anvisningar", titel, list(fokus), ansvarig, None, TODAY
    )
    made.path.write_text(made.text, encoding="utf-8")
    return made


def test_new_anvisning_passes_the_check_as_it_stands(project):
    made = scaffold(project)
    assert made.id == "nattlig-tillsyn"
    outcome = check(project)
    assert outcome.problems == []
    anvisning = outcome.model.anvisning_med_id("nattlig-tillsyn")
    assert anvisning.status == "utkast" and anvisning.atkomst == "intern"
    assert anvisning.historik[0].datum == TODAY
    assert anvisning.titel == "Anvisning för nattlig tillsyn"


def test_new_anvisning_has_every_required_field_with_a_swedish_comment(project):
    import json

    text = scaffold(project).text
    schema = json.loads((REPO / "schema" / "anvisning.schema.json").read_text())
    lines = text.split("\n")
    for field in schema["required"]:
        index = next(i for i, line in enumerate(lines) if line.startswith(f"{field}:"))
        assert lines[index - 1].startswith("# "), field
    assert "beslutsdatum: 2026-11-25" in text  # today's date, ready to uncomment


def test_new_anvisning_appears_in_the_built_site(project, tmp_path, mkdocs_build):
    scaffold(project)
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "anvisningar" / "nattlig-tillsyn" / "index.html").read_text()
    assert "Anvisning för nattlig tillsyn" in page and "Utkast" in page


def test_title_that_clashes_with_an_existing_id_is_refused(project):
    with pytest.raises(ScaffoldError, match="id 'krisledning' finns redan"):
        scaffold(project, titel="Anvisning för krisledning")


def test_unknown_fokusomrade_and_organ_are_refused_with_a_suggestion(project):
    with pytest.raises(ScaffoldError, match="Menade du 'krisberedskap'"):
        scaffold(project, fokus=("krisberedskp",))
    with pytest.raises(ScaffoldError, match="Menade du 'kommunstyrelsen'"):
        scaffold(project, ansvarig="kommunstyrelsn")


def test_quotes_and_colons_in_the_title_stay_text(project):
    made = scaffold(project, titel='Anvisning för "larm": test #1')
    assert check(project).problems == []
    assert check(project).model.anvisning_med_id(made.id).titel == 'Anvisning för "larm": test #1'


def test_cli_creates_a_new_anvisning_that_passes_the_check(project, styrdok_cli):
    result = styrdok_cli(
        "ny",
        "anvisning",
        "--titel",
        "Anvisning för larmrutiner",
        "--fokusomrade",
        "krisberedskap",
        "--fokusomrade",
        "forebygga-brott",
        cwd=project,
    )
    assert result.returncode == 0, result.stderr
    assert "docs/anvisningar/larmrutiner.md" in result.stdout
    assert styrdok_cli("check", cwd=project).returncode == 0
    again = styrdok_cli(
        "ny", "anvisning", "--titel", "Larmrutiner", "--fokusomrade", "krisberedskap", cwd=project
    )
    assert again.returncode == 1
    assert "id 'larmrutiner' finns redan" in again.stderr
    assert "Traceback" not in again.stderr
