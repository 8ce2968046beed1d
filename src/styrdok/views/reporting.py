"""What the follow-up views ask of a year's reports: each body's status, and how many
have reported. Counting is linear: one pass over a year's reports."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum

from styrdok.core.model import Rapport, Uppfoljningsar
from styrdok.core.sortering import svensk
from styrdok.select import Publication


class Status(Enum):
    INLAMNAD = "inlamnad"
    SEN = "inlamnad-sent"  # after the deadline
    SAKNAS = "saknas"  # not in, and the deadline has passed
    VANTAS = "vantas"  # not in, the deadline has not passed


STATUS_TEXT = {
    Status.INLAMNAD: "Inlämnad",
    Status.SEN: "Inlämnad efter sista dagen",
    Status.SAKNAS: "Inte inlämnad",
    Status.VANTAS: "Inte inlämnad ännu",
}


def status(rapport: Rapport, year: Uppfoljningsar, today: date) -> Status:
    if rapport.inlamnad:
        return Status.SEN if efter_sista_dag(rapport, year) else Status.INLAMNAD
    return Status.SAKNAS if year.passerad(today) else Status.VANTAS


def efter_sista_dag(rapport: Rapport, year: Uppfoljningsar) -> bool:
    """Whether the report came in after the deadline; false for one not in. Unlike
    `status`, it does not depend on the day it is asked."""
    came = rapport.inlamnad_datum
    return bool(rapport.inlamnad and came and came > year.sista_dag)


@dataclass(frozen=True)
class Arssammanfattning:
    ar: int
    sista_dag: date
    organ: int  # reports listed
    inlamnade: int
    sena: int
    saknas: int  # not in after the deadline
    vantas: int

    @property
    def andel(self) -> float:
        """The share that has reported, 0–1."""
        return self.inlamnade / self.organ if self.organ else 0.0


def summary(year: Uppfoljningsar, today: date) -> Arssammanfattning:
    counts = dict.fromkeys(Status, 0)
    for rapport in year.rapporter:
        counts[status(rapport, year, today)] += 1
    return Arssammanfattning(
        ar=year.ar,
        sista_dag=year.sista_dag,
        organ=len(year.rapporter),
        inlamnade=counts[Status.INLAMNAD] + counts[Status.SEN],
        sena=counts[Status.SEN],
        saknas=counts[Status.SAKNAS],
        vantas=counts[Status.VANTAS],
    )


def reports_by_organ(pub: Publication) -> dict[str, dict[int, Rapport]]:
    """organ id -> year -> the report the publication holds."""
    found: dict[str, dict[int, Rapport]] = {}
    for year in pub.uppfoljning:
        for rapport in year.rapporter:
            found.setdefault(rapport.organ, {})[year.ar] = rapport
    return found


def shown_in_full(rapport: Rapport) -> bool:
    """Whether the publication holds what the report says (not a skyddad one's fact of
    submission only)."""
    return not rapport.skyddad


def in_name_order(pub: Publication, rapporter: Iterable[Rapport]) -> list[Rapport]:
    """A year's reports by the organ's name in Swedish alphabetical order, as the API and
    the CSV list them."""
    return sorted(rapporter, key=lambda r: (svensk(pub.model.organ_namn(r.organ)), r.organ))
