"""Small pieces of Markdown that every view writes: escaped text, relative links to the
pages of entities, status badges, fact lists and tables."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable, Sequence
from datetime import date
from urllib.parse import quote

from styrdok.core import addresses
from styrdok.core.giltighet import Giltighet
from styrdok.core.model import Anvisning, Fokusomrade, Malomrade, Organ
from styrdok.views.wording import STATUS_NAMN, TILLSTAND_NAMN, giltighet_detalj

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|#])")
# What starts a block when a paragraph begins with it: a list (- + 1. 1)), a definition
# (:), an admonition (!!! or ??? for a collapsible one), a fence (~~~) or a heading rule
# (=). Written as an entity there.
_BLOCK_START = re.compile(r"^(?:[-+:!?~=]|\d+[.)])")
# What would end a Markdown link's address or a table cell early.
_URL_UNSAFE = re.compile(r"[\s()<>\[\]|\\`\"'{}]")


def md(text: str) -> str:
    """Text from the data, safe to put inside Markdown (and inside a table cell), also
    as a paragraph of its own."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _BLOCK_START.sub(_as_entity, text, count=1)


def _as_entity(match: re.Match[str]) -> str:
    """The last character of what starts a block, as an HTML entity ("1." -> "1&#46;")."""
    found = match.group()
    return f"{found[:-1]}&#{ord(found[-1])};"


def md_url(url: str) -> str:
    """An address from the data (an https:// link the schema allowed) as a Markdown link
    target: each character that would end the link or the table cell %-encoded."""
    return _URL_UNSAFE.sub(lambda m: quote(m.group(), safe=""), url)


def href(fran: str, till: str, anchor: str | None = None) -> str:
    """The relative address from page `fran` to page `till` (both below docs/)."""
    target = posixpath.relpath(till, posixpath.dirname(fran) or ".")
    return f"{target}#{anchor}" if anchor else target


def page_link(fran: str, till: str, text: str) -> str:
    """A Markdown link from page `fran` to page `till`, its text escaped."""
    return f"[{md(text)}]({href(fran, till)})"


def anvisning_link(fran: str, anvisning: Anvisning) -> str:
    return page_link(fran, anvisning.sida, anvisning.titel)


def fokus_link(fran: str, fokus: Fokusomrade) -> str:
    return page_link(fran, addresses.fokusomrade(fokus.id), fokus.namn)


def malomrade_link(fran: str, malomrade: Malomrade) -> str:
    return page_link(fran, addresses.malomrade(malomrade.id), malomrade.namn)


def organ_link(fran: str, organ: Organ) -> str:
    return page_link(fran, addresses.organ(organ.id), organ.namn)


def ascii_slug(text: str) -> str:
    return text.replace("ä", "a").replace("å", "a").replace("ö", "o").replace(" ", "-")


def status_badge(status: str, names: dict[str, str] = STATUS_NAMN) -> str:
    return f'<span class="sd-status sd-status--{ascii_slug(status)}">{names.get(status, status)}</span>'


def giltighet_badge(g: Giltighet) -> str:
    """The state on the reference date as a badge, with the date that qualifies it."""
    state = g.tillstand.value
    badge = status_badge(state, TILLSTAND_NAMN)
    detail = giltighet_detalj(g)
    return f"{badge} {detail}" if detail else badge


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


# Material's search indexer leaves out an element with this attribute, and a heading's
# whole section when the heading has it (attr_list writes it: `## Rubrik { ... }`).
SEARCH_EXCLUDE = "data-search-exclude"


def unsearched_heading(text: str, level: int = 2) -> str:
    """A Markdown heading whose section search leaves out: for sections that are the same
    on every page or repeat what another page's entry holds."""
    return f"{'#' * level} {text} {{ {SEARCH_EXCLUDE} }}"


def unsearched_admonition(typ: str, rubrik: str, text: str) -> str:
    """The admonition `!!! typ "rubrik"` with body `text` (Markdown), left out of search:
    raw HTML the admonition extension would write, since it takes no attributes. `typ`
    and `rubrik` are fixed strings, never from the data."""
    return (
        f'<div class="admonition {typ}" {SEARCH_EXCLUDE} markdown>\n'
        f'<p class="admonition-title">{html.escape(rubrik, quote=False)}</p>\n\n'
        f"{text}\n\n</div>"
    )


def facts(rows: Iterable[tuple[str, str | None]]) -> str:
    """A definition list of label and value, skipping empty values. Left out of the search
    index: its labels and dates are the same on every page, and each organ, fokusområde
    and law has its own page that search finds."""
    items = [f"{label}\n:   {value}" for label, value in rows if value]
    return (
        f'<div class="sd-fakta" {SEARCH_EXCLUDE} markdown>\n\n' + "\n\n".join(items) + "\n\n</div>"
    )


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def front_matter(title: str, boost: float | None = None) -> str:
    """Front matter for a generated page; listing pages rank below the anvisningar in search."""
    lines = ["---", f"title: {yaml_string(title)}"]
    if boost is not None:
        lines += ["search:", f"  boost: {boost}"]
    return "\n".join([*lines, "---", ""]) + "\n"


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar holding `text` exactly."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
