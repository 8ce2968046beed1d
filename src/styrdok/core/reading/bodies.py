"""What an editor's Markdown text contains, found by parsing it: links and images (in
every syntax: inline, reference, autolink, raw HTML), raw HTML elements and attributes,
attribute lists, HTML comments and snippet lines.

The parser is CommonMark's markdown-it: markdown-it.rs (markdown-it-pyrs) for the texts
it reads as markdown-it-py does, markdown-it-py, the reference, for the rest and where
the compiled one is not installed (markdown_blocks.py, markdown_rs.py); both give the
same blocks with their lines. The site is rendered by Python-Markdown, whose reading
differs in corners, so this is the editor's explanation, not the control: the renderer
sanitises whatever it produced, and the gate after the build checks the result.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote

from selectolax.lexbor import LexborHTMLParser

from styrdok.core.reading import markdown_rs
from styrdok.core.reading.markdown_blocks import (
    Block,
    CodeBlock,
    Fence,
    HtmlBlock,
    Inline,
    reference_blocks,
)
from styrdok.core.sanitize import (
    TAGS,
    URL_SCHEMES,
    allowed_attribute,
    allowed_class,
    allowed_id,
    is_external,
    url_scheme,
)

SNIPPET = re.compile(r"^\s*-{1,2}8<-{1,2}")
FENCE_INFO = re.compile(r"[\w#.+-]*|\{[^}\n]*\}")
# Python-Markdown's attr_list: {: …} or { … } after a block or an inline element.
# A macro call {{ … }} is not one: it is rendered away before Markdown sees the page.
# Found by attr_lists() below, which is linear in the length of the text: the obvious
# expression, \{([^}\n]*)\}, starts again at every { of a line without a closing }.
_SEGMENT = re.compile(r"[^}\n]*(?:[}\n]|$)")
ATTR_PAIR = re.compile(r"([^\s=#.'\"]+)\s*=")
ATTR_ID = re.compile(r"(?:^|\s)#([^\s}]+)")
ATTR_LIST_KEYS = frozenset({"title"})


@dataclass(frozen=True)
class Link:
    target: str
    line: int  # 1-based, within the text
    # Written in raw HTML (<a href>, <img src>): MkDocs rewrites only Markdown links, so
    # an address to a .md page stays as written and leads nowhere on the site.
    html: bool = False


@dataclass(frozen=True)
class Finding:
    """Something in the text that publication removes or refuses, with its rule code."""

    code: str
    line: int
    values: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Scan:
    links: tuple[Link, ...]
    findings: tuple[Finding, ...]


# The tags Python-Markdown takes for a raw HTML block at the start of a line
# (markdown.Markdown().block_level_elements; tests/core/test_bodies.py holds the copy to
# it). A line that opens with any other tag, <span> say, is a paragraph there, whose
# Markdown is rendered, while CommonMark reads it as raw HTML up to the next blank line.
BLOCK_LEVEL = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "canvas",
        "center",
        "colgroup",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "group",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "iframe",
        "legend",
        "li",
        "main",
        "map",
        "math",
        "menu",
        "nav",
        "noscript",
        "object",
        "ol",
        "option",
        "output",
        "p",
        "pre",
        "progress",
        "script",
        "section",
        "style",
        "summary",
        "table",
        "tbody",
        "td",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "video",
    ]
)
_FIRST_TAG = re.compile(r"\s*</?([A-Za-z][A-Za-z0-9-]*)")


def _inline_html(content: str) -> bool:
    """Whether an HTML block opens with a tag Python-Markdown reads as part of a paragraph."""
    first = _FIRST_TAG.match(content)
    return first is not None and first.group(1).lower() not in BLOCK_LEVEL


# The check, selection and backlinks each ask about the same texts; a Scan is immutable,
# so each text is parsed once per process.
@lru_cache(maxsize=16384)
def scan(text: str) -> Scan:
    links: list[Link] = []
    findings: list[Finding] = []
    _scan(text, 0, links, findings, depth=0)
    # A construct can be seen twice (as a link, and in the block's source): once per line.
    unique: dict[tuple[str, int], Finding] = {}
    for found in findings:
        unique.setdefault((found.code, found.line), found)
    return Scan(tuple(links), tuple(unique.values()))


def links(text: str) -> tuple[Link, ...]:
    return scan(text).links


def _scan(
    text: str,
    offset: int,
    links: list[Link],
    findings: list[Finding],
    depth: int,
    blocks: bool = True,
) -> None:
    if depth > 8:
        # Admonitions inside admonitions; deeper is not writing. Read it all as HTML
        # and loose text, so nothing hides below the limit.
        _html(text, offset + 1, links, findings)
        _attr_lists(text, offset + 1, findings)
        _loose_links(text, offset + 1, findings)
        return
    lines = text.split("\n")
    fenced: set[int] = set()
    for block in read_blocks(text, blocks):
        line = offset + block.first + 1
        if isinstance(block, Fence) and _closed(block, lines):
            fenced.update(range(block.first, block.end))
        elif isinstance(block, Fence):
            # Python-Markdown does not see a fence that is never closed: its lines are
            # ordinary text there, so they are read as text here too.
            rest = "\n".join(lines[block.first + 1 :])
            _scan(rest, line, links, findings, depth + 1)
        elif isinstance(block, CodeBlock):
            # Indented text: in Python-Markdown an admonition's or a list item's body,
            # so it is read as text too.
            _scan(block.content, line - 1, links, findings, depth + 1)
        elif isinstance(block, HtmlBlock) and _inline_html(block.content):
            # A paragraph to Python-Markdown: its links are rendered (and judged by
            # MkDocs), its tags are inline HTML.
            _scan(block.content, line - 1, links, findings, depth + 1, blocks=False)
        elif isinstance(block, HtmlBlock):
            _html(block.content, line, links, findings)
        elif isinstance(block, Inline):
            _inline(block, line, links, findings)
    for number, source_line in enumerate(lines):
        if number not in fenced and SNIPPET.match(source_line):
            findings.append(Finding("inkludering", offset + number + 1, ()))


def read_blocks(text: str, html_blocks: bool = True) -> list[Block]:
    """The blocks of `text`: from markdown-it.rs where it reads `text` as markdown-it-py
    does, otherwise from markdown-it-py."""
    found = markdown_rs.blocks(text, html_blocks)
    return found if found is not None else reference_blocks(text, html_blocks)


def _closed(fence: Fence, lines: list[str]) -> bool:
    """Whether a fenced code block has its closing fence (CommonMark closes it at the
    end of the text; Python-Markdown does not)."""
    last = fence.end - 1
    if last <= fence.first or last >= len(lines):
        return False
    closing = lines[last].strip()
    if not (closing.startswith(fence.markup) and set(closing) == {fence.markup[0]}):
        return False
    # Python-Markdown (superfences) takes a fence only with a plain language name or an
    # attribute list after it; ```% is ordinary text to it.
    return FENCE_INFO.fullmatch(fence.info.strip()) is not None


def _inline(block: Inline, line: int, links: list[Link], findings: list[Finding]) -> None:
    # Attribute lists and loose links are looked for in the block's source (after the
    # parsed links, which report the whole address), so that raw HTML or a comment
    # inside them cannot split them from the parser's view.
    first = line
    for kind, value in block.parts:
        if kind == "break":
            line += 1
        elif kind == "link":
            _url(str(value), line, links, findings)
        elif kind == "image":
            _image(str(value), line, links, findings)
        elif kind == "html":
            _html(str(value), line, links, findings)
        elif kind == "lines":
            line += int(value)
    _attr_lists(block.content, first, findings)
    _loose_links(block.content, first, findings)


def _url(
    url: str, line: int, links: list[Link], findings: list[Finding], html: bool = False
) -> None:
    scheme = url_scheme(url)
    if scheme is not None and scheme not in URL_SCHEMES:
        findings.append(
            Finding("otillaten-lank", line, (("adress", _short(url)), ("schema", scheme)))
        )
        return
    links.append(Link(url, line, html))


# What CommonMark leaves as text but another Markdown reader, or a browser that drops
# tabs and line breaks inside an address, may still read as a link.
LOOSE_LINK = re.compile(r"\]\(\s*<?([^)\n]*)")


def _loose_links(text: str, line: int, findings: list[Finding]) -> None:
    if "](" not in text:
        return
    for match in LOOSE_LINK.finditer(text):
        scheme = url_scheme(match.group(1))
        if scheme is not None and scheme not in URL_SCHEMES:
            values = (("adress", _short(match.group(1))), ("schema", scheme))
            at = line + text.count("\n", 0, match.start())
            findings.append(Finding("otillaten-lank", at, values))


def _image(
    url: str, line: int, links: list[Link], findings: list[Finding], html: bool = False
) -> None:
    scheme = url_scheme(url)
    if scheme in ("http", "https") or (scheme is None and is_external(url)):
        findings.append(Finding("extern-bild", line, (("adress", _short(url)),)))
        return
    _url(url, line, links, findings, html)


@dataclass(frozen=True)
class AttrList:
    start: int  # where its { is in the text
    written: str  # {: …}
    inner: str  # what stands between the braces


def attr_lists(text: str) -> Iterator[AttrList]:
    """Each {…} on one line that is not a macro's {{ … }}: from the first { after the
    previous } (and not next to another {) to the next }, as a regular expression
    searching left to right would find them, in one pass."""
    for segment in _SEGMENT.finditer(text):
        if not segment.group().endswith("}"):
            continue
        end = segment.end() - 1
        at = text.find("{", segment.start(), end)
        while at >= 0:
            before = text[at - 1] if at > 0 else ""
            if before != "{" and text[at + 1] != "{":
                yield AttrList(at, text[at : end + 1], text[at + 1 : end])
                break
            at = text.find("{", at + 1, end)


def _attr_lists(text: str, line: int, findings: list[Finding]) -> None:
    if "}" not in text:
        return
    for match in attr_lists(text):
        at = line + text.count("\n", 0, match.start)
        inner = match.inner.lstrip(":")
        if not inner.strip():
            continue
        for key in ATTR_PAIR.findall(inner):
            if key.lower() not in ATTR_LIST_KEYS:
                values = (("lista", _short(match.written)), ("attribut", key))
                findings.append(Finding("otillaten-attributlista", at, values))
        for name in ATTR_ID.findall(inner):
            if not allowed_id(name):
                values = (("lista", _short(match.written)), ("attribut", f"#{name}"))
                findings.append(Finding("otillaten-attributlista", at, values))


# Tags lexbor adds to every fragment; reported only when the text writes them.
_IMPLIED = ("html", "head", "body")
_IMPLIED_WRITTEN = re.compile(r"<\s*(html|head|body)\b", re.IGNORECASE)


def _html(html: str, line: int, links: list[Link], findings: list[Finding]) -> None:
    """Elements, attributes and comments in raw HTML, read as a browser reads them
    (lexbor, linear in the input, unlike html.parser on unclosed tags)."""
    # Inside <body>, so that a comment or element at the start stays in the tree.
    tree = LexborHTMLParser(f"<body>{html}")
    if tree.root is None:
        return
    written = {m.lower() for m in _IMPLIED_WRITTEN.findall(html)}
    lowered = html.lower()
    searched: dict[str, int] = {}

    def where(marker: str) -> int:
        at = lowered.find(marker, searched.get(marker, 0))
        if at < 0:
            return line
        searched[marker] = at + 1
        return line + html.count("\n", 0, at)

    for node in tree.root.traverse(include_text=False):
        # A processing instruction (<?x?>) is a node without a tag name in lexbor.
        tag = node.tag or "?"
        if tag == "-comment":
            findings.append(Finding("html-kommentar", where("<!--"), ()))
            continue
        if tag in _IMPLIED and tag not in written:
            continue
        at = where(f"<{tag}")
        if tag.startswith("-") or tag.startswith("!"):
            findings.append(Finding("otillaten-html", at, (("element", tag.lstrip("-")),)))
            continue
        if tag not in TAGS:
            findings.append(Finding("otillaten-html", at, (("element", tag),)))
            continue
        for name, value in node.attributes.items():
            if not allowed_attribute(tag, name) or name == "style":
                values = (("attribut", name), ("element", tag))
                findings.append(Finding("otillatet-attribut", at, values))
            elif name == "class" and not all(allowed_class(c) for c in (value or "").split()):
                values = (("attribut", f"class={_short(value or '')}"), ("element", tag))
                findings.append(Finding("otillatet-attribut", at, values))
            elif name == "id" and not allowed_id(value or ""):
                values = (("attribut", f"id={_short(value or '')}"), ("element", tag))
                findings.append(Finding("otillatet-attribut", at, values))
            elif name == "src" and value is not None:
                _image(value, at, links, findings, html=True)
            elif name == "href" and value is not None:
                _url(value, at, links, findings, html=True)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def resolve(sida: str, target: str) -> str | None:
    """The file below docs/ that a relative link on page `sida` points at, or None for
    links elsewhere (another host, mailto:, an anchor on the same page)."""
    if url_scheme(target) is not None or target.startswith(("/", "//")):
        return None
    path = unquote(target.split("#", 1)[0].split("?", 1)[0]).strip()
    if not path:
        return None
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(sida), path))
    return None if resolved.startswith("..") else resolved


def targets(sida: str, text: str) -> Iterator[tuple[str, int]]:
    """Files below docs/ that the text of page `sida` links to, with the line."""
    for link in links(text):
        path = resolve(sida, link.target)
        if path is not None:
            yield path, link.line
