"""The loader: every way a file can be broken ends in a problem with a line, never an exception."""

from __future__ import annotations

import codecs
import time
import tracemalloc

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from styrdok.core.limits import MAX_ALIAS_VALUES, MAX_ALIASES, MAX_DEPTH, MAX_FILE_BYTES
from styrdok.core.messages import describe
from styrdok.core.reading.load import load_bytes, load_file

from helpers import INVALID, REPO, VALID, check

ANVISNING = b"---\nid: test\ntitel: Test\n---\n\nText.\n"


def codes(problems):
    return [(p.code, p.position.line) for p in problems]


def test_front_matter_is_read_with_body_and_line_offset():
    doc, problems = load_bytes(ANVISNING, "a.md", "anvisning")
    assert problems == []
    assert doc.data == {"id": "test", "titel": "Test"}
    assert doc.body == "\nText.\n"
    assert doc.locate(["titel"]).line == 3


def test_utf8_bom_is_accepted():
    doc, problems = load_bytes(codecs.BOM_UTF8 + ANVISNING, "a.md", "anvisning")
    assert problems == []
    assert doc.data["id"] == "test"


def test_crlf_line_ends_are_accepted_and_lines_still_count():
    doc, problems = load_bytes(ANVISNING.replace(b"\n", b"\r\n"), "a.md", "anvisning")
    assert problems == []
    assert doc.data["titel"] == "Test"
    assert doc.locate(["titel"]).line == 3


def test_dates_stay_strings_for_the_schema_to_check():
    doc, _ = load_bytes(b"- id: a\n  datum: 2018-01-01\n", "d.yml", "organ")
    assert doc.data[0]["datum"] == "2018-01-01"


def test_yaml_11_boolean_words_as_keys_stay_words():
    doc, _ = load_bytes(b"- no: 1\n  on: 2\n", "d.yml", "organ")
    assert set(doc.data[0]) == {"no", "on"}


def test_empty_file_is_a_problem():
    _, problems = load_bytes(b"  \n\n", "d.yml", "organ")
    assert codes(problems) == [("tom-fil", 1)]


def test_binary_file_is_a_problem():
    _, problems = load_bytes(b"\x89PNG\r\n\x1a\n\x00\x00", "a.md", "anvisning")
    assert codes(problems) == [("binar-fil", 1)]


def test_utf16_is_reported_as_wrong_encoding():
    _, problems = load_bytes("- id: å\n".encode("utf-16"), "d.yml", "organ")
    assert codes(problems) == [("teckenkodning", 1)]


def test_latin1_names_the_line_of_the_first_bad_byte():
    _, problems = load_bytes("- id: a\n  namn: Nämnd\n".encode("latin-1"), "d.yml", "organ")
    assert codes(problems) == [("teckenkodning", 2)]
    assert problems[0].position.column == 10


def test_tab_in_indentation_names_each_line():
    _, problems = load_bytes(b"- id: a\n\tnamn: b\n\ttyp: c\n", "d.yml", "organ")
    assert codes(problems) == [("tabb", 2), ("tabb", 3)]


def test_tab_inside_a_value_is_fine():
    _, problems = load_bytes(b'- id: a\n  namn: "b\\tc"\n', "d.yml", "organ")
    assert problems == []


def test_malformed_yaml_names_line_in_the_file_not_in_the_front_matter():
    _, problems = load_bytes(b"---\nid: a\ntitel: Fel: kolon\n---\n", "a.md", "anvisning")
    assert codes(problems) == [("ogiltig-yaml", 3)]
    assert "kolon" in problems[0].message


def test_unclosed_quote_is_explained():
    _, problems = load_bytes(b'- id: a\n  namn: "ingen slut\n', "d.yml", "organ")
    assert problems[0].code == "ogiltig-yaml"
    assert "citattecken" in problems[0].message


def test_duplicate_key_is_reported_with_both_lines():
    _, problems = load_bytes(b"---\nid: a\ntitel: X\ntitel: Y\n---\n", "a.md", "anvisning")
    assert codes(problems) == [("dubblett-nyckel", 4)]
    assert "rad 3" in problems[0].message


def test_front_matter_that_is_a_list_is_a_problem():
    _, problems = load_bytes(b"---\n- a\n- b\n---\n", "a.md", "anvisning")
    assert codes(problems) == [("fel-struktur", 2)]


def test_front_matter_that_is_a_plain_text_is_a_problem():
    _, problems = load_bytes(b"---\nbara text\n---\n", "a.md", "anvisning")
    assert codes(problems) == [("fel-struktur", 2)]


def test_unclosed_front_matter_is_a_problem():
    _, problems = load_bytes(b"---\nid: a\n\n# Rubrik\n", "a.md", "anvisning")
    assert codes(problems) == [("frontmatter-oavslutad", 1)]


def test_anvisning_without_front_matter_is_a_problem_but_a_page_is_not():
    _, problems = load_bytes(b"# Rubrik\n", "a.md", "anvisning")
    assert codes(problems) == [("frontmatter-saknas", 1)]
    doc, problems = load_bytes(b"# Rubrik\n", "s.md", "sida")
    assert problems == [] and doc.data == {}


def test_data_file_that_is_not_a_list_is_a_problem():
    _, problems = load_bytes(b"id: a\n", "d.yml", "organ")
    assert codes(problems) == [("fel-struktur", 1)]


def test_recursive_anchor_is_a_problem():
    _, problems = load_bytes(b"- &a\n  id: x\n  namn: *a\n", "d.yml", "organ")
    assert [p.code for p in problems] == ["yaml-cirkel"]


def test_shared_anchors_are_built_once():
    # Nested anchors within the limits: three levels of ten aliases each.
    lines = ["- a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 4):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"  a{level}: &a{level} [{refs}]")
    doc, problems = load_bytes("\n".join(lines).encode(), "d.yml", "organ")
    assert problems == []
    assert doc.data[0]["a3"][0] is doc.data[0]["a3"][1]


def test_small_anchors_keep_working():
    raw = (
        b"- id: a\n  organtyper: &typer [facknamnd, stadsdelsnamnd]\n  namn: &namn Samma namn\n"
        b"- id: b\n  organtyper: *typer\n  namn: *namn\n  kortnamn: *namn\n"
    )
    doc, problems = load_bytes(raw, "d.yml", "organ")
    assert problems == []
    assert doc.data[1] == {
        "id": "b",
        "organtyper": ["facknamnd", "stadsdelsnamnd"],
        "namn": "Samma namn",
        "kortnamn": "Samma namn",
    }


def test_real_data_files_are_far_below_the_limits():
    for path in [*REPO.glob("data/*.yml"), *REPO.glob("docs/**/*.md"), *VALID.rglob("*.*")]:
        if path.is_file():
            assert path.stat().st_size < MAX_FILE_BYTES // 20, path


# What an attacker with push access writes: 1.2 kB that stand for 10^9 strings. Before
# the limits, eight such lines took 150 s and 2.2 GB and gave a 722 MB message.
BILLION_LAUGHS = (INVALID / "yaml-expansion--miljard-skratt.md").read_bytes()


def test_billion_laughs_stops_fast_with_a_bounded_message(project):
    assert 1000 < len(BILLION_LAUGHS) < 2000
    (project / "docs/anvisningar/krisledning.md").write_bytes(BILLION_LAUGHS)
    tracemalloc.start()
    started = time.process_time()
    try:
        outcome = check(project)
        elapsed = time.process_time() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < 2
    assert peak < 50 * 1024 * 1024
    assert [(p.code, p.position.line) for p in outcome.problems] == [("yaml-expansion", 6)]
    for found in outcome.problems:
        assert len(str(found)) < 2000


def test_billion_laughs_gives_no_data_to_expand():
    doc, problems = load_bytes(BILLION_LAUGHS, "a.md", "anvisning")
    assert [p.code for p in problems] == ["yaml-expansion"]
    assert doc.data is None and doc.node is None


def aliases(count: int) -> bytes:
    refs = ", ".join(["*n"] * count)
    return f"- id: a\n  namn: &n Namn\n  kortnamn: [{refs}]\n".encode()


def test_aliases_up_to_the_limit_are_accepted():
    doc, problems = load_bytes(aliases(MAX_ALIASES), "d.yml", "organ")
    assert problems == []
    assert len(doc.data[0]["kortnamn"]) == MAX_ALIASES


def test_the_alias_past_the_limit_is_named():
    _, problems = load_bytes(aliases(MAX_ALIASES + 1), "d.yml", "organ")
    assert codes(problems) == [("yaml-hanvisningar", 3)]
    # The column of the last *n: the one that is one too many.
    assert problems[0].position.column == len("  kortnamn: [") + 1 + 4 * MAX_ALIASES
    assert str(MAX_ALIASES) in problems[0].message


def expanding(uses: int) -> bytes:
    # An anchor that stands for MAX_ALIAS_VALUES // 10 values (the list and its items).
    items = ", ".join(["x"] * (MAX_ALIAS_VALUES // 10 - 1))
    refs = ", ".join(["*big"] * uses)
    return f"- id: a\n  stor: &big [{items}]\n  kopior: [{refs}]\n".encode()


def test_alias_values_up_to_the_limit_are_accepted():
    _, problems = load_bytes(expanding(10), "d.yml", "organ")
    assert problems == []


def test_alias_values_past_the_limit_name_the_alias():
    _, problems = load_bytes(expanding(11), "d.yml", "organ")
    assert codes(problems) == [("yaml-expansion", 3)]
    assert problems[0].position.column == len("  kopior: [") + 1 + 6 * 10
    assert "100 000" in problems[0].message


def nested(levels: int) -> bytes:
    """A front matter whose value is `levels` lists deep, the mapping around it included."""
    return b"---\nid: " + b"[" * (levels - 1) + b"x" + b"]" * (levels - 1) + b"\n---\n"


def test_nesting_up_to_the_limit_is_accepted():
    doc, problems = load_bytes(nested(MAX_DEPTH), "a.md", "anvisning")
    assert problems == []
    assert doc.data is not None


def test_nesting_past_the_limit_names_the_level():
    _, problems = load_bytes(nested(MAX_DEPTH + 1), "a.md", "anvisning")
    assert codes(problems) == [("yaml-djup", 2)]
    assert problems[0].position.column == len("id: ") + MAX_DEPTH


def test_flow_sequences_10000_deep_stop_fast():
    raw = b"---\nid: " + b"[" * 10_000 + b"]" * 10_000 + b"\n---\n"
    started = time.process_time()
    doc, problems = load_bytes(raw, "a.md", "anvisning")
    assert time.process_time() - started < 1
    assert [p.code for p in problems] == ["yaml-djup"]
    assert doc.data is None


def test_wide_structure_past_the_limit_is_reported_once():
    deep = "[" * MAX_DEPTH + "x" + "]" * MAX_DEPTH
    raw = f"- [{', '.join([deep] * 1000)}]\n".encode()
    _, problems = load_bytes(raw, "d.yml", "organ")
    assert [p.code for p in problems] == ["yaml-djup"]


def test_aliases_cannot_nest_deeper_than_the_limit():
    # Every anchor is only ten levels deep as written, but each holds the one before.
    lines = ["- a0: &a0 [[[[[[[[[x]]]]]]]]]"]
    for level in range(1, 8):
        lines.append(f"  a{level}: &a{level} [[[[[[[[[*a{level - 1}]]]]]]]]]")
    _, problems = load_bytes("\n".join(lines).encode(), "d.yml", "organ")
    assert [p.code for p in problems] == ["yaml-djup"]
    assert problems[0].position.line in range(5, 9)


def test_python_tags_are_refused():
    _, problems = load_bytes(b"- id: !!python/object:os.system x\n", "d.yml", "organ")
    assert [p.code for p in problems] == ["ogiltig-yaml"]


def test_merge_keys_are_refused():
    _, problems = load_bytes(b"- &b {id: a}\n- <<: *b\n  namn: x\n", "d.yml", "organ")
    assert [p.code for p in problems] == ["ogiltig-nyckel"]


def test_several_documents_in_one_file_is_a_problem():
    _, problems = load_bytes(b"- id: a\n---\n- id: b\n", "d.yml", "organ")
    assert [p.code for p in problems] == ["ogiltig-yaml"]


def test_deep_nesting_is_a_problem_not_a_crash():
    _, problems = load_bytes(b"- " + b"[" * 5000, "d.yml", "organ")
    assert [p.code for p in problems] == ["yaml-djup"]


def test_block_nesting_past_the_limit_is_a_problem():
    raw = "".join("  " * level + "a:\n" for level in range(MAX_DEPTH + 5)).encode()
    _, problems = load_bytes(raw, "d.yml", "organ")
    assert [p.code for p in problems] == ["yaml-djup"]


def test_huge_file_is_refused_without_being_read(tmp_path):
    path = tmp_path / "stor.md"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB that take no disk
    tracemalloc.start()
    started = time.process_time()
    try:
        doc, problems = load_file(path, "docs/anvisningar/stor.md", "anvisning")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.process_time() - started < 0.5
    assert peak < 1024 * 1024  # the 50 MB were never in memory
    assert codes(problems) == [("for-stor-fil", 1)]
    assert doc.data is None and doc.source == path
    assert problems[0].message == (
        "filen är 52 428 800 byte (50,0 MB), men en källfil får vara högst 1 048 576 byte (1,0 MB)"
    )
    assert "Dela upp texten" in problems[0].hint and "bilagor" in problems[0].hint


def test_huge_file_stops_the_check(project):
    target = project / "docs/anvisningar/krisledning.md"
    with target.open("ab") as handle:
        handle.truncate(2 * 1024 * 1024)
    outcome = check(project)
    assert not outcome.ok
    assert [(p.code, p.path, p.position.line) for p in outcome.problems] == [
        ("for-stor-fil", "docs/anvisningar/krisledning.md", 1)
    ]
    assert str(outcome.problems[0]).startswith(
        "docs/anvisningar/krisledning.md:1:1: fel: filen är 2 097 152 byte (2,0 MB)"
    )


def test_huge_data_file_stops_the_check(project):
    with (project / "data/organ.yml").open("ab") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    codes_found = {(p.code, p.path) for p in check(project).problems}
    assert ("for-stor-fil", "data/organ.yml") in codes_found


def test_file_of_exactly_the_limit_is_read(tmp_path):
    path = tmp_path / "a.md"
    raw = ANVISNING + b"x" * (MAX_FILE_BYTES - len(ANVISNING))
    path.write_bytes(raw)
    _, problems = load_file(path, "a.md", "anvisning")
    assert problems == []
    path.write_bytes(raw + b"x")
    _, problems = load_file(path, "a.md", "anvisning")
    assert [p.code for p in problems] == ["for-stor-fil"]


def test_load_bytes_has_the_same_limit():
    _, problems = load_bytes(b"- " + b"x" * MAX_FILE_BYTES, "d.yml", "organ")
    assert codes(problems) == [("for-stor-fil", 1)]


def test_describe_never_writes_out_a_long_value():
    assert describe("x" * 10_000) == f"en text ('{'x' * 59}…')"
    assert describe("rad ett\nrad två") == "en text ('rad ett rad två')"
    assert describe([["x"] * 1000] * 1000) == "en lista"
    assert describe({"a": ["x"] * 1000}) == "fält med värden"
    assert len(describe(10**4000)) < 80  # Python refuses str() of such ints by default
    assert describe(2006, "2006:54") == "ett heltal (2006:54)"


def test_large_values_are_not_written_out_in_messages(project):
    # No aliases, but as large as a file may be: the messages must still be short.
    items = ", ".join(["krisberedskap"] * 20_000)
    key = "k" * 5000
    front = (
        f"---\nid: krisledning\ntitel: [{items}]\nstatus: [{items}]\n"
        f"version: {{a: [{items}]}}\n? {key}\n: x\n? {key}x\n: y\n"
        f"sammanfattning: {'lång ' * 20_000}\n---\n"
    )
    (project / "docs/anvisningar/krisledning.md").write_text(front, encoding="utf-8")
    outcome = check(project)
    found = {p.code for p in outcome.problems}
    assert {"fel-typ", "okant-falt", "for-lang"} <= found
    for problem in outcome.problems:
        assert len(str(problem)) < 2000, str(problem)[:200]


def test_long_duplicate_key_is_shortened():
    key = "k" * 5000  # longer than a plain key may be, so written as ? key
    raw = f"---\n? {key}\n: 1\n? {key}\n: 2\n---\n".encode()
    _, problems = load_bytes(raw, "a.md", "anvisning")
    assert [p.code for p in problems] == ["dubblett-nyckel"]
    assert len(problems[0].message) < 200


def test_control_character_is_a_problem():
    _, problems = load_bytes(b"- id: a\n  namn: \x07\n", "d.yml", "organ")
    assert codes(problems) == [("ogiltig-yaml", 2)]


@settings(max_examples=300, deadline=None)
@given(raw=st.binary(max_size=300), kind=st.sampled_from(["organ", "anvisning", "sida"]))
def test_any_bytes_end_in_a_document_or_problems(raw, kind):
    doc, problems = load_bytes(raw, "f", kind)
    assert doc.data is not None or problems or kind == "sida"


yaml_ish = st.text(
    alphabet=st.sampled_from(list("-:[]{}&*!|>'\"#%@` \n\tabcåö019.,?<=")), max_size=120
)


@settings(max_examples=500, deadline=None)
@given(text=yaml_ish, kind=st.sampled_from(["organ", "anvisning"]))
def test_any_yaml_like_text_ends_in_a_document_or_problems(text, kind):
    raw = (f"---\n{text}\n---\n" if kind == "anvisning" else text).encode()
    doc, problems = load_bytes(raw, "f", kind)
    for found in problems:
        assert found.position.line >= 1
    if doc.node is not None:
        assert isinstance(doc.node, yaml.Node)


@pytest.mark.parametrize("value", ["!!bool kanske", "!!int tolv", "!!float x"])
def test_a_tag_that_cannot_build_its_value_is_a_message(value):
    # !!bool kanske made PyYAML raise KeyError, which ended in a traceback.
    _, problems = load_bytes(f"- id: {value}\n".encode(), "d.yml", "organ")
    assert [p.code for p in problems] == ["ogiltig-yaml"]


def test_a_symbolic_link_loop_is_reported_not_followed(project):
    (project / "docs" / "anvisningar" / "loop.md").symlink_to("loop.md")
    problems = check(project).problems
    assert any("loop.md" in str(p) and "symbolisk länk" in str(p) for p in problems)
