"""Every rule, shown by a broken file in tests/data/invalid dropped into the valid project.

The table says where each file goes and which rule and line it must produce. It is
checked both ways: every file has an expectation, and every rule has a file (or is
named in TESTED_ELSEWHERE with the reason).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from styrdok.core.messages import RULES
from styrdok.core.problems import Severity

from conftest import INVALID, check

ANVISNING = "docs/anvisningar/krisledning.md"
GAMMAL = "docs/anvisningar/krisledning-gammal.md"

# file in tests/data/invalid -> (where it goes in the project, rule, line)
EXPECTED: dict[str, tuple[str, str, int]] = {
    "tom-fil--blanksteg.yml": ("data/organ.yml", "tom-fil", 1),
    "binar-fil--nolltecken.md": (ANVISNING, "binar-fil", 1),
    "teckenkodning--latin1.md": (ANVISNING, "teckenkodning", 3),
    "tabb--indrag.yml": ("data/malomraden.yml", "tabb", 3),
    "ogiltig-yaml--kolon-i-text.md": (ANVISNING, "ogiltig-yaml", 3),
    "ogiltig-yaml--indrag.yml": ("data/organ.yml", "ogiltig-yaml", 20),
    "dubblett-nyckel--titel.md": (ANVISNING, "dubblett-nyckel", 4),
    "ogiltig-nyckel--lista-som-nyckel.yml": ("data/forfattningar.yml", "ogiltig-nyckel", 4),
    "yaml-cirkel--ankare.yml": ("data/forfattningar.yml", "yaml-cirkel", 1),
    "yaml-hanvisningar--for-manga.yml": ("data/forfattningar.yml", "yaml-hanvisningar", 3),
    "yaml-expansion--miljard-skratt.md": (ANVISNING, "yaml-expansion", 6),
    "yaml-djup--nastlade-listor.md": (ANVISNING, "yaml-djup", 5),
    "frontmatter-saknas--bara-text.md": (ANVISNING, "frontmatter-saknas", 1),
    "frontmatter-oavslutad--ingen-slutrad.md": (ANVISNING, "frontmatter-oavslutad", 1),
    "fel-struktur--frontmatter-lista.md": (ANVISNING, "fel-struktur", 2),
    "fel-struktur--datafil-mappning.yml": ("data/organ.yml", "fel-struktur", 1),
    "okand-datafil--stavfel.yml": ("data/fokusområden.yml", "okand-datafil", 1),
    "saknat-falt--ansvarig.md": (ANVISNING, "saknat-falt", 2),
    "saknat-falt--gallande-utan-beslutsdatum.md": (ANVISNING, "saknat-falt", 2),
    "saknat-falt--program-utan-period.yml": ("data/program.yml", "saknat-falt", 13),
    "ogiltigt-varde--organtyp.yml": ("data/organ.yml", "ogiltigt-varde", 21),
    "okant-falt--stavfel.md": (ANVISNING, "okant-falt", 5),
    "skyddsvard-men-oppen--sakerhetsskyddslagen.md": (ANVISNING, "skyddsvard-men-oppen", 24),
    "saknat-falt--atkomst-pa-skyddsvard-anvisning.md": (ANVISNING, "saknat-falt", 2),
    "ogiltigt-varde--atkomst.md": (ANVISNING, "ogiltigt-varde", 23),
    "fel-typ--sfs-utan-citattecken.yml": ("data/forfattningar.yml", "fel-typ", 7),
    "fel-typ--text-i-stallet-for-lista.md": (ANVISNING, "fel-typ", 5),
    "ogiltigt-varde--status.md": (ANVISNING, "ogiltigt-varde", 9),
    "ogiltigt-varde--galler-for.md": (ANVISNING, "ogiltigt-varde", 8),
    "ogiltigt-datum--30-februari.md": (ANVISNING, "ogiltigt-datum", 10),
    "ogiltigt-format--id-versaler.yml": ("data/malomraden.yml", "ogiltigt-format", 1),
    "for-fa--tom-lista.yml": ("data/fokusomraden.yml", "for-fa", 6),
    "for-lang--sammanfattning.md": (ANVISNING, "for-lang", 4),
    "dubblett-varde--fokusomraden.md": (ANVISNING, "dubblett-varde", 6),
    "utanfor-intervall--version-noll.md": (ANVISNING, "utanfor-intervall", 14),
    "dubblett-id--organ.yml": ("data/organ.yml", "dubblett-id", 32),
    "reserverat-id--organ-samtliga.yml": ("data/organ.yml", "reserverat-id", 32),
    "id-filnamn--annat-id.md": (ANVISNING, "id-filnamn", 2),
    "okant-program--malomrade.yml": ("data/malomraden.yml", "okant-program", 2),
    "okant-malomrade--fokusomrade.yml": ("data/fokusomraden.yml", "okant-malomrade", 16),
    "okant-fokusomrade--stavfel.md": (ANVISNING, "okant-fokusomrade", 6),
    "okant-organ--ansvarig.md": (ANVISNING, "okant-organ", 7),
    "okant-organ--galler-for.md": (ANVISNING, "okant-organ", 11),
    "okand-anvisning--ersatter.md": (ANVISNING, "okand-anvisning", 17),
    "okand-forfattning--stavfel.md": (ANVISNING, "okand-forfattning", 19),
    "ersatt-men-gallande--anvisning.md": (GAMMAL, "ersatt-men-gallande", 8),
    "ersatt-men-gallande--program.yml": ("data/program.yml", "ersatt-men-gallande", 18),
    "ersattningscykel--anvisning.md": (GAMMAL, "ersattningscykel", 17),
    "revision-passerad--gammalt-datum.md": (ANVISNING, "revision-passerad", 13),
    "datumordning--giltig-fore-beslut.md": (ANVISNING, "datumordning", 12),
    "historik-ordning--nyast-forst.md": (ANVISNING, "historik-ordning", 19),
    "historik-version--hogre-an-aktuell.md": (ANVISNING, "historik-version", 16),
    "flera-karnor--tva.yml": ("data/malomraden.yml", "flera-karnor", 12),
    "fel-program--malomrade-i-annat-program.yml": ("data/fokusomraden.yml", "fel-program", 6),
    "flera-gallande-program--tva.yml": ("data/program.yml", "flera-gallande-program", 16),
    "inget-gallande-program--forslag.yml": ("data/program.yml", "inget-gallande-program", 1),
    "fel-filandelse--markdown.markdown": (
        "docs/anvisningar/krisledning.markdown",
        "fel-filandelse",
        1,
    ),
    "okand-fil--utan-agare.txt": ("docs/anvisningar/hemlig.txt", "okand-fil", 1),
    "bilaga-saknas--stavfel.md": (ANVISNING, "bilaga-saknas", 24),
    "bilaga-fel-mapp--annans-mapp.md": (ANVISNING, "bilaga-fel-mapp", 24),
    "otillaten-html--script.md": (ANVISNING, "otillaten-html", 29),
    "otillatet-attribut--onmouseover.md": (ANVISNING, "otillatet-attribut", 28),
    "otillaten-lank--javascript.md": (ANVISNING, "otillaten-lank", 28),
    "otillaten-attributlista--onclick.md": (ANVISNING, "otillaten-attributlista", 28),
    "inkludering--snippet.md": (ANVISNING, "inkludering", 28),
    "html-kommentar--anteckning.md": (ANVISNING, "html-kommentar", 30),
    "extern-bild--sparpixel.md": (ANVISNING, "extern-bild", 28),
}

# Rules without a file above, and where they are tested instead.
TESTED_ELSEWHERE = {
    "datafil-saknas": "test_missing_data_file_is_reported (a file is removed, not added)",
    "for-stor-fil": "test_load.py, test_huge_file_* (a file over 1 MiB is generated, not kept)",
    "schemafil": "test_broken_schema_is_reported_not_raised (a fault in schema/, not content)",
    "schemafel": "fallback for schema keywords the schemas do not use yet",
    "symbolisk-lank": "test_trust_boundary.py (a link cannot be kept as a file in tests/data)",
    "bilaga-dubblett": "test_trust_boundary.py (needs two documents)",
    "ogiltigt-filnamn": "test_trust_boundary.py (a file name with quotes and <> in tests/data is a hazard)",
    "samma-adress": "test_trust_boundary.py (needs two pages)",
    "for-manga": "test_trust_boundary.py (51 fokusområden are generated)",
    "fast-sida": "test_trust_boundary.py (a page of the project is edited)",
    "sida-i-bilagemapp": "test_trust_boundary.py (needs a folder)",
    "for-stor-bilaga": "test_trust_boundary.py (a 20 MB file is made on the fly)",
    "bilaga-odeklarerad": "test_trust_boundary.py (needs the linked file too)",
}

# The cycle is reported at the member with the smallest id, which is not the file added.
REPORTED_IN = {"ersattningscykel--anvisning.md": ANVISNING}


def place(project: Path, name: str) -> None:
    target, _, _ = EXPECTED[name]
    shutil.copy(INVALID / name, project / target)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_gives_its_rule_at_its_line(project, name):
    place(project, name)
    target, code, line = EXPECTED[name]
    outcome = check(project)
    where = REPORTED_IN.get(name, target)
    found = [(p.code, p.path, p.position.line) for p in outcome.problems]
    assert (code, where, line) in found, "\n".join(map(str, outcome.problems))
    # An error stops publication; the warning files are otherwise valid.
    assert outcome.ok == (RULES[code].severity is Severity.VARNING)


def test_every_invalid_file_has_an_expectation():
    files = {path.name for path in INVALID.iterdir()}
    assert files == set(EXPECTED)


def test_every_rule_has_an_invalid_file_or_a_reason():
    shown = {code for _, code, _ in EXPECTED.values()}
    assert set(RULES) - shown == set(TESTED_ELSEWHERE)
    assert shown <= set(RULES)


def test_invalid_file_name_starts_with_its_rule():
    for name, (_, code, _) in EXPECTED.items():
        assert name.startswith(f"{code}--"), name


def test_valid_project_has_no_problems(project):
    assert check(project).problems == []


def test_missing_data_file_is_reported(project):
    (project / "data" / "organ.yml").unlink()
    outcome = check(project)
    assert [(p.code, p.path) for p in outcome.problems] == [("datafil-saknas", "data/organ.yml")]


def test_broken_schema_is_reported_not_raised(project):
    (project / "schema" / "organ.schema.json").write_text("{ inte json", encoding="utf-8")
    outcome = check(project)
    assert [p.code for p in outcome.problems] == ["schemafil"]
    assert outcome.model is None


def test_unknown_fokusomrade_suggests_closest_id(project):
    place(project, "okant-fokusomrade--stavfel.md")
    (found,) = check(project).problems
    assert found.message == "okänt fokusområde 'krisberedskp'"
    assert found.hint.startswith("Menade du 'krisberedskap'?")


def test_misspelt_status_suggests_the_allowed_value(project):
    place(project, "ogiltigt-varde--status.md")
    (found,) = check(project).problems
    assert found.hint.startswith("Menade du 'gällande'?")


def test_misspelt_field_suggests_the_schema_field(project):
    place(project, "okant-falt--stavfel.md")
    unknown = [p for p in check(project).problems if p.code == "okant-falt"]
    assert unknown[0].message == "okänt fält 'fokusområden'"
    assert unknown[0].hint == "Menade du 'fokusomraden'?"


def test_unquoted_sfs_number_shows_what_was_written(project):
    place(project, "fel-typ--sfs-utan-citattecken.yml")
    (found,) = check(project).problems
    assert "2006:54" in found.message
    assert found.hint == 'Sätt värdet inom citattecken: "2006:54".'


def test_conditional_field_says_it_depends_on_status(project):
    place(project, "saknat-falt--gallande-utan-beslutsdatum.md")
    (found,) = check(project).problems
    assert "status" in found.hint


def test_unreadable_data_file_does_not_also_report_every_reference(project):
    place(project, "tom-fil--blanksteg.yml")
    assert [p.code for p in check(project).problems] == ["tom-fil"]


def test_review_date_is_compared_with_the_given_day(project):
    place(project, "revision-passerad--gammalt-datum.md")
    from datetime import date

    assert check(project, today=date(2019, 12, 31)).problems == []


def test_all_problems_are_collected_not_just_the_first(project):
    for name in ("okant-organ--ansvarig.md", "dubblett-id--organ.yml", "flera-karnor--tva.yml"):
        place(project, name)
    codes = {p.code for p in check(project).problems}
    assert {"okant-organ", "dubblett-id", "flera-karnor"} <= codes


def test_problems_are_sorted_by_file_and_line(project):
    for name in ("okant-organ--ansvarig.md", "dubblett-id--organ.yml", "flera-karnor--tva.yml"):
        place(project, name)
    problems = check(project).problems
    assert problems == sorted(problems, key=lambda p: p.sort_key())
