"""The follow-up as CSV files for Swedish Excel, written like the förteckning
(`export.excel_csv`): who has reported each year, the risk matrices cell by cell, and
the indicators' values.

Made from the publication alone, like every view: a skyddad report is the fact of
submission only, and the public site holds only öppen reports and indicators.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from styrdok.core.riskbild import SKALA
from styrdok.select import Publication
from styrdok.views.export import excel_csv
from styrdok.views.markdown import iso
from styrdok.views.reporting import (
    STATUS_TEXT,
    efter_sista_dag,
    in_name_order,
    shown_in_full,
    status,
)
from styrdok.views.wording import versal

RAPPORTERING_KOLUMNER = (
    "År",
    "Organ",
    "Typ av organ",
    "Status",
    "Inlämnad",
    "Efter sista dagen",
    "Åtkomst",
    "Referens",
    "Antal risker",
    # For programs, after the columns people already use: the id the API uses.
    "Organ-id",
)
RISKER_KOLUMNER = (
    "År",
    "Fokusområde",
    "Lägesbilder",
    "Sannolikhet",
    "Konsekvens",
    "Antal",
    "Fokusområde-id",
)
INDIKATORER_KOLUMNER = (
    "Indikator",
    "Enhet",
    "År",
    "Kvinnor",
    "Män",
    "Alla",
    "Exempeldata",
    "Källa",
    "Indikator-id",
)

ALLA_FOKUSOMRADEN = "Alla fokusområden"


def _ja_nej(value: bool) -> str:
    return "ja" if value else "nej"


def rapportering_csv(pub: Publication, today: date) -> str:
    """One row per year and body, oldest year first and bodies by name.

    The status depends on `today` (whether a missing report is overdue or still awaited),
    as on the follow-up pages: the file is as current as the pages built the same day.
    Everything else is from the data. A skyddad report has no reference or count of
    risks; one not in has no date, and neither lateness nor a count.
    """

    def rows() -> Iterator[list[str]]:
        for year in pub.uppfoljning:
            for r in in_name_order(pub, year.rapporter):
                organ = pub.model.organ_med_id(r.organ)
                full = shown_in_full(r)
                yield [
                    str(year.ar),
                    pub.model.organ_namn(r.organ),
                    versal(organ.typ) if organ else "",
                    STATUS_TEXT[status(r, year, today)],
                    iso(r.inlamnad_datum) or "",
                    _ja_nej(efter_sista_dag(r, year)) if r.inlamnad else "",
                    r.atkomst,
                    (r.referens or "") if full else "",
                    str(len(r.risker)) if full and r.inlamnad else "",
                    r.organ,
                ]

    return excel_csv(RAPPORTERING_KOLUMNER, rows())


def risker_csv(pub: Publication) -> str:
    """One row per cell of every risk matrix (`Publication.riskbilder`, in its order):
    each year, all fokusområden then each one, likelihood then consequence 1–5. Only the
    lägesbilder published in full are counted (`core.riskbild`)."""

    def rows() -> Iterator[list[str]]:
        for m in pub.riskbilder:
            fokus = pub.model.fokusomrade_med_id(m.fokusomrade) if m.fokusomrade else None
            area = fokus.namn if fokus else (m.fokusomrade or ALLA_FOKUSOMRADEN)
            for s in SKALA:
                for k in SKALA:
                    yield [
                        str(m.ar),
                        area,
                        str(m.lagesbilder),
                        str(s),
                        str(k),
                        str(m.celler[(s, k)]),
                        m.fokusomrade or "",
                    ]

    return excel_csv(RISKER_KOLUMNER, rows())


def _tal(value: float | None) -> str:
    """A number as Swedish Excel reads it: a decimal comma, no trailing .0."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return str(value).replace(".", ",")


def indikatorer_csv(pub: Publication) -> str:
    """One row per indicator and year: indicators by name, years oldest first. A value
    the source does not have is an empty cell."""

    def rows() -> Iterator[list[str]]:
        for i in pub.indikatorer:
            for v in i.efter_ar:
                yield [
                    i.namn,
                    i.enhet,
                    str(v.ar),
                    _tal(v.kvinnor),
                    _tal(v.man),
                    _tal(v.alla),
                    _ja_nej(i.exempelinnehall),
                    i.datakalla.namn,
                    i.id,
                ]

    return excel_csv(INDIKATORER_KOLUMNER, rows())
