"""Validate documents against the JSON Schemas in schema/ and say in Swedish what is wrong.

Every error is collected (`iter_errors`), mapped to the YAML node it points at, and
turned into a problem with a rule code, so an editor sees file, line and what to do
rather than a jsonschema path.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match
from referencing import Registry, Resource

from styrdok.core.load import MAX_SHOWN, Document, describe, shorten
from styrdok.core.messages import problem
from styrdok.core.problems import Problem

SCHEMA_FILES: dict[str, str] = {
    "program": "program.schema.json",
    "malomraden": "malomraden.schema.json",
    "fokusomraden": "fokusomraden.schema.json",
    "organ": "organ.schema.json",
    "forfattningar": "forfattningar.schema.json",
    "anvisning": "anvisning.schema.json",
    "sida": "sida.schema.json",
}

# Kinds whose file is a list of entries; the others are one object (front matter).
LIST_KINDS = frozenset({"program", "malomraden", "fokusomraden", "organ", "forfattningar"})

_TYPE_NAMES = {
    "string": "text",
    "integer": "ett heltal",
    "number": "ett tal",
    "boolean": "true eller false",
    "array": "en lista",
    "object": "fält med värden",
    "null": "tomt",
}


class SchemaFileError(Exception):
    """A schema in schema/ cannot be read: a fault in the repository, not in the content."""


def load_registry(schema_dir: Path) -> tuple[Registry, dict[str, dict[str, Any]]]:
    schemas: dict[str, dict[str, Any]] = {}
    for path in sorted(schema_dir.glob("*.schema.json")):
        try:
            schemas[path.name] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise SchemaFileError(f"{path}: {exc}") from exc
    registry: Registry = Registry().with_resources(
        (name, Resource.from_contents(schema)) for name, schema in schemas.items()
    )
    return registry, schemas


@dataclass(frozen=True)
class Validation:
    problems: list[Problem]
    # Indexes of list entries with errors; None in the set means the whole document.
    rejected: frozenset[int | None]

    def accepts(self, index: int | None = None) -> bool:
        return None not in self.rejected and index not in self.rejected


class Schemas:
    """One validator per kind of source file, sharing a registry for `$ref`s between files."""

    def __init__(self, schema_dir: Path) -> None:
        registry, schemas = load_registry(schema_dir)
        self.validators: dict[str, Draft202012Validator] = {}
        for kind, name in SCHEMA_FILES.items():
            if name not in schemas:
                raise SchemaFileError(f"{schema_dir / name}: saknas")
            self.validators[kind] = Draft202012Validator(
                schemas[name],
                registry=registry,
                format_checker=Draft202012Validator.FORMAT_CHECKER,
            )
        self.schemas = schemas

    def property_schema(self, kind: str, name: str) -> dict[str, Any]:
        root = self.validators[kind].schema
        entry = root.get("items", root) if kind in LIST_KINDS else root
        return entry.get("properties", {}).get(name, {})

    def validate(self, doc: Document) -> Validation:
        if doc.data is None:
            return Validation([], frozenset({None}))
        problems: list[Problem] = []
        rejected: set[int | None] = set()
        for error in self.validators[doc.kind].iter_errors(doc.data):
            path = list(error.absolute_path)
            if doc.kind in LIST_KINDS and path and isinstance(path[0], int):
                rejected.add(path[0])
            else:
                rejected.add(None)
            problems.extend(self.translate(doc, error))
        return Validation(problems, frozenset(rejected))

    def translate(self, doc: Document, error: ValidationError) -> list[Problem]:
        """Swedish problems for one jsonschema error (several for unknown fields or a oneOf)."""
        if error.validator in ("oneOf", "anyOf") and error.context:
            return [p for sub in _closest_branch(error) for p in self.translate(doc, sub)]
        path = list(error.absolute_path)
        field = field_name(path)
        where = doc.locate(path)
        schema = error.schema if isinstance(error.schema, dict) else {}
        about = _about(schema)
        value = error.instance
        kind = error.validator
        if kind == "required":
            missing = [n for n in error.validator_value if n not in (value or {})]
            out = []
            for name in missing:
                prop = schema.get("properties", {}).get(name) or self.property_schema(
                    doc.kind, name
                )
                note = _about(prop) or "se schemat."
                if "then" in error.relative_schema_path:
                    note += " Fältet krävs för den status dokumentet har."
                out.append(problem("saknat-falt", doc.path, where, falt=name, beskrivning=note))
            return out
        if kind == "additionalProperties":
            allowed = list(schema.get("properties", {}))
            out = []
            for extra in [k for k in value if k not in allowed]:
                out.append(
                    problem(
                        "okant-falt",
                        doc.path,
                        doc.locate([*path, extra], key=True),
                        falt=shorten(extra),
                        forslag=suggest(extra, allowed, "Tillåtna fält")
                        or "Ta bort fältet, eller stava det som i schemat (se CONTRIBUTING.md).",
                    )
                )
            return out
        if kind == "type":
            written = doc.scalar_text(path)
            return [
                problem(
                    "fel-typ",
                    doc.path,
                    where,
                    falt=field,
                    forvantat=_expected_type(error.validator_value),
                    faktiskt=describe(value, written),
                    rad=_type_hint(
                        error.validator_value, written if written is not None else value
                    ),
                )
            ]
        if kind in ("enum", "const"):
            allowed = error.validator_value if kind == "enum" else [error.validator_value]
            return [
                problem(
                    "ogiltigt-varde",
                    doc.path,
                    where,
                    varde=_show(value),
                    falt=field,
                    forslag=suggest(_show(value), [str(a) for a in allowed], "Tillåtna värden"),
                )
            ]
        if kind == "format" and error.validator_value == "date":
            return [problem("ogiltigt-datum", doc.path, where, varde=_show(value), falt=field)]
        if (kind == "pattern" and error.validator_value == "\\S") or kind in (
            "minItems",
            "minLength",
            "minProperties",
        ):
            return [
                problem(
                    "for-fa", doc.path, where, falt=field, beskrivning=about or "Fyll i ett värde."
                )
            ]
        if kind in ("pattern", "format"):
            return [
                problem(
                    "ogiltigt-format",
                    doc.path,
                    where,
                    varde=_show(value),
                    falt=field,
                    beskrivning=about or "Se schemat för rätt form.",
                )
            ]
        if kind == "maxLength":
            return [problem("for-lang", doc.path, where, falt=field, max=error.validator_value)]
        if kind == "maxItems":
            return [
                problem(
                    "for-manga",
                    doc.path,
                    where,
                    falt=field,
                    max=error.validator_value,
                    beskrivning=about or "",
                )
            ]
        if kind == "uniqueItems":
            return [problem("dubblett-varde", doc.path, where, falt=field)]
        if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
            how = {
                "minimum": f"mindre än det minsta tillåtna ({error.validator_value})",
                "exclusiveMinimum": f"inte större än {error.validator_value}",
                "maximum": f"större än det största tillåtna ({error.validator_value})",
                "exclusiveMaximum": f"inte mindre än {error.validator_value}",
            }[kind]
            return [
                problem(
                    "utanfor-intervall",
                    doc.path,
                    where,
                    falt=field,
                    varde=_show(value),
                    hur=how,
                    beskrivning=about or "",
                )
            ]
        return [
            problem(
                "schemafel",
                doc.path,
                where,
                falt=field,
                # jsonschema's message starts with the whole value's repr.
                detalj=shorten(error.message, 200),
                beskrivning=about or "",
            )
        ]


def _closest_branch(error: ValidationError) -> list[ValidationError]:
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
        chosen = best_match(error.context or ())
        return [chosen] if chosen is not None else [error]
    return ranked[0]


def field_name(path: Sequence[str | int]) -> str:
    """The field an editor recognises: the names along the path, without list positions."""
    names = [shorten(str(step)) for step in path if not isinstance(step, int)]
    return shorten(".".join(names), 200) if names else "posten" if path else "filen"


def suggest(value: str, choices: Iterable[str], label: str) -> str:
    choices = list(choices)
    if not choices:
        return ""
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    listed = f"{label}: {', '.join(choices)}." if len(choices) <= 12 else ""
    if close:
        return f"Menade du '{close[0]}'? {listed}".strip()
    return listed


def _about(schema: dict[str, Any]) -> str:
    text = str(schema.get("description", ""))
    examples = schema.get("examples")
    if examples and isinstance(examples[0], str) and examples[0] not in text:
        text += f" Exempel: {examples[0]}"
    return text.strip()


def _expected_type(expected: str | list[str]) -> str:
    names = [expected] if isinstance(expected, str) else expected
    return " eller ".join(_TYPE_NAMES.get(n, n) for n in names)


def _type_hint(expected: str | list[str], value: Any) -> str:
    names = [expected] if isinstance(expected, str) else expected
    if value is None:
        return "Fyll i ett värde efter kolon."
    if "string" in names:
        # Bounded: the value may be a list that aliases made huge.
        shown = shorten(value) if isinstance(value, str) else _show(value)
        return f'Sätt värdet inom citattecken: "{shown}".'
    if "array" in names:
        return (
            "Skriv en lista: ett värde per rad, som börjar med '- ' och är indraget under fältet."
        )
    if "object" in names:
        return "Skriv fälten indragna två mellanslag på raderna under."
    if "integer" in names or "number" in names:
        return "Skriv talet utan citattecken, t.ex. 2."
    if "boolean" in names:
        return "Skriv true eller false."
    return ""


def _show(value: Any) -> str:
    """A value as written in a message, at most MAX_SHOWN characters.

    Lists and mappings are encoded piece by piece and the encoding stops at the limit,
    so a value that aliases made huge costs no more than a short one.
    """
    if isinstance(value, str):
        return shorten(value)
    encoder = json.JSONEncoder(ensure_ascii=False, default=str)
    text = ""
    # iterencode yields small pieces as it walks the value (not in one shot).
    for piece in encoder.iterencode(value):
        text += piece
        if len(text) > MAX_SHOWN:
            break
    return shorten(text)
