"""A readable comparison of two published texts: what was removed and what was added,
paragraph by paragraph, with the changed words marked inside a changed paragraph.

The texts are Markdown as selection published them. They are compared as a reader
reads them: each heading, paragraph, list item, table row and line of code is one
block of plain text (formatting and link addresses are not compared). The blocks are
aligned with difflib (the standard library's sequence matcher); blocks that were
rewritten are paired with the most similar block in the same place, and those pairs
are compared word by word. Nothing here needs more than difflib: what is written by
hand is the pairing and the HTML, which must carry the Swedish words a screen reader
says ("Borttaget:", "Tillagt:"), which no diff library writes.

The HTML is made of escaped text only: an editor's `<script>` or `{{ … }}` is shown as
the characters it is, never read as markup or as a macro.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import Enum
from functools import lru_cache
from html import escape

from markdown_it import MarkdownIt
from markdown_it.token import Token

# Two blocks are one rewritten block when at least this share of them is alike.
LIKNANDE = 0.5
# Word by word is quadratic in the worst case: a pair of blocks with more tokens than
# this (multiplied) is shown as removed and added whole, so a huge or hostile text
# cannot make the build slow.
MAX_ORDPAR = 1_000_000
# Blocks compared for the best pairing within one rewritten stretch; above it, blocks
# are paired in order.
MAX_PARNING = 400
# Stretches longer than this (blocks, multiplied) are aligned with difflib's heuristic
# for repeated elements instead of exactly.
MAX_STYCKEPAR = 4_000_000
# Pairing measures how alike two blocks are letter by letter (difflib's ratio), which
# is quadratic in their length: a pair of blocks longer than this (letters, multiplied),
# and every pair once one comparison has spent MAX_JAMFORELSE on measuring, is judged
# by difflib's linear estimate (quick_ratio) instead, so no text makes the build slow.
MAX_TECKENPAR = 250_000
MAX_JAMFORELSE = 20_000_000

BORTTAGET = "Borttaget:"
TILLAGT = "Tillagt:"
_SKARMLASARE = "sd-skarmlasare"

_WORD = re.compile(r"\w+|\s+|[^\w\s]")
# Python-Markdown's attribute list at the end of a heading or paragraph ({#id .klass}).
_TRAILING_ATTRS = re.compile(r"\s*\{:?\s*[#.][^{}\n]*\}\s*$")
# An admonition's first line ("!!! note \"Titel\"", "??? info"): its title is the text.
_ADMONITION = re.compile(
    r"^(?:!!!|\?\?\?\+?)[ \t]*([\w-]+)(?:[ \t]+\"([^\"\n]*)\")?[ \t]*$", re.MULTILINE
)
_TAG = re.compile(r"<[^>]*>")


class Typ(Enum):
    """What a block is; a heading is shown in bold, code in a monospace font."""

    RUBRIK = "rubrik"
    STYCKE = "stycke"
    KOD = "kod"


@dataclass(frozen=True)
class Block:
    typ: Typ
    text: str


class Andring(Enum):
    LIKA = "lika"
    ANDRAD = "andrad"
    BORTTAGEN = "borttagen"
    TILLAGD = "tillagd"


@dataclass(frozen=True)
class Rad:
    """One block of the comparison, as HTML (escaped text, <del> and <ins>)."""

    andring: Andring
    typ: Typ
    html: str


@dataclass(frozen=True)
class Jamforelse:
    rader: tuple[Rad, ...]

    def antal(self, andring: Andring) -> int:
        return sum(1 for rad in self.rader if rad.andring is andring)

    @property
    def oforandrad(self) -> bool:
        return all(rad.andring is Andring.LIKA for rad in self.rader)


# Reading Markdown as blocks of plain text -------------------------------------------


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # As the check reads texts (core.reading.bodies): CommonMark with HTML and tables.
    return MarkdownIt("commonmark", {"html": True}).enable("table")


def block_texts(markdown: str, depth: int = 0) -> list[Block]:
    """The blocks of a Markdown text as a reader reads them, in order."""
    blocks: list[Block] = []
    lists: list[list[int | None]] = []  # per open list: the next number, None for bullets
    pending_marker: str | None = None
    row: list[str] | None = None
    heading = False
    for token in _parser().parse(_ADMONITION.sub(_admonition_title, markdown)):
        kind = token.type
        if kind == "bullet_list_open":
            lists.append([None])
        elif kind == "ordered_list_open":
            lists.append([int(str(token.attrs.get("start", 1) or 1))])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open" and lists:
            number = lists[-1][0]
            pending_marker = "–" if number is None else f"{number}."
            if number is not None:
                lists[-1][0] = number + 1
        elif kind == "heading_open":
            heading = True
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            blocks.append(Block(Typ.STYCKE, " | ".join(row)))
            row = None
        elif kind == "inline":
            text = _plain(token)
            if row is not None:
                row.append(text)
                continue
            text = _TRAILING_ATTRS.sub("", text)
            if pending_marker:
                text, pending_marker = f"{pending_marker} {text}", None
            if text:
                blocks.append(Block(Typ.RUBRIK if heading else Typ.STYCKE, text))
            heading = False
        elif kind == "fence":
            blocks += [Block(Typ.KOD, line) for line in token.content.splitlines() if line.strip()]
        elif kind == "code_block":
            # Indented text is an admonition's or a list item's body to Python-Markdown,
            # which renders the site: it is read as text, as the check reads it.
            if depth < 8:
                blocks += block_texts(token.content, depth + 1)
            else:
                blocks += [Block(Typ.STYCKE, _space(token.content))]
        elif kind == "html_block":
            text = _space(_TAG.sub(" ", token.content))
            if text:
                blocks.append(Block(Typ.STYCKE, text))
    return blocks


def _admonition_title(match: re.Match[str]) -> str:
    """An admonition's first line as its title alone, ended by a blank line: CommonMark
    then reads the indented body as indented text, which is read as text below."""
    return f"{match.group(2) or match.group(1).capitalize()}\n"


def _plain(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            alt = child.content or "".join(c.content for c in child.children or ())
            parts.append(f"[Bild: {alt}]" if alt else "[Bild]")
    return _space("".join(parts))


def _space(text: str) -> str:
    return " ".join(text.split())


# Comparing --------------------------------------------------------------------------


def jamfor(fore: str, efter: str) -> Jamforelse:
    """The comparison of text `fore` (the older) with text `efter` (the newer)."""
    old, new = block_texts(fore), block_texts(efter)
    return Jamforelse(tuple(_rows(old, new, _Likhet())))


class _Likhet:
    """How alike two blocks are, measured once per pair within one comparison, and
    within what one comparison may spend on measuring."""

    def __init__(self) -> None:
        self.kvar = MAX_JAMFORELSE
        self.matt: dict[tuple[str, str], float] = {}

    def __call__(self, a: Block, b: Block) -> float:
        if a.typ != b.typ:
            return 0.0
        key = (a.text, b.text)
        if key not in self.matt:
            self.matt[key] = self._measure(a.text, b.text)
        return self.matt[key]

    def _measure(self, a: str, b: str) -> float:
        matcher = SequenceMatcher(None, a, b, autojunk=False)
        if matcher.real_quick_ratio() < LIKNANDE or matcher.quick_ratio() < LIKNANDE:
            return 0.0
        cost = len(a) * len(b)
        if cost > MAX_TECKENPAR or cost > self.kvar:
            return matcher.quick_ratio()
        self.kvar -= cost
        return matcher.ratio()


def andrade_block(fore: str, efter: str) -> list[tuple[Block | None, Block | None]]:
    """Only the blocks that differ, as (old, new) pairs in reading order: a rewritten
    block is a pair, a removed one has no new block, an added one no old block. Plain
    text, for a summary of what changed (`styrdok diff`); same alignment and budget as
    `jamfor`."""
    old, new = block_texts(fore), block_texts(efter)
    return [pair for pair in _aligned(old, new, _Likhet()) if pair[0] != pair[1]]


def _aligned(
    old: list[Block], new: list[Block], likhet: _Likhet
) -> Iterator[tuple[Block | None, Block | None]]:
    matcher = SequenceMatcher(None, old, new, autojunk=len(old) * len(new) > MAX_STYCKEPAR)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            yield from ((b, b) for b in new[j1:j2])
        else:
            yield from _pairs(old[i1:i2], new[j1:j2], likhet)


def _rows(old: list[Block], new: list[Block], likhet: _Likhet) -> Iterator[Rad]:
    for before, after in _aligned(old, new, likhet):
        if before is after:
            assert after is not None
            yield Rad(Andring.LIKA, after.typ, escape(after.text))
        else:
            yield _row(before, after)


def _row(before: Block | None, after: Block | None) -> Rad:
    if after is None:
        assert before is not None
        return Rad(Andring.BORTTAGEN, before.typ, _deleted(escape(before.text)))
    if before is None:
        return Rad(Andring.TILLAGD, after.typ, _inserted(escape(after.text)))
    return Rad(Andring.ANDRAD, after.typ, words(before.text, after.text))


def _pairs(
    old: Sequence[Block], new: Sequence[Block], likhet: _Likhet
) -> list[tuple[Block | None, Block | None]]:
    """A rewritten stretch as (old, new) pairs in reading order: the most similar pair
    is a changed block, the rest on either side is paired the same way (as difflib's
    Differ does for lines); blocks alike in nothing are removed and added."""
    if not old or not new:
        return [(b, None) for b in old] + [(None, b) for b in new]
    if len(old) * len(new) > MAX_PARNING:
        return _in_order(old, new, likhet)
    best, at = LIKNANDE, None
    for i, a in enumerate(old):
        for j, b in enumerate(new):
            score = likhet(a, b)
            if score > best:
                best, at = score, (i, j)
    if at is None:
        return [(b, None) for b in old] + [(None, b) for b in new]
    i, j = at
    return [
        *_pairs(old[:i], new[:j], likhet),
        (old[i], new[j]),
        *_pairs(old[i + 1 :], new[j + 1 :], likhet),
    ]


def _in_order(
    old: Sequence[Block], new: Sequence[Block], likhet: _Likhet
) -> list[tuple[Block | None, Block | None]]:
    found: list[tuple[Block | None, Block | None]] = []
    for a, b in zip(old, new, strict=False):
        found += [(a, b)] if likhet(a, b) >= LIKNANDE else [(a, None), (None, b)]
    shorter = min(len(old), len(new))
    found += [(a, None) for a in old[shorter:]] + [(None, b) for b in new[shorter:]]
    return found


def words(fore: str, efter: str) -> str:
    """`efter` as HTML with the words removed from `fore` and the words added marked."""
    a, b = _WORD.findall(fore), _WORD.findall(efter)
    if len(a) * len(b) > MAX_ORDPAR:
        return _deleted(escape(fore)) + " " + _inserted(escape(efter))
    chunks: list[tuple[str, str, str]] = []  # (tag, removed, added)
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        chunks.append((tag, "".join(a[i1:i2]), "".join(b[j1:j2])))
    out: list[str] = []
    for tag, removed, added in _joined(chunks):
        if tag == "equal":
            out.append(escape(added))
            continue
        # A space that ends the change is not marked as part of it.
        kept = _trailing_space(added if removed == "" else removed)
        if kept and (removed == "" or added == "" or added.endswith(kept)):
            removed, added = removed.removesuffix(kept), added.removesuffix(kept)
        if removed:
            out.append(_deleted(escape(removed)))
        if removed and added:
            # Read (and copied) as two phrases, not one run-on word.
            out.append(" ")
        if added:
            out.append(_inserted(escape(added)))
        out.append(kept)
    return "".join(out)


def _trailing_space(text: str) -> str:
    return text[len(text.rstrip()) :]


def _joined(chunks: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Changes separated only by a space are one change: "<del>a b</del>" reads better
    than "<del>a</del> <del>b</del>"."""
    joined: list[tuple[str, str, str]] = []
    for tag, removed, added in chunks:
        if joined and tag != "equal" and joined[-1][0] != "equal":
            _, r, a = joined.pop()
            joined.append(("replace", r + removed, a + added))
        elif (
            len(joined) >= 2
            and tag != "equal"
            and joined[-1][0] == "equal"
            and not joined[-1][2].strip()
            and joined[-2][0] != "equal"
        ):
            space = joined.pop()[2]
            _, r, a = joined.pop()
            joined.append(("replace", r + space + removed, a + space + added))
        else:
            joined.append((tag, removed, added))
    return joined


def _deleted(html: str) -> str:
    return f'<del><span class="{_SKARMLASARE}">{BORTTAGET} </span>{html}</del>'


def _inserted(html: str) -> str:
    return f'<ins><span class="{_SKARMLASARE}">{TILLAGT} </span>{html}</ins>'


def html(jamforelse: Jamforelse) -> str:
    """The comparison as one HTML block for a Markdown page: one line per block, no
    blank line inside, so Markdown passes it through as it is."""
    lines = ['<div class="sd-diff">']
    for rad in jamforelse.rader:
        inner = f"<strong>{rad.html}</strong>" if rad.typ is Typ.RUBRIK else rad.html
        if rad.typ is Typ.KOD:
            inner = f"<code>{inner}</code>"
        lines.append(f'<p class="sd-diff__rad sd-diff__rad--{rad.andring.value}">{inner}</p>')
    lines.append("</div>")
    return "\n".join(lines)
