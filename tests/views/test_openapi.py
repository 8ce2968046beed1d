"""The published OpenAPI description (views/openapi.py): valid OpenAPI 3.1 by
openapi-spec-validator, with this site's server, and every JSON response's example a real
document of the build that validates against the response's schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from referencing import Registry, Resource

from styrdok.select import Publication
from styrdok.views import api_files, openapi
from styrdok.views.urls import OPENAPI, SCHEMAS

from helpers.api import SCHEMA_SOURCE, URLS


def source_schemas() -> dict[str, dict[str, Any]]:
    return {
        kind: json.loads((SCHEMA_SOURCE / name).read_text(encoding="utf-8"))
        for kind, name in SCHEMAS.items()
    }


@pytest.fixture(scope="module")
def files(repo_publication: Publication) -> dict[str, bytes]:
    description = json.loads((SCHEMA_SOURCE / OPENAPI).read_text(encoding="utf-8"))
    return api_files.api_files(repo_publication, URLS, {}, source_schemas(), description)


@pytest.fixture(scope="module")
def written(files: dict[str, bytes], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The API as files, so the description's relative references resolve offline."""
    root = tmp_path_factory.mktemp("api")
    for path, data in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(data)
    return root


def test_the_description_is_valid_openapi(files: dict[str, bytes], written: Path) -> None:
    description = json.loads(files[OPENAPI])
    validate(description, base_uri=(written / OPENAPI).as_uri())


def test_the_server_is_this_sites_api_and_needs_no_credentials(files: dict[str, bytes]) -> None:
    description = json.loads(files[OPENAPI])
    assert description["servers"][0]["url"] == URLS.api("").rstrip("/")
    # No scheme: every file is read without credentials (OpenAPI 3.1, 4.8.1 security).
    assert description["security"] == []


def _registry(files: dict[str, bytes]) -> Registry:
    resources = [
        (URLS.api(f"schema/{name}"), Resource.from_contents(json.loads(files[f"schema/{name}"])))
        for name in SCHEMAS.values()
    ]
    return Registry().with_resources(resources)


def test_every_json_response_has_a_real_example_that_validates(files: dict[str, bytes]) -> None:
    description = json.loads(files[OPENAPI])
    registry = _registry(files)
    described = 0
    for template, item in description["paths"].items():
        media = item["get"]["responses"]["200"]["content"].get("application/json")
        if media is None:
            continue
        examples = media.get("examples")
        pattern = openapi._pattern(template)
        if not any(pattern.match(path) for path in files):
            # Only at scale (a list's second part): nothing real to show yet.
            assert examples is None, template
            continue
        assert examples, f"{template}: inget exempel"
        (example,) = examples.values()
        ref = URLS.api(media["schema"]["$ref"])
        validator = Draft202012Validator({"$ref": ref}, registry=registry)
        problems = [e.message for e in validator.iter_errors(example["value"])]
        assert problems == [], (template, problems[:3])
        # A real document of the build: its own address is one the API publishes.
        own = example["value"]["json_url"].removeprefix(URLS.api(""))
        assert own in files, template
        described += 1
    assert described >= len(SCHEMAS) - 1


def test_parameter_examples_name_the_document_shown(files: dict[str, bytes]) -> None:
    description = json.loads(files[OPENAPI])
    item = description["paths"]["/anvisningar/{id}.json"]["get"]
    (parameter,) = [p for p in item["parameters"] if p["name"] == "id"]
    value = item["responses"]["200"]["content"]["application/json"]["examples"]
    shown = next(iter(value.values()))["value"]
    assert shown["json_url"] == URLS.api(f"anvisningar/{parameter['example']}.json")


def test_examples_do_not_grow_with_the_content() -> None:
    document = {"lista": list(range(100)), "inre": {"lista": [{"x": list(range(9))}] * 5}}
    assert openapi.shortened(document, 2) == {
        "lista": [0, 1],
        "inre": {"lista": [{"x": [0, 1]}] * 2},
    }


def _publik_files(repo_publication: Publication) -> dict[str, bytes]:
    from styrdok.select import select
    from styrdok.views.katalog import Installning

    publik = select(repo_publication.model, "publik", repo_publication.dag)
    description = json.loads((SCHEMA_SOURCE / OPENAPI).read_text(encoding="utf-8"))
    return api_files.api_files(
        publik,
        URLS,
        {},
        source_schemas(),
        description,
        katalog=Installning("mailto:oppnadata@example.se"),
    )


def test_the_licence_is_stated(files: dict[str, bytes]) -> None:
    description = json.loads(files[OPENAPI])
    index = json.loads(files["index.json"])
    assert description["info"]["license"]["identifier"] == index["licens"]["spdx"] == "CC0-1.0"


def test_the_catalogue_record_is_described_where_it_is_published(
    files: dict[str, bytes], repo_publication: Publication
) -> None:
    publik = _publik_files(repo_publication)
    assert "katalog.rdf" in publik and "katalog.rdf" not in files
    assert "/katalog.rdf" in json.loads(publik[OPENAPI])["paths"]
    intranat = json.loads(files[OPENAPI])["paths"]
    assert "/katalog.rdf" not in intranat
    assert not any(openapi.MALGRUPPER in item for item in intranat.values())


def test_every_published_file_is_described(
    files: dict[str, bytes], repo_publication: Publication
) -> None:
    """Every file of the API of both builds, and every data file the site publishes beside
    it (CSV, feeds, the PDF), is at an address a path of the description names."""
    from styrdok.core.site_pages import site_pages

    for built in (files, _publik_files(repo_publication)):
        description = json.loads(built[OPENAPI])
        api = URLS.api("").rstrip("/")
        root = URLS.file("").rstrip("/")
        known = {
            (server, template)
            for template, item in description["paths"].items()
            for server in [(item.get("servers") or description["servers"])[0]["url"]]
        }
        addresses = [(api, path) for path in built if path != OPENAPI]
        generated = site_pages(repo_publication.model).generated
        # Not data: the follow-up's charts are images on its pages.
        addresses += [
            (root, path)
            for path in generated
            if not path.endswith(".md") and not path.endswith(".svg")
        ]
        missing = [
            f"{server}/{path}"
            for server, path in addresses
            if not any(s == server and openapi._pattern(t).match(path) for s, t in known)
        ]
        assert missing == []
