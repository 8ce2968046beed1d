"""The machine-readable publication: static JSON documents under api/v1/.

Every document is made from the publication alone, carries its canonical page URL and
its own JSON URL, and is serialised deterministically (sorted keys, stable list order,
UTF-8, no build time), so the same source gives the same bytes. The index lists every
other document with its sha256, so a consumer can tell what changed without fetching
everything.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from styrdok.core import addresses
from styrdok.core.model import Anvisning, Fokusomrade, Malomrade, Organ, Program
from styrdok.select import Publication
from styrdok.views.crossref import (
    Applicability,
    FokusAnswer,
    OrganAnswer,
    fokus_answer,
    organ_answer,
)
from styrdok.views.markdown import iso

API_VERSION = "1"
API_DIR = f"api/v{API_VERSION}"

# Published document kind -> its schema file in schema/api/v1/.
SCHEMAS = {
    "index": "index.schema.json",
    "program": "program.schema.json",
    "anvisningar": "anvisningar.schema.json",
    "anvisning": "anvisning.schema.json",
    "organ-lista": "organ-lista.schema.json",
    "organ": "organ.schema.json",
    "fokusomrade": "fokusomrade.schema.json",
}

OPENAPI = "openapi.json"

Document = dict[str, Any]


@dataclass(frozen=True)
class Urls:
    """Absolute addresses: `site_url` ends with a slash; `page_path` maps a page below
    docs/ to its path on the site (e.g. anvisningar/x.md -> anvisningar/x/)."""

    site_url: str
    page_path: Callable[[str], str]

    def page(self, sida: str) -> str:
        return urljoin(self.site_url, self.page_path(sida))

    def file(self, path: str) -> str:
        """A file that is not a page, e.g. anvisningar/forteckning.csv."""
        return urljoin(self.site_url, path)

    def api(self, path: str) -> str:
        return urljoin(self.site_url, f"{API_DIR}/{path}")

    def schema(self, kind: str) -> str:
        return self.api(f"schema/{SCHEMAS[kind]}")


def anvisning_path(id: str) -> str:
    return f"anvisningar/{id}.json"


def organ_path(id: str) -> str:
    return f"organ/{id}.json"


def fokusomrade_path(id: str) -> str:
    return f"fokusomraden/{id}.json"


# Pieces shared by several documents ---------------------------------------------------


def _ref(pub: Publication, urls: Urls, organ_id: str | None) -> Document | None:
    """An organ as other documents refer to it: id, name and where to read more."""
    if organ_id is None:
        return None
    organ = pub.model.organ_med_id(organ_id)
    return {
        "id": organ_id,
        "namn": organ.namn if organ else organ_id,
        "url": urls.page(addresses.organ(organ_id)) if organ else None,
        "json_url": urls.api(organ_path(organ_id)) if organ else None,
    }


def anvisning_kort(urls: Urls, a: Anvisning) -> Document:
    return {
        "id": a.id,
        "titel": a.titel,
        "status": a.status,
        "url": urls.page(a.sida),
        "json_url": urls.api(anvisning_path(a.id)),
    }


def anvisning_metadata(pub: Publication, urls: Urls, a: Anvisning) -> Document:
    laws = [pub.model.forfattning_med_id(i) for i in a.rattslig_grund]
    return {
        **anvisning_kort(urls, a),
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
            {"id": law.id, "namn": law.namn, "kortnamn": law.kortnamn, "sfs": law.sfs}
            for law in laws
            if law
        ],
        "kontakt": {
            "funktion": a.kontakt.funktion,
            "epost": a.kontakt.epost,
            "telefon": a.kontakt.telefon,
        },
        "exempelinnehall": a.exempelinnehall,
    }


def organ_metadata(pub: Publication, urls: Urls, organ: Organ) -> Document:
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
    }


def _malomrade(pub: Publication, urls: Urls, m: Malomrade) -> Document:
    return {
        "id": m.id,
        "namn": m.namn,
        "beskrivning": m.beskrivning,
        "karna": m.karna,
        "ordning": m.ordning,
        "fokusomraden": [f.id for f in pub.fokusomraden if m.id in f.malomraden],
        "url": urls.page(addresses.malomrade(m.id)),
    }


def _fokusomrade(urls: Urls, f: Fokusomrade) -> Document:
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
    }


def _program(pub: Publication, urls: Urls, p: Program) -> Document:
    return {
        "id": p.id,
        "titel": p.titel,
        "kortnamn": p.kortnamn,
        "period": {"fran": p.period_fran, "till": p.period_till},
        "status": p.status,
        "i_kraft": p.i_kraft,
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
            }
            for a in p.ansvar
        ],
        "ersatter": list(p.ersatter),
        "ersatt_av": pub.model.program_ersatt_av(p.id),
    }


# The documents --------------------------------------------------------------------------


def _document(kind: str, urls: Urls, path: str, page: str, body: Document) -> Document:
    return {
        "$schema": urls.schema(kind),
        "json_url": urls.api(path),
        "url": urls.page(page),
        **body,
    }


def program_document(pub: Publication, urls: Urls) -> Document:
    shown = pub.program
    return _document(
        "program",
        urls,
        "program.json",
        "index.md",
        {
            "program": _program(pub, urls, shown) if shown else None,
            "malomraden": [_malomrade(pub, urls, m) for m in pub.malomraden],
            "fokusomraden": [_fokusomrade(urls, f) for f in pub.fokusomraden],
            "alla_program": [_program(pub, urls, p) for p in pub.model.program],
        },
    )


def anvisningar_document(pub: Publication, urls: Urls) -> Document:
    return _document(
        "anvisningar",
        urls,
        "anvisningar.json",
        addresses.FORTECKNING,
        {"anvisningar": [anvisning_metadata(pub, urls, a) for a in pub.anvisningar]},
    )


def anvisning_document(pub: Publication, urls: Urls, a: Anvisning, html: str) -> Document:
    body = anvisning_metadata(pub, urls, a)
    del body["url"], body["json_url"]
    # A skyddad anvisning is published as metadata only: no text, not even an empty one.
    withheld = a.sida in pub.bara_metadata
    body["text_markdown"] = None if withheld else a.text
    body["text_html"] = None if withheld else absolute_links(html, urls.page(a.sida))
    return _document("anvisning", urls, anvisning_path(a.id), a.sida, body)


def organ_lista_document(pub: Publication, urls: Urls) -> Document:
    return _document(
        "organ-lista",
        urls,
        "organ.json",
        addresses.ORGAN,
        {"organ": [organ_metadata(pub, urls, o) for o in pub.organ]},
    )


def organ_document(pub: Publication, urls: Urls, answer: OrganAnswer) -> Document:
    organ = answer.organ

    def listed(anvisningar: Iterable[Anvisning]) -> list[Document]:
        return [anvisning_kort(urls, a) for a in anvisningar]

    body = organ_metadata(pub, urls, organ)
    del body["url"], body["json_url"]
    body["ansvar"] = list(answer.uppgifter)
    body["anvisningar"] = {
        "samtliga": listed(answer.samtliga),
        "for_typ": listed(answer.for_typ),
        "sarskilt": listed(answer.sarskilt),
        "ansvarar_for": listed(answer.ansvarar_for),
        "under_arbete": listed(answer.under_arbete),
    }
    return _document("organ", urls, organ_path(organ.id), addresses.organ(organ.id), body)


def fokusomrade_document(pub: Publication, urls: Urls, answer: FokusAnswer) -> Document:
    body = _fokusomrade(urls, answer.fokus)
    del body["url"], body["json_url"]
    body["kommunikation"] = pub.program.kommunikation if pub.program else None
    body["anvisningar"] = [anvisning_kort(urls, a) for a in answer.anvisningar]
    body["upphavda_anvisningar"] = [anvisning_kort(urls, a) for a in answer.upphavda]
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


def documents(
    pub: Publication, urls: Urls, html: Mapping[str, str]
) -> dict[str, tuple[str, Document]]:
    """Every document but the index: path below api/v1/ -> (kind, document).

    `html` holds the rendered text of each anvisning page (below its metadata block).
    """
    applicability = Applicability.of(pub.anvisningar)
    found: dict[str, tuple[str, Document]] = {
        "program.json": ("program", program_document(pub, urls)),
        "anvisningar.json": ("anvisningar", anvisningar_document(pub, urls)),
        "organ.json": ("organ-lista", organ_lista_document(pub, urls)),
    }
    for a in pub.anvisningar:
        found[anvisning_path(a.id)] = (
            "anvisning",
            anvisning_document(pub, urls, a, html.get(a.sida, "")),
        )
    for organ in pub.organ:
        answer = organ_answer(pub, applicability, organ)
        found[organ_path(organ.id)] = ("organ", organ_document(pub, urls, answer))
    for fokus in pub.fokusomraden:
        found[fokusomrade_path(fokus.id)] = (
            "fokusomrade",
            fokusomrade_document(pub, urls, fokus_answer(pub, fokus)),
        )
    return found


def serialize(document: Document) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode(
        "utf-8"
    )


def index_document(
    pub: Publication, urls: Urls, written: Mapping[str, tuple[str, bytes]]
) -> Document:
    """The entry point: every other document with its URL, sha256 and schema."""
    return {
        "$schema": urls.schema("index"),
        "json_url": urls.api("index.json"),
        "url": urls.page("index.md"),
        "api_version": API_VERSION,
        "malgrupp": pub.malgrupp,
        "program": pub.program.id if pub.program else None,
        "antal": {
            "anvisningar": len(pub.anvisningar),
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
            }
            for path, (kind, data) in sorted(written.items())
        ],
        "scheman": {kind: urls.schema(kind) for kind in sorted(SCHEMAS)},
        "flode": urls.file(addresses.ANDRINGAR_ATOM),
        "csv": urls.file(addresses.FORTECKNING_CSV),
        "openapi": urls.api(OPENAPI),
    }


def published_schema(source: Path, urls: Urls, kind: str) -> bytes:
    """A schema as published: its `$id` is its address on this site."""
    schema = json.loads(source.read_text(encoding="utf-8"))
    # Keys keep the source's reading order ($schema, $id, title first); the bytes are
    # still the same for the same source.
    published = {"$schema": schema.pop("$schema", None), "$id": urls.schema(kind), **schema}
    return (json.dumps(published, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def publish(
    pub: Publication, urls: Urls, html: Mapping[str, str], schema_dir: Path, out: Path
) -> dict[str, bytes]:
    """Write the API below `out` (the site's api/v1/) and return what was written, by path."""
    written: dict[str, tuple[str, bytes]] = {
        path: (kind, serialize(document))
        for path, (kind, document) in documents(pub, urls, html).items()
    }
    files = {path: data for path, (_, data) in written.items()}
    files["index.json"] = serialize(index_document(pub, urls, written))
    for kind, name in SCHEMAS.items():
        files[f"schema/{name}"] = published_schema(schema_dir / name, urls, kind)
    openapi = schema_dir / OPENAPI
    if openapi.is_file():
        files[OPENAPI] = published_openapi(openapi, urls)
    for path, data in files.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return files


def published_openapi(source: Path, urls: Urls) -> bytes:
    """The OpenAPI description as published: its server is this site's API."""
    description = json.loads(source.read_text(encoding="utf-8"))
    description["servers"] = [
        {"url": urls.api("").rstrip("/"), "description": "Den här webbplatsen"}
    ]
    return serialize(description)


def example(
    pub: Publication,
    urls: Urls,
    found: Mapping[str, tuple[str, Document]],
    kind: str,
    id: str | None = None,
) -> Document:
    """A document as the API publishes it, for the consumer documentation.

    `found` is `documents(pub, urls, {})`, made once by the caller for all examples. The
    rendered HTML of an anvisning exists only after the build, so the example shows a
    placeholder there.
    """
    if kind == "index":
        written = {p: (k, serialize(d)) for p, (k, d) in found.items()}
        return index_document(pub, urls, written)
    path = {
        "program": "program.json",
        "anvisningar": "anvisningar.json",
        "organ-lista": "organ.json",
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


def shortened(value: Any, entries: int) -> Any:
    """A copy with every list cut to its first `entries` items: for readable examples."""
    if isinstance(value, dict):
        return {key: shortened(item, entries) for key, item in value.items()}
    if isinstance(value, list):
        return [shortened(item, entries) for item in value[:entries]]
    return value


_URL_ATTRIBUTE = re.compile(r'\b(href|src)="([^"]*)"')


def absolute_links(html: str, base: str) -> str:
    """Links in rendered text made absolute, so a consumer can show the HTML anywhere."""
    return _URL_ATTRIBUTE.sub(lambda m: f'{m.group(1)}="{urljoin(base, m.group(2))}"', html)
