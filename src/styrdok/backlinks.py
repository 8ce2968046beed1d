"""Which pages link to which: found once in the texts of the publication."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from types import MappingProxyType

from .select import Publication

# A Markdown link or image target: ](target) or ](<target> "title").
_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


def link_targets(sida: str, text: str) -> set[str]:
    """Pages below docs/ that the text of page `sida` links to (relative .md links only)."""
    found = set()
    folder = posixpath.dirname(sida)
    for target in _TARGET.findall(text):
        path = target.split("#", 1)[0].split("?", 1)[0]
        if not path.endswith(".md") or "://" in path or path.startswith("/"):
            continue
        found.add(posixpath.normpath(posixpath.join(folder, path)))
    return found


def references(pub: Publication) -> Mapping[str, tuple[tuple[str, str], ...]]:
    """For each anvisning page, the (page, title) pairs whose text links to it."""
    anvisningar = {a.sida for a in pub.anvisningar}
    sources = [(a.sida, a.titel, a.text) for a in pub.anvisningar]
    sources += [(s.sida, s.titel, s.text) for s in pub.model.sidor]
    found: dict[str, list[tuple[str, str]]] = {}
    for sida, titel, text in sources:
        for target in link_targets(sida, text) & anvisningar:
            if target != sida:
                found.setdefault(target, []).append((sida, titel))
    return MappingProxyType({k: tuple(sorted(v)) for k, v in found.items()})
