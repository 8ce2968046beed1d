"""The API as files: each document serialised deterministically, the index that lists
them with their sha256, the schemas and the OpenAPI description with this site's
addresses, and the examples the API guide shows.

Pure like the other views: it returns bytes by path; the adapter reads the schema files
and writes the result.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from datetime import date
from functools import cached_property
from typing import Any, NamedTuple

from styrdok.core import addresses
from styrdok.select import Publication
from styrdok.views import andringsdatum, jsonbytes, tvillingar
from styrdok.views.api import JsonDocument, bare_documents, with_texts
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


class Digest(NamedTuple):
    """What the index says of a document's bytes."""

    sha256: str
    size: int

    @classmethod
    def of(cls, data: bytes) -> Digest:
        return cls(hashlib.sha256(data).hexdigest(), len(data))


def index_document(
    pub: Publication,
    urls: Urls,
    written: Mapping[str, tuple[str, bytes | Digest]],
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
                "sha256": digest.sha256,
                "storlek": digest.size,
                "schema": urls.schema(kind),
                "senast_andrad": iso(dates.get(path)),
            }
            for path, kind, digest in _digests(written)
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


def _digests(
    written: Mapping[str, tuple[str, bytes | Digest]],
) -> Iterator[tuple[str, str, Digest]]:
    """The documents by path, each with its digest (`written` holds either the bytes or,
    from a build that has written them already, their digest)."""
    for path, (kind, data) in sorted(written.items()):
        yield path, kind, data if isinstance(data, Digest) else Digest.of(data)


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


class Dokumentsamling:
    """The API's documents of one build, each made once: the API guide's examples read
    them while the pages render, and publishing adds the rendered texts at the end."""

    def __init__(self, pub: Publication, urls: Urls, per_sida: int = PER_SIDA) -> None:
        self.pub, self.urls, self.per_sida = pub, urls, per_sida

    @cached_property
    def utan_text(self) -> dict[str, tuple[str, JsonDocument]]:
        """Every document but the index and the twins, each text still empty."""
        return bare_documents(self.pub, self.urls, self.per_sida)

    @cached_property
    def datum(self) -> dict[str, date | None]:
        """The day each of them last changed (the rendered text does not count)."""
        return document_dates(self.pub, self.urls, self.utan_text)

    def exempel(self, kind: str, id: str | None = None, poster: int = 1) -> JsonDocument:
        """`example`, with every list cut to `poster` entries."""
        document = example(self.pub, self.urls, self.utan_text, kind, id, self.datum, poster)
        return shortened(document, poster)


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
    samling: Dokumentsamling | None = None,
) -> dict[str, bytes]:
    """Every file of the API below api/v1/, by path (`api_file_stream`, all at once)."""
    return dict(
        api_file_stream(
            pub, urls, html, schemas, openapi, licens, katalog, pages, per_sida, samling
        )
    )


def api_file_stream(
    pub: Publication,
    urls: Urls,
    html: Mapping[str, str],
    schemas: Mapping[str, Mapping[str, Any]],
    openapi: Mapping[str, Any] | None,
    licens: Licens = STANDARD,
    katalog: Installning | None = None,
    pages: Mapping[str, tvillingar.Sidtext] | None = None,
    per_sida: int = PER_SIDA,
    samling: Dokumentsamling | None = None,
) -> Iterator[tuple[str, bytes]]:
    """Every file of the API below api/v1/ as (path, bytes), one at a time: a writer
    that writes each before taking the next never holds them all (at thousands of
    anvisningar they are more than the documents they are made from).

    `html` holds the rendered text of each anvisning page; `schemas` the source schema of
    each document kind (SCHEMAS), `openapi` the OpenAPI description if there is one;
    `katalog`, for the public build only, what its DCAT-AP-SE record needs; `pages` what
    the build captured of every HTML page, for the pages' twins; `samling` the build's
    documents if it has made them already (for the guide's examples).
    """
    samling = samling or Dokumentsamling(pub, urls, per_sida)
    record = katalog is not None and pub.malgrupp == "publik"
    found = with_texts(pub, urls, samling.utan_text, html)
    twins = tvillingar.documents(pub, urls, pages or {})
    found.update(twins)
    written: dict[str, tuple[str, Digest]] = {}
    for path, (kind, document) in found.items():
        data = serialize(document)
        written[path] = (kind, Digest.of(data))
        yield path, data
    dates = {**samling.datum, **document_dates(pub, urls, twins)}
    index = index_document(pub, urls, written, dates, licens=licens, katalog=record)
    yield INDEX, serialize(index)
    if record and katalog is not None:
        yield KATALOG, katalog_rdf(pub, urls, licens, katalog)
    for kind, name in SCHEMAS.items():
        yield f"schema/{name}", published_schema(schemas[kind], urls, kind)
    if openapi is not None:
        described = {**found, INDEX: ("index", index)}
        yield (
            OPENAPI,
            serialize(published(openapi, urls, described, pub.malgrupp, licens.openapi())),
        )


def example(
    pub: Publication,
    urls: Urls,
    found: Mapping[str, tuple[str, JsonDocument]],
    kind: str,
    id: str | None = None,
    dates: Mapping[str, date | None] | None = None,
    entries: int | None = None,
) -> JsonDocument:
    """A document as the API publishes it, for the consumer documentation.

    `found` is `documents(pub, urls, {})` (or `bare_documents`), made once by the caller
    for all examples, `dates` its `document_dates` if the caller has them. The rendered
    HTML of an anvisning exists only after the build, so the example shows a placeholder
    there. The index lists the first `entries` documents only, if given: an example cut
    to that many entries shows no more, and the others need not be serialised for it.
    """
    if kind == "index":
        listed = sorted(found)[:entries] if entries is not None else found
        written = {p: (found[p][0], serialize(found[p][1])) for p in listed}
        if dates is None:
            dates = document_dates(pub, urls, found)
        return index_document(pub, urls, written, dates)
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
