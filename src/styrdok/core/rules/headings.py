"""Headings of level 1 in an anvisning's text.

The page shows the anvisning's titel as its one heading of level 1; a `# Syfte` in the
text would be a second, which breaks the page's outline for screen readers (WCAG 1.3.1)
and puts the section on a level with the title. It is an error rather than a warning:
the fix is one more #, and a warning that lets the page through would be published as a
structural fault on every such page. Hand-written pages are left alone: their own
`# …` is their title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from markdown_it import MarkdownIt

from styrdok.core.messages import problem
from styrdok.core.model import Model
from styrdok.core.problems import Position, Problem
from styrdok.core.rules.text_rules import Avvisad


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # As the check reads bodies (bodies.py): a # in a code block is no heading.
    return MarkdownIt("commonmark", {"html": True}).enable("table")


# markdown-it's own normalisation of line ends, so the candidates below see its lines.
_NEWLINES = re.compile(r"\r\n?")
# What a heading of level 1 cannot be written without: an ATX `#` that no other `#`
# precedes (`##` is level 2) and a space, tab or line end follows; or a setext
# underline, a line ending in `=` (trailing spaces and tabs allowed). Container markers
# (`>`, list markers, indentation) are never a `#`, so this holds inside them too.
_CANDIDATE = re.compile(r"(?<!#)#(?:[ \t]|$)|=[ \t]*$", re.MULTILINE)


def may_have_level_one(text: str) -> bool:
    """False only if `text` certainly has no heading of level 1: a cheap search that
    spares most texts the full parse (tests/core/rules/test_headings.py shows it never
    says False where the parse finds one)."""
    return _CANDIDATE.search(_NEWLINES.sub("\n", text)) is not None


def level_one_headings(text: str) -> Iterator[tuple[int, bool]]:
    """Each heading of level 1 in `text`: its line (from 0) and whether it is setext."""
    if not may_have_level_one(text):
        return
    for token in _parser().parse(text):
        if token.type == "heading_open" and token.tag == "h1" and token.map:
            yield token.map[0], token.markup.startswith("=")


def check_headings(model: Model, rejected: Sequence[Avvisad] = ()) -> Iterator[Problem]:
    refused = (page for page in rejected if page.anvisning)
    for anvisning in (*model.anvisningar, *model.versioner, *refused):
        for line, setext in level_one_headings(anvisning.text):
            yield problem(
                "rubrik-niva-1",
                anvisning.fil,
                Position(anvisning.text_rad + line, 1),
                hur="understruken med ===" if setext else "som börjar med en #",
            )
