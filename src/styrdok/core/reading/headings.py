"""The anchors of a page: the ids its headings get, computed as the site's renderer
computes them (Python-Markdown's `toc` extension with its default slugify, as configured
in mkdocs.yml, and `{#id}` from `attr_list`), plus the ids of raw HTML elements.

The core cannot run Python-Markdown; tests/core/test_links.py holds this copy to the
real extension on the same headings, so a change of the renderer's rules is noticed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from selectolax.lexbor import LexborHTMLParser

from styrdok.core.reading.bodies import attr_lists

_ATTR_ID = re.compile(r"(?:^|\s)#([^\s}]+)")
# A quoted value in an attribute list ({title="a #b"}), whose words are not ids.
_QUOTED = re.compile(r"""[^ =}]+=(?:"[^"]*"|'[^']*')""")
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


def _heading_text(inline: Token) -> tuple[str, str | None]:
    """The heading's text as toc reads it (the element's text: a link's words, not its
    address; no image; raw HTML without its tags), and an id given by an attribute list."""
    parts: list[str] = []
    for child in inline.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "html_inline":
            parts.append(_ENTITY.sub("", _TAG.sub("", child.content)))
        # link_open/close and emphasis marks carry no text; an image's alt is an attribute.
    source, attrs = _split_attrs("".join(parts))
    ids = _ATTR_ID.findall(_QUOTED.sub(" ", attrs)) if attrs is not None else []
    return source.strip(), ids[-1] if ids else None


def _split_attrs(source: str) -> tuple[str, str | None]:
    """The heading's text and its trailing attribute list, as attr_list's expression
    [ ]+\\{\\:?([^\\}\\n]*)\\}[ ]*$ finds it (a blank before the {), in one pass."""
    text = source.rstrip(" ")
    if not text.endswith("}"):
        return source, None
    body = text[:-1]
    start = max(body.rfind("}"), body.rfind("\n")) + 1
    brace = body.find(" {", max(start - 1, 0))
    if brace < 0:
        return source, None
    inner = body[brace + 2 :]
    return body[:brace].rstrip(" "), inner[1:] if inner.startswith(":") else inner


# The first line of an admonition (!!! note "Rubrik") or a collapsible one (??? / ???+).
_BOX = re.compile(r"^(?:!!!|\?\?\?\+?) ?[\w-]")
_BOX_INDENT = 4  # Python-Markdown's tab_length: a box's text is indented four spaces


def _unboxed(text: str) -> str:
    """`text` with the text of every admonition moved out of its box, line for line.

    Python-Markdown renders the headings inside a box, and toc numbers them with the
    rest; CommonMark reads the box's indented text as code. Each first line becomes
    blank and the text below it loses the box's indent, so the lines keep their numbers."""
    out: list[str] = []
    depth = 0
    for line in text.split("\n"):
        if not line.strip():
            out.append("")
            continue
        line = line.expandtabs(_BOX_INDENT)
        indent = len(line) - len(line.lstrip(" "))
        depth = min(depth, indent // _BOX_INDENT)
        inner = line[depth * _BOX_INDENT :]
        if _BOX.match(inner):
            out.append("")
            depth += 1
            continue
        out.append(inner)
    return "\n".join(out)


@lru_cache(maxsize=4096)
def anchors(text: str) -> frozenset[str]:
    """Every id a link `sida.md#id` may name on the page rendered from `text`."""
    used: set[str] = set()
    # Raw HTML is stashed away while toc numbers the headings, so its ids are anchors
    # but do not make a heading's id "_1".
    raw: set[str] = set()
    pending: list[str] = []
    tokens = _parser().parse(_unboxed(text) if "!!!" in text or "???" in text else text)
    titles: set[int] = set()  # the inline tokens of headings, whose {…} _heading_text reads
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and index + 1 < len(tokens):
            titles.add(index + 1)
            heading, given = _heading_text(tokens[index + 1])
            if given:
                used.add(given)
            else:
                pending.append(heading)
            continue
        if token.type in ("html_block", "inline") and "id=" in token.content:
            tree = LexborHTMLParser(f"<body>{token.content}")
            for node in tree.css("[id]"):
                raw.add(node.attributes.get("id") or "")
        if token.type == "inline" and "{" in token.content and index not in titles:
            # {#id} on a paragraph or an inline element (attr_list).
            for attrs in attr_lists(token.content):
                used.update(_ATTR_ID.findall(_QUOTED.sub(" ", attrs.inner.lstrip(":"))))
    for heading in pending:
        _unique(slugify(heading), used)
    return frozenset(used | raw)
