"""The blocks of a Markdown text read with markdown-it.rs (markdown-it-pyrs), for the
texts it reads as markdown-it-py does; None for the others, which the reference reads.

markdown-it-pyrs gives a tree with byte offsets instead of markdown-it-py's token
stream with lines, so the lines are found from the offsets. Where the two differ, a
text goes to the reference, found by a cheap search before the compiled parser runs:

- line ends other than \\n and NUL, which markdown-it-py rewrites before parsing, and
  the white space outside ASCII that Rust counts as white space and markdown-it-py in
  places not (after a link reference's title, say);
- addresses markdown-it.rs refuses (javascript:, vbscript:, file:, data:, also when
  written with an entity or a backslash): markdown-it-py is told to keep every link,
  so the scan reports them;
- host names with letters outside ASCII, which markdown-it-py writes in punycode;
- a "](" followed by a line end: the scan reads "](…" across lines in the text as
  markdown-it-py gives it (without the container marks of the next line), while the
  source of a paragraph here has them;
- HTML that CommonMark 0.31 (markdown-it-py) reads otherwise than 0.30 (markdown-it.rs):
  comments, declarations and CDATA (anything after <!), and <search> and <source>,
  which changed places in the list of block-level tags;
- text that is not UTF-8 (a lone surrogate), which cannot reach the compiled parser;
- nesting near markdown-it-py's limit (20 levels, markdown-it.rs has 100): a line
  indented or marked 12 columns deep, or 12 unclosed [ — which also keeps texts that
  might recurse deeply in the compiled parser (whose overflow would end the process,
  not raise: 50,000 nested > did) away from it; and 4,000 * or _, which could nest
  emphasis as deep.

- a tab (markdown-it.rs's offsets in a list item shift by its expansion), a "]:" (link
  reference definitions, resolved apart in corners), and <script, <pre, <style or
  <textarea (whose HTML block markdown-it.rs ends at a blank line in a list item);
- 1,000 [ or more however they close, and 12 unclosed [ counted without escaped
  characters and raw HTML: 46,000 nested images made a tree whose freeing ended the
  process;
- an empty list item (a line of only "-", "*", "+" or "1.") in a text with a block
  quote, which markdown-it.rs takes as a lazy line of the quote's paragraph;
- a [ and a ` in one text: markdown-it.rs 0.6 panics on an unclosed code span after an
  unclosed [ ("[a `b"), an editor's slip; the panic would be caught, but Rust prints it
  to the terminal first.

After parsing, a tree whose offsets are not inside their parent's (an emphasis in a
list item with a lazy line) or with a table whose header line has no | goes to the
reference too.

Each of these is rare in written text; tests/core/reading/test_markdown_parsers.py
compares the two readings on the repository, the fixtures and generated texts.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Any

from markdown_it.common import utils as _markdown_it_utils

from styrdok.core.reading.markdown_blocks import (
    BREAK,
    Block,
    CodeBlock,
    Fence,
    HtmlBlock,
    Inline,
    Part,
)

try:
    import markdown_it_pyrs
except ImportError:  # no wheel for this Python: the reference reads every text
    markdown_it_pyrs = None  # type: ignore[assignment]

AVAILABLE = markdown_it_pyrs is not None

# How markdown-it-py trims a block's text: its CommonMark set of white space from 4.0
# (str.strip() would also take U+001C–U+001F), str.strip() before.
_trim = getattr(_markdown_it_utils, "mdTrim", str.strip)

# CommonMark as markdown-it-py's preset has it, with tables; without html_block for
# the texts the scan reads as one paragraph.
_RULES = [
    "blockquote",
    "code",
    "fence",
    "heading",
    "hr",
    "lheading",
    "list",
    "paragraph",
    "reference",
    "autolink",
    "backticks",
    "emphasis",
    "entity",
    "escape",
    "image",
    "link",
    "newline",
    "html_inline",
    "table",
]

# Each looked for only if a cheap test finds what it needs: one regular expression with
# all of them as alternatives costs as much as the compiled parser.
_SPACES = re.compile(r"[\r\x00\x0b\x0c\x85\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
# On the case-folded text, as Rust's case-insensitive match folds (ſcript: is script:).
_PROTOCOL = re.compile(r"(?:script|file|data)\s*(?::|\\|&)")
_ENTITY = re.compile(r"&#?[A-Za-z0-9]+;")
_HOST = re.compile(r"(?://|mailto:)[^\s/)>\]]*[^\x00-\x7f]")
_ACROSS_LINES = re.compile(r"\]\(\s*\n")
_MOVED_TAGS = re.compile(r"</?s(?:earch|ource)")
# An empty list item after a paragraph in a block quote: markdown-it.rs (as CommonMark
# says) reads it as a lazy line of the paragraph, markdown-it-py ends the quote, and
# Python-Markdown ends the paragraph there too (it reads "- " as a setext underline).
_EMPTY_ITEM = re.compile(r"(?:^|\n)[ \t>]*(?:[-*+]|[0-9]{1,9}[.)])[ \t]*(?:\n|$)")
# A line whose container marks and indent reach 12 columns: each level of nesting takes
# at least one column (a > or, for a list and its item, a marker and a space), so a text
# without one stays below markdown-it-py's 20 levels (with a paragraph and a table's
# four levels on top).
_DEEP = re.compile(r"\n[ >*+\-.)0-9]{12}")
_DEEP_FIRST = re.compile(r"[ >*+\-.)0-9]{12}")
_NESTING = 12
_BRACKETS = re.compile(r"[\[\]]")
# What cannot close a [ in CommonMark: an escaped character, or one inside raw HTML or
# an autolink (<i title="]">, <http://a]>). Left out before the brackets are counted.
_NOT_CLOSING = re.compile(r"\\.|<[^>\n]*>?")
# However they close, this many [ go to the reference: a tree some 40,000 levels deep
# (46,000 nested images did) ends the process when markdown-it-pyrs frees its nodes.
_BRACKETS_AT_MOST = 1000
# Raw-text elements, whose HTML block CommonMark ends at the closing tag: at the end of a
# list item's line markdown-it.rs ends it at the blank line instead.
_RAW_TEXT = re.compile(r"<(?:script|pre|style|textarea)")
# Emphasis nests as deep as it is written; markdown-it.rs builds the tree recursively
# and ends the process somewhere past 10,000 levels (100,000 did, in a test). Half as many
# levels as delimiters at most: a text with fewer than 4,000 is far from it.
_EMPHASIS = 4000

_BLOCK_NODES = frozenset(
    {
        "root",
        "paragraph",
        "heading",
        "lheading",
        "blockquote",
        "bullet_list",
        "ordered_list",
        "list_item",
        "fence",
        "code_block",
        "html_block",
        "hr",
        "table",
        "thead",
        "tbody",
        "trow",
        "tcell",
        "definition",
    }
)
_TEXT_NODES = frozenset({"text", "text_special"})
# What the scan reads in the source of an inline text (a {…} or a "](", the latter
# also as ]\|( in a table cell); a text without any needs no sources.
_READ_IN_CONTENT = re.compile(r"\}|\]\(|\\\|")


class _Unlike(Exception):
    """The tree is not one this module can map onto the reference's blocks."""


@lru_cache(maxsize=2)
def _parser(html_blocks: bool) -> Any:
    assert markdown_it_pyrs is not None
    rules = _RULES if not html_blocks else [*_RULES, "html_block"]
    return markdown_it_pyrs.MarkdownIt("zero").enable_many(rules)


def likely_same(text: str) -> bool:
    """Whether `text` is one markdown-it.rs reads as markdown-it-py does (see above)."""
    if _SPACES.search(text) or "<!" in text or ("`" in text and "[" in text):
        return False
    # A tab: markdown-it.rs's offsets in a list item shift by its expansion. A "]:":
    # link reference definitions, which the two resolve apart in corners.
    if "\t" in text or "]:" in text:
        return False
    folded = text.casefold()
    if "<" in text and _RAW_TEXT.search(folded):
        return False
    if ("script" in folded or "file" in folded or "data" in folded) and _PROTOCOL.search(folded):
        return False
    if "&" in text and _ENTITY.search(text):
        return False
    if not text.isascii() and ("//" in text or "mailto:" in folded) and _HOST.search(folded):
        return False
    if "](" in text and _ACROSS_LINES.search(text):
        return False
    if ("search" in folded or "source" in folded) and _MOVED_TAGS.search(folded):
        return False
    if ">" in text and _EMPTY_ITEM.search(text):
        return False
    if _DEEP_FIRST.match(text) or _DEEP.search(text):
        return False
    if text.count("*") + text.count("_") >= _EMPHASIS:
        return False
    brackets = text.count("[")
    if brackets >= _BRACKETS_AT_MOST:
        return False
    if brackets >= _NESTING:
        depth = 0
        for bracket in _BRACKETS.findall(_NOT_CLOSING.sub("", text)):
            depth = depth + 1 if bracket == "[" else max(depth - 1, 0)
            if depth >= _NESTING:
                return False
    return True


def blocks(text: str, html_blocks: bool = True) -> list[Block] | None:
    """The blocks of `text`, or None if the reference must read it."""
    if markdown_it_pyrs is None or not likely_same(text):
        return None
    try:
        reader = _Reader(text)
    except UnicodeEncodeError:
        return None
    try:
        return reader.read(_parser(html_blocks).tree(text))
    except _Unlike:
        return None
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:
        # pyo3's PanicException, which is no Exception: a bug in the compiled parser
        # that likely_same() does not yet steer around. The reference reads the text.
        return None


class _Reader:
    def __init__(self, text: str) -> None:
        self.data = text.encode()
        self.ascii = len(self.data) == len(text)
        self.newlines = [m.start() for m in re.finditer(b"\n", self.data)]
        self.sources = _READ_IN_CONTENT.search(text) is not None
        self.blocks: list[Block] = []

    def line(self, offset: int) -> int:
        return bisect_left(self.newlines, offset)

    def source(self, start: int, end: int) -> str:
        return self.data[start:end].decode()

    def read(self, root: Any) -> list[Block]:
        self.node(root, (0, len(self.data)))
        return self.blocks

    def span(self, node: Any, within: tuple[int, int]) -> tuple[int, int]:
        """A node's offsets, if they are offsets of this text inside its parent's:
        markdown-it.rs gives some that are not (an emphasis in a list item with a lazy
        line ended before it began), and then the reference reads the text."""
        span = node.srcmap
        if span is None:
            raise _Unlike("no source map")
        start, end = span
        if not within[0] <= start <= end <= within[1]:
            raise _Unlike(f"offsets {span} outside {within}")
        return start, end

    def node(self, node: Any, within: tuple[int, int]) -> None:
        name = node.name
        span = self.span(node, within)
        if name == "fence":
            start, end = span
            marker = str(node.meta.get("marker", "`")) * int(node.meta.get("marker_len", 3))
            info = str(node.meta.get("info", ""))
            self.blocks.append(Fence(self.line(start), self.line(end - 1) + 1, marker, info))
        elif name == "code_block":
            start, _ = span
            self.blocks.append(CodeBlock(self.line(start), str(node.meta["content"])))
        elif name == "html_block":
            start, _ = span
            self.blocks.append(HtmlBlock(self.line(start), str(node.meta["content"])))
        elif name in ("paragraph", "tcell"):
            start, end = span
            content = ""
            if self.sources:
                content = self.source(start, end)
                content = _trim(content.replace("\\|", "|") if name == "tcell" else content)
            self.inline(self.line(start), content, node.children)
        elif name == "heading":
            start, end = span
            content = _atx_content(self.source(start, end)) if self.sources else ""
            self.inline(self.line(start), content, node.children)
        elif name == "lheading":
            start, end = span
            content = ""
            if self.sources:
                content = _trim(self.source(start, end).rsplit("\n", 1)[0])
            self.inline(self.line(start), content, node.children)
        elif name == "list_item":
            self.list_item(node, span)
        elif name == "table" and b"|" not in self.data[span[0] : span[1]].split(b"\n", 1)[0]:
            # A header line without a |: a table to markdown-it.rs, not to markdown-it-py
            # (nor markdown-it 14), which reads "<script\n-|\n>" as an HTML block.
            raise _Unlike("table without | in its header")
        elif name in _BLOCK_NODES:
            for child in node.children:
                self.node(child, span)
        else:
            raise _Unlike(name)

    def list_item(self, item: Any, within: tuple[int, int]) -> None:
        """A tight list's item holds its paragraphs' inline nodes without the paragraph:
        each run of them up to the next block is one."""
        children = item.children
        index = 0
        while index < len(children):
            child = children[index]
            if child.name in _BLOCK_NODES:
                self.node(child, within)
                index += 1
                continue
            run_end = index
            while run_end < len(children) and children[run_end].name not in _BLOCK_NODES:
                run_end += 1
            start, _ = self.span(child, within)
            if run_end < len(children):
                end, _ = self.span(children[run_end], within)
            else:
                end = within[1]
            content = _trim(self.source(start, end)) if self.sources else ""
            self.inline(self.line(start), content, children[index:run_end])
            index = run_end

    def inline(self, first: int, content: str, children: Any) -> None:
        parts: list[Part] = []
        _parts(children, parts)
        self.blocks.append(Inline(first, content, tuple(parts)))


def _parts(children: Any, parts: list[Part]) -> None:
    """What markdown-it-py's flat list of inline tokens holds, from the nested nodes:
    an image's description is not in that list, nor a code span's line ends. Emphasis
    nests as deep as it is written, so the nodes are walked without recursion."""
    pending: list[Any] = list(reversed(children))
    while pending:
        child = pending.pop()
        name = child.name
        if name in _TEXT_NODES:
            # A line end in text comes only from an entity (&#10;), and a text with one
            # is the reference's: the rest of markdown-it's text stops at line ends.
            continue
        elif name in ("softbreak", "hardbreak"):
            parts.append(BREAK)
        elif name in ("link", "autolink"):
            parts.append(("link", str(child.meta.get("url", ""))))
            pending.extend(reversed(child.children))
        elif name == "image":
            parts.append(("image", str(child.meta.get("url", ""))))
        elif name == "html_inline":
            parts.append(("html", str(child.meta.get("content", ""))))
        elif name == "code_inline":
            continue
        elif name in _BLOCK_NODES:
            raise _Unlike(name)
        else:
            pending.extend(reversed(child.children))


def _atx_content(line: str) -> str:
    """An ATX heading's text as markdown-it-py's heading rule cuts it: after the #s,
    without a closing sequence of #s that a space or tab precedes."""
    line = line.split("\n", 1)[0]
    pos = len(line) - len(line.lstrip(" \t"))
    while pos < len(line) and line[pos] == "#":
        pos += 1
    end = len(line.rstrip(" \t"))
    hashes = end
    while hashes > pos and line[hashes - 1] == "#":
        hashes -= 1
    if hashes > pos and line[hashes - 1] in " \t":
        end = hashes
    return _trim(line[pos:end])
