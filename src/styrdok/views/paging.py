"""Lists that grow with the corpus, published in pages of a fixed size.

A document with such lists (anvisningar.json, tidslinje.json, each organ's document) is
published as one or more pages. Page 1 stays at the document's own address with every
field it always had, so a v1 client that reads only that address keeps working; page n
(n ≥ 2) is at `<name>.sida-<n>.json` beside it. No document name has a dot before
`.json` (ids are a–z, 0–9 and -), so a page can never take another document's address.

Every page is the whole document with only the paged lists cut to their slice: the other
fields are repeated, each page validates against the same schema, and `sidindelning`
says where the page is and links the others. Page n holds entries (n-1)·per_sida up to
n·per_sida of each paged list, in the document's order, so reading `nasta` until it is
null gives every entry exactly once. Paging is always on, even for one page, so that a
consumer meets it with the real content (one page, `nasta` null) and not first at scale.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from styrdok.views.queries import ORGAN_LISTOR
from styrdok.views.urls import Urls

JsonDocument = dict[str, Any]

# Entries per page of each paged list. The largest entries are those of anvisningar.json,
# about 3 kB with every version; 500 of them are some 1.5 MB, a third of the 5 MB a file
# may reach, which leaves room for the fields v1 may still add (benchmarks/bench_api.py
# measures it at 5,000 anvisningar). The real programme (some twenty anvisningar, a few
# hundred at most) fits one page, so one request still gives a whole list.
PER_SIDA = 500

# The paged lists of each paged kind of document, as JSON Pointers into the document.
PAGED_LISTS: dict[str, tuple[str, ...]] = {
    "anvisningar": ("/anvisningar",),
    "tidslinje": ("/anvisningar",),
    # The organ's lists, and the full entry of each anvisning they name (api.organ_document):
    # paged alike, so page n's entries are the n-th slice of anvisningsposter, not
    # necessarily those its list slices name: a consumer with more than one page joins
    # them by id after reading every page.
    "organ": (*(f"/anvisningar/{name}" for name in ORGAN_LISTOR), "/anvisningsposter"),
}


def page_path(path: str, sida: int) -> str:
    """Where page `sida` of the document at `path` is: page 1 is the document's own."""
    if sida == 1:
        return path
    return f"{path.removesuffix('.json')}.sida-{sida}.json"


def _get(document: JsonDocument, pointer: str) -> Any:
    node: Any = document
    for step in pointer.lstrip("/").split("/"):
        node = node[step]
    return node


def _with(document: JsonDocument, pointer: str, value: Any) -> JsonDocument:
    """A copy of `document` with the value at `pointer` replaced; the rest is shared."""
    head, _, rest = pointer.lstrip("/").partition("/")
    copy = dict(document)
    copy[head] = _with(document[head], f"/{rest}", value) if rest else value
    return copy


def pages(
    document: JsonDocument,
    path: str,
    urls: Urls,
    lists: Sequence[str],
    per_sida: int = PER_SIDA,
) -> dict[str, JsonDocument]:
    """The pages of `document` (published at `path`) with the `lists` split: path -> page."""
    if per_sida < 1:
        raise ValueError("per_sida måste vara minst 1")
    entries = {pointer: _get(document, pointer) for pointer in lists}
    antal_sidor = max(1, *(math.ceil(len(e) / per_sida) for e in entries.values()))

    def url(sida: int) -> str | None:
        return urls.api(page_path(path, sida)) if 1 <= sida <= antal_sidor else None

    found: dict[str, JsonDocument] = {}
    for sida in range(1, antal_sidor + 1):
        page = document
        for pointer, listed in entries.items():
            page = _with(page, pointer, listed[(sida - 1) * per_sida : sida * per_sida])
        page = dict(page)
        page["json_url"] = url(sida)
        page["sidindelning"] = {
            "sida": sida,
            "antal_sidor": antal_sidor,
            "per_sida": per_sida,
            "antal_poster": sum(len(e) for e in entries.values()),
            "listor": [
                {"lista": pointer, "antal_poster": len(listed)}
                for pointer, listed in entries.items()
            ],
            "forsta": url(1),
            "foregaende": url(sida - 1),
            "nasta": url(sida + 1),
            "sista": url(antal_sidor),
        }
        found[page_path(path, sida)] = page
    return found


def paginate(
    found: dict[str, tuple[str, JsonDocument]], urls: Urls, per_sida: int = PER_SIDA
) -> dict[str, tuple[str, JsonDocument]]:
    """Every document of `found` (path -> (kind, document)), the paged kinds as pages."""
    paged: dict[str, tuple[str, JsonDocument]] = {}
    for path, (kind, document) in found.items():
        lists = PAGED_LISTS.get(kind)
        if lists is None:
            paged[path] = (kind, document)
            continue
        for page, content in pages(document, path, urls, lists, per_sida).items():
            # Cannot happen (see the module's docstring); if it did, a page would
            # silently replace a document.
            if page in found and page != path:
                raise ValueError(f"sidan {page} har samma adress som ett annat dokument")
            paged[page] = (kind, content)
    return paged
