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
        ("Anvisningar för kamerabevakning", "kamerabevakning"),
        ("Anvisning kring informationssäkerhet", "informationssakerhet"),
        ("Riktlinjer för hot och våld", "hot-och-vald"),
        ("Stadens rutiner vid brand", "brand"),
        ("Anvisning: utrymning", "utrymning"),
        ("Anvisningsarkiv för nämnder", "anvisningsarkiv-for-namnder"),
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
    id=None,
):
    model = check(project).model
    made = new_anvisning(
        model, project / "docs" / "anvisningar", titel, list(fokus), ansvarig, None, TODAY, id
    )
    made.path.write_text(made.text, encoding="utf-8")
    return made


def test_new_anvisning_passes_the_check_as_it_stands(project):
    made = scaffold(project)
    assert made.id == "nattlig-tillsyn"
    outcome = check(project)
    assert outcome.errors == []
    # Its example texts are a reminder while it is an utkast.
    reminders = [(p.code, p.position.line) for p in outcome.warnings]
    assert [code for code, _ in reminders] == ["platshallare-utkast"] * 3
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


def decide(text: str, atkomst: str = "öppen") -> str:
    """The scaffold's text with status gällande and the fields that status needs."""
    return (
        text.replace("status: utkast", "status: gällande")
        .replace("atkomst: intern", f"atkomst: {atkomst}")
        .replace("# beslutsdatum:", "beslutsdatum:")
        .replace("# beslutad_av:", "beslutad_av:")
        .replace("# giltig_fran:", "giltig_fran:")
        .replace("# revideras_senast:", "revideras_senast:")
    )


def test_example_texts_are_errors_once_the_anvisning_is_decided(project):
    made = scaffold(project)
    made.path.write_text(decide(made.text), encoding="utf-8")
    outcome = check(project)
    found = [(p.code, p.path) for p in outcome.errors]
    assert found == [("platshallare-anvisning", "docs/anvisningar/nattlig-tillsyn.md")] * 3
    assert "status gällande" in outcome.errors[0].message


def test_example_texts_copied_by_hand_are_caught_too(project):
    """The rule reads the texts, not how the file was made."""
    page = project / "docs" / "anvisningar" / "krisledning.md"
    text = page.read_text(encoding="utf-8").replace(
        "sammanfattning: Hur nämnderna leder vid kris.",
        "sammanfattning: Skriv en eller två meningar om vad anvisningen handlar om",
    )
    page.write_text(text + "\nBeskriv stegen.\n", encoding="utf-8")
    found = [(p.code, p.position.line) for p in check(project).errors]
    assert ("platshallare-anvisning", 4) in found
    assert any(code == "platshallare-anvisning" and line > 24 for code, line in found)


def test_the_id_can_be_given(project):
    made = scaffold(project, titel="Anvisning för nattlig tillsyn", id="nattillsyn")
    assert made.id == "nattillsyn" and made.path.name == "nattillsyn.md"
    assert check(project).errors == []


@pytest.mark.parametrize(
    "bad", ["Nattlig-Tillsyn", "nattlig tillsyn", "-natt", "natt--tillsyn", "å", "n", "x" * 61]
)
def test_a_given_id_must_have_the_form_of_an_id(project, bad):
    with pytest.raises(ScaffoldError, match=r"kan inte vara ett id\. Ett id skrivs med små"):
        scaffold(project, id=bad)


def test_a_given_id_is_checked_against_existing_ones(project):
    with pytest.raises(ScaffoldError, match="id 'krisledning' finns redan"):
        scaffold(project, titel="Anvisning för nattlig tillsyn", id="krisledning")


def test_the_help_documents_the_id_rules(styrdok_cli, project):
    result = styrdok_cli("ny", "anvisning", "--help", cwd=project)
    text = " ".join(result.stdout.split())
    assert "--id" in text
    assert "små bokstäver a–z, siffror och bindestreck" in text
    assert "Riktlinjer kring" in text


def test_quotes_and_colons_in_the_title_stay_text(project):
    made = scaffold(project, titel='Anvisning för "larm": test #1')
    assert check(project).errors == []
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
