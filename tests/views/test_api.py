"""The JSON documents made by the core, without MkDocs, and the schemas they follow as
written in schema/api/v1/. The published API of a real build: site/test_published_api.py."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from styrdok.core import addresses
from styrdok.select import MALGRUPPER, select
from styrdok.views import api, api_files, tvillingar
from styrdok.views.urls import SCHEMAS, Urls

from helpers import check
from helpers.api import DRAFT_2020_12, SCHEMA_SOURCE, SITE, URLS, errors, page_path, validator


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
    first = {
        p: api_files.serialize(d) for p, (_, d) in api.documents(publication, URLS, {}).items()
    }
    second = {
        p: api_files.serialize(d) for p, (_, d) in api.documents(publication, URLS, {}).items()
    }
    assert first == second
    data = first["anvisningar/krisledning.json"]
    assert "För".encode() in data or "för".encode() in data
    keys = list(json.loads(data))
    assert keys == sorted(keys)


def test_index_lists_each_document_with_its_hash(publication):
    written = {"a.json": ("anvisningar", b"x")}
    index = api_files.index_document(publication, URLS, written)
    (entry,) = index["dokument"]
    assert entry["sha256"] == "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"
    assert entry["url"] == SITE + "api/v1/a.json"
    assert index["antal"]["anvisningar"] == len(publication.anvisningar)


def test_example_for_the_documentation_and_unknown_ids(publication):
    found = api.documents(publication, URLS, {})
    example = api_files.example(publication, URLS, found, "anvisning", "krisledning")
    assert example["id"] == "krisledning" and "<h2" in example["text_html"]
    assert api_files.shortened({"a": [1, 2, 3], "b": {"c": [4, 5]}}, 1) == {
        "a": [1],
        "b": {"c": [4]},
    }
    with pytest.raises(ValueError, match="okänt dokument"):
        api_files.example(publication, URLS, found, "anvisning", "finns-inte")


def walk(node: Any, pointer: str = "") -> Iterator[tuple[str, Any]]:
    yield pointer, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, f"{pointer}/{key}")
    elif isinstance(node, list):
        for number, value in enumerate(node):
            yield from walk(value, f"{pointer}/{number}")


# The schemas as written --------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SCHEMAS.values()))
def test_schema_source_is_self_contained_and_documented(name):
    text = (SCHEMA_SOURCE / name).read_text(encoding="utf-8")
    assert text.endswith("}\n") and "\t" not in text and "\r" not in text
    schema = json.loads(text)
    assert schema["$schema"] == DRAFT_2020_12
    assert "$id" not in schema, "the build sets $id"
    Draft202012Validator.check_schema(schema)
    assert schema.get("title") and schema.get("description")
    checker = validator(schema)
    problems = []
    for pointer, node in walk(schema):
        if not isinstance(node, dict) or re.search(r"/(if|then)(/|$)", pointer):
            continue  # conditions name properties; they do not define them
        if "$ref" in node and not node["$ref"].startswith("#/$defs/"):
            problems.append(f"{pointer}: $ref {node['$ref']} is not within the schema")
        for prop, sub in node.get("properties", {}).items():
            if not (sub.get("title") and sub.get("description")):
                problems.append(f"{pointer}/properties/{prop}: title or description missing")
        if node.get("type") == "object" or ("properties" in node and "$ref" not in node):
            if node.get("additionalProperties") is not False:
                problems.append(f"{pointer}: additionalProperties is not false")
            if set(node.get("properties", {})) != set(node.get("required", ())):
                problems.append(f"{pointer}: required does not list every property")
        for example in node.get("examples", ()):
            problems += [
                f"{pointer}/examples: {e.message}"
                for e in checker.evolve(schema=node).iter_errors(example)
            ]
    assert not problems, "\n".join(problems)


def test_the_index_schema_names_every_malgrupp():
    """A new audience is a new value of index.json's malgrupp: the schema must allow it."""
    schema = json.loads((SCHEMA_SOURCE / SCHEMAS["index"]).read_text(encoding="utf-8"))
    assert schema["properties"]["malgrupp"]["enum"] == list(MALGRUPPER)


def test_documents_made_by_the_core_validate(project):
    """The small test project has other shapes (a repealed anvisning, a replaced one, organ
    that do not apply the programme) than the real site."""
    urls = Urls("https://intranat.example.se/test/", page_path)
    publication = select(check(project).model)
    schemas = {
        kind: json.loads(
            api_files.published_schema(json.loads((SCHEMA_SOURCE / name).read_text()), urls, kind)
        )
        for kind, name in SCHEMAS.items()
    }
    found = api.documents(publication, urls, {})
    # The twins of pages without a domain document: the lists, and a page of text.
    pages = [
        *(
            addresses.SAMTLIGA,
            addresses.NYTT_OCH_ANDRAT,
            addresses.SKA_REVIDERAS,
            addresses.UPPHAVDA,
            addresses.HELA_PROGRAMMET,
        ),
        "index.md",
        addresses.MALOMRADEN,
    ]
    texts = {sida: tvillingar.Sidtext(sida, None, "<p>Text</p>") for sida in pages}
    found.update(tvillingar.documents(publication, urls, texts))
    written = {
        path: (kind, api_files.serialize(document)) for path, (kind, document) in found.items()
    }
    problems = errors(
        schemas["index"], api_files.index_document(publication, urls, written), "index"
    )
    for path, (kind, document) in found.items():
        problems += errors(schemas[kind], document, path)
    assert {kind for kind, _ in found.values()} == set(SCHEMAS) - {"index"}
    assert not problems, "\n".join(problems)
