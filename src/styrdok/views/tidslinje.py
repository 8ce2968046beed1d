"""tidslinje.json: every version of every published anvisning with its interval and whom
it applied to, and the organ with what the rules of applicability need of them.

"Vad gällde den …?" reads it in the reader's browser, so the page answers for any day
without a server; other systems may do the same. Its size is linear in the content: one
entry per version and one per organ. Which version applied on a day follows from it by
the rule of `core.giltighet` (`queries.gallde` is the same answer in Python): of the
versions decided by that day (`beslutsdatum` null or not after it), the one whose
`giltig_fran` is on or before the day while the next such version's `giltig_fran`, or
else the anvisning's `upphavd_datum`, is after it.
"""

from __future__ import annotations

from typing import Any

from styrdok.core import addresses
from styrdok.core.giltighet import Versionsperiod
from styrdok.core.model import Anvisning, GallerFor, Organ
from styrdok.select import Publication
from styrdok.views.markdown import iso
from styrdok.views.queries import versionsperioder
from styrdok.views.urls import TIDSLINJE, Urls, anvisning_path

JsonDocument = dict[str, Any]


def galler_for_json(krets: GallerFor) -> JsonDocument:
    return {"alla": krets.alla, "organtyper": list(krets.organtyper), "organ": list(krets.organ)}


def _version(urls: Urls, period: Versionsperiod) -> JsonDocument:
    version = period.anvisning
    return {
        "version": period.version,
        "titel": version.titel,
        "beslutsdatum": iso(version.beslutsdatum),
        "giltig_fran": iso(period.fran),
        "giltig_till": iso(period.till),
        "galler_for": galler_for_json(version.galler_for),
        "url": urls.page(version.sida),
    }


def _anvisning(pub: Publication, urls: Urls, a: Anvisning) -> JsonDocument:
    return {
        "id": a.id,
        "titel": a.titel,
        "version": a.version,
        "url": urls.page(a.sida),
        "json_url": urls.api(anvisning_path(a.id)),
        "upphavd_datum": iso(a.upphavd_datum),
        "versioner": [_version(urls, p) for p in versionsperioder(pub, a)],
        # Versions this audience may not read, by number and dates only: they end the
        # period of the version before them, as on the anvisning's page.
        "dolda_versioner": [
            {
                "version": d.version,
                "beslutsdatum": iso(d.beslutsdatum),
                "giltig_fran": iso(d.giltig_fran),
            }
            for d in pub.dolda_versioner.get(a.id, ())
            if not d.utkast
        ],
    }


def organ_json(organ: Organ) -> JsonDocument:
    """What the rules of applicability need of an organ."""
    return {
        "id": organ.id,
        "namn": organ.namn,
        "typ": organ.typ,
        "tillampar_programmet": organ.tillampar_programmet,
    }


def tidslinje_document(pub: Publication, urls: Urls) -> JsonDocument:
    return {
        "$schema": urls.schema("tidslinje"),
        "json_url": urls.api(TIDSLINJE),
        "url": urls.page(addresses.VAD_GALLDE),
        "referensdatum": pub.dag.isoformat(),
        "organ": [organ_json(o) for o in pub.organ],
        "anvisningar": [_anvisning(pub, urls, a) for a in pub.anvisningar],
    }
