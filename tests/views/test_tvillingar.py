"""Each page's JSON twin (views/tvillingar.py): which document it is, the `sida`
documents of the pages no domain document describes, and sidor.json. Every page of a real
build links a valid twin: site/test_twins.py."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from styrdok.core import addresses
from styrdok.select import Publication
from styrdok.views import api, hela_programmet, tvillingar
from styrdok.views.tvillingar import Sidtext, Tvilling, tvilling
from styrdok.views.urls import SCHEMAS, sida_path

from helpers.api import SCHEMA_SOURCE, URLS, errors


def _schema(kind: str) -> dict:
    return json.loads((SCHEMA_SOURCE / SCHEMAS[kind]).read_text(encoding="utf-8"))


def test_a_page_a_domain_document_describes_has_that_document_as_twin(repo_publication):
    pub = repo_publication
    a = pub.anvisningar[0]
    organ = pub.organ[0]
    fokus = pub.fokusomraden[0]
    assert tvilling(pub, "index.md") == Tvilling("program", "program.json")
    assert tvilling(pub, addresses.FORTECKNING) == Tvilling("anvisningar", "anvisningar.json")
    assert tvilling(pub, a.sida) == Tvilling("anvisning", f"anvisningar/{a.id}.json")
    assert tvilling(pub, addresses.ORGAN) == Tvilling("organ-lista", "organ.json")
    assert tvilling(pub, addresses.organ(organ.id)) == Tvilling("organ", f"organ/{organ.id}.json")
    assert tvilling(pub, addresses.fokusomrade(fokus.id)).path == f"fokusomraden/{fokus.id}.json"
    assert tvilling(pub, addresses.VAD_GALLDE) == Tvilling("tidslinje", "tidslinje.json")
    assert tvilling(pub, addresses.UPPFOLJNING_OVERSIKT).path == "uppfoljning.json"
    assert tvilling(pub, "404.html") == Tvilling("index", "index.json")
    version = pub.model.versioner[0]
    assert tvilling(pub, version.sida) == Tvilling(
        "anvisningsversion", f"anvisningar/{version.id}/versioner/{version.version}.json"
    )


def test_every_domain_twin_names_its_page_as_its_own_url(repo_publication):
    """The rule behind the mapping: a domain document is a page's twin only if the
    document's `url` is that page."""
    pub = repo_publication
    found = api.documents(pub, URLS, {})
    pages = [
        "index.md",
        addresses.FORTECKNING,
        addresses.ORGAN,
        addresses.VAD_GALLDE,
        addresses.UPPFOLJNING_OVERSIKT,
        *(a.sida for a in pub.anvisningar),
        *(v.sida for v in pub.model.versioner),
        *(addresses.organ(o.id) for o in pub.organ),
        *(addresses.fokusomrade(f.id) for f in pub.fokusomraden),
    ]
    for sida in pages:
        twin = tvilling(pub, sida)
        kind, document = found[twin.path]
        assert (kind, document["url"]) == (twin.typ, URLS.page(sida)), sida


@pytest.mark.parametrize(
    "sida",
    ["beslutet.md", "begrepp.md", addresses.MALOMRADEN, addresses.UPPHAVDA, "api.md"],
)
def test_other_pages_get_a_sida_document_below_sidor(repo_publication, sida):
    assert tvilling(repo_publication, sida) == Tvilling("sida", sida_path(sida))
    assert sida_path(addresses.UPPHAVDA) == "sidor/anvisningar/upphavda.json"


def _documents(pub: Publication, pages: dict[str, Sidtext]) -> dict:
    return tvillingar.documents(pub, URLS, pages)


def test_a_sida_document_holds_the_page_html_with_absolute_links(repo_publication):
    text = Sidtext("Beslutet", "Om beslutet.", '<p><a href="../begrepp/">Begrepp</a></p>\n')
    kind, document = _documents(repo_publication, {"beslutet.md": text})["sidor/beslutet.json"]
    assert kind == "sida"
    assert document["text_html"] == f'<p><a href="{URLS.page("begrepp.md")}">Begrepp</a></p>\n'
    assert (document["titel"], document["beskrivning"]) == ("Beslutet", "Om beslutet.")
    assert document["url"] == URLS.page("beslutet.md") and document["listor"] is None
    assert errors(_schema("sida"), document, "beslutet") == []


def test_a_malomrade_page_is_made_from_the_programme(repo_publication):
    m = repo_publication.malomraden[0]
    sida = addresses.malomrade(m.id)
    _, document = _documents(repo_publication, {sida: Sidtext(m.namn, None, "<p>x</p>")})[
        sida_path(sida)
    ]
    assert document["kallor"] == [{"typ": "program", "json_url": URLS.api("program.json")}]


@pytest.mark.parametrize(
    "sida",
    [
        addresses.SAMTLIGA,
        addresses.NYTT_OCH_ANDRAT,
        addresses.SKA_REVIDERAS,
        addresses.UPPHAVDA,
        addresses.HELA_PROGRAMMET,
    ],
)
def test_a_listing_page_has_structured_entries_not_html(repo_publication, sida):
    page = {sida: Sidtext("Lista", None, "<table>…</table>")}
    _, document = _documents(repo_publication, page)[sida_path(sida)]
    assert document["text_html"] is None
    assert document["listor"] and all("rubrik" in lista for lista in document["listor"])
    assert errors(_schema("sida"), document, sida) == []


def test_hela_programmet_lists_under_the_pages_own_headings(repo_publication, monkeypatch):
    """The twin's lists are the page's groups: its anvisningar under the page's heading,
    and those in force whose text the page cannot show under theirs."""
    pub = repo_publication
    page = {addresses.HELA_PROGRAMMET: Sidtext("Hela programmet", None, "<p>…</p>")}

    def listor() -> list[dict]:
        return _documents(pub, page)[sida_path(addresses.HELA_PROGRAMMET)][1]["listor"]

    held = hela_programmet.innehall(pub)
    assert not held.utan_text, "the repository shows every anvisning in force"
    assert [lista["rubrik"] for lista in listor()] == [hela_programmet.GALLANDE]
    untold = pub.anvisningar[0]
    monkeypatch.setattr(
        tvillingar,
        "innehall",
        lambda _: replace(held, utan_text=((untold.sida, untold.titel),)),
    )
    gallande, utan_text = listor()
    assert gallande["rubrik"] == hela_programmet.GALLANDE
    assert utan_text["rubrik"] == hela_programmet.UTAN_TEXT
    assert [entry["id"] for entry in utan_text["anvisningar"]] == [untold.id]


def test_upphavda_lists_each_repealed_anvisning_with_its_replacement(repo_publication):
    pub = repo_publication
    _, document = _documents(pub, {addresses.UPPHAVDA: Sidtext("U", None, "")})[
        sida_path(addresses.UPPHAVDA)
    ]
    entries = document["listor"][0]["anvisningar"]
    repealed = [a for a in pub.anvisningar if pub.giltighet(a).upphavd]
    assert {e["id"] for e in entries} == {a.id for a in repealed}
    assert all(e["giltighet"] == "upphävd" for e in entries)


def test_a_version_diff_page_is_made_from_the_two_versions(repo_publication):
    pub = repo_publication
    a = next(a for a in pub.anvisningar if len(pub.giltighet(a).perioder) > 1)
    periods = pub.giltighet(a).perioder
    sida = addresses.andringar(a.id, periods[1].version)
    _, document = _documents(pub, {sida: Sidtext("Ändringar", None, "<p>x</p>")})[sida_path(sida)]
    assert document["kallor"][0]["typ"] == "anvisningsversion"
    assert document["kallor"][0]["json_url"].endswith(
        f"anvisningar/{a.id}/versioner/{periods[0].version}.json"
    )


def test_sidor_lists_every_page_with_its_twin_and_the_404_page(repo_publication):
    pub = repo_publication
    a = pub.anvisningar[0]
    pages = {
        "beslutet.md": Sidtext("Beslutet", None, ""),
        a.sida: Sidtext(a.titel, None, ""),
        "index.md": Sidtext("Start", None, ""),
    }
    found = _documents(pub, pages)
    kind, document = found["sidor.json"]
    assert kind == "sidor"
    assert errors(_schema("sidor"), document, "sidor.json") == []
    by_url = {e["url"]: (e["typ"], e["json_url"]) for e in document["sidor"]}
    assert by_url == {
        URLS.page("beslutet.md"): ("sida", URLS.api("sidor/beslutet.json")),
        URLS.page(a.sida): ("anvisning", URLS.api(f"anvisningar/{a.id}.json")),
        URLS.page("index.md"): ("program", URLS.api("program.json")),
        URLS.file("404.html"): ("index", URLS.api("index.json")),
    }
    # Only pages without a domain document get a sida document.
    assert set(found) == {"sidor.json", "sidor/beslutet.json"}


def test_a_withheld_page_gets_no_twin_because_it_is_not_built(repo_publication):
    """The twins are made of the pages the build rendered, and nothing else."""
    assert set(_documents(repo_publication, {})) == {"sidor.json"}
