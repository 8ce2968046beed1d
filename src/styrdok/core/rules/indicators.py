"""Rules over the indicators (data/indikatorer/<id>.yml) that the schema cannot state:
each year once, a share in percent no more than 100, and no öppen indicator about what
must be protected. Unknown fokusområden are the linker's (`okant-fokusomrade`)."""

from __future__ import annotations

from collections.abc import Iterator

from styrdok.core.messages import problem
from styrdok.core.model import Indikator, Model
from styrdok.core.problems import Problem

_VEM = {"kvinnor": "kvinnor", "man": "män", "alla": "alla"}


def year_twice(indikator: Indikator) -> Iterator[Problem]:
    first: dict[int, int] = {}
    for index, varde in enumerate(indikator.varden):
        earlier = first.setdefault(varde.ar, index)
        if earlier != index:
            yield problem(
                "indikator-ar-dubblett",
                indikator.kalla.fil,
                indikator.kalla.plats(f"varden[{index}]"),
                namn=indikator.namn,
                ar=varde.ar,
                rad=indikator.kalla.plats(f"varden[{earlier}]").line,
            )


def share_above_100(indikator: Indikator) -> Iterator[Problem]:
    if indikator.enhet != "procent":
        return
    for index, varde in enumerate(indikator.varden):
        for field, vem in _VEM.items():
            value = getattr(varde, field)
            if value is not None and value > 100:
                yield problem(
                    "indikator-over-100",
                    indikator.kalla.fil,
                    indikator.kalla.plats(f"varden[{index}]"),
                    namn=indikator.namn,
                    varde=f"{value:g}",
                    vem=vem,
                    ar=varde.ar,
                )


def sensitive_but_open(model: Model, indikator: Indikator) -> Iterator[Problem]:
    """As for reports and anvisningar: a statistic about säkerhetsskydd is not for everyone."""
    if indikator.atkomst != "öppen":
        return
    sensitive = sorted(f.namn for f in model.skyddsvarda_fokusomraden(indikator.fokusomraden))
    if sensitive:
        yield problem(
            "skyddsvard-indikator-oppen",
            indikator.kalla.fil,
            indikator.kalla.plats("atkomst"),
            namn=indikator.namn,
            skal="fokusområdet " + ", ".join(sensitive),
        )


def check_indicators(model: Model) -> list[Problem]:
    return [
        found
        for indikator in model.indikatorer
        for found in (
            *year_twice(indikator),
            *share_above_100(indikator),
            *sensitive_but_open(model, indikator),
        )
    ]
