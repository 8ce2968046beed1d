"""Which pages link to which: found once in the texts of the publication."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from styrdok.core.bodies import targets
from styrdok.select import Publication


def link_targets(sida: str, text: str) -> set[str]:
    """The pages below docs/ that the text of page `sida` links to."""
    return {path for path, _ in targets(sida, text) if path.endswith(".md")}


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
