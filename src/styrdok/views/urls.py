"""Where the published things live: absolute page addresses and the API's paths."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlparse, urlunparse, uses_netloc, uses_relative

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
    # Whether `site_url` is a base that `join` may simply prefix (decided once).
    _prefixable: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_prefixable", prefixable(self.site_url))

    def join(self, path: str) -> str:
        """`urljoin(site_url, path)`, exactly. A build makes hundreds of thousands of
        addresses from one base, nearly all a plain relative path below it, for which
        urljoin's result is the base followed by the path; anything else is urljoin's."""
        if self._prefixable and _PLAIN_PATH.match(path):
            return self.site_url + path
        return urljoin(self.site_url, path)

    def page(self, sida: str) -> str:
        return self.join(self.page_path(sida))

    def file(self, path: str) -> str:
        """A file that is not a page, e.g. anvisningar/forteckning.csv."""
        return self.join(path)

    def api(self, path: str) -> str:
        return self.join(api_path(path))

    def schema(self, kind: str) -> str:
        return self.api(f"schema/{SCHEMAS[kind]}")


# A relative path that urljoin resolves against a directory by appending it: segments
# of characters with no meaning to URL parsing (no scheme's colon, no parameters, query
# or fragment, no white space or controls that urlsplit strips), none empty (urljoin
# drops empty inner segments) and none a dot segment; the last may be empty ("a/b/").
_SEGMENT_CHARS = r"[A-Za-z0-9_~!$&'()*+,=@%.-]"
_PLAIN_PATH = re.compile(rf"(?:(?!\.\.?/){_SEGMENT_CHARS}+/)*(?:(?!\.\.?\Z){_SEGMENT_CHARS}+)?\Z")


def prefixable(base: str) -> bool:
    """Whether urljoin(base, p) is base + p for every plain relative path p: an absolute
    http(s)-like address of a directory, written as urlparse reads it back, with no
    parameters, query or fragment and no empty or dot segments in its path."""
    parts = urlparse(base)
    segments = parts.path.split("/")[1:-1]
    return (
        parts.scheme in uses_relative
        and parts.scheme in uses_netloc
        and bool(parts.netloc)
        and parts.path.startswith("/")
        and parts.path.endswith("/")
        and not (parts.params or parts.query or parts.fragment)
        and all(s not in ("", ".", "..") for s in segments)
        and urlunparse(parts) == base
    )


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
