"""A body's risk- och lägesbild from `styrdok ny lagesbild` (tools/lagesbild.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from styrdok.core.project import Project
from styrdok.core.rules.reporting import (
    PLATSHALLARE_ATGARDER,
    PLATSHALLARE_NOTERING,
    PLATSHALLARE_TITEL,
)
from styrdok.tools.cli import main
from styrdok.tools.lagesbild import (
    ERSATT,
    SKAPAD,
    TILLAGD,
    new_lagesbild,
    write,
)
from styrdok.tools.scaffold import ScaffoldError

from helpers import check

# Before the deadline of the small project's year 2025 (2026-02-28).
TODAY = date(2026, 2, 10)
YEAR_2025 = Path("data/uppfoljning/2025.yml")
# The bodies of tests/data/valid/data/organ.yml the programme applies to, in its order.
REPORTING = [
    "kommunstyrelsen",
    "bromma-stadsdelsnamnd",
    "socialnamnden",
    "stockholms-stadshus-ab",
    "ab-svenska-bostader",
]

BROMMA_SUBMITTED = """\
  - organ: bromma-stadsdelsnamnd
    inlamnad: true
    inlamnad_datum: 2026-02-20
    atkomst: öppen
    risker:
      - titel: Skadegörelse på skolgårdar på helger
        fokusomraden: [forebygga-brott]
        sannolikhet: 4
        konsekvens: 2
        atgarder: Bättre belysning och trygghetsvandringar med föräldrar och polis.
"""
BROMMA_NOT_SUBMITTED = """\
  - organ: bromma-stadsdelsnamnd
    # Påmind per telefon 2026-02-01.
    inlamnad: false
    atkomst: skyddad  # nämnden vill att rapporten är skyddad
  # Kommentaren efter posten hör inte till den och ska stå kvar.
"""
SVENSKA_BOSTADER = """\
  - organ: ab-svenska-bostader
    inlamnad: true
    inlamnad_datum: 2026-02-27
    atkomst: öppen
    risker: []
"""


def scaffold(project: Path, organ: str = "bromma-stadsdelsnamnd", ar: int = 2025, today=TODAY):
    outcome = check(project, today)
    made = new_lagesbild(Project.at(project), outcome.model, outcome.problems, organ, ar, today)
    write(made)
    return made


def assert_only_placeholders_left(project: Path) -> None:
    """The scaffold passes the check but for the texts the editor is to write, which
    the check names (so they cannot be published as what the body reported)."""
    codes = {p.code for p in check(project, TODAY).problems}
    assert codes == {"platshallare-kvar"}


def rewrite(project: Path, old: str, new: str, path: Path = YEAR_2025) -> str:
    text = (project / path).read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new)
    (project / path).write_text(text, encoding="utf-8")
    return text


def year(project: Path, ar: int, today: date = TODAY):
    outcome = check(project, today)
    return next(y for y in outcome.model.uppfoljning if y.ar == ar)


# A new year file ------------------------------------------------------------------------


def test_new_year_file_lists_every_reporting_body_and_passes_the_check(project):
    made = scaffold(project, "socialnamnden", 2026)
    assert (made.display, made.andring, made.sen) == ("data/uppfoljning/2026.yml", SKAPAD, False)
    assert_only_placeholders_left(project)
    text = (project / made.display).read_text(encoding="utf-8")
    assert (
        text.splitlines()[0]
        == "# yaml-language-server: $schema=../../schema/uppfoljning.schema.json"
    )
    assert text.splitlines()[made.rad - 1] == "  - organ: socialnamnden"
    written = year(project, 2026)
    assert written.sista_dag == date(2027, 2, 28)
    assert [r.organ for r in written.rapporter] == REPORTING
    for rapport in written.rapporter:
        assert rapport.atkomst == "intern"
        assert rapport.inlamnad == (rapport.organ == "socialnamnden")
    filled = next(r for r in written.rapporter if r.inlamnad)
    assert filled.inlamnad_datum == TODAY and filled.notering is None
    (risk,) = filled.risker
    assert risk.titel == PLATSHALLARE_TITEL and risk.fokusomraden == ("forebygga-brott",)
    assert "# referens:" in text and "5 Katastrofala" in text and "5 Mycket hög" in text


def test_a_report_after_the_deadline_gets_a_notering_to_fill_in(project):
    late = date(2027, 3, 3)
    made = scaffold(project, "socialnamnden", 2026, late)
    assert made.sen
    outcome = check(project, late)
    assert {p.code for p in outcome.errors} == {"platshallare-kvar"}
    # The note is one of the texts to write.
    assert any(p.message.endswith("i notering") for p in outcome.errors)
    # The bodies that have not reported are warned about; the one that has is not.
    assert {p.code for p in outcome.warnings} == {"rapport-ej-inlamnad"}
    assert not any("socialnamnden" in p.message for p in outcome.warnings)
    filled = next(r for r in year(project, 2026, late).rapporter if r.inlamnad)
    assert filled.notering == PLATSHALLARE_NOTERING


def test_leap_years_get_the_29th_of_february(project):
    scaffold(project, "socialnamnden", 2027)
    assert year(project, 2027).sista_dag == date(2028, 2, 29)


# An existing year file ------------------------------------------------------------------


def test_an_entry_not_yet_submitted_is_replaced_and_every_other_line_kept(project):
    old = rewrite(project, BROMMA_SUBMITTED, BROMMA_NOT_SUBMITTED)
    made = scaffold(project)
    assert made.andring == ERSATT
    new = (project / YEAR_2025).read_text(encoding="utf-8")
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    first = old_lines.index("  - organ: bromma-stadsdelsnamnd\n")
    after = old_lines.index("  # Kommentaren efter posten hör inte till den och ska stå kvar.\n")
    assert made.rad == first + 1
    assert new_lines[:first] == old_lines[:first]
    assert new_lines[len(new_lines) - (len(old_lines) - after) :] == old_lines[after:]
    assert "Påmind per telefon" not in new
    assert_only_placeholders_left(project)
    bromma = next(r for r in year(project, 2025).rapporter if r.organ == "bromma-stadsdelsnamnd")
    assert bromma.inlamnad and bromma.inlamnad_datum == TODAY
    # The access level someone chose is kept, and a skyddad one is never lowered.
    assert bromma.atkomst == "skyddad"


def test_a_missing_body_is_added_at_the_end_of_rapporter(project):
    old = rewrite(project, SVENSKA_BOSTADER, "")
    assert [p.code for p in check(project, TODAY).errors] == ["rapport-saknas"]
    made = scaffold(project, "ab-svenska-bostader")
    assert made.andring == TILLAGD
    new = (project / YEAR_2025).read_text(encoding="utf-8")
    assert new.startswith(old) and new != old
    assert new.splitlines()[made.rad - 1] == "  - organ: ab-svenska-bostader"
    assert_only_placeholders_left(project)
    assert [r.organ for r in year(project, 2025).rapporter][-1] == "ab-svenska-bostader"


def test_windows_line_ends_and_a_byte_order_mark_are_kept(project):
    text = (project / YEAR_2025).read_text(encoding="utf-8").replace(SVENSKA_BOSTADER, "")
    # The comment ends the file with a line end, as the YAML style (.yamllint.yml) asks.
    raw = "\ufeff" + text.replace("\n", "\r\n") + "# slut\r\n"
    (project / YEAR_2025).write_bytes(raw.encode("utf-8"))
    scaffold(project, "ab-svenska-bostader")
    written = (project / YEAR_2025).read_bytes().decode("utf-8")
    assert written.startswith(raw[: -len("# slut\r\n")])
    assert written.endswith("\r\n# slut\r\n")
    assert "\n" not in written.replace("\r\n", "")
    assert_only_placeholders_left(project)


def test_an_empty_list_of_reports_gets_its_first_entry(project):
    (project / YEAR_2025).write_text(
        "ar: 2025\nsista_dag: 2026-02-28\nrapporter: []  # inga än\n", encoding="utf-8"
    )
    made = scaffold(project, "socialnamnden")
    new = (project / YEAR_2025).read_text(encoding="utf-8")
    assert new.startswith("ar: 2025\nsista_dag: 2026-02-28\nrapporter:  # inga än\n  - organ:")
    assert made.rad == 4
    errors = check(project, TODAY).errors
    assert {p.code for p in errors} == {"rapport-saknas", "platshallare-kvar"}
    assert not any("socialnamnden" in p.message for p in errors)


# What is refused ------------------------------------------------------------------------


def test_an_unknown_organ_is_refused_with_a_suggestion(project):
    with pytest.raises(
        ScaffoldError, match="okänt organ 'socialnamden' – Menade du 'socialnamnden'"
    ):
        scaffold(project, "socialnamden")


@pytest.mark.parametrize(
    ("organ", "why"),
    [
        ("kommunfullmaktige", "inte organ av typen kommunfullmäktige"),
        ("stadsledningskontoret", "förvaltning; rapporten lämnas av Kommunstyrelsen"),
    ],
)
def test_a_body_the_programme_does_not_apply_to_is_refused(project, organ, why):
    with pytest.raises(ScaffoldError, match=f"lämnar ingen risk- och lägesbild.*{why}"):
        scaffold(project, organ)
    assert not (project / "data/uppfoljning/2026.yml").exists()


@pytest.mark.parametrize("ar", [1999, 2101])
def test_a_year_outside_the_schema_is_refused(project, ar):
    with pytest.raises(ScaffoldError, match=f"året {ar} ligger utanför 2000–2100"):
        scaffold(project, "socialnamnden", ar)


def test_a_report_already_submitted_is_refused_with_file_and_line(project):
    before = (project / YEAR_2025).read_bytes()
    with pytest.raises(
        ScaffoldError,
        match=(
            r"data/uppfoljning/2025.yml: Socialnämnden har redan en inlämnad rapport för 2025 "
            r"på rad 27; ändra i den i stället"
        ),
    ):
        scaffold(project, "socialnamnden")
    assert (project / YEAR_2025).read_bytes() == before


def test_an_entry_with_risks_is_not_overwritten(project):
    rewrite(
        project, "    inlamnad: true\n    inlamnad_datum: 2026-02-20\n", "    inlamnad: false\n"
    )
    with pytest.raises(ScaffoldError, match="har redan risker för 2025 på rad 17"):
        scaffold(project)


@pytest.mark.parametrize(
    ("old", "new", "why"),
    [
        ("rapporter:\n", "rapporter:\n  - organ: [\n", "rad 7"),
        ("    atkomst: skyddad\n", "    atkomst: hemlig\n", "rad 31"),
        ("    inlamnad_datum: 2026-03-04\n", "    inlamnad_datum: 2026-03-04\n    notering:\n", ""),
    ],
    ids=["yaml", "schema", "schema-null"],
)
def test_a_year_file_that_fails_the_check_is_refused_and_left_alone(project, old, new, why):
    rewrite(project, old, new)
    before = (project / YEAR_2025).read_bytes()
    with pytest.raises(
        ScaffoldError, match=f"2025.yml klarar inte styrdok check \\({why}.*kör styrdok check"
    ):
        scaffold(project, "ab-svenska-bostader")
    assert (project / YEAR_2025).read_bytes() == before


def test_errors_in_the_organ_file_are_fixed_first(project):
    rewrite(project, "  typ: facknämnd\n", "  typ: nämnd\n", Path("data/organ.yml"))
    with pytest.raises(ScaffoldError, match=r"data/organ\.yml klarar inte styrdok check"):
        scaffold(project, "socialnamnden", 2026)
    assert not (project / "data/uppfoljning/2026.yml").exists()


def test_an_entry_in_flow_style_is_replaced_too(project):
    rewrite(
        project,
        BROMMA_SUBMITTED,
        "  - {organ: bromma-stadsdelsnamnd, inlamnad: false,\n     atkomst: intern}\n",
    )
    made = scaffold(project)
    assert made.rad == 17
    assert "{organ" not in (project / YEAR_2025).read_text(encoding="utf-8")
    assert_only_placeholders_left(project)


def test_an_entry_whose_dash_stands_alone_is_refused(project):
    rewrite(project, BROMMA_SUBMITTED, BROMMA_NOT_SUBMITTED.replace("  - organ", "  -\n    organ"))
    before = (project / YEAR_2025).read_bytes()
    with pytest.raises(ScaffoldError, match="rad 18 är inte skriven som '- organ: …'"):
        scaffold(project)
    assert (project / YEAR_2025).read_bytes() == before


def test_a_file_the_edit_would_read_differently_is_left_alone(project):
    # The last value is an alias, whose node has the anchor's lines: the end of the list
    # found from it is wrong, and reading the result back shows it.
    rewrite(project, "    referens: KS 2026/17\n", "    referens: &ks KS 2026/17\n")
    rewrite(
        project,
        "    notering: Anstånd till 2026-03-06 efter beslut i koncernledningen.\n"
        + SVENSKA_BOSTADER,
        "    notering: Anstånd till 2026-03-06 efter beslut i koncernledningen.\n"
        "    referens: *ks\n",
    )
    assert [p.code for p in check(project, TODAY).errors] == ["rapport-saknas"]
    before = (project / YEAR_2025).read_bytes()
    with pytest.raises(ScaffoldError, match="filen är oförändrad – lägg till eller ändra posten"):
        scaffold(project, "ab-svenska-bostader")
    assert (project / YEAR_2025).read_bytes() == before


# The command ----------------------------------------------------------------------------


def run(project: Path, *args: str) -> int:
    return main(["ny", "lagesbild", "--rot", str(project), *args])


def test_cli_writes_the_file_and_says_where_the_entry_is(project, capsys):
    assert run(project, "--organ", "socialnamnden", "--ar", "2026", "--datum", "2026-03-01") == 0
    out = capsys.readouterr().out
    assert out.startswith("Skapade data/uppfoljning/2026.yml med en post för varje nämnd")
    assert "Posten för Socialnämnden står på rad 16." in out and "styrdok check" in out
    assert year(project, 2026).rapporter[2].inlamnad_datum == date(2026, 3, 1)
    # The check names the texts still to write, and fails until they are written.
    assert main(["check", "--rot", str(project), "--idag", "2026-03-01"]) == 1
    assert "exempeltexten från styrdok ny lagesbild" in capsys.readouterr().out


def test_cli_refusal_exits_1_with_a_swedish_message(project, capsys):
    assert run(project, "--organ", "kommunfullmaktige", "--ar", "2026") == 1
    err = capsys.readouterr().err
    assert err.startswith("styrdok: fel: Kommunfullmäktige (kommunfullmaktige) lämnar ingen")
    assert "Traceback" not in err
    assert not (project / "data/uppfoljning/2026.yml").exists()


def test_cli_year_that_is_not_a_number_exits_2(project, capsys):
    with pytest.raises(SystemExit) as exit:
        run(project, "--organ", "socialnamnden", "--ar", "tjugotjugofem")
    assert exit.value.code == 2
    assert "ogiltigt år 'tjugotjugofem'" in capsys.readouterr().err


def test_once_the_texts_are_written_the_check_passes(project):
    made = scaffold(project, "socialnamnden", 2026)
    path = project / made.display
    text = path.read_text(encoding="utf-8")
    for placeholder in (PLATSHALLARE_TITEL, PLATSHALLARE_ATGARDER, PLATSHALLARE_NOTERING):
        text = text.replace(placeholder, "Ett riktigt svar")
    path.write_text(text, encoding="utf-8")
    assert check(project, TODAY).problems == []


@pytest.mark.parametrize(
    ("make", "end"),
    [
        (lambda text: text.replace("\n", "\r\n"), "\r\n"),  # CRLF, as Windows editors save
        (lambda text: text.replace("\n", "\r\n", 1), "\n"),  # CRLF on the first line only
    ],
)
def test_new_lines_get_the_line_end_most_lines_have(project, make, end):
    text = (project / YEAR_2025).read_text(encoding="utf-8").replace(SVENSKA_BOSTADER, "")
    (project / YEAR_2025).write_bytes(make(text).encode("utf-8"))
    scaffold(project, "ab-svenska-bostader")
    written = (project / YEAR_2025).read_bytes().decode("utf-8")
    added = written[len(make(text)) :]
    ends = {line[len(line.rstrip("\r\n")) :] for line in added.splitlines(keepends=True)}
    assert added and ends == {end}


def test_a_file_with_lone_cr_line_ends_is_refused_as_yamllint_refuses_it(project):
    # yamllint reads only LF as a line end: to it the file is one line without one.
    text = (project / YEAR_2025).read_text(encoding="utf-8").replace(SVENSKA_BOSTADER, "")
    (project / YEAR_2025).write_bytes(text.replace("\n", "\r").encode("utf-8"))
    with pytest.raises(ScaffoldError, match="sista raden slutar inte med radbrytning"):
        scaffold(project, "ab-svenska-bostader")
