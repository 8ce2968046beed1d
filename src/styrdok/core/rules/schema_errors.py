"""Swedish problems for jsonschema errors: one small translator per JSON Schema keyword.

An error is mapped to the YAML node it points at and turned into a problem with a rule
code, so an editor sees file, line and what to do rather than a jsonschema path. This
runs once per error, and a broken file can have thousands: dispatch is one dict lookup,
and what a translator needs (line, field name, description) is worked out only when it
asks for it.

Somewhat over the usual length because it is a table: one short translator per keyword,
each next to the others it must agree with.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

import yaml

from styrdok.core.kinds import KINDS, NAMED
from styrdok.core.messages import (
    MISPLACED_FIELDS,
    as_id,
    describe,
    id_hint,
    problem,
    shorten,
    show,
    suggest,
)
from styrdok.core.problems import Position, Problem
from styrdok.core.reading.source import SourceDocument

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

    from styrdok.core.rules.schema import Schemas

# The form of every id (gemensam.schema.json#/$defs/id).
ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"

_TYPE_NAMES = {
    "string": "text",
    "integer": "ett heltal",
    "number": "ett tal",
    "boolean": "true eller false",
    "array": "en lista",
    "object": "fält med värden",
    "null": "tomt",
}
# How a value is out of range, per keyword, with the bound.
_OUT_OF_RANGE = {
    "minimum": "mindre än det minsta tillåtna ({})",
    "exclusiveMinimum": "inte större än {}",
    "maximum": "större än det största tillåtna ({})",
    "exclusiveMaximum": "inte mindre än {}",
}


class Found:
    """One jsonschema error in one document, and what translators read from it.

    Each translator asks only for what it needs. The node the error points at is looked
    up once, for both its position (which every problem of the error takes) and the
    text written there. Translators call `problem` themselves: at thousands of errors,
    one more call per problem shows.
    """

    __slots__ = ("_node", "_where", "bound", "doc", "error", "ids", "path", "schemas", "value")

    def __init__(
        self,
        schemas: Schemas,
        doc: SourceDocument,
        error: ValidationError,
        ids: Mapping[str, Collection[str]] | None = None,
    ) -> None:
        self.schemas = schemas
        # The ids of each kind (by key) that references may name, for suggestions.
        self.ids = ids or {}
        self.doc = doc
        self.error = error
        self.value = error.instance
        self.bound = error.validator_value
        self.path: list[str | int] = list(error.absolute_path)
        self._node: yaml.Node | Literal[False] | None = False  # False: not looked up yet
        self._where: Position | None = None

    @property
    def node(self) -> yaml.Node | None:
        """The node of the value, or of the nearest parent the file has."""
        if self._node is False:
            self._node = self.doc.node_at(self.path)
        return self._node

    @property
    def where(self) -> Position:
        if self._where is None:
            self._where = self.doc.position(self.node)
        return self._where

    @property
    def written(self) -> str | None:
        """The text as written for a scalar value, e.g. 2010:59 which YAML reads as a number."""
        node = self.node
        return node.value if isinstance(node, yaml.ScalarNode) and self.path else None

    @property
    def field(self) -> str:
        return field_name(self.path)

    @property
    def schema(self) -> dict[str, Any]:
        return self.error.schema if isinstance(self.error.schema, dict) else {}

    @property
    def about(self) -> str:
        return about(self.schema)


Translator = Callable[[Found], list[Problem]]


def _one_of(found: Found) -> list[Problem]:
    if found.value is None and found.path:
        return _empty(found)
    if not found.error.context:
        return translate_other(found)
    translate = found.schemas.translate
    return [p for sub in closest_branch(found.error) for p in translate(found.doc, sub, found.ids)]


def _required(found: Found) -> list[Problem]:
    present = found.value or {}
    missing = [name for name in found.bound if name not in present]
    if not missing:
        return []
    properties = found.schema.get("properties", {})
    # A field required under `then` is required because of another field's value.
    conditional = "then" in found.error.relative_schema_path
    path, where = found.doc.path, found.where
    problems = []
    for name in missing:
        prop = properties.get(name) or found.schemas.property_schema(found.doc.kind, name)
        note = about(prop)
        if conditional and found.schema.get("description"):
            # The condition says what the field is and why it is needed here.
            note = found.schema["description"]
        elif conditional:
            note = f"{note or 'se schemat.'} Fältet krävs för den status dokumentet har."
        note = note or "se schemat."
        problems.append(problem("saknat-falt", path, where, falt=name, beskrivning=note))
    return problems


def _forbidden(found: Found) -> list[Problem]:
    """Fields a condition forbids (`not: {required: [...]}`); the schema holding the
    condition says why in its description."""
    names = found.bound.get("required", []) if isinstance(found.bound, dict) else []
    present = [n for n in names if isinstance(found.value, dict) and n in found.value]
    if not present:
        return translate_other(found)
    why = found.schema.get("description") or "Ta bort fältet."
    return [
        problem(
            "otillatet-falt",
            found.doc.path,
            found.doc.locate([*found.path, name], key=True),
            falt=name,
            beskrivning=why,
        )
        for name in present
    ]


def _unknown_fields(found: Found) -> list[Problem]:
    allowed = list(found.schema.get("properties", {}))
    return [
        problem(
            "okant-falt",
            found.doc.path,
            found.doc.locate([*found.path, extra], key=True),
            falt=shorten(extra),
            forslag=MISPLACED_FIELDS.get((found.doc.kind, as_id(str(extra))))
            or suggest(str(extra), allowed, "Tillåtna fält")
            or "Ta bort fältet, eller stava det som i schemat (se CONTRIBUTING.md).",
        )
        for extra in found.value
        if extra not in allowed
    ]


def _empty(found: Found) -> list[Problem]:
    """A field written with nothing after its colon (`status:`), which YAML reads as null:
    what may be written there, not that null is not allowed."""
    allowed = allowed_values(found.schema)
    branches = [*found.schema.get("oneOf", ()), *found.schema.get("anyOf", ())]
    # Only fixed values may be written: list them (a branch with fields needs the text).
    if allowed and all("const" in b or "enum" in b for b in branches):
        hint = f"Skriv ett av de tillåtna värdena efter kolonet: {', '.join(allowed)}."
    else:
        hint = f"Skriv ett värde efter kolonet. {found.about}".strip()
    return [problem("tomt-varde", found.doc.path, found.where, falt=found.field, forslag=hint)]


def allowed_values(schema: dict[str, Any]) -> list[str]:
    """The fixed values a schema allows (enum, const, in each branch of a oneOf/anyOf)."""
    found = [str(v) for v in schema.get("enum", ()) if v is not None]
    if "const" in schema:
        found.append(str(schema["const"]))
    for branch in (*schema.get("oneOf", ()), *schema.get("anyOf", ())):
        if isinstance(branch, dict):
            found += allowed_values(branch)
    return found


def _wrong_type(found: Found) -> list[Problem]:
    if found.value is None and found.path:
        return _empty(found)
    written = found.written
    if found.bound == "integer" and isinstance(found.value, float):
        whole = found.value.is_integer()
        hint = f"Skriv ett heltal utan decimaler, t.ex. {int(found.value) if whole else 2}."
    else:
        hint = type_hint(found.bound, written if written is not None else found.value)
    return [
        problem(
            "fel-typ",
            found.doc.path,
            found.where,
            falt=found.field,
            forvantat=expected_type(found.bound),
            faktiskt=describe(found.value, written),
            rad=hint,
        )
    ]


def _not_allowed(found: Found) -> list[Problem]:
    if found.value is None and found.path:
        return _empty(found)
    allowed = found.bound if found.error.validator == "enum" else [found.bound]
    shown = show(found.value)
    return [
        problem(
            "ogiltigt-varde",
            found.doc.path,
            found.where,
            varde=shown,
            falt=found.field,
            forslag=suggest(shown, [str(a) for a in allowed], "Tillåtna värden"),
        )
    ]


def _format(found: Found) -> list[Problem]:
    if found.bound == "date":
        return [
            problem(
                "ogiltigt-datum",
                found.doc.path,
                found.where,
                varde=show(found.value),
                falt=found.field,
                exempel=date_example(found.value),
            )
        ]
    return _bad_form(found)


def date_example(value: Any) -> str:
    """The date the editor most likely meant (2025-3-17: 2025-03-17), or a fixed example."""
    parts = str(value).strip().split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4:
        meant = f"{parts[0]}-{int(parts[1]):02d}-{int(parts[2]):02d}"
        try:
            date.fromisoformat(meant)
        except ValueError:
            pass
        else:
            return meant
    return "2019-03-01"


def _pattern(found: Found) -> list[Problem]:
    # A date's form is the date format's to report (ogiltigt-datum): one error, not two.
    if found.schema.get("format") == "date":
        return []
    # \S is how the schemas say "not blank": a blank value is too little, not misformed.
    return _too_few(found) if found.bound == "\\S" else _bad_form(found)


def _bad_form(found: Found) -> list[Problem]:
    if found.bound == ID_PATTERN and isinstance(found.value, str):
        beskrivning = _not_an_id(found)
    else:
        beskrivning = found.about or "Se schemat för rätt form."
    return [
        problem(
            "ogiltigt-format",
            found.doc.path,
            found.where,
            varde=show(found.value),
            falt=found.field,
            beskrivning=beskrivning,
        )
    ]


def _not_an_id(found: Found) -> str:
    """An id written as a name (Socialnämnden): the id it most likely means, if it exists."""
    target = reference_target(found.doc.kind, found.path)
    if target is None:
        return id_hint(found.value, None)
    return id_hint(found.value, sorted(found.ids.get(target, ())), KINDS[target].where)


def reference_target(kind: str, path: Sequence[str | int]) -> str | None:
    """The kind (by key) whose ids the field at `path` refers to, or None if it is not a
    reference. `kinds` writes a field of each item of a list as a[].b."""
    spec = ""
    for step in path:
        if isinstance(step, int):
            spec += "[]" if spec and not spec.endswith("[]") else ""
        else:
            spec += f".{step}" if spec else str(step)
    references = NAMED[kind].references if kind in NAMED else {}
    # A list of ids (ersatter: [a, b]) is written without [] in the table.
    return references.get(spec) or references.get(spec.removesuffix("[]"))


def _too_few(found: Found) -> list[Problem]:
    return [
        problem(
            "for-fa",
            found.doc.path,
            found.where,
            falt=found.field,
            beskrivning=found.about or "Fyll i ett värde.",
        )
    ]


def _too_long(found: Found) -> list[Problem]:
    return [problem("for-lang", found.doc.path, found.where, falt=found.field, max=found.bound)]


def _too_many(found: Found) -> list[Problem]:
    return [
        problem(
            "for-manga",
            found.doc.path,
            found.where,
            falt=found.field,
            max=found.bound,
            beskrivning=found.about,
        )
    ]


def _duplicate(found: Found) -> list[Problem]:
    return [problem("dubblett-varde", found.doc.path, found.where, falt=found.field)]


def _out_of_range(found: Found) -> list[Problem]:
    return [
        problem(
            "utanfor-intervall",
            found.doc.path,
            found.where,
            falt=found.field,
            varde=show(found.value),
            hur=_OUT_OF_RANGE[found.error.validator].format(found.bound),
            beskrivning=found.about,
        )
    ]


def translate_other(found: Found) -> list[Problem]:
    return [
        problem(
            "schemafel",
            found.doc.path,
            found.where,
            falt=found.field,
            # jsonschema's message starts with the whole value's repr.
            detalj=shorten(found.error.message, 200),
            beskrivning=found.about,
        )
    ]


# JSON Schema keyword -> its translator; any other keyword is `translate_other`'s.
TRANSLATORS: dict[str, Translator] = {
    "oneOf": _one_of,
    "anyOf": _one_of,
    "required": _required,
    "additionalProperties": _unknown_fields,
    "not": _forbidden,
    "type": _wrong_type,
    "enum": _not_allowed,
    "const": _not_allowed,
    "format": _format,
    "pattern": _pattern,
    "minItems": _too_few,
    "minLength": _too_few,
    "minProperties": _too_few,
    "maxLength": _too_long,
    "maxItems": _too_many,
    "uniqueItems": _duplicate,
    "minimum": _out_of_range,
    "maximum": _out_of_range,
    "exclusiveMinimum": _out_of_range,
    "exclusiveMaximum": _out_of_range,
}


def closest_branch(error: ValidationError) -> list[ValidationError]:
    """The errors of the oneOf/anyOf branch the editor most likely meant.

    A branch that rejects the value by its type or fixed value at the top was not what
    was meant if another branch got further; among equals, jsonschema's best match wins.
    """
    depth = len(error.absolute_path)
    branches: dict[Any, list[ValidationError]] = {}
    for sub in error.context or ():
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)

    def rank(errors: list[ValidationError]) -> int:
        top = [e for e in errors if len(e.absolute_path) == depth]
        if any(e.validator == "type" for e in top):
            return 2
        if any(e.validator in ("const", "enum") for e in top):
            return 1
        return 0

    ranked = sorted(branches.values(), key=rank)
    if not ranked:
        return [error]
    if rank(ranked[0]) == 2:
        from jsonschema.exceptions import best_match  # only for files with errors (schema.py)

        chosen = best_match(error.context or ())
        return [chosen] if chosen is not None else [error]
    return ranked[0]


def field_name(path: Sequence[str | int]) -> str:
    """The field an editor recognises: the names along the path, without list positions."""
    names = [shorten(str(step)) for step in path if not isinstance(step, int)]
    return shorten(".".join(names), 200) if names else "posten" if path else "filen"


def about(schema: dict[str, Any]) -> str:
    """A property's description, and its first example if the description lacks it."""
    text = str(schema.get("description", ""))
    examples = schema.get("examples")
    if examples and isinstance(examples[0], str) and examples[0] not in text:
        text += f" Exempel: {examples[0]}"
    return text.strip()


def expected_type(expected: str | list[str]) -> str:
    names = [expected] if isinstance(expected, str) else expected
    return " eller ".join(_TYPE_NAMES.get(n, n) for n in names)


def type_hint(expected: str | list[str], value: Any) -> str:
    """How to write a value of the expected type."""
    names = [expected] if isinstance(expected, str) else expected
    if value is None:
        return "Fyll i ett värde efter kolon."
    if "string" in names:
        # Bounded: the value may be a list that aliases made huge.
        shown = shorten(value) if isinstance(value, str) else show(value)
        return f'Sätt värdet inom citattecken: "{shown}".'
    if "array" in names:
        return (
            "Skriv en lista: ett värde per rad, som börjar med '- ' och är indraget under fältet."
        )
    if "object" in names:
        return "Skriv fälten indragna två mellanslag på raderna under."
    if "integer" in names and isinstance(value, float):
        return (
            f"Skriv ett heltal utan decimaler, t.ex. {int(value)}."
            if value.is_integer()
            else ("Skriv ett heltal utan decimaler, t.ex. 2.")
        )
    if "integer" in names or "number" in names:
        return "Skriv talet utan citattecken, t.ex. 2."
    if "boolean" in names:
        return "Skriv true eller false."
    return ""
