"""Exports of the publication for people and systems outside the site."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from styrdok.core.model import ORGANTYPER, Anvisning
from styrdok.select import Publication
from styrdok.views.markdown import iso
from styrdok.views.urls import Urls, anvisning_path
from styrdok.views.wording import SAMTLIGA, TILLSTAND_NAMN, versal

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
    # For programs: ids and addresses beside the names above. Added at the end, so the
    # columns people's spreadsheets already refer to keep their places.
    "giltighet",
    "url",
    "json_url",
    "fokusomraden_id",
    "ansvarig_id",
    "beslutad_av_id",
    "galler_for_alla",
    "galler_for_organtyper",
    "galler_for_organ_id",
    "rattslig_grund_id",
    "rattslig_grund_sfs",
)

# Between the values of a cell that holds a list, in every column. Ids never contain it;
# a name that does has it escaped (`lista`), so splitting on it is always right.
LISTSEPARATOR = " | "


def forteckning_csv(pub: Publication, urls: Urls) -> str:
    """The förteckning as CSV the way Swedish Excel opens it: a BOM, `;` between fields, CRLF.

    One row per published anvisning, repealed ones included (their status says so).
    """
    return excel_csv(CSV_KOLUMNER, (_row(pub, urls, anvisning) for anvisning in pub.anvisningar))


def lista(values: Iterable[str]) -> str:
    """Values in one cell, `LISTSEPARATOR` between them. A backslash or a bar within a
    value gets a backslash first, so the cell splits unambiguously."""
    return LISTSEPARATOR.join(v.replace("\\", "\\\\").replace("|", "\\|") for v in values)


def excel_csv(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """A table as CSV for Swedish Excel: a BOM, `;` between fields, CRLF, and no cell that
    Excel would read as a formula. Every export of the site is written by this."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return "\ufeff" + out.getvalue()


def _galler_for(pub: Publication, a: Anvisning) -> str:
    """Whom it applies to, for people: a type as "Alla: stadsdelsnämnder", so that a
    spreadsheet filter on "Alla:" finds them."""
    krets = a.galler_for
    if krets.alla:
        return versal(SAMTLIGA)
    types = [f"Alla: {ORGANTYPER[t].lower()}" for t in krets.organtyper]
    return lista([*types, *map(pub.model.organ_namn, krets.organ)])


def _row(pub: Publication, urls: Urls, a: Anvisning) -> list[str]:
    model = pub.model

    def organ(organ_id: str | None) -> str:
        return model.organ_namn(organ_id) if organ_id else ""

    fokus = [f for f in map(model.fokusomrade_med_id, a.fokusomraden) if f]
    laws = [law for law in map(model.forfattning_med_id, a.rattslig_grund) if law]
    return [
        a.id,
        a.titel,
        # What readers need is whether it applies, not the status word in the source.
        TILLSTAND_NAMN[pub.giltighet(a).tillstand.value],
        str(a.version),
        lista(f.namn for f in fokus),
        organ(a.ansvarig),
        _galler_for(pub, a),
        iso(a.beslutsdatum) or "",
        organ(a.beslutad_av),
        iso(a.giltig_fran) or "",
        iso(a.revideras_senast) or "",
        iso(a.upphavd_datum) or "",
        a.diarienummer or "",
        lista(a.ersatter),
        model.anvisning_ersatt_av(a.id) or "",
        lista(law.benamning for law in laws),
        a.kontakt.funktion,
        "ja" if a.exempelinnehall else "nej",
        pub.giltighet(a).tillstand.value,
        urls.page(a.sida),
        urls.api(anvisning_path(a.id)),
        lista(f.id for f in fokus),
        a.ansvarig or "",
        a.beslutad_av or "",
        "ja" if a.galler_for.alla else "nej",
        lista(a.galler_for.organtyper),
        lista(a.galler_for.organ),
        lista(law.id for law in laws),
        lista(law.sfs for law in laws),
    ]


def _cell(value: str) -> str:
    """Text Excel shows as text: a leading =, +, - or @ would make it a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
