"""Exports of the publication for people and systems outside the site."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from styrdok.core.model import Anvisning
from styrdok.select import Publication
from styrdok.views.markdown import iso
from styrdok.views.wording import TILLSTAND_NAMN, galler_for_cell

CSV_KOLUMNER = (
    "id",
    "titel",
    "status",
    "version",
    "fokusomraden",
    "ansvarig",
    "galler_for",
    "beslutsdatum",
    "beslutad_av",
    "giltig_fran",
    "revideras_senast",
    "upphavd_datum",
    "diarienummer",
    "ersatter",
    "ersatt_av",
    "rattslig_grund",
    "kontakt",
    "exempelinnehall",
)


def forteckning_csv(pub: Publication) -> str:
    """The förteckning as CSV the way Swedish Excel opens it: a BOM, `;` between fields, CRLF.

    One row per published anvisning, repealed ones included (their status says so).
    """
    return excel_csv(CSV_KOLUMNER, (_row(pub, anvisning) for anvisning in pub.anvisningar))


def excel_csv(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """A table as CSV for Swedish Excel: a BOM, `;` between fields, CRLF, and no cell that
    Excel would read as a formula. Every export of the site is written by this."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return "\ufeff" + out.getvalue()


def _row(pub: Publication, a: Anvisning) -> list[str]:
    model = pub.model

    def organ(organ_id: str | None) -> str:
        return model.organ_namn(organ_id) if organ_id else ""

    fokus = [f.namn for f in map(model.fokusomrade_med_id, a.fokusomraden) if f]
    galler = galler_for_cell(a.galler_for, organ)
    laws = [law.benamning for law in map(model.forfattning_med_id, a.rattslig_grund) if law]
    return [
        a.id,
        a.titel,
        # What readers need is whether it applies, not the status word in the source.
        TILLSTAND_NAMN[pub.giltighet(a).tillstand.value],
        str(a.version),
        ", ".join(fokus),
        organ(a.ansvarig),
        galler,
        iso(a.beslutsdatum) or "",
        organ(a.beslutad_av),
        iso(a.giltig_fran) or "",
        iso(a.revideras_senast) or "",
        iso(a.upphavd_datum) or "",
        a.diarienummer or "",
        ", ".join(a.ersatter),
        model.anvisning_ersatt_av(a.id) or "",
        "; ".join(laws),
        a.kontakt.funktion,
        "ja" if a.exempelinnehall else "nej",
    ]


def _cell(value: str) -> str:
    """Text Excel shows as text: a leading =, +, - or @ would make it a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
