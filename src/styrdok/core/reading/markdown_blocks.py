"""The blocks of an editor's Markdown text that the body scan (bodies.py) reads, in the
order the parser meets them: fenced and indented code, raw HTML blocks, and the inline
text of paragraphs, headings and table cells with what it holds (links, images, inline
HTML, line breaks).

Two parsers give the same blocks: markdown-it.rs (markdown-it-pyrs, compiled: the scan
of 2,000 generated bodies in a third of the time) where it is installed and the text is
one it reads as markdown-it-py does (markdown_rs.py decides), and markdown-it-py, the
reference, for every other text and where the compiled parser is missing (Python 3.13
and later, for which it publishes no wheel). tests/core/reading/test_markdown_parsers.py
holds the two to the same scans.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from markdown_it import MarkdownIt


@dataclass(frozen=True, slots=True)
class Fence:
    first: int  # line of the opening fence, from 0
    end: int  # the line after its last line, as markdown-it's token.map
    markup: str  # ``` or ~~~, as long as written
    info: str


@dataclass(frozen=True, slots=True)
class CodeBlock:
    first: int
    content: str  # the lines without the block's indent


@dataclass(frozen=True, slots=True)
class HtmlBlock:
    first: int
    content: str


# What an inline text holds, in order: a line break, a link's address, an image's
# address, a piece of inline HTML, or the number of line ends in a piece of text (an
# entity such as &#10; is one); text without one is left out.
Part = tuple[Literal["break", "link", "image", "html", "lines"], str | int]
BREAK: Part = ("break", 0)


@dataclass(frozen=True, slots=True)
class Inline:
    first: int
    # The source of the inline text, as markdown-it-py's token.content; only its {…}
    # and "](" are read, each within one line (see markdown_rs.py).
    content: str
    parts: tuple[Part, ...]


Block = Fence | CodeBlock | HtmlBlock | Inline


@lru_cache(maxsize=2)
def _parser(html_blocks: bool = True) -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    if not html_blocks:
        parser.disable("html_block")
    # markdown-it drops javascript: and data: links silently; Python-Markdown does not,
    # so every link is kept here to be judged (and reported) by the body scan.
    parser.validateLink = lambda url: True
    return parser


def reference_blocks(text: str, html_blocks: bool = True) -> list[Block]:
    """The blocks as markdown-it-py reads them."""
    blocks: list[Block] = []
    for token in _parser(html_blocks).parse(text):
        first = token.map[0] if token.map else 0
        if token.type == "fence" and token.map:
            blocks.append(Fence(first, token.map[1], token.markup, token.info))
        elif token.type == "code_block" and token.map:
            blocks.append(CodeBlock(first, token.content))
        elif token.type == "html_block":
            blocks.append(HtmlBlock(first, token.content))
        elif token.type == "inline":
            parts: list[Part] = []
            for child in token.children or ():
                if child.type in ("softbreak", "hardbreak"):
                    parts.append(BREAK)
                elif child.type == "link_open":
                    parts.append(("link", str(child.attrs.get("href", ""))))
                elif child.type == "image":
                    parts.append(("image", str(child.attrs.get("src", ""))))
                elif child.type == "html_inline":
                    parts.append(("html", child.content))
                elif child.type == "text" and "\n" in child.content:
                    parts.append(("lines", child.content.count("\n")))
            blocks.append(Inline(first, token.content, tuple(parts)))
    return blocks
