"""Small pieces of Markdown that every view writes: escaped text, relative links,
status badges, fact lists and tables of anvisningar."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Sequence
from datetime import date

from styrdok.core.model import Anvisning

STATUS_NAMN = {
    "utkast": "Utkast",
    "gällande": "Gällande",
    "under revidering": "Under revidering",
    "upphävd": "Upphävd",
}
PROGRAM_STATUS_NAMN = {"förslag": "Förslag", "gällande": "Gäller", "utgått": "Har utgått"}

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|#])")


def md(text: str) -> str:
    """Text from the data, safe to put inside Markdown (and inside a table cell)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def link(fran: str, till: str, anchor: str | None = None) -> str:
    """A relative Markdown link target from page `fran` to page `till` (both below docs/)."""
    target = posixpath.relpath(till, posixpath.dirname(fran) or ".")
    return f"{target}#{anchor}" if anchor else target


def ascii_slug(text: str) -> str:
    return text.replace("ä", "a").replace("å", "a").replace("ö", "o").replace(" ", "-")


def status_badge(status: str, names: dict[str, str] = STATUS_NAMN) -> str:
    return f'<span class="sd-status sd-status--{ascii_slug(status)}">{names.get(status, status)}</span>'


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def facts(rows: Iterable[tuple[str, str | None]]) -> str:
    """A definition list of label and value, skipping empty values."""
    items = [f"{label}\n:   {value}" for label, value in rows if value]
    return '<div class="sd-fakta" markdown>\n\n' + "\n\n".join(items) + "\n\n</div>"


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def anvisning_link(fran: str, anvisning: Anvisning) -> str:
    return f"[{md(anvisning.titel)}]({link(fran, anvisning.sida)})"


def front_matter(title: str, boost: float | None = None) -> str:
    """Front matter for a generated page; listing pages rank below the anvisningar in search."""
    lines = ["---", f"title: {_yaml_string(title)}"]
    if boost is not None:
        lines += ["search:", f"  boost: {boost}"]
    return "\n".join([*lines, "---", ""]) + "\n"


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
