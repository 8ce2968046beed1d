"""The OpenAPI description as published: the repository's description
(schema/api/v1/openapi.json) with this site's server, and every JSON response's example
taken from a real document of this build, so the examples can never drift from the data.

The examples come from the publication the other documents come from, so the public
build's description shows public documents only. Long lists in an example are cut to
their first entries: the description must not grow with the content.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urljoin

from styrdok.views.urls import SCHEMAS, Urls

JsonDocument = dict[str, Any]

# A list longer than this in an example is cut to its first EXAMPLE_ENTRIES entries.
# Fixed lists (a risk matrix's 25 cells, a scale's five steps) are never longer, and the
# schemas require them whole; lists that grow with the content soon are.
LONG_LIST = 25
EXAMPLE_ENTRIES = 3
_PARAMETER = re.compile(r"\{([a-z_]+)\}")


# A path item marked with the audiences whose build has the file (e.g. the catalogue
# record, publik only) is left out of the other builds' description.
MALGRUPPER = "x-styrdok-malgrupper"


def published(
    description: Mapping[str, Any],
    urls: Urls,
    found: Mapping[str, tuple[str, JsonDocument]],
    malgrupp: str,
    licens: Mapping[str, str] | None = None,
) -> JsonDocument:
    """`description` as `malgrupp`'s build publishes it: this site's server, the data's
    licence (`info.license`), only the files the build has, and examples from `found`
    (path below api/v1/ -> (kind, document), the index included)."""
    result = copy.deepcopy(dict(description))
    result["servers"] = [{"url": urls.api("").rstrip("/"), "description": "Den här webbplatsen"}]
    if licens is not None:
        result.setdefault("info", {})["license"] = dict(licens)
    paths = result.get("paths", {})
    for template in list(paths):
        audiences = paths[template].pop(MALGRUPPER, None)
        if audiences is not None and malgrupp not in audiences:
            del paths[template]
    by_schema = {f"schema/{name}": kind for kind, name in SCHEMAS.items()}
    # Sorted once: every path item looks for its first document in this order.
    ordered = sorted(found)
    for template, item in paths.items():
        # A file outside api/v1/ (CSV, feeds, PDF) names its server relative to the
        # description; tools resolve that differently, so it is written out.
        for server in item.get("servers", []):
            server["url"] = urljoin(urls.api(""), server["url"]).rstrip("/")
        operation = item.get("get", {})
        for media in _json_media(operation):
            kind = by_schema.get(media.get("schema", {}).get("$ref", ""))
            match = _first(template, kind, found, ordered)
            if match is None:
                continue
            path, values = match
            media["examples"] = {
                "fran-webbplatsen": {
                    "summary": "Ett dokument från den här webbplatsen; långa listor är kortade",
                    "value": example_of(found[path][1]),
                }
            }
            _parameter_examples(operation, values)
    return result


def _json_media(operation: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    for response in operation.get("responses", {}).values():
        media = response.get("content", {}).get("application/json")
        if isinstance(media, dict):
            yield media


def _pattern(template: str) -> re.Pattern[str]:
    """`/anvisningar/{id}.json` as a pattern for paths below api/v1/."""
    parts = _PARAMETER.split(template.lstrip("/"))
    out = []
    for i, part in enumerate(parts):
        out.append(f"(?P<{part}>[^/]+)" if i % 2 else re.escape(part))
    return re.compile("".join(out) + r"\Z")


def _first(
    template: str,
    kind: str | None,
    found: Mapping[str, tuple[str, JsonDocument]],
    ordered: list[str],
) -> tuple[str, dict[str, str]] | None:
    """The first document (by path, `ordered`) of `kind` at an address `template` describes."""
    if kind is None:
        return None
    pattern = _pattern(template)
    for path in ordered:
        if found[path][0] != kind:
            continue
        m = pattern.match(path)
        if m:
            return path, m.groupdict()
    return None


def _parameter_examples(operation: Mapping[str, Any], values: Mapping[str, str]) -> None:
    """The parameters' examples name the document the response example shows."""
    for parameter in operation.get("parameters", []):
        value = values.get(parameter.get("name", ""))
        if value is None:
            continue
        integer = parameter.get("schema", {}).get("type") == "integer"
        parameter["example"] = int(value) if integer and value.isdigit() else value


def example_of(value: Any) -> Any:
    """A copy with every list longer than LONG_LIST cut to its first EXAMPLE_ENTRIES."""
    return shortened(value, EXAMPLE_ENTRIES, longer_than=LONG_LIST)


def shortened(value: Any, entries: int, longer_than: int = 0) -> Any:
    """A copy with every list of more than `longer_than` items cut to its first `entries`:
    for readable examples (the API guide's cut every list)."""
    if isinstance(value, dict):
        return {key: shortened(item, entries, longer_than) for key, item in value.items()}
    if isinstance(value, list):
        kept = value if len(value) <= longer_than else value[:entries]
        return [shortened(item, entries, longer_than) for item in kept]
    return value
