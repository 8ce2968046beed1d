"""Headings of level 1 in an anvisning's text.

The page shows the anvisning's titel as its one heading of level 1; a `# Syfte` in the
text would be a second, which breaks the page's outline for screen readers (WCAG 1.3.1)
and puts the section on a level with the title. It is an error rather than a warning:
the fix is one more #, and a warning that lets the page through would be published as a
structural fault on every such page. Hand-written pages are left alone: their own
`# …` is their title.
"""

from __future__ import annotations

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


def check_headings(model: Model, rejected: Sequence[Avvisad] = ()) -> Iterator[Problem]:
    refused = (page for page in rejected if page.anvisning)
    for anvisning in (*model.anvisningar, *model.versioner, *refused):
        for token in _parser().parse(anvisning.text):
            if token.type == "heading_open" and token.tag == "h1" and token.map:
                setext = token.markup.startswith("=")
                yield problem(
                    "rubrik-niva-1",
                    anvisning.fil,
                    Position(anvisning.text_rad + token.map[0], 1),
                    hur="understruken med ===" if setext else "som börjar med en #",
                )
