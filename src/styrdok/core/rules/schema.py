"""Validate documents against the JSON Schemas in schema/.

Every error is collected (`iter_errors`) and translated into Swedish problems by
`schema_errors`, so one run reports all that is wrong with a file. Valid documents are
recognised first by a compiled validator (`schema_fast`); `jsonschema`, imported only
when a document needs it, reads the others for their errors.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from styrdok.core.kinds import KINDS, NAMED
from styrdok.core.problems import Problem
from styrdok.core.reading.source import SourceDocument
from styrdok.core.rules.schema_errors import TRANSLATORS, Found, translate_other
from styrdok.core.rules.schema_fast import FastSchemas

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError
    from referencing import Registry


class SchemaFileError(Exception):
    """A schema in schema/ cannot be read: a fault in the repository, not in the content."""


def load_schemas(schema_dir: Path) -> dict[str, dict[str, Any]]:
    """The schemas in `schema_dir`, by file name."""
    schemas: dict[str, dict[str, Any]] = {}
    for path in sorted(schema_dir.glob("*.schema.json")):
        try:
            schemas[path.name] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise SchemaFileError(f"{path}: {exc}") from exc
    return schemas


def load_registry(schema_dir: Path) -> tuple[Registry, dict[str, dict[str, Any]]]:
    schemas = load_schemas(schema_dir)
    return _registry(schemas), schemas


def _registry(schemas: Mapping[str, dict[str, Any]]) -> Registry:
    from referencing import Registry, Resource

    registry: Registry = Registry().with_resources(
        (name, Resource.from_contents(schema)) for name, schema in schemas.items()
    )
    return registry


@dataclass(frozen=True)
class Validation:
    problems: list[Problem]
    # Indexes of list entries with errors; None in the set means the whole document.
    rejected: frozenset[int | None]

    def accepts(self, index: int | None = None) -> bool:
        return None not in self.rejected and index not in self.rejected


def _whole_number(checker: object, instance: object) -> bool:
    return isinstance(instance, int) and not isinstance(instance, bool)


@cache
def _validator_class() -> Any:
    """Draft 2020-12 as jsonschema reads it, but for `integer`: JSON Schema counts 2024.0
    as an integer; in an editor's file it is a slip, and the model would carry it on as
    "2024.0" into file names, pages and the API."""
    from jsonschema import Draft202012Validator, validators

    return validators.extend(
        Draft202012Validator,
        type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _whole_number),
    )


class Schemas:
    """One validator per kind of source file (by the kind's name), sharing a registry for
    `$ref`s between files."""

    def __init__(self, schema_dir: Path) -> None:
        schemas = load_schemas(schema_dir)
        for kind in KINDS.values():
            if kind.schema not in schemas:
                raise SchemaFileError(f"{schema_dir / kind.schema}: saknas")
        self.schemas = schemas
        self.fast = FastSchemas(schemas, {kind.name: kind.schema for kind in KINDS.values()})

    @cached_property
    def validators(self) -> dict[str, Draft202012Validator]:
        """jsonschema's validator of each kind, made when a document first needs one."""
        from jsonschema import Draft202012Validator

        registry = _registry(self.schemas)
        validator = _validator_class()
        return {
            kind.name: validator(
                self.schemas[kind.schema],
                registry=registry,
                format_checker=Draft202012Validator.FORMAT_CHECKER,
            )
            for kind in KINDS.values()
        }

    def property_schema(self, kind: str, name: str) -> dict[str, Any]:
        """The schema of field `name` of an entry of the kind named `kind`."""
        root = self.schemas[NAMED[kind].schema]
        entry = root.get("items", root) if NAMED[kind].is_list else root
        found = entry.get("properties", {}).get(name)
        # A schema that extends another (anvisningsversion: anvisning) inherits its fields.
        base = self.schemas.get(entry.get("$ref", ""))
        if found is None and base is not None:
            found = base.get("properties", {}).get(name)
        return found or {}

    def validate(
        self, doc: SourceDocument, ids: Mapping[str, Collection[str]] | None = None
    ) -> Validation:
        """The problems of `doc`; `ids` (by kind key) are the ids references may name, for
        suggesting the one meant by a reference written as a name (Socialnämnden)."""
        if doc.data is None:
            return Validation([], frozenset({None}))
        if self.fast.valid(doc.kind, doc.data):
            return Validation([], frozenset())
        problems: list[Problem] = []
        rejected: set[int | None] = set()
        is_list = NAMED[doc.kind].is_list
        for error in self.validators[doc.kind].iter_errors(doc.data):
            path = error.absolute_path
            if is_list and path and isinstance(path[0], int):
                rejected.add(path[0])
            else:
                rejected.add(None)
            problems.extend(self.translate(doc, error, ids))
        return Validation(problems, frozenset(rejected))

    def translate(
        self,
        doc: SourceDocument,
        error: ValidationError,
        ids: Mapping[str, Collection[str]] | None = None,
    ) -> list[Problem]:
        """Swedish problems for one jsonschema error (several for unknown fields or a oneOf),
        by the translator for the error's keyword."""
        translator = TRANSLATORS.get(error.validator, translate_other)
        return translator(Found(self, doc, error, ids))
