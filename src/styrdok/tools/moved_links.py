"""Links in an editor's text, written for the same text on another page.

Every relative link and image is rewritten to lead to the same file from the new page,
where the check's Markdown reader (`core.reading.bodies`) finds it: on the line the
reader gives (or further in the same paragraph, when a link's text spans lines), or in
the reference definition a reference link uses, in Markdown and in raw HTML alike. What
leads to the same place from anywhere (another site, mailto:, an anchor on the page) and
what is no link (code) stays as it is. The result is read again and every link must
lead where it led; otherwise nothing is rewritten.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass

from markdown_it.common.normalize_url import normalizeLink
from markdown_it.common.utils import unescapeAll

from styrdok.core.reading.bodies import links, resolve
from styrdok.core.sanitize import url_scheme


class UnmovedLink(Exception):
    """A link that could not be rewritten safely, at `line` (1-based, in the text)."""

    def __init__(self, target: str, line: int) -> None:
        super().__init__(target)
        self.target = target
        self.line = line


def normal(text: str) -> str:
    """Line ends as the project's reader makes them, without a byte order mark."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


# Where a link's address stands in Markdown and HTML, as written.
_DESTINATION = r"(<[^<>\n]*>|(?:[^\s()\\<]|\\.|\([^\s()]*\))+)"
_INLINE = re.compile(r"\]\(\s*" + _DESTINATION)
_DEFINITION = re.compile(r"^\s*\[(?:[^\]\\]|\\.)+\]:\s*" + _DESTINATION)
_ATTRIBUTE = re.compile(
    r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE
)
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass
class _Spot:
    line: int  # 0-based, within the text
    start: int
    end: int
    written: str  # the address as written (without <>)
    meant: str  # the address as the reader takes it


def _spots(text_line: str, index: int) -> list[_Spot]:
    found: list[_Spot] = []
    for pattern in (_INLINE, _DEFINITION):
        for m in pattern.finditer(text_line):
            written = m.group(1)
            start, end = m.start(1), m.end(1)
            if written.startswith("<"):
                written, start, end = written[1:-1], start + 1, end - 1
            found.append(_Spot(index, start, end, written, normalizeLink(unescapeAll(written))))
    for m in _ATTRIBUTE.finditer(text_line):
        group = next(g for g in (1, 2, 3) if m.group(g) is not None)
        written = m.group(group)
        found.append(_Spot(index, m.start(group), m.end(group), written, html.unescape(written)))
    return sorted(found, key=lambda s: s.start)


def _relocated(written: str, old_sida: str, new_sida: str) -> str:
    """An address as written on `old_sida`, written for `new_sida`: the same file."""
    cut = min((i for i in (written.find("#"), written.find("?")) if i >= 0), default=len(written))
    path, rest = written[:cut], written[cut:]
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(old_sida), path))
    new = posixpath.relpath(joined, posixpath.dirname(new_sida))
    return new + ("/" if path.endswith("/") and not new.endswith("/") else "") + rest


def moved_text(lines: list[str], old_sida: str, new_sida: str) -> list[str]:
    """The lines of a text on page `old_sida` (each with its line end), with every
    relative link and image rewritten for the same text on `new_sida`."""
    texts = [line.rstrip("\r\n") for line in lines]
    ends = [line[len(text) :] for line, text in zip(lines, texts, strict=True)]
    text = normal("".join(lines))
    done: set[tuple[int, int]] = set()
    edits: dict[tuple[int, int], tuple[int, str]] = {}

    def claim(spot: _Spot) -> None:
        done.add((spot.line, spot.start))
        edits[(spot.line, spot.start)] = (spot.end, _relocated(spot.written, old_sida, new_sida))

    fenced = _fenced(texts)
    definitions = [
        spot
        for index, line in enumerate(texts)
        if not fenced[index] and _DEFINITION.match(line)
        for spot in _spots(line, index)
    ]
    for link in links(text):
        if not _relative(link.target):
            continue  # another site, mailto:, an anchor on the page: the same anywhere
        spot = _find(texts, link.line - 1, link.target, done)
        if spot is not None:
            claim(spot)
            continue
        # A reference link: its address is in the definition, which may serve several.
        defined = [s for s in definitions if s.meant == link.target]
        if not defined:
            raise UnmovedLink(link.target, link.line)
        for spot in defined:
            if (spot.line, spot.start) not in done:
                claim(spot)
    for (index, start), (end, new) in sorted(edits.items(), reverse=True):
        texts[index] = texts[index][:start] + new + texts[index][end:]
    moved = [t + e for t, e in zip(texts, ends, strict=True)]
    _same_targets(text, old_sida, normal("".join(moved)), new_sida)
    return moved


def _relative(target: str) -> bool:
    """A link to a file by its path from the page: it changes when the page moves."""
    path = target.split("#", 1)[0].split("?", 1)[0]
    return url_scheme(target) is None and not target.startswith("/") and bool(path.strip())


def _fenced(texts: list[str]) -> list[bool]:
    """Which lines are inside a fenced code block (the fences themselves too)."""
    inside, found = False, []
    for line in texts:
        fence = _FENCE.match(line) is not None
        found.append(inside or fence)
        if fence:
            inside = not inside
    return found


def _find(texts: list[str], first: int, target: str, done: set[tuple[int, int]]) -> _Spot | None:
    """The address of a link the reader found on line `first`: on that line or further in
    the same paragraph (a link's text can span lines), not yet rewritten."""
    for index in range(first, len(texts)):
        if index > first and (not texts[index].strip() or _FENCE.match(texts[index])):
            return None
        for spot in _spots(texts[index], index):
            if spot.meant == target and (spot.line, spot.start) not in done:
                return spot
    return None


def _same_targets(old: str, old_sida: str, new: str, new_sida: str) -> None:
    """Every link of the new text leads where the same link of the old one leads."""
    before, after = links(old), links(new)
    for was, now in zip(before, after, strict=False):
        if resolve(old_sida, was.target) != resolve(new_sida, now.target):
            raise UnmovedLink(was.target, was.line)
    if len(before) != len(after):
        # The rewrite made or unmade a link: name the first one that differs.
        first = (before or after)[min(len(before), len(after)) - 1 if before and after else 0]
        raise UnmovedLink(first.target, first.line)
