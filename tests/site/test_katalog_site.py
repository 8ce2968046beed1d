"""The built sites: the public one publishes its DCAT-AP-SE record and links it, the
intranet has none, and both state the data's licence where the data is offered."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph

from styrdok.views.licens import CC0
from styrdok.views.urls import API_DIR

from helpers import REPO

pytestmark = pytest.mark.slow

SHAPES = REPO / "tests" / "data" / "dcat-ap-se" / "obligatoriska.ttl"
# rel has a trailing space on purpose (overrides/README.md, main.html): the same token.
RDF_LINK = re.compile(r'<link rel="alternate ?" type="application/rdf\+xml"[^>]*href="([^"]+)"')
LICENCE_LINK = f'<a href="{CC0.lasbar}">{CC0.namn}</a>'


def index(site: Path) -> dict:
    return json.loads((site / API_DIR / "index.json").read_text(encoding="utf-8"))


def test_the_public_record_validates_for_dcat_ap_se_and_the_index_names_it(built_publik_site):
    record = built_publik_site / API_DIR / "katalog.rdf"
    graph = Graph().parse(record, format="xml")
    conforms, _, text = validate(graph, shacl_graph=Graph().parse(SHAPES), advanced=True)
    assert conforms, text
    found = index(built_publik_site)
    assert found["katalog"].endswith(f"{API_DIR}/katalog.rdf")
    assert found["licens"] == CC0.json()


def test_the_public_start_page_links_the_record_and_no_other_page_does(built_publik_site):
    start = (built_publik_site / "index.html").read_text(encoding="utf-8")
    (href,) = RDF_LINK.findall(start)
    assert (built_publik_site / href).resolve() == (built_publik_site / API_DIR / "katalog.rdf")
    other = (built_publik_site / "anvisningar" / "index.html").read_text(encoding="utf-8")
    assert not RDF_LINK.findall(other)


def test_the_intranet_has_no_record(built_site):
    assert not (built_site / API_DIR / "katalog.rdf").exists()
    assert index(built_site)["katalog"] is None
    assert not RDF_LINK.findall((built_site / "index.html").read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", ["anvisningar/index.html", "uppfoljning/oversikt/index.html"])
def test_the_pages_with_csv_files_state_the_licence(built_site, built_publik_site, page):
    for site in (built_site, built_publik_site):
        assert LICENCE_LINK in (site / page).read_text(encoding="utf-8"), site / page
