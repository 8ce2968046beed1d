"""A compiled validator (jsonschema-rs) that says quickly which documents are valid.

`jsonschema` in pure Python costs most of the check at thousands of anvisningar; the
compiled one validates the same schemas in a fraction of that. It is only ever trusted
to say "valid": a document it rejects, or one it might read differently, goes on to
`jsonschema`, whose errors are translated into the Swedish messages as before. So the
problems reported cannot change as long as it never accepts what `jsonschema` rejects
(tests/core/rules/test_schema.py checks that on every invalid fixture and on
mutated valid documents).

Where the two could differ, the document is left to `jsonschema` (`_alike`):
- a float with a whole value (2024.0): our `integer` refuses it, JSON Schema's accepts;
- the control characters U+001C to U+001F and U+0085 (NEL): whitespace to Python's `\\s`
  and `\\S`, not to Rust's, and the schemas' patterns use both (a text of only "\\N" in
  YAML passed Rust's `\\S`);
- a key that is not a string, an integer outside 64 bits, a value of another type.
Formats (`date`, `email`) are checked as `jsonschema`'s format checker checks them
(its `is_date` and `is_email`, copied so that valid documents never import it; a test
compares the two).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date
from typing import Any

import jsonschema_rs

# The schemas refer to each other by file name; this base gives them absolute URIs.
_BASE = "https://schema.styrdok.invalid/"
_RUST_SPACE = re.compile("[\x1c-\x1f\x85]")
_INT64 = 2**63


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


def is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        return bool(_DATE.fullmatch(value) and date.fromisoformat(value))
    except ValueError:
        return False


def is_email(value: object) -> bool:
    return not isinstance(value, str) or "@" in value


FORMATS = {"date": is_date, "email": is_email}


class FastSchemas:
    """One compiled validator per kind (by the kind's name and its schema file)."""

    def __init__(self, schemas: Mapping[str, dict[str, Any]], kinds: Mapping[str, str]) -> None:
        registry = jsonschema_rs.Registry([(_BASE + name, s) for name, s in schemas.items()])
        self._validators = {
            kind: jsonschema_rs.validator_for(
                schemas[file],
                registry=registry,
                base_uri=_BASE + file,
                validate_formats=True,
                formats=FORMATS,
            )
            for kind, file in kinds.items()
        }

    def valid(self, kind: str, data: object) -> bool:
        """True only if `data` is valid and `jsonschema` would say so too; False means
        "ask jsonschema", not "invalid"."""
        if not _alike(data):
            return False
        try:
            return bool(self._validators[kind].is_valid(data))
        except (ValueError, TypeError, OverflowError, KeyError):
            return False


def _alike(value: object) -> bool:
    """Whether both validators read `value` the same way (see the module docstring)."""
    if isinstance(value, str):
        return _RUST_SPACE.search(value) is None
    if isinstance(value, bool) or value is None:
        return True
    if isinstance(value, int):
        return -_INT64 <= value < _INT64
    if isinstance(value, float):
        return math.isfinite(value) and not value.is_integer()
    if isinstance(value, dict):
        return all(isinstance(k, str) and _alike(k) and _alike(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_alike(item) for item in value)
    return False
