"""A Markdown page: the YAML front matter between two --- lines, and the text after it."""

from __future__ import annotations

from dataclasses import replace

from styrdok.core.kinds import Kind
from styrdok.core.messages import SHAPES, describe, problem
from styrdok.core.problems import Position, Problem
from styrdok.core.reading.cut_values import cut_values
from styrdok.core.reading.modeline import check_modeline
from styrdok.core.reading.safe_yaml import parse_yaml
from styrdok.core.reading.source import SourceDocument, where_begins


def read_page(text: str, display: str, kind: Kind) -> tuple[SourceDocument, list[Problem]]:
    """The front matter as the document's values (one mapping), the rest as its body."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        if kind.ids is not None:
            # An entry's id and facts are in its front matter: without it there is nothing.
            return SourceDocument(display, kind.name, None, body=text), [
                problem("frontmatter-saknas", display, Position())
            ]
        return SourceDocument(display, kind.name, {}, body=text), []
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if closing is None:
        return SourceDocument(display, kind.name, None), [
            problem("frontmatter-oavslutad", display, Position())
        ]
    front = "\n".join(lines[1:closing])
    body = "\n".join(lines[closing + 1 :])
    page = SourceDocument(display, kind.name, {}, None, 1, body, body_line=closing + 2)
    if not front.strip():
        return page, []
    data, node, problems = parse_yaml(front, display, 1)
    if problems:
        return SourceDocument(display, kind.name, None, body=body), problems
    if not isinstance(data, dict):
        shape = SHAPES["front matter"]
        return SourceDocument(display, kind.name, None, body=body), [
            problem("fel-struktur", display, Position(2, 1), faktiskt=describe(data), **shape)
        ]
    return replace(page, data=data, yaml_text=front, **where_begins(node, 1)), [
        *check_modeline(front, display, kind, 2),
        *cut_values(front, node, display, 1),
    ]
