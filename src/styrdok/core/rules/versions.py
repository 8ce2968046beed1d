"""Rules over an anvisning's kept earlier versions (docs/anvisningar/<id>/version-<n>.md).

A kept version is evidence of what applied on a day, so the chain must hold together:
each is older than the anvisning itself, none between the oldest kept and the current
is missing (its period would silently be given to its neighbour), each began to apply
after the one before it, and a repeal belongs to the anvisning, not to one version.
The history entry `styrdok ny version` starts for the new version must be written by
the editor before anything is published.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from styrdok.core.messages import problem
from styrdok.core.model import Anvisning, Model
from styrdok.core.problems import Problem

# The text `styrdok ny version` writes in the new version's history entry for the editor
# to replace: left there, it would be published as what changed.
PLATSHALLARE_ANDRING = "Skriv vad som ändras i den nya versionen"


def check_versions(model: Model) -> list[Problem]:
    found: list[Problem] = list(_placeholders_left(model))
    for anvisning in model.anvisningar:
        kept = model.versioner_av(anvisning.id)
        if kept:
            found += _chain(anvisning, kept)
    return found


def _chain(anvisning: Anvisning, kept: tuple[Anvisning, ...]) -> Iterator[Problem]:
    for old in kept:
        if old.version >= anvisning.version:
            yield problem(
                "version-ej-aldre",
                old.fil,
                old.kalla.plats("version"),
                version=old.version,
                aktuell=anvisning.version,
                fil=anvisning.fil,
            )
        if old.upphavd_datum is not None:
            yield problem(
                "version-upphavd", old.fil, old.kalla.plats("upphavd_datum"), fil=anvisning.fil
            )
    numbers = {old.version for old in kept}
    missing = [n for n in range(min(numbers), anvisning.version) if n not in numbers]
    if missing:
        yield problem(
            "version-saknas",
            anvisning.fil,
            anvisning.kalla.plats("version"),
            saknas=", ".join(map(str, missing)),
            id=anvisning.id,
        )
    decided = [v for v in (*kept, anvisning) if not v.utkast and v.giltig_fran]
    for before, after in itertools.pairwise(decided):
        if after.giltig_fran <= before.giltig_fran:  # type: ignore[operator]
            yield problem(
                "version-datumordning",
                after.fil,
                after.kalla.plats("giltig_fran"),
                version=after.version,
                datum=after.giltig_fran.isoformat(),  # type: ignore[union-attr]
                foregaende=before.version,
                datum_foregaende=before.giltig_fran.isoformat(),  # type: ignore[union-attr]
            )


def _placeholders_left(model: Model) -> Iterator[Problem]:
    for anvisning in model.anvisningar:
        for index, entry in enumerate(anvisning.historik):
            if entry.andring.strip() == PLATSHALLARE_ANDRING:
                yield problem(
                    "platshallare-historik",
                    anvisning.fil,
                    anvisning.kalla.plats(f"historik[{index}]"),
                    version=entry.version or anvisning.version,
                )
