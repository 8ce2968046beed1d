"""Which fields of each kind of source readers see, and what they are called.

The comparison walks every field of every model object (`dataclasses.fields`), so a
field added to the model is compared without anyone listing it here. The Swedish
name of a field is its `title` in the kind's schema (schema/<kind>.schema.json), the
name editors see in their editor's hover help. What is left here by hand is only what
no schema can say: the fields readers never see (with the reason), the few model
fields named differently from the schema, and how entries of a list are matched.
A test fails when a schema property is neither compared nor listed as invisible.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from styrdok.core.kinds import KINDS

# Model fields no reader sees, per kind ("*": every kind), with the reason.
OSYNLIGA: Mapping[str, Mapping[str, str]] = {
    "*": {
        "kalla": "where the entry was written: for messages, not shown",
        "text_rad": "the line the text starts on: for messages, not shown",
    },
    "anvisningar": {
        "id": "the key entries are matched by: a new id is a removal and an addition",
        "sida": "the page's path, made from the id",
    },
    "versioner": {
        "id": "the key (with version) entries are matched by",
        "sida": "the page's path, made from the id and version",
    },
    "sidor": {
        "sida": "the key pages are matched by (the path below docs/)",
        "fil": "the source file, for messages",
    },
    "program": {"id": "the key entries are matched by"},
    "malomraden": {"id": "the key entries are matched by"},
    "fokusomraden": {"id": "the key entries are matched by"},
    "organ": {"id": "the key entries are matched by"},
    "forfattningar": {"id": "the key entries are matched by"},
    "indikatorer": {"id": "the key entries are matched by"},
    "uppfoljning": {"ar": "the key years are matched by (the file's name)"},
}

# Schema properties the model holds under other names (MkDocs' own front-matter keys,
# or a value the model splits in two).
MODELLNAMN: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "sidor": {
        "title": ("titel",),
        "description": ("beskrivning",),
        "hide": ("dolj",),
        "search": ("sok_uteslut", "sok_vikt"),
    },
    "program": {"period": ("period_fran", "period_till")},
    "tillganglighet": {"metod": ("metod", "metod_beskrivning", "inte_gjort")},
}

# Model fields that are not in the schema at all, with what they are to readers.
HARLEDDA: Mapping[str, Mapping[str, str]] = {
    "anvisningar": {"text": "Texten"},
    "versioner": {"text": "Texten"},
    "sidor": {"text": "Texten", "sok_uteslut": "Utesluten ur sökningen", "sok_vikt": "Sökvikt"},
    "program": {"period_fran": "Period från", "period_till": "Period till"},
    "tillganglighet": {"metod_beskrivning": "Metodens beskrivning", "inte_gjort": "Inte gjort"},
}

# Items of a list matched by one of their fields (a year's report by its organ), so a
# change to one item is told as that, not as one removed and one added.
NYCKLAR: Mapping[str, str] = {"Rapport": "organ", "Varde": "ar", "Risk": "titel"}

# A string longer than this, or with a line break, is a text: its change is told as an
# excerpt of what changed, not as the whole before and after.
LANG_TEXT = 160


def schema_properties(schema_dir: Path, kind: str) -> dict[str, dict[str, Any]]:
    """The top-level properties of one entry of `kind`, as its schema declares them (a
    kind whose schema builds on another, like versioner on anvisning, gets both)."""
    return _entry_properties(schema_dir, KINDS[kind].schema, depth=0)


def _entry_properties(schema_dir: Path, file: str, depth: int) -> dict[str, dict[str, Any]]:
    node = json.loads((schema_dir / file).read_text(encoding="utf-8"))
    if node.get("type") == "array":
        node = node.get("items", {})
    found: dict[str, dict[str, Any]] = {}
    ref = node.get("$ref")
    if isinstance(ref, str) and not ref.startswith("#") and depth < 3:
        found.update(_entry_properties(schema_dir, ref.split("#")[0], depth + 1))
    found.update(node.get("properties", {}))
    return found


def rubriker(schema_dir: Path) -> dict[str, dict[str, str]]:
    """Per kind, the Swedish name of each model field: the schema property's title,
    nested fields as "kontakt.epost" -> "E-post"."""
    found: dict[str, dict[str, str]] = {}
    for kind in KINDS:
        titles: dict[str, str] = {}
        try:
            properties = schema_properties(schema_dir, kind)
            local = _defs(schema_dir, KINDS[kind].schema)
        except (OSError, ValueError):
            properties, local = {}, {}
        for name, spec in properties.items():
            title = spec.get("title") if isinstance(spec, dict) else None
            for model_name in MODELLNAMN.get(kind, {}).get(name, (name,)):
                if isinstance(title, str):
                    titles[model_name] = title
                _nested(schema_dir, local, model_name, spec, titles)
        titles.update(HARLEDDA.get(kind, {}))
        found[kind] = titles
    return found


def _nested(
    schema_dir: Path,
    local: dict[str, Any],
    prefix: str,
    spec: Any,
    titles: dict[str, str],
    depth: int = 0,
) -> None:
    """Titles of the fields of an object or of a list's items, below `prefix`."""
    if not isinstance(spec, dict) or depth > 3:
        return
    spec = _resolved(schema_dir, local, spec)
    if spec.get("type") == "array":
        _nested(schema_dir, local, prefix, spec.get("items"), titles, depth + 1)
        return
    for name, inner in spec.get("properties", {}).items():
        inner = _resolved(schema_dir, local, inner) if isinstance(inner, dict) else inner
        if isinstance(inner, dict) and isinstance(inner.get("title"), str):
            titles.setdefault(f"{prefix}.{name}", inner["title"])
        _nested(schema_dir, local, f"{prefix}.{name}", inner, titles, depth + 1)


def _defs(schema_dir: Path, file: str) -> dict[str, Any]:
    defs = json.loads((schema_dir / file).read_text(encoding="utf-8")).get("$defs", {})
    return defs if isinstance(defs, dict) else {}


def _resolved(schema_dir: Path, local: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    """`spec` with a `$ref` to a definition (in this schema or another) filled in."""
    ref = spec.get("$ref")
    if not isinstance(ref, str) or "#/$defs/" not in ref:
        return spec
    file, name = ref.split("#/$defs/")
    try:
        defs = _defs(schema_dir, file) if file else local
    except (OSError, ValueError):
        return spec
    target = defs.get(name)
    if not isinstance(target, dict):
        return spec
    return {**target, **{k: v for k, v in spec.items() if k != "$ref"}}


def osynlig(kind: str, name: str) -> bool:
    return name in OSYNLIGA["*"] or name in OSYNLIGA.get(kind, {})
