"""The anchors of a page: the ids its headings get, computed as the site's renderer
computes them (Python-Markdown's `toc` extension with its default slugify, as configured
in mkdocs.yml, and `{#id}` from `attr_list`), plus the ids of raw HTML elements.

The core cannot run Python-Markdown; tests/core/test_headings.py holds this copy to the
real extension on the same headings, so a change of the renderer's rules is noticed.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from markdown_it import MarkdownIt
from selectolax.lexbor import LexborHTMLParser

# The trailing attribute list of a heading, {: #id .class } or { #id }.
_HEADING_ATTRS = re.compile(r"\s*\{:?([^}\n]*)\}\s*$")
_ATTR_ID = re.compile(r"(?:^|\s)#([^\s}]+)")
_ATTR_LIST = re.compile(r"(?<!\{)\{(?!\{):?([^}\n]*)\}")
_TAG = re.compile(r"<[^>]+>")
_ENTITY = re.compile(r"&[#a-zA-Z0-9]+;")
_COUNTED = re.compile(r"^(.*)_([0-9]+)$")


def slugify(value: str, separator: str = "-") -> str:
    """markdown.extensions.toc.slugify with unicode=False: å, ä and ö lose their marks."""
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(rf"[{separator}\s]+", separator, value)


def _unique(id: str, ids: set[str]) -> str:
    """A second heading "Syfte" gets syfte_1, as toc numbers repeated ids."""
    if id in ids or not id:
        counted = _COUNTED.match(id)
        base, count = (counted.group(1), int(counted.group(2))) if counted else (id, 0)
        count += 1
        while f"{base}_{count}" in ids:
            count += 1
        id = f"{base}_{count}"
    ids.add(id)
    return id


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable("table")


def _heading_text(source: str) -> tuple[str, str | None]:
    """The heading's text as toc reads it, and an id given by an attribute list."""
    given: str | None = None
    attrs = _HEADING_ATTRS.search(source)
    if attrs:
        ids = _ATTR_ID.findall(attrs.group(1))
        given = ids[-1] if ids else None
        source = source[: attrs.start()]
    # Emphasis and code marks go; raw HTML goes with its entities; other entities are read.
    text = re.sub(r"[*`]|(?<!\w)_+|_+(?!\w)", "", source)
    text = _ENTITY.sub("", _TAG.sub("", text)) if _TAG.search(text) else html.unescape(text)
    return text.strip(), given


@lru_cache(maxsize=4096)
def anchors(text: str) -> frozenset[str]:
    """Every id a link `sida.md#id` may name on the page rendered from `text`."""
    used: set[str] = set()
    pending: list[str] = []
    tokens = _parser().parse(text)
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and index + 1 < len(tokens):
            heading, given = _heading_text(tokens[index + 1].content)
            if given:
                used.add(given)
            else:
                pending.append(heading)
            continue
        if token.type in ("html_block", "inline") and "id=" in token.content:
            tree = LexborHTMLParser(f"<body>{token.content}")
            for node in tree.css("[id]"):
                used.add(node.attributes.get("id") or "")
        if token.type == "inline" and "{" in token.content:
            # {#id} on a paragraph or an inline element (attr_list).
            for attrs in _ATTR_LIST.findall(token.content):
                used.update(_ATTR_ID.findall(attrs))
    for heading in pending:
        _unique(slugify(heading), used)
    return frozenset(used)
