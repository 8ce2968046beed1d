"""The machine-readable publication: the JSON documents published under api/v1/.

Every document is made from the publication alone and carries its canonical page URL
and its own JSON URL. `api_files` serialises them and adds the index.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urljoin

from styrdok.core import addresses
from styrdok.core.giltighet import Giltighet, Tillstand, Versionsperiod
from styrdok.core.model import (
    Anvisning,
    Fokusomrade,
    Indikator,
    Malomrade,
    Organ,
    Program,
    Rapport,
    Uppfoljningsar,
)
from styrdok.core.riskbild import SKALA, Riskmatris
from styrdok.select import Publication
from styrdok.views import api_links
from styrdok.views.markdown import iso
from styrdok.views.paging import PER_SIDA, paginate
from styrdok.views.queries import (
    Applicability,
    FokusAnswer,
    OrganAnswer,
    fokus_answer,
    organ_answer,
)
from styrdok.views.reporting import efter_sista_dag, in_name_order, shown_in_full
from styrdok.views.tidslinje import tidslinje_document
from styrdok.views.urls import (
    ANVISNINGAR,
    INDIKATORER,
    ORGAN_LISTA,
    PROGRAM,
    RISKBILD,
    TIDSLINJE,
    UPPFOLJNING,
    Urls,
    anvisning_path,
    fokusomrade_path,
    organ_path,
    version_path,
)
from styrdok.views.wording import KONSEKVENS_STEG, SANNOLIKHET_STEG

# A JSON object as published (the loader's source documents are another type).
JsonDocument = dict[str, Any]

# Whose reports uppfoljning.json and riskbild.json hold: every body's (the intranet, and
# the public site when every report is öppen), or only the öppen reports.
URVAL_ALLA = "alla rapporter"
URVAL_OPPNA = "endast öppna rapporter"


# Pieces shared by several documents ---------------------------------------------------


def _ref(pub: Publication, urls: Urls, organ_id: str | None) -> JsonDocument | None:
    """An organ as other documents refer to it: id, name and where to read more (the
    same object as in `lankar`)."""
    return None if organ_id is None else api_links.organ(pub, urls, organ_id)


def anvisning_kort(pub: Publication, urls: Urls, a: Anvisning) -> JsonDocument:
    """An anvisning in a list: its reference as in `lankar`, and whether it applies."""
    return {
        **api_links.anvisning(urls, a),
        # As written in the source; whether it applies is `giltighet`, for the reference date.
        "status": a.status,
        "giltighet": pub.giltighet(a).tillstand.value,
    }


def anvisning_metadata(pub: Publication, urls: Urls, a: Anvisning) -> JsonDocument:
    """An anvisning as listed in anvisningar.json: what its file says, and which of its
    versions applies on the reference date."""
    return {
        **anvisning_kort(pub, urls, a),
        **_fields(pub, urls, a),
        **_validity(pub, urls, a),
    }


def _fields(pub: Publication, urls: Urls, a: Anvisning) -> JsonDocument:
    """What the file of an anvisning, or of one of its earlier versions, says (as selection
    handed it over: a metadata-only one has no history, legal basis or dnr)."""
    laws = [pub.model.forfattning_med_id(i) for i in a.rattslig_grund]
    return {
        "atkomst": a.atkomst,
        "sammanfattning": a.sammanfattning,
        "version": a.version,
        "historik": [
            {"datum": h.datum.isoformat(), "version": h.version, "andring": h.andring}
            for h in a.historik
        ],
        "senast_andrad": iso(a.senast_andrad),
        "fokusomraden": list(a.fokusomraden),
        "ansvarig": _ref(pub, urls, a.ansvarig),
        "galler_for": {
            "alla": a.galler_for.alla,
            "organtyper": list(a.galler_for.organtyper),
            "organ": list(a.galler_for.organ),
        },
        "beslutsdatum": iso(a.beslutsdatum),
        "beslutad_av": _ref(pub, urls, a.beslutad_av),
        "giltig_fran": iso(a.giltig_fran),
        "revideras_senast": iso(a.revideras_senast),
        "upphavd_datum": iso(a.upphavd_datum),
        "diarienummer": a.diarienummer,
        "ersatter": list(a.ersatter),
        "ersatt_av": pub.model.anvisning_ersatt_av(a.id),
        "rattslig_grund": [
            {
                "id": law.id,
                "namn": law.namn,
                "kortnamn": law.kortnamn,
                "sfs": law.sfs,
                "url": api_links.forfattning_url(law),
            }
            for law in laws
            if law
        ],
        "kontakt": {
            "funktion": a.kontakt.funktion,
            "epost": a.kontakt.epost,
            "telefon": a.kontakt.telefon,
        },
        "exempelinnehall": a.exempelinnehall,
        "lankar": {
            "fokusomraden": api_links.fokusomraden(pub, urls, a.fokusomraden),
            "ersatter": api_links.anvisningar(pub, urls, a.ersatter),
            "ersatt_av": api_links.anvisningar(pub, urls, [pub.model.anvisning_ersatt_av(a.id)]),
            "galler_for_organ": api_links.organs(pub, urls, a.galler_for.organ),
        },
    }


# Validity and versions -----------------------------------------------------------------

# An earlier version that no longer applies because a later one took its place; one that
# ended with the anvisning's repeal is `upphävd`.
ERSATT = "ersatt"


def _current(g: Giltighet) -> JsonDocument:
    """Which version applies on the reference date and what comes next."""
    return {
        "gallande_version": g.gallande.version if g.gallande else None,
        "kommande_version": g.kommande.version if g.kommande else None,
        "kommande_fran": iso(g.kommande.fran) if g.kommande else None,
        "upphor": iso(g.upphor),
    }


def _validity(pub: Publication, urls: Urls, a: Anvisning) -> JsonDocument:
    """Which version applies on the reference date, what comes next, and every version."""
    g = pub.giltighet(a)
    return {
        **_current(g),
        "versioner": [_version_entry(pub, urls, a, g, p) for p in g.perioder],
    }


def version_state(g: Giltighet, p: Versionsperiod) -> str:
    """What one version is on the reference date: the anvisning's state for the version
    in force; for another, whether it is coming, never decided, replaced or repealed."""
    if p is g.gallande:
        return g.tillstand.value
    if p.fran is None:
        return Tillstand.UTKAST.value
    if p.fran > g.dag and not p.tom:
        return Tillstand.KOMMANDE.value
    replaced = any(q.beslutad and q.version > p.version for q in g.perioder)
    return ERSATT if replaced else Tillstand.UPPHAVD.value


def _version_urls(urls: Urls, a: Anvisning, v: Anvisning) -> JsonDocument:
    """The page and document of version `v` of `a`: the anvisning's own for the current."""
    current = v.version == a.version
    return {
        "url": urls.page(v.sida),
        "json_url": urls.api(anvisning_path(a.id) if current else version_path(a.id, v.version)),
    }


def _version_entry(
    pub: Publication, urls: Urls, a: Anvisning, g: Giltighet, p: Versionsperiod
) -> JsonDocument:
    v = p.anvisning
    return {
        "version": v.version,
        "status": v.status,
        "beslutsdatum": iso(v.beslutsdatum),
        "beslutad_av": _ref(pub, urls, v.beslutad_av),
        "giltig_fran": iso(p.fran),
        "giltig_till": iso(p.till),
        "giltighet": version_state(g, p),
        "galler_pa_referensdatum": p is g.gallande,
        **_version_urls(urls, a, v),
    }


def organ_metadata(pub: Publication, urls: Urls, organ: Organ) -> JsonDocument:
    return {
        "id": organ.id,
        "namn": organ.namn,
        "typ": organ.typ,
        "forvaltning": organ.forvaltning,
        "moderbolag": organ.moderbolag,
        "underordnat": organ.underordnat,
        "beskrivning": organ.beskrivning,
        "tillampar_programmet": organ.tillampar_programmet,
        "url": urls.page(addresses.organ(organ.id)),
        "json_url": urls.api(organ_path(organ.id)),
        "organisationsnummer": organ.organisationsnummer,
        "lankar": {
            "moderbolag": api_links.organs(pub, urls, filter(None, [organ.moderbolag])),
            "underordnat": api_links.organs(pub, urls, filter(None, [organ.underordnat])),
        },
    }


def _malomrade(pub: Publication, urls: Urls, m: Malomrade) -> JsonDocument:
    return {
        "id": m.id,
        "namn": m.namn,
        "beskrivning": m.beskrivning,
        "karna": m.karna,
        "ordning": m.ordning,
        "fokusomraden": [f.id for f in pub.fokusomraden if m.id in f.malomraden],
        "url": urls.page(addresses.malomrade(m.id)),
        "lankar": {
            "fokusomraden": api_links.fokusomraden(
                pub, urls, [f.id for f in pub.fokusomraden if m.id in f.malomraden]
            ),
        },
    }


def _fokusomrade(pub: Publication, urls: Urls, f: Fokusomrade) -> JsonDocument:
    return {
        "id": f.id,
        "namn": f.namn,
        "beskrivning": f.beskrivning,
        "malomraden": list(f.malomraden),
        "malsattningar": list(f.malsattningar),
        "exempelinnehall": f.exempelinnehall,
        "ordning": f.ordning,
        "url": urls.page(addresses.fokusomrade(f.id)),
        "json_url": urls.api(fokusomrade_path(f.id)),
        "lankar": {"malomraden": api_links.malomraden(pub, urls, f.malomraden)},
    }


def _program(pub: Publication, urls: Urls, p: Program) -> JsonDocument:
    return {
        "id": p.id,
        "titel": p.titel,
        "kortnamn": p.kortnamn,
        "period": {"fran": p.period_fran, "till": p.period_till},
        "status": p.status,
        # On the reference date: a programme marked in force whose period is over is not.
        "i_kraft": pub.programtillstand(p).gallande,
        "tillstand": pub.programtillstand(p).value,
        "beslutad_av": _ref(pub, urls, p.beslutad_av),
        "forslag_av": _ref(pub, urls, p.forslag_av),
        "beredd_av": _ref(pub, urls, p.beredd_av),
        "beslutsdatum": iso(p.beslutsdatum),
        "beslutsmanad": p.beslutsmanad,
        "diarienummer": p.diarienummer,
        "utgangspunkt": p.utgangspunkt,
        "sammanfattning": p.sammanfattning,
        "kommunikation": p.kommunikation,
        "ansvar": [
            {
                "organtyper": list(a.organtyper),
                "organ": list(a.organ),
                "uppgifter": list(a.uppgifter),
                "lankar": {"organ": api_links.organs(pub, urls, a.organ)},
            }
            for a in p.ansvar
        ],
        "ersatter": list(p.ersatter),
        # ersatt_av stays one id (the first) for clients of API v1; all are in ersatt_av_alla.
        "ersatt_av": next(iter(pub.model.program_ersatt_av(p.id)), None),
        "ersatt_av_alla": list(pub.model.program_ersatt_av(p.id)),
        "lankar": {
            "ersatter": api_links.program(pub, urls, p.ersatter),
            "ersatt_av": api_links.program(pub, urls, pub.model.program_ersatt_av(p.id)),
        },
    }


# The documents --------------------------------------------------------------------------


def _document(kind: str, urls: Urls, path: str, page: str, body: JsonDocument) -> JsonDocument:
    return {
        "$schema": urls.schema(kind),
        "json_url": urls.api(path),
        "url": urls.page(page),
        **body,
    }


def program_document(pub: Publication, urls: Urls) -> JsonDocument:
    shown = pub.program
    return _document(
        "program",
        urls,
        PROGRAM,
        "index.md",
        {
            "referensdatum": pub.dag.isoformat(),
            "program": _program(pub, urls, shown) if shown else None,
            "malomraden": [_malomrade(pub, urls, m) for m in pub.malomraden],
            "fokusomraden": [_fokusomrade(pub, urls, f) for f in pub.fokusomraden],
            "alla_program": [_program(pub, urls, p) for p in pub.model.program],
        },
    )


def _referensdatum(pub: Publication) -> JsonDocument:
    """The day validity was decided for: in every document whose content depends on it."""
    return {"referensdatum": pub.dag.isoformat()}


def anvisningar_document(
    pub: Publication, urls: Urls, poster: Poster | None = None
) -> JsonDocument:
    poster = poster or Poster(pub, urls)
    return _document(
        "anvisningar",
        urls,
        ANVISNINGAR,
        addresses.FORTECKNING,
        {
            **_referensdatum(pub),
            "anvisningar": [poster.metadata(a) for a in pub.anvisningar],
        },
    )


def _texts(pub: Publication, urls: Urls, a: Anvisning, html: str) -> JsonDocument:
    # Published as metadata only (skyddad, on the intranet): no text, not even an empty one.
    withheld = a.sida in pub.bara_metadata
    return {
        "text_markdown": None if withheld else a.text,
        "text_html": None if withheld else absolute_links(html, urls.page(a.sida)),
    }


def anvisning_document(
    pub: Publication, urls: Urls, a: Anvisning, html: str, poster: Poster | None = None
) -> JsonDocument:
    metadata = poster.metadata(a) if poster else anvisning_metadata(pub, urls, a)
    body = {k: v for k, v in metadata.items() if k not in ("url", "json_url")}
    body.update(_referensdatum(pub))
    body.update(_texts(pub, urls, a, html))
    return _document("anvisning", urls, anvisning_path(a.id), a.sida, body)


def anvisningsversion_document(
    pub: Publication, urls: Urls, a: Anvisning, p: Versionsperiod, html: str
) -> JsonDocument:
    """An earlier version of `a` as its file holds it, the days it applied, and the way
    to the current version."""
    g = pub.giltighet(a)
    v = p.anvisning
    body: JsonDocument = {
        "id": v.id,
        "titel": v.titel,
        "status": v.status,
        **_fields(pub, urls, v),
        **_referensdatum(pub),
        "giltighet": version_state(g, p),
        "galler_pa_referensdatum": p is g.gallande,
        "giltig_till": iso(p.till),
        "aktuell_version": {
            "version": a.version,
            "giltighet": g.tillstand.value,
            **_version_urls(urls, a, a),
        },
        **_texts(pub, urls, v, html),
    }
    return _document("anvisningsversion", urls, version_path(a.id, v.version), v.sida, body)


def organ_lista_document(pub: Publication, urls: Urls) -> JsonDocument:
    return _document(
        "organ-lista",
        urls,
        ORGAN_LISTA,
        addresses.ORGAN,
        {"organ": [organ_metadata(pub, urls, o) for o in pub.organ]},
    )


def _anvisningspost(pub: Publication, urls: Urls, a: Anvisning) -> JsonDocument:
    """Everything the organ's page shows about one anvisning in its lists (but the lists
    it is in, `listor`, which are the organ's), so that a consumer needs no other
    document to show the same lists."""
    return {
        **anvisning_kort(pub, urls, a),
        "sammanfattning": a.sammanfattning,
        "exempelinnehall": a.exempelinnehall,
        "giltig_fran": iso(a.giltig_fran),
        **_current(pub.giltighet(a)),
        "revideras_senast": iso(a.revideras_senast),
        "ansvarig": _ref(pub, urls, a.ansvarig),
        "galler_for": {
            "alla": a.galler_for.alla,
            "organtyper": list(a.galler_for.organtyper),
            "organ": list(a.galler_for.organ),
        },
    }


class Poster:
    """What the documents of one build say about each anvisning wherever they list it,
    made once per anvisning: every organ's document lists most of them, so made per
    document the API would cost organ × anvisningar times what it says. The documents
    share these objects; nothing changes a document's parts after it is made (paging
    and the examples copy what they change)."""

    def __init__(self, pub: Publication, urls: Urls) -> None:
        self.pub, self.urls = pub, urls
        self._kort: dict[tuple[str, int], JsonDocument] = {}
        self._poster: dict[tuple[str, int], JsonDocument] = {}
        self._metadata: dict[tuple[str, int], JsonDocument] = {}

    def kort(self, a: Anvisning) -> JsonDocument:
        key = (a.id, a.version)
        if key not in self._kort:
            self._kort[key] = anvisning_kort(self.pub, self.urls, a)
        return self._kort[key]

    def post(self, a: Anvisning, listor: list[str]) -> JsonDocument:
        key = (a.id, a.version)
        if key not in self._poster:
            self._poster[key] = _anvisningspost(self.pub, self.urls, a)
        return {**self._poster[key], "listor": listor}

    def metadata(self, a: Anvisning) -> JsonDocument:
        """anvisning_metadata: for anvisningar.json and again for the anvisning's own."""
        key = (a.id, a.version)
        if key not in self._metadata:
            self._metadata[key] = anvisning_metadata(self.pub, self.urls, a)
        return self._metadata[key]


def organ_document(
    pub: Publication, urls: Urls, answer: OrganAnswer, poster: Poster | None = None
) -> JsonDocument:
    organ = answer.organ
    lists = answer.listor()
    poster = poster or Poster(pub, urls)

    def listed(anvisningar: Iterable[Anvisning]) -> list[JsonDocument]:
        return [poster.kort(a) for a in anvisningar]

    # Each anvisning once in full, however many lists name it: the lists stay as short
    # as in API v1 and the document grows with the anvisningar, not with the lists.
    where: dict[str, list[str]] = {}
    found: dict[str, Anvisning] = {}
    for key, anvisningar in lists.items():
        for a in anvisningar:
            where.setdefault(a.id, []).append(key)
            found.setdefault(a.id, a)

    body = organ_metadata(pub, urls, organ)
    del body["url"], body["json_url"]
    body.update(_referensdatum(pub))
    body["ansvar"] = list(answer.uppgifter)
    body["anvisningar"] = {key: listed(anvisningar) for key, anvisningar in lists.items()}
    body["anvisningsposter"] = [poster.post(a, where[id]) for id, a in found.items()]
    return _document("organ", urls, organ_path(organ.id), addresses.organ(organ.id), body)


def fokusomrade_document(
    pub: Publication, urls: Urls, answer: FokusAnswer, poster: Poster | None = None
) -> JsonDocument:
    poster = poster or Poster(pub, urls)
    body = _fokusomrade(pub, urls, answer.fokus)
    del body["url"], body["json_url"]
    body.update(_referensdatum(pub))
    body["kommunikation"] = pub.program.kommunikation if pub.program else None
    body["anvisningar"] = [poster.kort(a) for a in answer.anvisningar]
    body["upphavda_anvisningar"] = [poster.kort(a) for a in answer.upphavda]
    body["organ"] = {
        "ansvariga": [_ref(pub, urls, o) for o in answer.ansvariga],
        "galler_for_alla": answer.for_alla,
        "organtyper": list(answer.organtyper),
        "namngivna": [_ref(pub, urls, o) for o in answer.organ],
    }
    return _document(
        "fokusomrade",
        urls,
        fokusomrade_path(answer.fokus.id),
        addresses.fokusomrade(answer.fokus.id),
        body,
    )


# The follow-up ---------------------------------------------------------------------------


def _urval(pub: Publication) -> str:
    return URVAL_ALLA if pub.hel_rapportering else URVAL_OPPNA


def _rapport(pub: Publication, urls: Urls, year: Uppfoljningsar, r: Rapport) -> JsonDocument:
    body: JsonDocument = {
        "organ": _ref(pub, urls, r.organ),
        "inlamnad": r.inlamnad,
        "inlamnad_datum": iso(r.inlamnad_datum),
        "efter_sista_dag": efter_sista_dag(r, year),
        "atkomst": r.atkomst,
    }
    # A skyddad report is the fact of submission only: its other fields are left out,
    # not written as null, so no consumer can mistake it for a report without them.
    if not shown_in_full(r):
        return body
    body["referens"] = r.referens
    body["notering"] = r.notering
    body["risker"] = [
        {
            "titel": risk.titel,
            "fokusomraden": list(risk.fokusomraden),
            "sannolikhet": risk.sannolikhet,
            "konsekvens": risk.konsekvens,
            "atgarder": risk.atgarder,
            "lankar": {"fokusomraden": api_links.fokusomraden(pub, urls, risk.fokusomraden)},
        }
        for risk in r.risker
    ]
    return body


def _sammanfattning(year: Uppfoljningsar) -> JsonDocument:
    """How many have reported, from the data alone: not from the day of the build (which
    would tell an overdue report from an awaited one), so every build gives the same bytes."""
    inlamnade = sum(1 for r in year.rapporter if r.inlamnad)
    return {
        "organ": len(year.rapporter),
        "inlamnade": inlamnade,
        "sena": sum(1 for r in year.rapporter if efter_sista_dag(r, year)),
        "ej_inlamnade": len(year.rapporter) - inlamnade,
    }


def _uppfoljningsar(pub: Publication, urls: Urls, year: Uppfoljningsar) -> JsonDocument:
    return {
        "ar": year.ar,
        "sista_dag": year.sista_dag.isoformat(),
        "exempelinnehall": year.exempelinnehall,
        "url": urls.page(addresses.uppfoljningsar(year.ar)),
        # Counts of a partial list would be read as the city's: only with every report.
        "sammanfattning": _sammanfattning(year) if pub.hel_rapportering else None,
        "rapporter": [_rapport(pub, urls, year, r) for r in in_name_order(pub, year.rapporter)],
    }


def uppfoljning_document(pub: Publication, urls: Urls) -> JsonDocument:
    return _document(
        "uppfoljning",
        urls,
        UPPFOLJNING,
        addresses.UPPFOLJNING_OVERSIKT,
        {
            "urval": _urval(pub),
            "uppfoljningsar": [_uppfoljningsar(pub, urls, year) for year in pub.uppfoljning],
        },
    )


def _riskmatris(pub: Publication, urls: Urls, m: Riskmatris) -> JsonDocument:
    return {
        "ar": m.ar,
        "fokusomrade": m.fokusomrade,
        "lagesbilder": m.lagesbilder,
        "risker": m.risker,
        # Every cell, likelihood first: always the same 25 in one order.
        "celler": [
            {"sannolikhet": s, "konsekvens": k, "antal": m.celler[(s, k)]}
            for s in SKALA
            for k in SKALA
        ],
        "lankar": {"fokusomrade": api_links.fokusomraden(pub, urls, filter(None, [m.fokusomrade]))},
    }


def riskbild_document(pub: Publication, urls: Urls) -> JsonDocument:
    def scale(steps: Mapping[int, str]) -> list[JsonDocument]:
        return [{"varde": step, "namn": steps[step]} for step in SKALA]

    return _document(
        "riskbild",
        urls,
        RISKBILD,
        addresses.UPPFOLJNING_OVERSIKT,
        {
            "urval": _urval(pub),
            "skalor": {
                "sannolikhet": scale(SANNOLIKHET_STEG),
                "konsekvens": scale(KONSEKVENS_STEG),
            },
            "matriser": [_riskmatris(pub, urls, m) for m in pub.riskbilder],
        },
    )


def _indikator(pub: Publication, urls: Urls, i: Indikator) -> JsonDocument:
    return {
        "id": i.id,
        "namn": i.namn,
        "beskrivning": i.beskrivning,
        "enhet": i.enhet,
        "fokusomraden": list(i.fokusomraden),
        "datakalla": {
            "namn": i.datakalla.namn,
            "url": i.datakalla.url,
            "kommentar": i.datakalla.kommentar,
        },
        "exempelinnehall": i.exempelinnehall,
        # A value the source does not have is null, as every absent field in the API.
        "varden": [
            {"ar": v.ar, "kvinnor": v.kvinnor, "man": v.man, "alla": v.alla} for v in i.efter_ar
        ],
        "url": f"{urls.page(addresses.UPPFOLJNING_OVERSIKT)}#{i.id}",
        "lankar": {"fokusomraden": api_links.fokusomraden(pub, urls, i.fokusomraden)},
    }


def indikatorer_document(pub: Publication, urls: Urls) -> JsonDocument:
    return _document(
        "indikatorer",
        urls,
        INDIKATORER,
        addresses.UPPFOLJNING_OVERSIKT,
        {"indikatorer": [_indikator(pub, urls, i) for i in pub.indikatorer]},
    )


def documents(
    pub: Publication, urls: Urls, html: Mapping[str, str], per_sida: int = PER_SIDA
) -> dict[str, tuple[str, JsonDocument]]:
    """Every document but the index: path below api/v1/ -> (kind, document).

    `html` holds the rendered text of each anvisning page and each earlier version's
    page (below its metadata block), by the page's path below docs/. The lists that grow
    with the corpus come in pages of `per_sida` entries (views/paging.py).
    """
    return with_texts(pub, urls, bare_documents(pub, urls, per_sida), html)


def bare_documents(
    pub: Publication, urls: Urls, per_sida: int = PER_SIDA
) -> dict[str, tuple[str, JsonDocument]]:
    """`documents` before the pages are rendered: each anvisning's and earlier
    version's `text_html` is empty (null where the text is withheld) until `with_texts`.
    A build makes these once, for the API guide's examples and for publishing."""
    applicability = Applicability.of(pub.anvisningar)
    poster = Poster(pub, urls)
    found: dict[str, tuple[str, JsonDocument]] = {
        PROGRAM: ("program", program_document(pub, urls)),
        ANVISNINGAR: ("anvisningar", anvisningar_document(pub, urls, poster)),
        ORGAN_LISTA: ("organ-lista", organ_lista_document(pub, urls)),
        UPPFOLJNING: ("uppfoljning", uppfoljning_document(pub, urls)),
        RISKBILD: ("riskbild", riskbild_document(pub, urls)),
        INDIKATORER: ("indikatorer", indikatorer_document(pub, urls)),
        TIDSLINJE: ("tidslinje", tidslinje_document(pub, urls)),
    }
    for a in pub.anvisningar:
        found[anvisning_path(a.id)] = ("anvisning", anvisning_document(pub, urls, a, "", poster))
        # Only the published earlier versions are in the publication's periods.
        for period in pub.giltighet(a).perioder:
            old = period.anvisning
            if old.version != a.version:
                found[version_path(a.id, old.version)] = (
                    "anvisningsversion",
                    anvisningsversion_document(pub, urls, a, period, ""),
                )
    for organ in pub.organ:
        answer = organ_answer(pub, applicability, organ)
        found[organ_path(organ.id)] = ("organ", organ_document(pub, urls, answer, poster))
    for fokus in pub.fokusomraden:
        found[fokusomrade_path(fokus.id)] = (
            "fokusomrade",
            fokusomrade_document(pub, urls, fokus_answer(pub, fokus), poster),
        )
    return paginate(found, urls, per_sida)


def text_pages(pub: Publication) -> dict[str, str]:
    """The documents that carry a rendered text, by path, with the page it is from."""
    found: dict[str, str] = {}
    for a in pub.anvisningar:
        found[anvisning_path(a.id)] = a.sida
        for period in pub.giltighet(a).perioder:
            old = period.anvisning
            if old.version != a.version:
                found[version_path(a.id, old.version)] = old.sida
    return found


def with_texts(
    pub: Publication,
    urls: Urls,
    found: Mapping[str, tuple[str, JsonDocument]],
    html: Mapping[str, str],
) -> dict[str, tuple[str, JsonDocument]]:
    """`bare_documents` with each page's rendered text from `html` (by page below docs/):
    a copy in which only the documents with a text are new objects."""
    texted = dict(found)
    for path, sida in text_pages(pub).items():
        kind, document = found[path]
        # Null stays null: a text withheld (published as metadata only) is not filled in.
        if document["text_html"] is not None:
            text = absolute_links(html.get(sida, ""), urls.page(sida))
            texted[path] = (kind, {**document, "text_html": text})
    return texted


_URL_ATTRIBUTE = re.compile(r'\b(href|src)="([^"]*)"')


def absolute_links(html: str, base: str) -> str:
    """Links in rendered text made absolute, so a consumer can show the HTML anywhere."""
    return _URL_ATTRIBUTE.sub(lambda m: f'{m.group(1)}="{urljoin(base, m.group(2))}"', html)
