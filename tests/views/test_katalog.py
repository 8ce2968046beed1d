"""The public build's DCAT-AP-SE catalogue record: it holds the profile's mandatory
properties (SHACL shapes in tests/data/dcat-ap-se), its writer is faithful and sorted,
and what it says comes from the data and the configured licence."""

from __future__ import annotations

import json
from datetime import date

import pytest
from pyshacl import validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib import namespace as ns
from rdflib.compare import isomorphic

from styrdok.select import Publication, select
from styrdok.views import katalog
from styrdok.views.api_files import api_files
from styrdok.views.licens import CC0, CC_BY
from styrdok.views.queries import events
from styrdok.views.urls import SCHEMAS

from helpers import REPO, TODAY, make_project, publication_of
from helpers.api import SCHEMA_SOURCE, URLS, errors, site_urls

SHAPES = Graph().parse(REPO / "tests" / "data" / "dcat-ap-se" / "obligatoriska.ttl")
CATALOG = URIRef(URLS.api("katalog.rdf#katalog"))
SETTINGS = katalog.Installning("mailto:oppnadata@example.se")


@pytest.fixture(scope="module")
def publik(repo_publication: Publication) -> Publication:
    return select(repo_publication.model, "publik", TODAY)


def record(pub: Publication, licens=CC0) -> Graph:
    return Graph().parse(data=katalog.katalog_rdf(pub, URLS, licens, SETTINGS), format="xml")


def violations(graph: Graph) -> str:
    conforms, _, text = validate(graph, shacl_graph=SHAPES, advanced=True)
    return "" if conforms else text


def test_the_record_holds_every_mandatory_property_of_dcat_ap_se(publik):
    assert violations(record(publik)) == ""


@pytest.mark.parametrize(
    ("subject", "predicate", "named"),
    [
        (CATALOG, ns.DCTERMS.title, "title"),
        (CATALOG, ns.DCTERMS.license, "license"),
        (URIRef(katalog.UTGIVARE), ns.DCTERMS.type, "type"),
        (URIRef(URLS.api("katalog.rdf#anvisningar")), ns.DCTERMS.publisher, "publisher"),
        (URIRef(URLS.api("katalog.rdf#forteckning-csv")), ns.DCTERMS.format, "format"),
        (URIRef(URLS.api("katalog.rdf#api")), ns.DCAT.endpointURL, "endpointURL"),
        (URIRef(URLS.api("katalog.rdf#kontakt")), katalog.VCARD.hasEmail, "hasEmail"),
    ],
)
def test_a_missing_mandatory_property_is_reported(publik, subject, predicate, named):
    graph = record(publik)
    assert (subject, predicate, None) in graph
    graph.remove((subject, predicate, None))
    assert named in violations(graph)


def test_a_blank_node_where_the_harvester_needs_an_iri_is_reported(publik):
    graph = record(publik)
    contact = URIRef(URLS.api("katalog.rdf#kontakt"))
    blank = BNode()
    for s, p, o in list(graph.triples((contact, None, None))):
        graph.remove((s, p, o))
        graph.add((blank, p, o))
    for s, p, o in list(graph.triples((None, None, contact))):
        graph.remove((s, p, o))
        graph.add((s, p, blank))
    assert "IRI" in violations(graph)


def test_the_written_rdf_xml_is_the_graph_it_was_made_from(publik):
    graph = katalog._graph(publik, URLS, CC0, SETTINGS)
    assert isomorphic(record(publik), graph)


def test_the_bytes_do_not_depend_on_the_order_triples_were_added(publik):
    graph = katalog._graph(publik, URLS, CC0, SETTINGS)
    reversed_ = Graph()
    for triple in sorted(graph, reverse=True):
        reversed_.add(triple)
    assert katalog.rdf_xml(reversed_) == katalog.rdf_xml(graph)


def test_the_data_carries_the_configured_licence_and_the_metadata_cc0(publik):
    graph = record(publik, CC_BY)
    assert (CATALOG, ns.DCTERMS.license, URIRef(CC0.url)) in graph
    distributions = set(graph.subjects(ns.RDF.type, ns.DCAT.Distribution))
    assert distributions
    for distribution in distributions:
        assert set(graph.objects(distribution, ns.DCTERMS.license)) == {URIRef(CC_BY.url)}


def test_modified_is_the_newest_decision_not_the_day_of_the_build(publik):
    later = select(publik.model, "publik", date(2030, 1, 1))
    newest = max(e.andrad(later.dag) for e in events(later))
    program = later.program
    if program and program.beslutsdatum:
        newest = max(newest, program.beslutsdatum)
    (modified,) = record(later).objects(CATALOG, ns.DCTERMS.modified)
    assert modified.toPython() == newest != date(2030, 1, 1)


def test_the_publisher_is_the_city_with_dataportal_se_s_identifier(publik):
    graph = record(publik)
    assert (CATALOG, ns.DCTERMS.publisher, katalog.UTGIVARE) in graph
    assert (katalog.UTGIVARE, ns.FOAF.name, Literal("Stockholms stad", lang="sv")) in graph
    assert (katalog.UTGIVARE, ns.DCTERMS.type, katalog.KOMMUN) in graph


def test_every_distribution_has_an_iana_media_type_and_the_api_its_service(publik):
    graph = record(publik)
    for distribution in graph.subjects(ns.RDF.type, ns.DCAT.Distribution):
        (media,) = graph.objects(distribution, ns.DCTERMS.format)
        assert (distribution, ns.DCAT.mediaType, URIRef(f"{katalog.IANA}{media}")) in graph
    service = URIRef(URLS.api("katalog.rdf#api"))
    assert (service, ns.DCAT.endpointDescription, URIRef(URLS.api("openapi.json"))) in graph
    assert set(graph.objects(None, ns.DCAT.accessService)) == {service}


def test_the_pdf_is_a_distribution_only_when_the_build_writes_it(publik):
    without = katalog.katalog_rdf(publik, URLS, CC0, katalog.Installning("mailto:a@b.se", False))
    assert b"hela-programmet.pdf" in katalog.katalog_rdf(publik, URLS, CC0, SETTINGS)
    assert b"hela-programmet.pdf" not in without


def _api(pub: Publication, settings: katalog.Installning | None) -> dict[str, bytes]:
    schemas = {
        kind: json.loads((SCHEMA_SOURCE / name).read_text(encoding="utf-8"))
        for kind, name in SCHEMAS.items()
    }
    return api_files(pub, URLS, {}, schemas, None, CC_BY, settings)


def test_only_the_public_build_has_a_record_and_its_index_says_where(publik, repo_publication):
    index_schema = json.loads((SCHEMA_SOURCE / SCHEMAS["index"]).read_text(encoding="utf-8"))
    public = _api(publik, SETTINGS)
    index = json.loads(public["index.json"])
    assert index["katalog"] == URLS.api("katalog.rdf")
    assert "katalog.rdf" in public
    # The intranet gets none, even when the plugin were to pass the settings.
    intranet = _api(repo_publication, SETTINGS)
    assert "katalog.rdf" not in intranet
    assert json.loads(intranet["index.json"])["katalog"] is None
    for files in (public, intranet):
        document = json.loads(files["index.json"])
        assert errors(index_schema, document, "index") == []
        assert document["licens"] == {"namn": CC_BY.namn, "url": CC_BY.url, "spdx": "CC-BY-4.0"}


def test_the_record_names_the_same_licence_as_the_index(publik):
    files = _api(publik, SETTINGS)
    url = json.loads(files["index.json"])["licens"]["url"]
    graph = Graph().parse(data=files["katalog.rdf"], format="xml")
    assert set(graph.objects(None, ns.DCTERMS.license)) == {URIRef(url), URIRef(CC0.url)}


def test_a_site_without_the_api_guide_has_a_record_without_its_page(tmp_path):
    """The test project has no docs/api.md: the record holds what the site has, and no
    landing page for the API that is not there."""
    pub = publication_of(make_project(tmp_path / "projekt"), "publik")
    urls = site_urls(pub)
    graph = Graph().parse(data=katalog.katalog_rdf(pub, urls, CC0, SETTINGS), format="xml")
    assert violations(graph) == ""
    service = URIRef(urls.api("katalog.rdf#api"))
    assert (service, ns.RDF.type, ns.DCAT.DataService) in graph
    assert list(graph.objects(service, ns.DCAT.landingPage)) == []
