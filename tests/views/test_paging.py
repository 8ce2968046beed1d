"""The lists that grow with the corpus, in pages (views/paging.py), with a small page size
injected: boundaries, links, the last page, an empty list, every entry once and in
order, each page valid against its schema and listed in the index."""

from __future__ import annotations

import json

import pytest

from styrdok.views import api, api_files, paging
from styrdok.views.urls import SCHEMAS

from helpers.api import SCHEMA_SOURCE, URLS, errors

PATH = "anvisningar.json"


def document(count: int) -> dict:
    return {"json_url": URLS.api(PATH), "url": "x", "anvisningar": list(range(count))}


def sidor(count: int, per_sida: int) -> dict[str, dict]:
    return paging.pages(document(count), PATH, URLS, ("/anvisningar",), per_sida)


@pytest.mark.parametrize(
    ("count", "per_sida", "sizes"),
    [(0, 3, [0]), (1, 3, [1]), (3, 3, [3]), (4, 3, [3, 1]), (6, 3, [3, 3]), (7, 3, [3, 3, 1])],
)
def test_pages_are_full_but_the_last_and_hold_every_entry_once_in_order(count, per_sida, sizes):
    found = sidor(count, per_sida)
    assert [len(p["anvisningar"]) for p in found.values()] == sizes
    assert [e for p in found.values() for e in p["anvisningar"]] == list(range(count))
    for n, page in enumerate(found.values(), start=1):
        assert page["sidindelning"]["sida"] == n
        assert page["sidindelning"]["antal_sidor"] == len(sizes)
        assert page["sidindelning"]["antal_poster"] == count
        assert page["sidindelning"]["listor"] == [{"lista": "/anvisningar", "antal_poster": count}]


def test_page_one_keeps_the_address_and_the_links_lead_through_every_page():
    found = sidor(7, 3)
    assert list(found) == [PATH, "anvisningar.sida-2.json", "anvisningar.sida-3.json"]
    by_url = {URLS.api(path): page for path, page in found.items()}
    assert list(by_url) == [p["json_url"] for p in found.values()]
    first = found[PATH]["sidindelning"]
    assert first["foregaende"] is None and first["forsta"] == URLS.api(PATH)
    assert first["sista"] == URLS.api("anvisningar.sida-3.json")
    seen, url = [], first["forsta"]
    while url is not None:
        seen.append(url)
        url = by_url[url]["sidindelning"]["nasta"]
    assert seen == list(by_url)
    back, url = [], first["sista"]
    while url is not None:
        back.append(url)
        url = by_url[url]["sidindelning"]["foregaende"]
    assert back == seen[::-1]


def test_one_page_has_no_next_and_is_its_own_first_and_last():
    (only,) = sidor(2, 500).values()
    assert only["sidindelning"]["nasta"] is None and only["sidindelning"]["foregaende"] is None
    assert only["sidindelning"]["forsta"] == only["sidindelning"]["sista"] == URLS.api(PATH)


def test_the_other_fields_are_repeated_and_the_source_is_not_changed():
    source = document(5)
    found = paging.pages(source, PATH, URLS, ("/anvisningar",), 2)
    assert source == document(5)
    assert all(p["url"] == "x" for p in found.values())


def test_several_lists_are_cut_alike_and_the_longest_decides_the_pages():
    source = {"json_url": "", "anvisningar": {"a": [1, 2, 3, 4, 5], "b": [1], "c": []}}
    lists = ("/anvisningar/a", "/anvisningar/b", "/anvisningar/c")
    found = list(paging.pages(source, "organ/x.json", URLS, lists, 2).values())
    assert [p["anvisningar"] for p in found] == [
        {"a": [1, 2], "b": [1], "c": []},
        {"a": [3, 4], "b": [], "c": []},
        {"a": [5], "b": [], "c": []},
    ]
    assert found[1]["json_url"] == URLS.api("organ/x.sida-2.json")
    assert found[0]["sidindelning"]["antal_poster"] == 6


def test_a_page_size_below_one_is_refused():
    with pytest.raises(ValueError):
        sidor(3, 0)


def test_page_addresses_cannot_be_a_documents():
    # Ids are a–z, 0–9 and -; a page's name has a dot before .json.
    assert paging.page_path("organ/x-2.json", 2) == "organ/x-2.sida-2.json"
    assert paging.page_path("tidslinje.json", 1) == "tidslinje.json"


# The published documents ----------------------------------------------------------------


@pytest.fixture
def paged(publication):
    return api.documents(publication, URLS, {}, per_sida=1)


def test_each_paged_kind_is_paged_and_every_page_validates(publication, paged):
    whole = api.documents(publication, URLS, {})
    assert len(whole["anvisningar.json"][1]["anvisningar"]) > 1
    for path, (kind, document) in whole.items():
        if kind in paging.PAGED_LISTS:
            assert document["sidindelning"]["antal_sidor"] == 1, path
            assert document["sidindelning"]["nasta"] is None, path
    assert "anvisningar.sida-2.json" in paged and "tidslinje.sida-2.json" in paged
    # The small project's organ have one anvisning in a list at most: one is made longer.
    organ, entry = next(
        (d, e)
        for k, d in whole.values()
        if k == "organ"
        for lista in d["anvisningar"].values()
        for e in lista
    )
    listed = organ["anvisningar"]
    longer = {**organ, "anvisningar": {**listed, "samtliga": [entry, entry, entry]}}
    organ_pages = paging.pages(longer, "organ/x.json", URLS, paging.PAGED_LISTS["organ"], 2)
    assert len(organ_pages) == 2
    checked = {**paged, **{p: ("organ", d) for p, d in organ_pages.items()}}
    for path, (kind, document) in checked.items():
        schema = json.loads((SCHEMA_SOURCE / f"{kind}.schema.json").read_text(encoding="utf-8"))
        assert errors(schema, document, path) == []


def test_the_pages_together_are_the_whole_list(publication, paged):
    whole = api.documents(publication, URLS, {})["anvisningar.json"][1]["anvisningar"]
    pages = sorted(
        (d for p, (k, d) in paged.items() if k == "anvisningar"),
        key=lambda d: d["sidindelning"]["sida"],
    )
    assert [a for d in pages for a in d["anvisningar"]] == whole


def test_the_index_lists_every_page_with_its_hash(publication):
    files = api_files.api_files(publication, URLS, {}, _schemas(), None, per_sida=1)
    index = json.loads(files["index.json"])
    listed = {d["url"]: d["sha256"] for d in index["dokument"]}
    pages = [p for p in files if ".sida-" in p]
    assert pages
    for path in pages:
        assert URLS.api(path) in listed
    assert files == api_files.api_files(publication, URLS, {}, _schemas(), None, per_sida=1)


def _schemas() -> dict:
    return {
        k: json.loads((SCHEMA_SOURCE / n).read_text(encoding="utf-8")) for k, n in SCHEMAS.items()
    }
