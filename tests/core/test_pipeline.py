"""Every rule, shown by a broken file in tests/data/invalid dropped into the valid project.

The table, EXPECTED in helpers/invalid.py, says where each file goes and which rule and
line it must produce. It is checked both ways: every file has an expectation, and every
rule has a file (or is named in TESTED_ELSEWHERE with the reason).
"""

from __future__ import annotations

import pytest

from styrdok.core.messages import RULES
from styrdok.core.problems import Severity

from helpers import INVALID, check
from helpers.invalid import EXPECTED, REPORTED_IN, place

# Rules without a file in EXPECTED, and where they are tested instead.
TESTED_ELSEWHERE = {
    "ankare-skyddad": "core/test_links.py (needs a skyddad anvisning beside the one linking)",
    "lank-bara-intranat": "core/test_links.py (needs an intern earlier version of an öppen anvisning)",
    "datafil-saknas": "test_missing_data_file_is_reported (a file is removed, not added)",
    "for-stor-fil": "core/test_load.py, test_huge_file_* (a file over 1 MiB is generated, not kept)",
    "schemafil": "test_broken_schema_is_reported_not_raised (a fault in schema/, not content)",
    "schemafel": "fallback for schema keywords the schemas do not use yet",
    "symbolisk-lank": "site/test_trust_boundary.py (a link cannot be kept as a file in tests/data)",
    "bilaga-dubblett": "site/test_trust_boundary.py (needs two documents)",
    "ogiltigt-filnamn": "site/test_trust_boundary.py (a file name with quotes and <> in tests/data is a hazard)",
    "samma-adress": "site/test_trust_boundary.py (needs two pages)",
    "for-manga": "site/test_trust_boundary.py (51 fokusområden are generated)",
    "fast-sida": "site/test_trust_boundary.py (a page of the project is edited)",
    "sida-i-bilagemapp": "site/test_trust_boundary.py (needs a folder)",
    "i-api-mappen": "site/test_trust_boundary.py (needs a folder)",
    "for-stor-bilaga": "site/test_trust_boundary.py (a 20 MB file is made on the fly)",
    "bilaga-odeklarerad": "site/test_trust_boundary.py (needs the linked file too)",
    "bilaga-olasbar": "tools/test_leak_check.py (a PDF with a password is made on the fly and declared)",
    "skyddsvard-rapport-oppen": "core/rules/test_reporting.py (needs a skyddsvärt fokusområde)",
    "for-manga-filer": "core/reading/test_folders.py (201 files are made on the fly)",
    "skyddsvard-indikator-oppen": "core/rules/test_indicators.py (needs a skyddsvärt fokusområde)",
    "flera-gallande-program": "core/rules/test_integrity.py (needs two programmes and målområden in each)",
}


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
