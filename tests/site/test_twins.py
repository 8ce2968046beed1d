"""Every HTML page of both builds links its JSON twin (views/tvillingar.py): one
`<link rel="alternate" type="application/json">` in the head, a visible link to the same
file, which is in the built tree and valid against the schema its `$schema` names (the
published schemas of the same tree, no network), and sidor.json lists exactly the pages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from styrdok.views.urls import API_DIR, SIDOR

from helpers.html import Link, read_html

JSON = "application/json"


def _site_url(site: Path) -> str:
    index = json.loads((site / API_DIR / "index.json").read_text(encoding="utf-8"))
    return index["json_url"].removesuffix(f"{API_DIR}/index.json")


def _registry(site: Path) -> Registry:
    """The published schemas by their $id: what a consumer's validator would fetch."""
    resources = []
    for path in sorted((site / API_DIR / "schema").glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["$id"], Resource.from_contents(schema)))
    return Registry().with_resources(resources)


def _file(site: Path, site_url: str, url: str) -> Path:
    assert url.startswith(site_url), f"{url} ligger inte på webbplatsen {site_url}"
    rest = url[len(site_url) :]
    return site / rest / "index.html" if rest.endswith("/") or not rest else site / rest


def _target(page: Path, site: Path, site_url: str, href: str) -> Path:
    """The file an href on `page` names: relative to the page, or from the site's root path."""
    address = urljoin(site_url + page.relative_to(site).as_posix(), href)
    return _file(site, site_url, address)


def _is_json_alternate(link: Link) -> bool:
    return link.in_head and "alternate" in link.rel.lower().split() and link.type == JSON


def _check_site(site: Path) -> None:
    site_url = _site_url(site)
    registry = _registry(site)
    problems: list[str] = []
    twins: dict[Path, Path] = {}
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        links = read_html(page).links
        alternates = [link for link in links if _is_json_alternate(link)]
        visible = [link for link in links if link.tag == "a" and link.type == JSON]
        if len(alternates) != 1 or len(visible) != 1:
            problems.append(f"{rel}: {len(alternates)} JSON-alternativ, {len(visible)} synliga")
            continue
        twin = _target(page, site, site_url, alternates[0].url)
        if _target(page, site, site_url, visible[0].url) != twin:
            problems.append(f"{rel}: den synliga länken går inte till samma fil som huvudets")
        if not twin.is_file():
            problems.append(f"{rel}: tvillingen {twin.relative_to(site)} finns inte")
            continue
        twins[page] = twin
        document = json.loads(twin.read_text(encoding="utf-8"))
        schema = registry.contents(document["$schema"])
        validator = Draft202012Validator(
            schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
        )
        problems += [f"{rel}: {e.message}" for e in validator.iter_errors(document)][:3]
        # A domain twin or a sida: its own page is this page (index.json's is the start page).
        if rel != "404.html" and _file(site, site_url, document["url"]) != page:
            problems.append(f"{rel}: tvillingen säger att den hör till {document['url']}")
    assert not problems, "\n".join(problems)
    listed = json.loads((site / API_DIR / SIDOR).read_text(encoding="utf-8"))["sidor"]
    in_list = {_file(site, site_url, entry["url"]): entry for entry in listed}
    assert set(in_list) == set(twins), "sidor.json listar inte exakt de byggda sidorna"
    for page, entry in in_list.items():
        assert _file(site, site_url, entry["json_url"]) == twins[page], entry


# The fixture is asked for by name, so the marker does not come from it (tests/conftest.py).
@pytest.mark.slow
@pytest.mark.parametrize("fixture", ["built_site", "built_publik_site"])
def test_every_page_links_a_valid_twin(fixture: str, request: pytest.FixtureRequest) -> None:
    _check_site(request.getfixturevalue(fixture))


def test_a_page_without_domain_document_has_its_text(built_site: Path) -> None:
    """The twin of a hand-written page holds the page's sanitised text, links absolute."""
    document = json.loads(
        (built_site / API_DIR / "sidor" / "beslutet.json").read_text(encoding="utf-8")
    )
    assert document["titel"] == "Beslutet"
    assert document["text_html"].startswith("<h1")
    assert 'href="../' not in document["text_html"]


def test_a_listing_page_twin_has_structured_entries(built_site: Path) -> None:
    document: dict[str, Any] = json.loads(
        (built_site / API_DIR / "sidor" / "organ" / "samtliga.json").read_text(encoding="utf-8")
    )
    assert document["text_html"] is None
    gallande = document["listor"][0]
    assert gallande["rubrik"] == "Gällande anvisningar" and gallande["anvisningar"]
    assert all(a["giltighet"] in ("gällande", "under revidering") for a in gallande["anvisningar"])
