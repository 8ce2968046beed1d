"""The headings rule skips markdown-it for texts that cannot hold a heading of level 1;
these tests show the skip never hides one the full parse finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from styrdok.core.rules.headings import _parser, level_one_headings, may_have_level_one

# Pieces that make and break headings: ATX and setext markers, containers (blockquotes,
# lists, indentation), code fences and spans, HTML blocks, escapes, every line end.
PIECES = [
    "#",
    "##",
    "# ",
    "#\t",
    " ",
    "  ",
    "   ",
    "    ",
    "\t",
    "=",
    "==",
    "===",
    "-",
    "---",
    "*",
    "+",
    "1.",
    "2)",
    ">",
    "> ",
    "```",
    "~~~",
    "`",
    "\\",
    "<div>",
    "</div>",
    "<!--",
    "-->",
    "<pre>",
    "a",
    "Syfte",
    "|",
    "| a |",
    "|---|",
    "\n",
    "\n\n",
    "\r",
    "\r\n",
    "\u00a0",
    "\x0c",
    "\u2028",
    "&#35;",
]
markdown = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def parsed(text: str) -> list[tuple[int, bool]]:
    """Every heading of level 1 by the full parse, as `level_one_headings` gives them."""
    return [
        (token.map[0], token.markup.startswith("="))
        for token in _parser().parse(text)
        if token.type == "heading_open" and token.tag == "h1" and token.map
    ]


@settings(max_examples=1000, deadline=None)
@given(markdown)
def test_the_skip_never_hides_a_heading(text: str) -> None:
    found = parsed(text)
    if found:
        assert may_have_level_one(text)
    assert list(level_one_headings(text)) == found


def test_texts_without_a_candidate_are_not_parsed() -> None:
    assert not may_have_level_one("## Syfte\n\nText med #hashtag och a = b.\n\n- en\n- två\n")


def test_candidates_of_either_kind() -> None:
    assert may_have_level_one("> - # Syfte\n")
    assert may_have_level_one("Syfte\r===  \rText\n")
    assert list(level_one_headings("Text\n\n> # Syfte\n")) == [(2, False)]
    assert list(level_one_headings("Syfte\r\n===\r\n")) == [(0, True)]
