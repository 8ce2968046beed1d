"""Where the published things live: absolute page addresses and the API's paths."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin

API_VERSION = "1"
API_DIR = f"api/v{API_VERSION}"
# This version's life cycle (docs/api.md, "Ändringar i API:t"): "gällande" until a next
# version is published; then "avvecklas", with the first day it may be gone (at least
# twelve months later) and the folder of its successor, e.g. "api/v2".
API_STATUS = "gällande"
API_AVVECKLAS_FRAN: str | None = None
API_EFTERFOLJARE: str | None = None

# Published document kind -> its schema file in schema/api/v1/.
SCHEMAS = {
    "index": "index.schema.json",
    "program": "program.schema.json",
    "anvisningar": "anvisningar.schema.json",
    "anvisning": "anvisning.schema.json",
    "anvisningsversion": "anvisningsversion.schema.json",
    "organ-lista": "organ-lista.schema.json",
    "organ": "organ.schema.json",
    "fokusomrade": "fokusomrade.schema.json",
    "uppfoljning": "uppfoljning.schema.json",
    "riskbild": "riskbild.schema.json",
    "indikatorer": "indikatorer.schema.json",
    "tidslinje": "tidslinje.schema.json",
    # A page's twin where no domain document describes the page, and the list of twins.
    "sida": "sida.schema.json",
    "sidor": "sidor.schema.json",
}

# The documents at fixed addresses below api/v1/, one name each for every module that
# writes, lists or links them.
INDEX = "index.json"
PROGRAM = "program.json"
ANVISNINGAR = "anvisningar.json"
ORGAN_LISTA = "organ.json"
UPPFOLJNING = "uppfoljning.json"
RISKBILD = "riskbild.json"
INDIKATORER = "indikatorer.json"
OPENAPI = "openapi.json"
# Every version of every anvisning with its interval: what "Vad gällde den …?" reads.
TIDSLINJE = "tidslinje.json"
# Every HTML page of the site with its JSON twin (views/tvillingar.py).
SIDOR = "sidor.json"


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
        return urljoin(self.site_url, api_path(path))

    def schema(self, kind: str) -> str:
        return self.api(f"schema/{SCHEMAS[kind]}")


def api_path(path: str) -> str:
    """A file of the API (a path below api/v1/) as a path from the site's root."""
    return f"{API_DIR}/{path}"


def anvisning_path(id: str) -> str:
    return f"anvisningar/{id}.json"


def version_path(id: str, version: int) -> str:
    """An earlier version of an anvisning, kept beside the anvisning's own document."""
    return f"anvisningar/{id}/versioner/{version}.json"


def organ_path(id: str) -> str:
    return f"organ/{id}.json"


def fokusomrade_path(id: str) -> str:
    return f"fokusomraden/{id}.json"


def sida_path(sida: str) -> str:
    """The twin of a page that no domain document describes: sidor/beslutet.json for
    beslutet.md, sidor/malomraden/index.json for malomraden/index.md."""
    return f"sidor/{sida.removesuffix('.md')}.json"


def sidadress(sida: str) -> str:
    """Where a page below docs/ is on a site with directory URLs (MkDocs' default, which
    the site uses), relative to the site: a/b.md -> a/b/, a/index.md -> a/."""
    stem = sida.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"
