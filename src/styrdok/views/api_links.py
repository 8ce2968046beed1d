"""Expanded references for the API: what a document names by id, also as an object with
the thing's name and where to read it, as GOV.UK's content API expands its `links`.

The convention, the same in every document: beside the fields that hold bare ids
(`fokusomraden`, `ersatter`, `ersatt_av`, `galler_for.organ`, …), which stay as they are
for clients of API v1, the document or entry has one object `lankar`. It has one key
per such field, named like the field (`galler_for.organ` is `galler_for_organ`), and
each key holds a list, also for a field with a single id, of objects with `id`, `namn`
(`titel` for an anvisning or a programme), `url` (the page) and `json_url` (the
document). An address that does not exist is null, never guessed.

Only what the publication holds is expanded: selection has already removed withheld
anvisningar from the model and from every `ersatter`, so an id that is not published
is never looked up, let alone expanded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from styrdok.core import addresses
from styrdok.core.model import Anvisning, Fokusomrade, Forfattning, Malomrade
from styrdok.select import Publication
from styrdok.views.urls import PROGRAM, Urls, anvisning_path, fokusomrade_path, organ_path

Reference = dict[str, Any]

# The official consolidated text of a law in Svensk författningssamling, by SFS number.
RATTSDATABASER = "https://rkrattsbaser.gov.se/sfst?bet={sfs}"


def organ(pub: Publication, urls: Urls, organ_id: str) -> Reference:
    """An organ as a reference; one the model does not know keeps its id as its name."""
    known = pub.model.organ_med_id(organ_id) is not None
    return {
        "id": organ_id,
        "namn": pub.model.organ_namn(organ_id),
        "url": urls.page(addresses.organ(organ_id)) if known else None,
        "json_url": urls.api(organ_path(organ_id)) if known else None,
    }


def organs(pub: Publication, urls: Urls, ids: Iterable[str]) -> list[Reference]:
    return [organ(pub, urls, i) for i in ids]


def anvisningar(pub: Publication, urls: Urls, ids: Iterable[str | None]) -> list[Reference]:
    """Published anvisningar by id; an id the publication does not hold is left out."""
    found = (pub.model.anvisning_med_id(i) for i in ids if i)
    return [anvisning(urls, a) for a in found if a is not None]


def anvisning(urls: Urls, a: Anvisning) -> Reference:
    return {
        "id": a.id,
        "titel": a.titel,
        "url": urls.page(a.sida),
        "json_url": urls.api(anvisning_path(a.id)),
    }


def _parts(
    ids: Iterable[str],
    find: Callable[[str], Fokusomrade | Malomrade | None],
    shown: set[str],
    page: Callable[[str], str],
    document: Callable[[str], str] | None,
) -> list[Reference]:
    """Parts of a programme by id. Only those of the programme the site shows have a page
    (and, with `document`, a document); another programme's keep their name and null
    addresses."""
    found = (find(i) for i in ids)
    return [
        {
            "id": part.id,
            "namn": part.namn,
            "url": page(part.id) if part.id in shown else None,
            "json_url": document(part.id) if document and part.id in shown else None,
        }
        for part in found
        if part is not None
    ]


def fokusomraden(pub: Publication, urls: Urls, ids: Iterable[str]) -> list[Reference]:
    """Fokusområden by id, each with its page and document."""
    return _parts(
        ids,
        pub.model.fokusomrade_med_id,
        {f.id for f in pub.fokusomraden},
        lambda id: urls.page(addresses.fokusomrade(id)),
        lambda id: urls.api(fokusomrade_path(id)),
    )


def malomraden(pub: Publication, urls: Urls, ids: Iterable[str]) -> list[Reference]:
    """Målområden by id: they have a page but no document of their own (they are in
    program.json), so `json_url` is always null."""
    return _parts(
        ids,
        pub.model.malomrade_med_id,
        {m.id for m in pub.malomraden},
        lambda id: urls.page(addresses.malomrade(id)),
        None,
    )


def program(pub: Publication, urls: Urls, ids: Iterable[str]) -> list[Reference]:
    """Programmes by id: every one is in program.json (`alla_program`); only the one the
    site shows has a page, the start page."""
    found = (pub.model.program_med_id(i) for i in ids)
    shown = pub.program.id if pub.program else None
    return [
        {
            "id": p.id,
            "titel": p.titel,
            "url": urls.page("index.md") if p.id == shown else None,
            "json_url": urls.api(PROGRAM),
        }
        for p in found
        if p is not None
    ]


def forfattning_url(law: Forfattning) -> str:
    """Where the law's official text is: Regeringskansliets rättsdatabaser, by SFS number
    (the schema requires one for every law in data/forfattningar.yml)."""
    return RATTSDATABASER.format(sfs=law.sfs)
