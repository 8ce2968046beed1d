"""A published text without traces of what its audience does not get: links to withheld
pages and attachments become plain text marked "ej publicerad", and HTML comments go.

The text is what selection hands to every view: the page renderer, and the JSON's
`text_markdown`, which consumers render themselves. The edit is made on the source
text, line by line where the parser (markdown-it, see bodies) found a withheld link,
and then verified by parsing the result again: if a withheld target could still be
read as a link, the lines that name it are dropped. The renderer and the gate after
the build check the HTML once more.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from styrdok.core.reading.bodies import FENCE_INFO, links, resolve

EJ_PUBLICERAD = "ej publicerad"

_COMMENT = re.compile(r"<!--.*?(-->|$)", re.DOTALL)
# A fence as Python-Markdown (superfences) takes it: a plain language name or an
# attribute list after the backticks, nothing else.
_FENCE = re.compile(rf"^ {{0,3}}(`{{3,}}|~{{3,}})[ \t]*(?:{FENCE_INFO.pattern})[ \t]*$")
# Inline links and images: [label](target "title"), with <target>, and titles in "", ''
# or (); the target is matched loosely and judged by `resolve`.
_INLINE = re.compile(
    r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)"
)
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*(<[^>\n]*>|\S+)")
_REFERENCE_USE = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\](?:\[([^\]]*)\])?")
# The label may not contain another <a: each start scans only to the next one, so the
# expression stays linear on a line of thousands of unclosed <a>.
_RAW_LINK = re.compile(r"<a\b[^>]*>((?:(?!<a\b|</a\s*>).)*)</a\s*>", re.IGNORECASE | re.DOTALL)
_RAW_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE_URL = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def _fenced_lines(lines: list[str]) -> set[int]:
    """Lines inside closed fenced code blocks. A fence that is never closed is ordinary
    text to Python-Markdown, so it protects nothing here either."""
    fenced: set[int] = set()
    opened: tuple[int, str] | None = None
    for number, line in enumerate(lines):
        match = _FENCE.match(line)
        if opened is None and match:
            opened = (number, match.group(1))
        elif (
            opened is not None
            and match
            and match.group(1)[0] == opened[1][0]
            and len(match.group(1)) >= len(opened[1])
            and not line[match.end() :].strip()
        ):
            fenced.update(range(opened[0], number + 1))
            opened = None
    return fenced


def without_comments(text: str) -> str:
    """The text with HTML comments removed, except inside fenced code."""
    lines = text.split("\n")
    fenced = _fenced_lines(lines)
    out: list[str] = []
    chunk: list[str] = []

    def flush() -> None:
        if chunk:
            out.append(_COMMENT.sub("", "\n".join(chunk)))
            chunk.clear()

    for number, line in enumerate(lines):
        if number in fenced:
            flush()
            out.append(line)
        else:
            chunk.append(line)
    flush()
    return "\n".join(out)


def _target(raw: str) -> str:
    raw = raw.strip()
    return raw[1:-1] if raw.startswith("<") and raw.endswith(">") else raw


def names_withheld(sida: str, target: str, withholds: Callable[[str], bool]) -> bool:
    """Whether a link target on page `sida` names a withheld file. Python-Markdown reads
    some title forms (`(titel)`) as part of the address, so the part before a space
    counts too."""
    for candidate in {target, target.strip().split(" ", 1)[0]}:
        path = resolve(sida, _target(candidate))
        if path is not None and withholds(path):
            return True
    return False


def as_text(label: str, image: bool = False) -> str:
    """What a link or image to a withheld file becomes."""
    return f"({label or 'bild'} – {EJ_PUBLICERAD})" if image else f"{label} ({EJ_PUBLICERAD})"


def published(sida: str, text: str, withholds: Callable[[str], bool]) -> str:
    """`text` of page `sida` as published for an audience whose `withholds(path)` holds
    for every page and attachment below docs/ it does not get."""
    text = without_comments(text)

    def hidden(target: str) -> bool:
        return names_withheld(sida, target, withholds)

    found = [link for link in links(text) if hidden(link.target)]
    if not found:
        return text
    lines = text.split("\n")
    hidden_refs = {
        m.group(1).lower()
        for line in lines
        if (m := _REFERENCE_DEFINITION.match(line)) and hidden(m.group(2))
    }
    edited = [_unlink_line(line, hidden, hidden_refs) for line in lines]
    result = "\n".join(edited)
    # Verify with the parser; a construct the edit did not understand loses its lines.
    remaining = {link.line for link in links(result) if hidden(link.target)}
    if remaining:
        result = "\n".join(
            line for number, line in enumerate(result.split("\n"), 1) if number not in remaining
        )
    return result


def _unlink_line(line: str, hidden: Callable[[str], bool], hidden_refs: set[str]) -> str:
    definition = _REFERENCE_DEFINITION.match(line)
    if definition and definition.group(1).lower() in hidden_refs:
        return ""

    def inline(match: re.Match[str]) -> str:
        image, label, target = match.group(1), match.group(2), match.group(3)
        if not hidden(target):
            return match.group(0)
        return as_text(label, bool(image))

    def reference(match: re.Match[str]) -> str:
        image, label, ref = match.group(1), match.group(2), match.group(3)
        key = (ref or label).lower()
        if key not in hidden_refs:
            return match.group(0)
        return as_text(label, bool(image))

    def raw_link(match: re.Match[str]) -> str:
        url = _ATTRIBUTE_URL.search(match.group(0))
        if url is None or not hidden(next(g for g in url.groups() if g is not None)):
            return match.group(0)
        return as_text(match.group(1))

    def raw_image(match: re.Match[str]) -> str:
        url = _ATTRIBUTE_URL.search(match.group(0))
        if url is None or not hidden(next(g for g in url.groups() if g is not None)):
            return match.group(0)
        return as_text("", image=True)

    line = _INLINE.sub(inline, line)
    line = _RAW_LINK.sub(raw_link, line)
    line = _RAW_IMAGE.sub(raw_image, line)
    if hidden_refs:
        line = _REFERENCE_USE.sub(reference, line)
    return line
