"""The loader: every way a file can be broken ends in a problem with a line, never an exception."""

from __future__ import annotations

import codecs

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from styrdok.load import load_bytes

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
    # A "billion laughs" document: nine levels of ten aliases each.
    lines = ["- a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"  a{level}: &a{level} [{refs}]")
    doc, problems = load_bytes("\n".join(lines).encode(), "d.yml", "organ")
    assert problems == []
    assert doc.data[0]["a8"][0] is doc.data[0]["a8"][1]


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
    assert [p.code for p in problems] == ["ogiltig-yaml"]


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
