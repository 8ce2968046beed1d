"""Relative links in Markdown: where they point, and links to what is not published."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

# A Markdown link or image target: ](target) or ](<target> "title").
_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
# A whole inline link or image: ![alt](target "title") or [text](target).
_LINK = re.compile(r"(!?)\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


def resolve(sida: str, target: str) -> str | None:
    """The file below docs/ that a relative link on page `sida` points at, or None."""
    path = target.split("#", 1)[0].split("?", 1)[0]
    if not path or "://" in path or path.startswith(("/", "mailto:", "tel:")):
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(sida), path))


def link_targets(sida: str, text: str, *, pages_only: bool = True) -> set[str]:
    """Files below docs/ that the text of page `sida` links to (only .md pages by default)."""
    found = set()
    for target in _TARGET.findall(text):
        path = resolve(sida, target)
        if path and (path.endswith(".md") or not pages_only):
            found.add(path)
    return found


def unlink_withheld(sida: str, text: str, withheld: Callable[[str], bool]) -> str:
    """The text with links to withheld files turned into plain text that says so."""

    def replace(match: re.Match[str]) -> str:
        image, label, target = match.groups()
        path = resolve(sida, target)
        if path is None or not withheld(path):
            return match.group(0)
        if image:
            return f"({label or 'bild'} – ej publicerad)"
        return f"{label} (ej publicerad)"

    return _LINK.sub(replace, text)
