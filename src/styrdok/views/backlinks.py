"""Which pages link to which: found once in the texts of the publication."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from styrdok.core.reading.bodies import targets
from styrdok.select import Publication


def link_targets(sida: str, text: str) -> set[str]:
    """The pages below docs/ that the text of page `sida` links to."""
    return {path for path, _ in targets(sida, text) if path.endswith(".md")}


def references(pub: Publication) -> Mapping[str, tuple[tuple[str, str], ...]]:
    """For each anvisning page, the (page, title) pairs whose text links to it. Earlier
    versions are not counted: "mentioned on" is about what readers find today."""
    anvisningar = {a.sida for a in pub.anvisningar}
    found: dict[str, list[tuple[str, str]]] = {}
    for source in pub.texts():
        if pub.version_for_sida(source.sida) is not None:
            # What an earlier version linked to is history, not a page to follow.
            continue
        for target in link_targets(source.sida, source.text) & anvisningar:
            if target != source.sida:
                found.setdefault(target, []).append((source.sida, source.titel))
    return MappingProxyType({k: tuple(sorted(v)) for k, v in found.items()})
