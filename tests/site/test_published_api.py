"""The machine-readable publication of a real build: the JSON API under api/v1/ checked
against its published schemas (with jsonschema and with check-jsonschema), the Atom feed,
and that the same source gives the same bytes. The CSV file: views/test_export.py."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from jsonschema import Draft202012Validator

from styrdok.views.urls import API_DIR, OPENAPI, SCHEMAS

from helpers import REPO
from helpers.api import DRAFT_2020_12, SCHEMA_SOURCE, errors
from helpers.html import parse_html, read_html

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", re.IGNORECASE
)
# Files that must come out byte-identical from two builds of the same source.
DETERMINISTIC = (API_DIR, "andringar.xml", "andringar-alla.xml", "anvisningar/forteckning.csv")


# Reading the built site ------------------------------------------------------------------


@pytest.fixture(scope="module")
def schemas(api_dir: Path, api_index: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The published schemas by document kind, as the site serves them."""
    return {
        kind: json.loads((api_dir / "schema" / name).read_text(encoding="utf-8"))
        for kind, name in SCHEMAS.items()
    }


@pytest.fixture(scope="module")
def documents(api_index: dict[str, Any], site_file) -> list[tuple[str, Path, Any]]:
    """Every document the index lists, and the index itself: (kind, file, content)."""
    found = [("index", site_file(api_index["json_url"]), api_index)]
    for entry in api_index["dokument"]:
        path = site_file(entry["url"])
        found.append((entry["typ"], path, json.loads(path.read_text(encoding="utf-8"))))
    return found


def links(page: Path) -> dict[str, list[str]]:
    """The links in a page's <article>, in order, grouped by the heading above them."""
    sections: dict[str, list[str]] = defaultdict(list)
    for link in read_html(page).links:
        is_href = link.tag == "a" and link.attribute == "href" and link.url
        if is_href and link.in_article and not link.in_heading:
            sections[link.section].append(link.url)
    return sections


# The index, the documents and the published schemas -------------------------------------


def test_every_listed_document_exists_matches_its_checksum_and_validates(
    api_dir, api_index, documents, schemas
):
    problems: list[str] = []
    urls = [entry["url"] for entry in api_index["dokument"]]
    assert len(urls) == len(set(urls)), "index.json lists a document twice"
    for entry, (kind, path, document) in zip(api_index["dokument"], documents[1:], strict=True):
        data = path.read_bytes()
        label = path.relative_to(api_dir).as_posix()
        if document["json_url"] != entry["url"]:
            problems.append(f"{label}: json_url is {document['json_url']}")
        if hashlib.sha256(data).hexdigest() != entry["sha256"]:
            problems.append(f"{label}: sha256 differs from index.json")
        if len(data) != entry["storlek"]:
            problems.append(f"{label}: {len(data)} bytes, index.json says {entry['storlek']}")
        if entry["schema"] != api_index["scheman"][kind] or document["$schema"] != entry["schema"]:
            problems.append(f"{label}: $schema {document['$schema']} is not the {kind} schema")
        problems += errors(schemas[kind], document, label)
    assert not problems, "\n".join(problems)


def test_the_index_validates_against_its_schema(api_index, schemas):
    assert api_index["$schema"] == api_index["scheman"]["index"]
    assert not errors(schemas["index"], api_index, "index.json")


def test_every_document_below_api_v1_is_listed_in_the_index(api_dir, api_index, site_file):
    listed = {site_file(entry["url"]) for entry in api_index["dokument"]}
    # The index does not list itself, nor the schemas and the OpenAPI description, which
    # describe the documents rather than being documents.
    unlisted = {api_dir / "index.json", api_dir / OPENAPI}
    found = {
        path
        for path in api_dir.rglob("*.json")
        if path.relative_to(api_dir).parts[0] != "schema" and path not in unlisted
    }
    assert found == listed, (
        f"not in index.json: {sorted(str(p.relative_to(api_dir)) for p in found - listed)}; "
        f"listed but missing: {sorted(str(p.relative_to(api_dir)) for p in listed - found)}"
    )


def test_published_schemas_are_valid_and_name_their_own_address(
    api_dir, api_index, schemas, site_url
):
    assert api_index["url"] == site_url
    assert set(api_index["scheman"]) == set(SCHEMAS)
    for kind, name in SCHEMAS.items():
        schema = schemas[kind]
        Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == DRAFT_2020_12, name
        assert schema["$id"] == api_index["scheman"][kind] == f"{site_url}{API_DIR}/schema/{name}"
        assert schema["$id"].startswith(site_url)
        # Published as written, apart from the address.
        source = json.loads((SCHEMA_SOURCE / name).read_text(encoding="utf-8"))
        assert {key: value for key, value in schema.items() if key != "$id"} == source, name


def test_the_schemas_reject_what_the_api_never_writes(documents, schemas):
    """The schemas are strict enough to catch a change in api.py."""
    organ = next(document for kind, _, document in documents if kind == "organ")
    unknown_field = {**organ, "okant_falt": 1}
    missing_field = {key: value for key, value in organ.items() if key != "forvaltning"}
    wrong_type = {**organ, "tillampar_programmet": "ja"}
    relative_url = {**organ, "url": "/organ/x/"}
    for broken in (unknown_field, missing_field, wrong_type, relative_url):
        assert errors(schemas["organ"], broken, "organ"), broken
    anvisning = next(document for kind, _, document in documents if kind == "anvisning")
    in_force_without_date = {**anvisning, "status": "gällande", "beslutsdatum": None}
    bad_date = {**anvisning, "giltig_fran": "2025-13-01"}
    for broken in (in_force_without_date, bad_date):
        assert errors(schemas["anvisning"], broken, "anvisning"), broken


def check_jsonschema(schema: Path, *documents: Path) -> subprocess.CompletedProcess[str]:
    """check-jsonschema with every proxy pointing nowhere: fetching anything fails."""
    dead = "http://127.0.0.1:9"
    env = {
        **os.environ,
        "HTTP_PROXY": dead,
        "HTTPS_PROXY": dead,
        "http_proxy": dead,
        "https_proxy": dead,
        "NO_PROXY": "",
        "no_proxy": "",
    }
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--schemafile",
            str(schema),
            *map(str, documents),
        ],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def test_check_jsonschema_validates_every_document_without_the_network(
    documents, api_dir, api_index, tmp_path
):
    """A validator that is not the project's own agrees, offline (no remote references)."""
    by_kind: dict[str, list[Path]] = defaultdict(list)
    for kind, path, _ in documents:
        by_kind[kind].append(path)
    # The content may have no earlier version of any anvisning yet.
    versions = {"anvisningsversion"} if api_index["antal"]["anvisningsversioner"] else set()
    assert set(by_kind) == set(SCHEMAS) - {"anvisningsversion"} | versions
    for kind, paths in sorted(by_kind.items()):
        result = check_jsonschema(api_dir / "schema" / SCHEMAS[kind], *paths)
        assert result.returncode == 0, f"{kind}:\n{result.stdout}\n{result.stderr}"
    # And it does check: a document with a field the schema does not know fails.
    kind, _, document = documents[-1]
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({**document, "okant_falt": 1}), encoding="utf-8")
    result = check_jsonschema(api_dir / "schema" / SCHEMAS[kind], broken)
    assert result.returncode == 1 and "okant_falt" in result.stdout, result.stdout


# The same source gives the same bytes ------------------------------------------------


def test_two_builds_give_the_same_bytes(tmp_path, mkdocs_build):
    sites = [tmp_path / "a", tmp_path / "b"]
    for site in sites:
        result = mkdocs_build(REPO / "mkdocs.yml", site)
        assert result.returncode == 0, result.stderr

    def files(site: Path) -> dict[str, bytes]:
        found = {}
        for name in DETERMINISTIC:
            path = site / name
            for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
                if file.is_file():
                    found[file.relative_to(site).as_posix()] = file.read_bytes()
        return found

    first, second = (files(site) for site in sites)
    assert any(name.startswith(API_DIR) for name in first)
    assert "andringar.xml" in first and "anvisningar/forteckning.csv" in first
    differing = sorted(
        name for name in first.keys() | second.keys() if first.get(name) != second.get(name)
    )
    assert not differing, f"differ between two builds: {differing}"


# What an organ's document and its page say ---------------------------------------------


def section_key(heading: str) -> str | None:
    """The list in an organ document that a section of the organ's page shows."""
    if heading.startswith("För alla "):
        return "for_typ"
    if heading.startswith("Särskilt för "):
        return "sarskilt"
    if heading.startswith("Anvisningar som ") and heading.endswith(" ansvarar för"):
        return "ansvarar_for"
    if heading == "Beslutade, gäller ännu inte":
        return "kommande"
    if heading == "Under arbete":
        return "under_arbete"
    return None


def test_organ_documents_list_exactly_the_anvisningar_their_pages_show(
    api_index, documents, api_anvisningar, site_file, site_url
):
    by_url = {a["url"]: a["id"] for a in api_anvisningar}
    samtliga_url = site_url + "organ/samtliga/"

    def anvisning_ids(page_url: str, hrefs: list[str]) -> list[str]:
        targets = (urljoin(page_url, href).split("#", 1)[0] for href in hrefs)
        return [by_url[target] for target in targets if target in by_url]

    samtliga = links(site_file(samtliga_url))
    assert "Gällande anvisningar" in samtliga, list(samtliga)
    in_force_for_all = anvisning_ids(samtliga_url, samtliga["Gällande anvisningar"])
    drafts_for_all = anvisning_ids(samtliga_url, samtliga.get("Under arbete", []))

    problems: list[str] = []
    organ = [(path, document) for kind, path, document in documents if kind == "organ"]
    assert organ
    for path, document in organ:
        lists = {key: [a["id"] for a in value] for key, value in document["anvisningar"].items()}
        page = links(site_file(document["url"]))
        hrefs = [href for section in page.values() for href in section]
        shown = set(anvisning_ids(document["url"], hrefs))
        links_samtliga = any(urljoin(document["url"], h) == samtliga_url for h in hrefs)
        if links_samtliga:
            # The page points to the list for all; its drafts are on the page itself under
            # "Under arbete" (OrganAnswer.under_arbete), so only the first section counts.
            shown |= set(in_force_for_all)
        in_json = {a for ids in lists.values() for a in ids}
        name = path.name
        if shown != in_json:
            problems.append(
                f"{name}: only on the page {sorted(shown - in_json)}, "
                f"only in the JSON {sorted(in_json - shown)}"
            )
        if links_samtliga != document["tillampar_programmet"]:
            problems.append(f"{name}: links organ/samtliga/ = {links_samtliga}")
        if lists["samtliga"] != (in_force_for_all if links_samtliga else []):
            problems.append(f"{name}: samtliga differs from organ/samtliga/")
        if links_samtliga and not set(drafts_for_all) <= set(lists["under_arbete"]):
            problems.append(f"{name}: drafts for all missing from under_arbete")
        # Each list in the same order as its section on the page.
        sections: dict[str, list[str]] = {}
        for heading, hrefs_in_section in page.items():
            ids = anvisning_ids(document["url"], hrefs_in_section)
            key = section_key(heading)
            if key:
                sections[key] = ids
            elif ids:
                problems.append(f"{name}: anvisningar under an unexpected heading {heading!r}")
        for key in ("for_typ", "sarskilt", "ansvarar_for", "kommande", "under_arbete"):
            if sections.get(key, []) != lists[key]:
                problems.append(
                    f"{name}: {key} is {lists[key]}, the page shows {sections.get(key)}"
                )
    assert not problems, "\n".join(problems)


# The anvisningar's text ------------------------------------------------------------------


def source_of(path: Path) -> tuple[dict[str, Any], str]:
    """The front matter and the body after it, read independently of the loader."""
    text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    found = re.match(r"---\n(.*?)\n(---|\.\.\.)\n", text, re.DOTALL)
    assert found, f"{path}: no front matter"
    return yaml.safe_load(found.group(1)), text[found.end() :]


def test_anvisning_text_has_absolute_links_and_the_source_markdown(
    documents, site_file, site_url, api_index
):
    """Each anvisning's text, and each earlier version's, as its source file has it."""
    problems: list[str] = []
    texts = [(k, d) for k, _, d in documents if k in ("anvisning", "anvisningsversion")]
    assert texts
    assert api_index["malgrupp"] == "intranät"
    folder = REPO / "docs" / "anvisningar"
    for kind, document in texts:
        id = document["id"]
        name = f"{id}.md" if kind == "anvisning" else f"{id}/version-{document['version']}.md"
        html = document["text_html"]
        front, body = source_of(folder / name)
        current, _ = source_of(folder / f"{id}.md")
        if "skyddad" in (front.get("atkomst"), current.get("atkomst")):
            # The intranet publishes a skyddad anvisning, and each of its versions, as
            # metadata only: no text at all.
            if document["text_markdown"] is not None or html is not None:
                problems.append(f"{name}: skyddad, but its text is in the JSON")
            if document["atkomst"] != "skyddad":
                problems.append(f"{name}: skyddad, but the JSON does not say so")
            continue
        if not html.strip():
            problems.append(f"{name}: text_html is empty")
        if "sd-fakta" in html or "styrdok:" in html:
            problems.append(f"{name}: text_html holds the metadata block or a text marker")
        for address in (link.url for link in parse_html(html).links):
            if address.startswith("#"):
                continue
            if not urlsplit(address).scheme:
                problems.append(f"{name}: relative address {address!r}")
            elif address.startswith(site_url) and not site_file(address).exists():
                problems.append(f"{name}: {address} is not in the built site")
        if document["text_markdown"] != body:
            problems.append(f"{name}: text_markdown is not the body of {name}")
    assert not problems, "\n".join(problems)


# The Atom feed -------------------------------------------------------------------------


def test_the_atom_feed_is_well_formed_and_newest_first(api_index, site_file, api_anvisningar):
    feed = ET.parse(site_file(api_index["flode"])).getroot()
    assert feed.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated"):
        assert (feed.findtext(f"{ATOM}{tag}") or "").strip(), tag
    assert feed.find(f"{ATOM}author/{ATOM}name") is not None
    self_links = [link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert [link.get("href") for link in self_links] == [api_index["flode"]]

    # An entry links to the page of the version the decision was about.
    pages = {v["url"] for a in api_anvisningar for v in a["versioner"]}
    entries = feed.findall(f"{ATOM}entry")
    assert entries, "the real site has decisions to show"
    stamps = []
    for entry in entries:
        for tag in ("id", "title", "updated"):
            assert (entry.findtext(f"{ATOM}{tag}") or "").strip(), tag
        hrefs = [link.get("href") for link in entry.findall(f"{ATOM}link")]
        assert hrefs and all(href in pages for href in hrefs), hrefs
        stamps.append(entry.findtext(f"{ATOM}updated"))
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(ids) == len(set(ids)), "entry ids repeat"
    for stamp in [feed.findtext(f"{ATOM}updated"), *stamps]:
        assert RFC3339.match(stamp), stamp
    times = [datetime.fromisoformat(stamp.replace("Z", "+00:00")) for stamp in stamps]
    assert times == sorted(times, reverse=True), "entries are not newest first"
    assert datetime.fromisoformat(feed.findtext(f"{ATOM}updated").replace("Z", "+00:00")) == max(
        times
    )


def test_every_page_points_to_the_feed_in_its_head(built_site, api_index, site_url):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    problems = []
    for page in pages:
        relative = page.relative_to(built_site).as_posix()
        feeds = [
            link.url
            for link in read_html(page).links
            if link.in_head
            and link.tag == "link"
            and link.rel == "alternate"
            and link.type == "application/atom+xml"
            and link.attribute == "href"
        ]
        targets = [urljoin(site_url + relative, href) for href in feeds]
        # An organ's and a fokusområde's page also name their own feed.
        own = re.fullmatch(r"(organ|fokusomraden)/([a-z0-9-]+)/index\.html", relative)
        kind = {"organ": "organ", "fokusomraden": "fokusomrade"}.get(own.group(1)) if own else None
        expected = [api_index["flode"]]
        if kind and own.group(2) not in ("samtliga",):
            expected.append(urljoin(site_url, f"andringar-{kind}-{own.group(2)}.xml"))
        if targets != expected:
            problems.append(f"{relative}: {feeds}")
    assert not problems, "\n".join(problems)
