"""Messages that sent editors the wrong way (issue 14), each pinned by what it must not do.

The wording itself is pinned in tests/data/meddelanden.txt; these tests pin what a
wording cannot show: no suggestion of another law, one problem for one slip, the line
where a quote opens, and no warning for the comments data files have on purpose.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from styrdok.core.messages import as_id, closest, suggest

from helpers import INVALID, REPO, check, make_project
from helpers.invalid import EXPECTED

LAWS = [entry["id"] for entry in yaml.safe_load((REPO / "data/forfattningar.yml").read_text())]


@pytest.mark.parametrize(
    ("written", "choices"),
    [
        ("dataskyddsforordningen", LAWS),
        ("ersatt_av", ["ersatter", "ersatt"]),
        ("lso", ["osl", "leh"]),
        ("brottsbalk", ["brandfarliga"]),
    ],
)
def test_no_suggestion_of_a_different_word(written, choices):
    assert closest(written, choices) is None
    assert "Menade du" not in suggest(written, choices, "Befintliga id")


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("Socialnämnden", "socialnamnden"),
        ("socialnämnden", "socialnamnden"),
        ("Bromma stadsdelsnämnd", "bromma-stadsdelsnamnd"),
        ("fokusområden", "fokusomraden"),
        ("sakerhetskyddslagen", "sakerhetsskyddslagen"),
        ("kommunstyrlesen", "kommunstyrelsen"),
    ],
)
def test_a_typo_or_a_name_gets_the_id_meant(written, meant):
    choices = [meant, "kommunfullmaktige", "stadsledningskontoret"]
    assert closest(written, choices) == meant


def test_an_id_is_written_without_capitals_or_swedish_letters():
    assert as_id(" Överförmyndarnämnden i Stockholm ") == "overformyndarnamnden-i-stockholm"


def test_blanks_and_underscores_between_words_become_one_hyphen():
    assert as_id("Social  nämnden_ - Stockholm") == "social-namnden-stockholm"


def broken(tmp_path: Path, name: str):
    project = make_project(tmp_path / "projekt")
    target, _, _ = EXPECTED[name]
    shutil.copy(INVALID / name, project / target)
    return check(project).problems


def test_a_date_without_leading_zeros_is_one_error_with_the_date_meant(tmp_path):
    problems = [
        p for p in broken(tmp_path, "ogiltigt-datum--ensiffrig-manad.md") if p.severity == "fel"
    ]
    assert [p.code for p in problems] == ["ogiltigt-datum"]
    assert "2019-05-02" in (problems[0].hint or "")


def test_an_unclosed_quote_is_reported_where_it_opens(tmp_path):
    (problem,) = broken(tmp_path, "ogiltig-yaml--oavslutat-citat.md")
    assert (problem.position.line, problem.position.column) == (3, 8)


def test_a_glued_colon_is_reported_on_its_own_line(tmp_path):
    (problem,) = broken(tmp_path, "ogiltig-yaml--blanksteg-efter-kolon.md")
    assert problem.position.line == 3
    assert "blanksteg efter kolonet: titel: Anvisning" in (problem.hint or "")


def test_every_empty_field_says_it_is_empty(tmp_path):
    project = make_project(tmp_path / "projekt")
    page = project / "docs/anvisningar/krisledning.md"
    text = page.read_text(encoding="utf-8")
    for field in ("status", "atkomst", "galler_for", "titel", "version", "beslutsdatum"):
        text = "\n".join(
            f"{field}:" if line.startswith(f"{field}:") else line for line in text.split("\n")
        )
    page.write_text(text, encoding="utf-8")
    problems = [p for p in check(project).problems if p.path.endswith("krisledning.md")]
    assert {p.code for p in problems} == {"tomt-varde"}
    assert len(problems) == 6
    assert not any("null" in p.message or "null" in (p.hint or "") for p in problems)


def test_a_cut_title_is_a_warning_and_quoting_it_is_clean(tmp_path):
    project = make_project(tmp_path / "projekt")
    page = project / "docs/anvisningar/krisledning.md"
    text = page.read_text(encoding="utf-8")
    cut = text.replace("titel: Anvisning för krisledning", "titel: Kamerabevakning #2 (ny)")
    page.write_text(cut, encoding="utf-8")
    (warning,) = [p for p in check(project).problems if p.code == "kommentar-i-varde"]
    assert warning.position.line == 3
    assert '"Kamerabevakning #2 (ny)"' in (warning.hint or "")
    page.write_text(cut.replace("Kamerabevakning #2 (ny)", '"Kamerabevakning #2 (ny)"'))
    assert not [p for p in check(project).problems if p.code == "kommentar-i-varde"]


def test_comments_in_data_files_are_not_warned_about(tmp_path):
    project = make_project(tmp_path / "projekt")
    organ = project / "data/organ.yml"
    lines = organ.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("  namn:"))
    lines[index] += "  # en kommentar"
    organ.write_text("\n".join(lines), encoding="utf-8")
    assert not [p for p in check(project).problems if p.code == "kommentar-i-varde"]


def test_an_id_from_a_title_and_a_guess_at_an_id_follow_one_rule():
    from styrdok.core.messages import as_id
    from styrdok.tools.scaffold import slug

    for name in ("Socialnämnden", "Café Ørby", "Übung", "Hot och våld"):
        assert slug(name) == as_id(name)
