"""The API as files: each document serialised deterministically, the index that lists
them with their sha256, the schemas and the OpenAPI description with this site's
addresses, and the examples the API guide shows.

Pure like the other views: it returns bytes by path; the adapter reads the schema files
and writes the result.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import date
from typing import Any

from styrdok.core import addresses
from styrdok.select import Publication
from styrdok.views import andringsdatum, jsonbytes, tvillingar
from styrdok.views.api import JsonDocument, documents
from styrdok.views.katalog import KATALOG, Installning, katalog_rdf
from styrdok.views.licens import STANDARD, Licens
from styrdok.views.markdown import iso
from styrdok.views.openapi import published
from styrdok.views.openapi import shortened as shortened
from styrdok.views.paging import PER_SIDA
from styrdok.views.urls import (
    ANVISNINGAR,
    API_AVVECKLAS_FRAN,
    API_EFTERFOLJARE,
    API_STATUS,
    API_VERSION,
    INDEX,
    INDIKATORER,
    OPENAPI,
    ORGAN_LISTA,
    PROGRAM,
    RISKBILD,
    SCHEMAS,
    SIDOR,
    TIDSLINJE,
    UPPFOLJNING,
    Urls,
    anvisning_path,
    fokusomrade_path,
    organ_path,
)


def serialize(document: JsonDocument) -> bytes:
    """A document's bytes: indented, keys sorted, UTF-8 (views/jsonbytes.py)."""
    return jsonbytes.dumps(document)


def index_document(
    pub: Publication,
    urls: Urls,
    written: Mapping[str, tuple[str, bytes]],
    dates: Mapping[str, date | None] | None = None,
    licens: Licens = STANDARD,
    katalog: bool = False,
) -> JsonDocument:
    """The entry point: every other document with its URL, sha256, schema and the day its
    data last changed (`dates`, by path; `andringsdatum`), the data's licence, and the
    DCAT-AP-SE catalogue record when the build has one."""
    dates = dates or {}
    return {
        "$schema": urls.schema("index"),
        "json_url": urls.api(INDEX),
        "url": urls.page("index.md"),
        "api_version": API_VERSION,
        "livscykel": livscykel(pub, urls),
        "malgrupp": pub.malgrupp,
        "program": pub.program.id if pub.program else None,
        "referensdatum": pub.dag.isoformat(),
        "antal": {
            "anvisningar": len(pub.anvisningar),
            "anvisningsversioner": sum(len(pub.versioner(a)) for a in pub.anvisningar),
            "organ": len(pub.organ),
            "fokusomraden": len(pub.fokusomraden),
            "malomraden": len(pub.malomraden),
        },
        "dokument": [
            {
                "typ": kind,
                "url": urls.api(path),
                "sha256": hashlib.sha256(data).hexdigest(),
                "storlek": len(data),
                "schema": urls.schema(kind),
                "senast_andrad": iso(dates.get(path)),
            }
            for path, (kind, data) in sorted(written.items())
        ],
        "scheman": {kind: urls.schema(kind) for kind in sorted(SCHEMAS)},
        "flode": urls.file(addresses.ANDRINGAR_ATOM),
        "csv": urls.file(addresses.FORTECKNING_CSV),
        "openapi": urls.api(OPENAPI),
        "licens": licens.json(),
        "katalog": urls.api(KATALOG) if katalog else None,
        # Every HTML page with its JSON twin (views/tvillingar.py).
        "sidor": urls.api(SIDOR),
    }


def document_dates(
    pub: Publication, urls: Urls, found: Mapping[str, tuple[str, JsonDocument]]
) -> dict[str, date | None]:
    """The day each document's data last changed, by path."""
    per_anvisning = andringsdatum.per_anvisning(pub, urls)
    return {
        path: andringsdatum.document_date(pub, kind, document, per_anvisning)
        for path, (kind, document) in found.items()
    }


def guide_url(pub: Publication, urls: Urls, anchor: str = "") -> str | None:
    """The address of the API guide (a section of it), if this build publishes the guide."""
    if pub.sida(addresses.API_GUIDE) is None:
        return None
    return urls.page(addresses.API_GUIDE) + (f"#{anchor}" if anchor else "")


def livscykel(pub: Publication, urls: Urls) -> JsonDocument:
    """Where this API version stands: consumers read it to learn, without reading the
    guide, that the version is being wound down, from which day, and what replaces it.
    The rules are the guide's section; without the guide, the OpenAPI description's,
    which states them too."""
    return {
        "status": API_STATUS,
        "avvecklas_fran": API_AVVECKLAS_FRAN,
        "efterfoljare": urls.file(f"{API_EFTERFOLJARE}/{INDEX}") if API_EFTERFOLJARE else None,
        "policy": guide_url(pub, urls, "regler-for-andringar") or urls.api(OPENAPI),
    }


def published_schema(schema: Mapping[str, Any], urls: Urls, kind: str) -> bytes:
    """A schema as published: its `$id` is its address on this site."""
    schema = dict(schema)
    # Keys keep the source's reading order ($schema, $id, title first); the bytes are
    # still the same for the same source.
    published = {"$schema": schema.pop("$schema", None), "$id": urls.schema(kind), **schema}
    return (json.dumps(published, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def api_files(
    pub: Publication,
    urls: Urls,
    html: Mapping[str, str],
    schemas: Mapping[str, Mapping[str, Any]],
    openapi: Mapping[str, Any] | None,
    licens: Licens = STANDARD,
    katalog: Installning | None = None,
    pages: Mapping[str, tvillingar.Sidtext] | None = None,
    per_sida: int = PER_SIDA,
) -> dict[str, bytes]:
    """Every file of the API below api/v1/, by path.

    `html` holds the rendered text of each anvisning page; `schemas` the source schema of
    each document kind (SCHEMAS), `openapi` the OpenAPI description if there is one;
    `katalog`, for the public build only, what its DCAT-AP-SE record needs; `pages` what
    the build captured of every HTML page, for the pages' twins.
    """
    record = katalog is not None and pub.malgrupp == "publik"
    found = documents(pub, urls, html, per_sida)
    found.update(tvillingar.documents(pub, urls, pages or {}))
    written: dict[str, tuple[str, bytes]] = {
        path: (kind, serialize(document)) for path, (kind, document) in found.items()
    }
    files = {path: data for path, (_, data) in written.items()}
    index = index_document(
        pub, urls, written, document_dates(pub, urls, found), licens=licens, katalog=record
    )
    files[INDEX] = serialize(index)
    if record and katalog is not None:
        files[KATALOG] = katalog_rdf(pub, urls, licens, katalog)
    for kind, name in SCHEMAS.items():
        files[f"schema/{name}"] = published_schema(schemas[kind], urls, kind)
    if openapi is not None:
        described = {**found, INDEX: ("index", index)}
        files[OPENAPI] = serialize(
            published(openapi, urls, described, pub.malgrupp, licens.openapi())
        )
    return files


def example(
    pub: Publication,
    urls: Urls,
    found: Mapping[str, tuple[str, JsonDocument]],
    kind: str,
    id: str | None = None,
) -> JsonDocument:
    """A document as the API publishes it, for the consumer documentation.

    `found` is `documents(pub, urls, {})`, made once by the caller for all examples. The
    rendered HTML of an anvisning exists only after the build, so the example shows a
    placeholder there.
    """
    if kind == "index":
        written = {p: (k, serialize(d)) for p, (k, d) in found.items()}
        return index_document(pub, urls, written, document_dates(pub, urls, found))
    path = {
        "program": PROGRAM,
        "anvisningar": ANVISNINGAR,
        "organ-lista": ORGAN_LISTA,
        "uppfoljning": UPPFOLJNING,
        "riskbild": RISKBILD,
        "indikatorer": INDIKATORER,
        "tidslinje": TIDSLINJE,
        "anvisning": anvisning_path(id or ""),
        "organ": organ_path(id or ""),
        "fokusomrade": fokusomrade_path(id or ""),
    }.get(kind)
    if path not in found:
        raise ValueError(f"api_exempel: okänt dokument '{kind}' med id '{id}'")
    document = dict(found[path][1])
    if kind == "anvisning":
        document["text_html"] = '<h2 id="syfte">Syfte</h2>\n<p>…</p>'
    return document
