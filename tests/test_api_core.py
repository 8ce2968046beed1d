"""The JSON documents and the Atom feed made by the core, without MkDocs."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from styrdok.select import select
from styrdok.views import api
from styrdok.views.feed import ATOM, andringar_atom

from conftest import check

SITE = "https://intranat.example.se/tsp/"


def page_path(sida: str) -> str:
    return sida.removesuffix(".md").removesuffix("index") + (
        "/" if not sida.endswith("index.md") else ""
    )


URLS = api.Urls(SITE, page_path)


@pytest.fixture
def publication(project):
    return select(check(project).model)


def test_urls_are_absolute_and_follow_the_site_layout():
    assert URLS.page("anvisningar/krisledning.md") == SITE + "anvisningar/krisledning/"
    assert URLS.page("index.md") == SITE
    assert URLS.api("organ/x.json") == SITE + "api/v1/organ/x.json"
    assert URLS.schema("anvisning") == SITE + "api/v1/schema/anvisning.schema.json"


def test_every_document_names_its_schema_page_and_own_address(publication):
    docs = api.documents(publication, URLS, {})
    assert set(docs) >= {
        "program.json",
        "anvisningar.json",
        "organ.json",
        "anvisningar/krisledning.json",
    }
    for path, (kind, document) in docs.items():
        assert document["$schema"] == URLS.schema(kind)
        assert document["json_url"] == URLS.api(path)
        assert document["url"].startswith(SITE)


def test_anvisning_document_has_text_as_markdown_and_html_with_absolute_links(publication):
    html = '<p>Se <a href="../krisledning-gammal/">den gamla</a> och <a href="#syfte">syftet</a>.</p>\n'
    _, document = api.documents(publication, URLS, {"anvisningar/krisledning.md": html})[
        "anvisningar/krisledning.json"
    ]
    assert "Texten med {{ klammer }}" in document["text_markdown"]
    assert f'href="{SITE}anvisningar/krisledning-gammal/"' in document["text_html"]
    assert f'href="{SITE}anvisningar/krisledning/#syfte"' in document["text_html"]
    assert document["ersatter"] == ["krisledning-gammal"]
    assert document["ansvarig"]["url"] == SITE + "organ/kommunstyrelsen/"
    assert document["rattslig_grund"][0]["sfs"] == "2006:544"


def test_every_optional_field_is_present_as_null(publication):
    _, document = api.documents(publication, URLS, {})["anvisningar/trygghet-i-bromma.json"]
    for field in ("beslutsdatum", "giltig_fran", "revideras_senast", "upphavd_datum", "ersatt_av"):
        assert field in document and document[field] is None


def test_organ_document_groups_what_applies(publication):
    _, document = api.documents(publication, URLS, {})["organ/bromma-stadsdelsnamnd.json"]
    lists = document["anvisningar"]
    assert [a["id"] for a in lists["samtliga"]] == ["krisledning"]
    assert [a["id"] for a in lists["under_arbete"]] == ["trygghet-i-bromma"]
    assert [a["id"] for a in lists["ansvarar_for"]] == ["trygghet-i-bromma"]
    office = api.documents(publication, URLS, {})["organ/stadsledningskontoret.json"][1]
    assert office["anvisningar"]["samtliga"] == []


def test_serialisation_is_deterministic_sorted_utf8(publication):
    first = {p: api.serialize(d) for p, (_, d) in api.documents(publication, URLS, {}).items()}
    second = {p: api.serialize(d) for p, (_, d) in api.documents(publication, URLS, {}).items()}
    assert first == second
    data = first["anvisningar/krisledning.json"]
    assert "För".encode() in data or "för".encode() in data
    keys = list(json.loads(data))
    assert keys == sorted(keys)


def test_index_lists_each_document_with_its_hash(publication):
    written = {"a.json": ("anvisningar", b"x")}
    index = api.index_document(publication, URLS, written)
    (entry,) = index["dokument"]
    assert entry["sha256"] == "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"
    assert entry["url"] == SITE + "api/v1/a.json"
    assert index["antal"]["anvisningar"] == len(publication.anvisningar)


def test_example_for_the_documentation_and_unknown_ids(publication):
    found = api.documents(publication, URLS, {})
    example = api.example(publication, URLS, found, "anvisning", "krisledning")
    assert example["id"] == "krisledning" and "<h2" in example["text_html"]
    assert api.shortened({"a": [1, 2, 3], "b": {"c": [4, 5]}}, 1) == {"a": [1], "b": {"c": [4]}}
    with pytest.raises(ValueError, match="okänt dokument"):
        api.example(publication, URLS, found, "anvisning", "finns-inte")


def test_atom_feed_is_newest_first_and_deterministic(publication):
    feed = andringar_atom(publication, URLS, "Test", "Stockholms stad")
    assert feed == andringar_atom(publication, URLS, "Test", "Stockholms stad")
    root = ET.fromstring(feed)
    assert root.tag == f"{{{ATOM}}}feed"
    entries = root.findall(f"{{{ATOM}}}entry")
    updated = [e.find(f"{{{ATOM}}}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert root.find(f"{{{ATOM}}}updated").text == updated[0]
    ids = [e.find(f"{{{ATOM}}}id").text for e in entries]
    assert len(ids) == len(set(ids))
    titles = [e.find(f"{{{ATOM}}}title").text for e in entries]
    assert "Upphävd: Gammal anvisning för krisledning" in titles
