"""Reading a page's JSON-LD as a consumer does: the script elements of its head, parsed
as JSON and expanded by a JSON-LD processor (pyld, offline: the context is inline), and
the schema.org terms it uses checked against schema.org's vocabulary as rdflib ships it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from pyld import jsonld
from rdflib.namespace import SDO

SCHEMA = "https://schema.org/"
# Every term of schema.org (types, properties and enumeration members) as rdflib's
# DefinedNamespace declares it. `name in SDO` would only warn for an unknown term.
SCHEMA_TERMS = frozenset(SDO.__annotations__)

_SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def scripts(html: str) -> list[str]:
    """The text of every JSON-LD script element of a page."""
    return _SCRIPT.findall(html)


def expand(text: str) -> list[dict[str, Any]]:
    """The JSON-LD in `text`, expanded; a remote context would fail, as nothing is fetched."""

    def no_network(url: str, options: dict[str, Any]) -> None:
        raise AssertionError(f"JSON-LD processor tried to fetch {url}")

    return jsonld.expand(json.loads(text), {"documentLoader": no_network})


def nodes(expanded: Any) -> Iterator[dict[str, Any]]:
    """Every node object in an expanded document, nested ones and @reverse ones too."""
    if isinstance(expanded, list):
        for item in expanded:
            yield from nodes(item)
    elif isinstance(expanded, dict) and "@value" not in expanded:
        yield expanded
        for key, value in expanded.items():
            if key == "@reverse":
                for reverse in value.values():
                    yield from nodes(reverse)
            elif not key.startswith("@"):
                yield from nodes(value)


def unknown_terms(expanded: Any) -> set[str]:
    """Every IRI used as a predicate, a type or a vocabulary value (InForce) that is not
    a schema.org term; a predicate outside schema.org counts too."""
    used: set[str] = set()
    for node in nodes(expanded):
        used.update(node.get("@type", []))
        for key, values in node.items():
            if key == "@reverse":
                used.update(values)
            elif not key.startswith("@"):
                used.add(key)
                # A value that is only a reference to a vocabulary term (@type: @vocab).
                used.update(
                    v["@id"]
                    for v in values
                    if isinstance(v, dict) and set(v) == {"@id"} and v["@id"].startswith(SCHEMA)
                )
    return {
        iri for iri in used if not iri.startswith(SCHEMA) or iri[len(SCHEMA) :] not in SCHEMA_TERMS
    }


def main_entity(expanded: Any, page_url: str) -> list[dict[str, Any]]:
    """The nodes that say they are the main entity of `page_url`."""
    key = f"{SCHEMA}mainEntityOfPage"
    return [
        node for node in nodes(expanded) if any(v.get("@id") == page_url for v in node.get(key, []))
    ]


def legal_force(node: dict[str, Any]) -> str | None:
    """The node's legislationLegalForce as the name of schema.org's enumeration member."""
    values = node.get(f"{SCHEMA}legislationLegalForce", [])
    return values[0]["@id"].removeprefix(SCHEMA) if values else None


def value(node: dict[str, Any], term: str) -> Any:
    """The first value of `term` (a literal's value, or a node's @id)."""
    values = node.get(f"{SCHEMA}{term}", [])
    if not values:
        return None
    first = values[0]
    return first.get("@value", first.get("@id"))
