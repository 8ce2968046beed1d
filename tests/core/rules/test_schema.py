"""The schemas themselves: valid draft 2020-12, examples that pass, refs that resolve,
Swedish help on every property, and valid and invalid documents for each kind."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from styrdok.core.kinds import DATA_FILES, DATA_FOLDERS, SCHEMA_FILES, is_version_page
from styrdok.core.project import Project
from styrdok.core.reading.load import load_file
from styrdok.core.rules.schema import Schemas, load_registry

from helpers import REPO, VALID
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
