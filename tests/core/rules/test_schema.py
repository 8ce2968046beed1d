"""The schemas themselves: valid draft 2020-12, examples that pass, refs that resolve,
Swedish help on every property, and valid and invalid documents for each kind."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from styrdok.core.kinds import DATA_FILES, DATA_FOLDERS, SCHEMA_FILES, is_version_page
from styrdok.core.project import Project
from styrdok.core.reading.load import load_file
from styrdok.core.rules.schema import Schemas, load_registry

from helpers import INVALID, REPO, VALID
from helpers.invalid import EXPECTED

SCHEMA_DIR = REPO / "schema"
REGISTRY, SCHEMAS = load_registry(SCHEMA_DIR)


def walk(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{path}/{index}")


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_is_valid_draft_2020_12(name):
    schema = SCHEMAS[name]
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_ref_resolves(name):
    resolver = REGISTRY.resolver(base_uri=name)
    for path, node in walk(SCHEMAS[name]):
        if "$ref" in node:
            resolved = resolver.lookup(node["$ref"])
            assert resolved.contents, f"{name}{path}: {node['$ref']}"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_property_has_swedish_title_and_description(name):
    for path, node in walk(SCHEMAS[name]):
        if "/if" in path:
            continue  # conditions name properties; they do not define them
        for prop, sub in node.get("properties", {}).items():
            assert sub.get("title"), f"{name}{path}/properties/{prop}: title saknas"
            assert sub.get("description"), f"{name}{path}/properties/{prop}: description saknas"


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_object_refuses_unknown_fields(name):
    for path, node in walk(SCHEMAS[name]):
        if node.get("type") == "object":
            assert node.get("additionalProperties") is False, f"{name}{path}"


@pytest.mark.parametrize("kind", sorted(SCHEMA_FILES))
def test_schema_examples_validate(kind):
    schemas = Schemas(SCHEMA_DIR)
    validator = schemas.validators[kind]
    examples = []
    for _, node in walk(validator.schema):
        examples.extend(node.get("examples", []) if isinstance(node.get("examples"), list) else [])
    root_examples = validator.schema.get("examples") or validator.schema.get("items", {}).get(
        "examples"
    )
    assert root_examples, f"{kind}: schemat saknar exempel"
    for example in root_examples:
        document = [example] if validator.schema.get("type") == "array" else example
        assert list(validator.iter_errors(document)) == []


@pytest.mark.parametrize("kind", sorted(SCHEMA_FILES))
def test_each_kind_has_a_valid_example_document(kind):
    project = Project.at(VALID)
    folders = [folder for folder, k in DATA_FOLDERS.items() if k.name == kind]
    if kind in DATA_FILES.values():
        paths = [VALID / "data" / name for name, k in DATA_FILES.items() if k == kind]
    elif folders:
        paths = sorted((VALID / "data" / folders[0]).glob("*.yml"))
    else:
        paths = [p for p in (VALID / "docs").rglob("*.md") if project.page_kind(p) == kind]
    assert paths
    schemas = Schemas(SCHEMA_DIR)
    for path in paths:
        doc, problems = load_file(path, path.name, kind)
        assert problems == []
        assert schemas.validate(doc).problems == []


def kind_of_target(target: str) -> str:
    if target.startswith("data/"):
        folder, _, _ = target.removeprefix("data/").rpartition("/")
        if folder in DATA_FOLDERS:
            return DATA_FOLDERS[folder].name
        return DATA_FILES.get(target.removeprefix("data/"), "okand")
    if is_version_page(target.removeprefix("docs/")):
        return "anvisningsversion"
    return "anvisning" if target.startswith("docs/anvisningar/") else "sida"


SCHEMA_RULES = {
    "saknat-falt",
    "otillatet-falt",
    "okant-falt",
    "fel-typ",
    "ogiltigt-varde",
    "ogiltigt-datum",
    "ogiltigt-format",
    "for-fa",
    "for-lang",
    "dubblett-varde",
    "utanfor-intervall",
}


def test_each_kind_has_an_invalid_example_document():
    covered = {kind_of_target(t) for t, code, _ in EXPECTED.values() if code in SCHEMA_RULES}
    covered |= {"sida"}  # see test_sida_schema_rejects_unknown_and_wrong_fields
    assert set(SCHEMA_FILES) <= covered


def test_sida_schema_rejects_unknown_and_wrong_fields():
    validator = Schemas(SCHEMA_DIR).validators["sida"]
    assert list(validator.iter_errors({"title": "Start", "atkomst": "öppen"})) == []
    # Macros are switched on in mkdocs.yml by developers, never by a page's front matter.
    errors = list(
        validator.iter_errors({"titel": "Start", "atkomst": "öppen", "render_macros": True})
    )
    assert {e.validator for e in errors} == {"additionalProperties"}
    errors = list(validator.iter_errors({"atkomst": "öppen", "hide": "toc"}))
    assert {e.validator for e in errors} == {"type"}


def test_schemas_are_tidy_json():
    for path in SCHEMA_DIR.glob("*.json"):
        text = path.read_text(encoding="utf-8")
        json.loads(text)
        assert "\t" not in text and text.endswith("\n")


# The compiled fast path (schema_fast) may only ever say "valid" where jsonschema does:
# it decides alone for documents it accepts, so one it accepted wrongly would lose
# problems. Checked on every fixture and on valid documents with one value changed.

FAST = Schemas(SCHEMA_DIR)


def _jsonschema_accepts(kind: str, data: object) -> bool:
    return not list(FAST.validators[kind].iter_errors(data))


def _fast_agrees(kind: str, data: object) -> None:
    if FAST.fast.valid(kind, data):
        assert _jsonschema_accepts(kind, data), (kind, data)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fast_path_rejects_every_invalid_fixture_jsonschema_rejects(name):
    kind = kind_of_target(EXPECTED[name][0])
    if kind == "okand":
        return
    doc, _ = load_file(INVALID / name, name, kind)
    if doc.data is not None:
        _fast_agrees(kind, doc.data)


def _valid_documents() -> list[tuple[str, object]]:
    project = Project.at(VALID)
    found = []
    for path in sorted([*(VALID / "data").rglob("*.yml"), *(VALID / "docs").rglob("*.md")]):
        target = path.relative_to(VALID).as_posix()
        kind = kind_of_target(target) if target.startswith("data/") else project.page_kind(path)
        if kind and kind != "okand":
            doc, _ = load_file(path, target, kind)
            if doc.data is not None:
                found.append((kind, doc.data))
    return found


VALID_DOCUMENTS = _valid_documents()


def test_fast_path_accepts_the_valid_documents():
    # Else the fast path would be no path at all, and the differential tests vacuous.
    assert all(FAST.fast.valid(kind, data) for kind, data in VALID_DOCUMENTS)


def _places(value: object, path: tuple[object, ...] = ()) -> Iterator[tuple[object, ...]]:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _places(item, (*path, index))


def _replaced(value: object, path: tuple[object, ...], new: object) -> object:
    if not path:
        return new
    if isinstance(value, dict):
        return {k: _replaced(v, path[1:], new) if k == path[0] else v for k, v in value.items()}
    assert isinstance(value, list)
    return [_replaced(v, path[1:], new) if i == path[0] else v for i, v in enumerate(value)]


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, 1, 2018, 2024, 99999, 2024.0, 0.5, -1.0, float("nan"), float("inf")]),
    st.floats(),
    st.sampled_from(
        [
            "",
            " ",
            "a",
            "2024-02-30",
            "2024-01-01",
            "2024-01-01\n",
            "20240101",
            "x@y",
            "namn@stockholm.se",
            "@",
            "abc\n",
            "\x1c",
            "a\x1c",
            "\u00a0",
            "\u2028",
            "öppen",
            "intern",
            "skyddad",
            "gallande",
            "kommunstyrelsen",
            "https://a.se",
            "https://a b",
            "1.2.3",
            "2024:1",
            "121212-1212",
            "KS 2024/1",
            "a" * 3000,
            "trygghet-i-bromma",
            "Kamera-Bevakning",
            "-x",
            "x-",
            "bilaga.pdf",
            "../a.pdf",
        ]
    ),
    st.text(max_size=20),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


@settings(max_examples=600, deadline=None)
@given(st.data())
def test_fast_path_rejects_mutated_documents_jsonschema_rejects(data):
    kind, document = data.draw(st.sampled_from(VALID_DOCUMENTS))
    path = data.draw(st.sampled_from(list(_places(document))))
    action = data.draw(st.sampled_from(["replace", "drop", "add", "duplicate"]))
    if action == "replace":
        mutated = _replaced(document, path, data.draw(_VALUES))
    else:
        mutated = json.loads(json.dumps(document, default=str))
        parent_path, target = path[:-1], mutated
        for step in parent_path:
            target = target[step]
        if not path:
            return
        if action == "drop":
            del target[path[-1]]
        elif action == "add" and isinstance(target, dict):
            target[data.draw(st.text(max_size=8))] = data.draw(_VALUES)
        elif isinstance(target, list):
            target.append(target[path[-1]])
        else:
            return
    _fast_agrees(kind, mutated)


# Values where Python and Rust are known to read a schema differently.
_TRICKY = [
    2024.0,
    1.0,
    "\x1c",
    "a\x1f",
    "https://a\x1e",
    "\x85",
    "a\x85b",
    "https://a\x85",
    2**64,
    "2024-01-01\n",
    "abc\n",
]


def test_python_and_rust_whitespace_differ_only_where_the_fast_path_steps_aside():
    # Python's `\s` against Rust's over every code point: a character only Python counts
    # as whitespace would let a text of it pass Rust's `\S` (U+0085 did).
    import re

    import jsonschema_rs

    from styrdok.core.rules.schema_fast import _RUST_SPACE

    rust = jsonschema_rs.validator_for({"type": "string", "pattern": "^\\s$"})
    only_python = [
        chr(c)
        for c in range(0x110000)
        if not 0xD800 <= c < 0xE000 and re.fullmatch(r"\s", chr(c)) and not rust.is_valid(chr(c))
    ]
    assert only_python
    assert all(_RUST_SPACE.search(c) for c in only_python)


def test_fast_path_leaves_the_known_differences_to_jsonschema():
    for kind, document in VALID_DOCUMENTS:
        for path in _places(document):
            for value in _TRICKY:
                _fast_agrees(kind, _replaced(document, path, value))


@pytest.mark.parametrize(
    "value",
    [
        "2024-01-01",
        "2024-02-30",
        "2024-1-01",
        "20240101",
        "2024-01-01\n",
        "2024-W01-1",
        "٢٠٢٤-٠١-٠١",
        "x@y",
        "@",
        "namn",
        "",
        5,
        None,
    ],
)
def test_fast_formats_are_jsonschemas(value):
    from styrdok.core.rules.schema_fast import FORMATS

    for name, check in FORMATS.items():
        assert check(value) == Draft202012Validator.FORMAT_CHECKER.conforms(value, name)
