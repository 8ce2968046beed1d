"""The compatibility guard: within one API version the published schemas may only change in
ways that keep existing documents and clients working.

tests/data/api-v<version>/ holds the schemas as they were when the version was published.
The current schemas are compared with them, recursively through properties, items, anyOf,
oneOf, allOf and $defs. A break is:

- a property (or a $defs entry, or a whole schema) removed;
- a property no longer required (a client could no longer rely on the field being there);
- an enum or const value removed, or an enum added where any value was allowed;
- a type narrowed: fewer JSON types allowed than before (null included);
- additionalProperties: false added where other properties were allowed.

Allowed: new properties, required or not (a client must skip fields it does not know),
new enum values, wider types, changed titles, descriptions and examples. Patterns, formats
and if/then rules are not compared.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from styrdok.views.urls import API_DIR, API_VERSION, SCHEMAS

from helpers import DATA, REPO

SNAPSHOT = DATA / f"api-v{API_VERSION}"
CURRENT = REPO / "schema" / API_DIR

Schema = dict[str, Any] | bool
JSON_TYPES = frozenset({"array", "boolean", "integer", "null", "number", "object", "string"})


def _type_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _target(root: dict[str, Any], ref: str) -> Schema:
    """A local reference (#/$defs/name, or any #/ pointer) in the same schema."""
    assert ref.startswith("#/"), f"only local references are compared: {ref}"
    node: Any = root
    for step in ref[2:].split("/"):
        node = node[step.replace("~1", "/").replace("~0", "~")]
    return node


def _types(node: Schema, root: dict[str, Any], depth: int = 0) -> frozenset[str]:
    """The JSON types a value may have under `node`, following references."""
    if node is False:
        return frozenset()
    if node is True or depth > 50:
        return JSON_TYPES
    allowed = set(JSON_TYPES)
    if "type" in node:
        declared = {node["type"]} if isinstance(node["type"], str) else set(node["type"])
        allowed &= declared | ({"integer"} if "number" in declared else set())
    if "$ref" in node:
        allowed &= _types(_target(root, node["$ref"]), root, depth + 1)
    if "const" in node:
        allowed &= {_type_of(node["const"])}
    if "enum" in node:
        allowed &= {_type_of(value) for value in node["enum"]}
    for key in ("anyOf", "oneOf"):
        if key in node:
            allowed &= set().union(*(_types(b, root, depth + 1) for b in node[key]))
    for branch in node.get("allOf", ()):
        allowed &= _types(branch, root, depth + 1)
    return frozenset(allowed)


def _values(node: dict[str, Any]) -> list[Any] | None:
    """The values an enum or const allows, or None when it does not restrict them."""
    if "const" in node:
        return [node["const"]]
    return node.get("enum")


def _shape(node: Schema, root: dict[str, Any]) -> dict[str, Any]:
    """The node to compare keyword by keyword: a nullable anyOf/oneOf [X, {type: null}]
    stands for X (its types are compared separately)."""
    if not isinstance(node, dict):
        return {} if node else {"not": {}}
    for key in ("anyOf", "oneOf"):
        branches = node.get(key)
        if isinstance(branches, list) and len(branches) == 2 and {"type": "null"} in branches:
            other = next(b for b in branches if b != {"type": "null"})
            rest = {k: v for k, v in node.items() if k != key}
            return {**rest, **other} if isinstance(other, dict) else rest
    return node


def _expanded(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    """The node with its $ref taken in: for when old and new refer to different things."""
    if "$ref" not in node:
        return node
    target = _shape(_target(root, node["$ref"]), root)
    target = _expanded(target, root)
    merged = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    if "properties" in target and "properties" in node:
        merged["properties"] = {**target["properties"], **node["properties"]}
    if "required" in target or "required" in node:
        merged["required"] = [*target.get("required", ()), *node.get("required", ())]
    if target.get("additionalProperties") is False:
        merged["additionalProperties"] = False
    return merged


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def breaking_changes(old: dict[str, Any], new: dict[str, Any], name: str = "schema") -> list[str]:
    """Every change from `old` to `new` that breaks documents or clients of the old schema,
    as '<name>#<JSON pointer>: what changed'."""
    found: list[str] = []

    def report(pointer: str, what: str) -> None:
        message = f"{name}#{pointer}: {what}"
        if message not in found:
            found.append(message)

    def compare(old_node: Schema, new_node: Schema, pointer: str, seen: frozenset) -> None:
        if (id(old_node), id(new_node)) in seen:
            return
        seen |= {(id(old_node), id(new_node))}
        lost = _types(old_node, old) - _types(new_node, new)
        if lost:
            report(pointer, f"type narrowed: {', '.join(sorted(lost))} no longer allowed")
        a, b = _shape(old_node, old), _shape(new_node, new)
        if a.get("$ref") != b.get("$ref"):
            # Refers to something else (or is written out now): compare what is meant.
            a, b = _expanded(a, old), _expanded(b, new)

        old_values, new_values = _values(a), _values(b)
        if old_values is not None and new_values is not None:
            for value in old_values:
                if value not in new_values:
                    report(pointer, f"enum value {value!r} removed")
        elif new_values is not None:
            report(pointer, f"values restricted to {new_values!r}")

        old_properties, new_properties = a.get("properties", {}), b.get("properties", {})
        for key, sub in old_properties.items():
            if key not in new_properties:
                report(f"{pointer}/properties/{_escape(key)}", "property removed")
            else:
                compare(sub, new_properties[key], f"{pointer}/properties/{_escape(key)}", seen)
        for key in a.get("required", ()):
            if key not in b.get("required", ()):
                report(f"{pointer}/required", f"{key!r} no longer required")

        old_extra = a.get("additionalProperties", True)
        new_extra = b.get("additionalProperties", True)
        if new_extra is False and old_extra is not False:
            report(pointer, "additionalProperties: false added")
        elif isinstance(old_extra, dict) and isinstance(new_extra, dict):
            compare(old_extra, new_extra, f"{pointer}/additionalProperties", seen)

        if "items" in a or "items" in b:
            compare(a.get("items", True), b.get("items", True), f"{pointer}/items", seen)
        for key in ("anyOf", "oneOf", "allOf"):
            old_branches, new_branches = a.get(key, []), b.get(key, [])
            if len(old_branches) == len(new_branches):
                for number, (x, y) in enumerate(zip(old_branches, new_branches, strict=True)):
                    compare(x, y, f"{pointer}/{key}/{number}", seen)

    compare(old, new, "", frozenset())
    old_defs, new_defs = old.get("$defs", {}), new.get("$defs", {})
    for key, sub in old_defs.items():
        if key not in new_defs:
            report(f"/$defs/{_escape(key)}", "definition removed")
        else:
            compare(sub, new_defs[key], f"/$defs/{_escape(key)}", frozenset())
    return found


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


# The guard -----------------------------------------------------------------------------


def test_schemas_stay_compatible_with_the_published_version():
    if not SNAPSHOT.is_dir():
        pytest.skip(
            f"API v{API_VERSION} has no snapshot: copy {CURRENT.relative_to(REPO)}/"
            f"*.schema.json to {SNAPSHOT.relative_to(REPO)}/ when the version is published"
        )
    snapshots = sorted(SNAPSHOT.glob("*.schema.json"))
    assert snapshots, f"{SNAPSHOT} is empty"
    breaks: list[str] = []
    for snapshot in snapshots:
        current = CURRENT / snapshot.name
        if not current.is_file():
            breaks.append(f"{snapshot.name}: the schema is gone")
            continue
        breaks += breaking_changes(load(snapshot), load(current), snapshot.name)
    assert not breaks, (
        f"Changes that break API v{API_VERSION} (publish them as a new version instead):\n"
        + "\n".join(breaks)
    )


def test_every_published_kind_has_a_snapshot():
    if not SNAPSHOT.is_dir():
        pytest.skip(f"API v{API_VERSION} has no snapshot")
    missing = sorted(set(SCHEMAS.values()) - {p.name for p in SNAPSHOT.glob("*.schema.json")})
    assert not missing, f"copy the new schemas to {SNAPSHOT.relative_to(REPO)}/: {missing}"


# The comparison itself -----------------------------------------------------------------


@pytest.fixture(scope="module")
def anvisning() -> dict[str, Any]:
    """The snapshot of the anvisning schema (or the current one, for a version without one)."""
    folder = SNAPSHOT if SNAPSHOT.is_dir() else CURRENT
    return load(folder / SCHEMAS["anvisning"])


def changed(schema: dict[str, Any], edit) -> dict[str, Any]:
    new = copy.deepcopy(schema)
    edit(new)
    return new


def test_the_same_schema_has_no_breaks(anvisning):
    assert breaking_changes(anvisning, copy.deepcopy(anvisning), "anvisning") == []


def test_a_removed_field_is_a_break(anvisning):
    def remove(s):
        del s["properties"]["diarienummer"]
        s["required"].remove("diarienummer")

    assert breaking_changes(anvisning, changed(anvisning, remove), "a.json") == [
        "a.json#/properties/diarienummer: property removed",
        "a.json#/required: 'diarienummer' no longer required",
    ]


def test_a_field_no_longer_required_is_a_break(anvisning):
    new = changed(anvisning, lambda s: s["required"].remove("titel"))
    assert breaking_changes(anvisning, new, "a") == ["a#/required: 'titel' no longer required"]


def test_a_narrowed_type_is_a_break(anvisning):
    def narrow(s):
        s["properties"]["diarienummer"]["type"] = "string"

    assert breaking_changes(anvisning, changed(anvisning, narrow), "a") == [
        "a#/properties/diarienummer: type narrowed: null no longer allowed"
    ]


def test_a_nullable_reference_made_required_is_a_break(anvisning):
    def not_null(s):
        beslutad_av = s["properties"]["beslutad_av"]
        beslutad_av["$ref"] = beslutad_av.pop("anyOf")[0]["$ref"]

    assert breaking_changes(anvisning, changed(anvisning, not_null), "a") == [
        "a#/properties/beslutad_av: type narrowed: null no longer allowed"
    ]


def test_a_removed_enum_value_is_a_break_also_inside_defs(anvisning):
    new = changed(anvisning, lambda s: s["$defs"]["status"]["enum"].remove("upphävd"))
    assert breaking_changes(anvisning, new, "a") == [
        "a#/$defs/status: enum value 'upphävd' removed"
    ]


def test_closing_an_open_object_is_a_break():
    old = {"type": "object", "properties": {"a": {"type": "string"}}}
    new = {**old, "additionalProperties": False}
    assert breaking_changes(old, new, "x") == ["x#: additionalProperties: false added"]


def test_a_reference_to_a_narrower_definition_is_a_break():
    old = {
        "type": "object",
        "properties": {"ansvarig": {"$ref": "#/$defs/bred"}},
        "$defs": {
            "bred": {"type": "object", "properties": {"id": {}, "namn": {}}},
            "smal": {"type": "object", "properties": {"id": {}}},
        },
    }
    new = changed(old, lambda s: s["properties"]["ansvarig"].update({"$ref": "#/$defs/smal"}))
    assert breaking_changes(old, new, "x") == [
        "x#/properties/ansvarig/properties/namn: property removed"
    ]


def test_a_removed_definition_or_item_field_is_a_break(anvisning):
    def remove(s):
        del s["$defs"]["organreferens"]["properties"]["namn"]
        del s["properties"]["rattslig_grund"]["items"]["properties"]["sfs"]

    breaks = breaking_changes(anvisning, changed(anvisning, remove), "a")
    assert "a#/properties/rattslig_grund/items/properties/sfs: property removed" in breaks
    assert "a#/$defs/organreferens/properties/namn: property removed" in breaks


def test_additions_and_wider_values_are_not_breaks(anvisning):
    def extend(s):
        s["properties"]["nytt_falt"] = {
            "title": "Nytt",
            "description": "Frivilligt.",
            "type": "string",
        }
        s["properties"]["krav"] = {
            "title": "Krav",
            "description": "Obligatoriskt.",
            "type": "string",
        }
        s["required"].append("krav")
        s["$defs"]["status"]["enum"].append("arkiverad")
        s["properties"]["version"]["type"] = ["integer", "null"]
        s["properties"]["titel"]["description"] = "Ny text."
        s["$defs"]["ny"] = {"type": "string"}

    assert breaking_changes(anvisning, changed(anvisning, extend), "a") == []
