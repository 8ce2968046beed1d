"""The JSON API as the tests read it: where the schemas' source is, a document's errors
against a schema (one line each), and the addresses of a made-up site."""

from __future__ import annotations

from typing import Any

from jsonschema import Draft202012Validator

from styrdok.core.site_pages import site_pages
from styrdok.select import Publication
from styrdok.views.urls import API_DIR, Urls

from helpers import REPO

SCHEMA_SOURCE = REPO / "schema" / API_DIR
DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"
SITE = "https://intranat.example.se/tsp/"


def page_path(sida: str) -> str:
    """Where MkDocs puts a page with directory URLs: a/b.md -> a/b/, a/index.md -> a/."""
    return sida.removesuffix(".md").removesuffix("index") + (
        "/" if not sida.endswith("index.md") else ""
    )


URLS = Urls(SITE, page_path)


def validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def errors(schema: dict[str, Any], document: Any, label: str) -> list[str]:
    return [
        f"{label}: {'/'.join(map(str, e.absolute_path)) or '(dokumentet)'}: {e.message}"
        for e in validator(schema).iter_errors(document)
    ]


def site_urls(pub: Publication) -> Urls:
    """The addresses of `pub`'s own site, which knows only the pages it has: like the
    build's (adapters/site_files.py), a page it does not have is a KeyError, not a
    guessed address."""
    pages = {s.sida for s in pub.model.sidor}
    pages |= {a.sida for a in (*pub.anvisningar, *pub.model.versioner)}
    generated = site_pages(pub.model).generated
    pages |= {p for p, audiences in generated.items() if pub.malgrupp in audiences}
    known = {p: page_path(p) for p in pages if p.endswith(".md")}
    return Urls(SITE, known.__getitem__)
