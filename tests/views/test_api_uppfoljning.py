"""The follow-up in the JSON API (views/api.py): uppfoljning.json, riskbild.json and
indikatorer.json, for both audiences, against the schemas written in schema/api/v1/."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from styrdok.select import Publication, select
from styrdok.views import api, api_files
from styrdok.views.urls import SCHEMAS

from helpers import check
from helpers.api import SCHEMA_SOURCE, SITE, URLS, errors
from helpers.canaries import REPORT_CANARIES, add_report_canaries

KINDS = {
    "uppfoljning": "uppfoljning.json",
    "riskbild": "riskbild.json",
    "indikatorer": "indikatorer.json",
}
SUBMISSION = {"organ", "inlamnad", "inlamnad_datum", "efter_sista_dag", "atkomst"}

# A third year: one body has not reported, one reported late (with the note it must have).
YEAR_2026 = """ar: 2026
sista_dag: 2027-02-28
rapporter:
  - organ: kommunstyrelsen
    inlamnad: false
    atkomst: öppen
  - organ: bromma-stadsdelsnamnd
    inlamnad: true
    inlamnad_datum: 2027-03-02
    atkomst: öppen
    notering: Anstånd efter beslut i nämnden.
  - organ: socialnamnden
    inlamnad: false
    atkomst: skyddad
  - organ: stockholms-stadshus-ab
    inlamnad: true
    inlamnad_datum: 2027-02-01
    atkomst: öppen
  - organ: ab-svenska-bostader
    inlamnad: true
    inlamnad_datum: 2027-02-28
    atkomst: intern
"""


def publication(project: Path, malgrupp: str, today: date | None = None) -> Publication:
    outcome = check(project) if today is None else check(project, today)
    assert outcome.ok, outcome.problems
    return select(outcome.model, malgrupp)


def follow_up(pub: Publication) -> dict[str, dict[str, Any]]:
    """The three documents by kind."""
    found = api.documents(pub, URLS, {})
    return {kind: found[path][1] for kind, path in KINDS.items()}


def published_bytes(pub: Publication) -> dict[str, bytes]:
    return {
        path: api_files.serialize(doc) for path, (_, doc) in api.documents(pub, URLS, {}).items()
    }


def year(document: dict[str, Any], ar: int) -> dict[str, Any]:
    (found,) = [y for y in document["uppfoljningsar"] if y["ar"] == ar]
    return found


def reports(document: dict[str, Any], ar: int) -> dict[str, dict[str, Any]]:
    return {r["organ"]["id"]: r for r in year(document, ar)["rapporter"]}


@pytest.fixture
def schemas() -> dict[str, dict[str, Any]]:
    """The schemas as the site publishes them (with their $id)."""
    return {
        kind: json.loads(
            api_files.published_schema(
                json.loads((SCHEMA_SOURCE / SCHEMAS[kind]).read_text(encoding="utf-8")),
                URLS,
                kind,
            )
        )
        for kind in (*KINDS, "index")
    }


# What each audience gets ---------------------------------------------------------------


def test_a_skyddad_report_is_the_fact_of_submission_only_in_every_document(project):
    add_report_canaries(project)
    pub = publication(project, "intranät")
    skyddad = reports(follow_up(pub)["uppfoljning"], 2024)["socialnamnden"]
    assert set(skyddad) == SUBMISSION
    assert (skyddad["atkomst"], skyddad["inlamnad"], skyddad["inlamnad_datum"]) == (
        "skyddad",
        True,
        "2025-02-12",
    )
    # Not in any document of the API, the index included.
    written = {
        path: (kind, api_files.serialize(doc))
        for path, (kind, doc) in api.documents(pub, URLS, {}).items()
    }
    found = {path: data for path, (_, data) in written.items()}
    found["index.json"] = api_files.serialize(api_files.index_document(pub, URLS, written))
    for path, data in found.items():
        text = data.decode("utf-8")
        for canary in REPORT_CANARIES["skyddad"]:
            assert canary not in text, f"{canary} in {path}"


def test_the_intranet_gets_intern_reports_in_full(project):
    add_report_canaries(project)
    intern = reports(follow_up(publication(project, "intranät"))["uppfoljning"], 2024)[
        "kommunstyrelsen"
    ]
    assert intern["atkomst"] == "intern"
    assert intern["referens"] == "KANARIEINTERNRAPPORT 2025/1"
    assert intern["notering"] == "KANARIE-INTERN-NOTERING"
    assert intern["risker"] == [
        {
            "titel": "KANARIE-INTERN-RISK-TITEL",
            "fokusomraden": ["krisberedskap"],
            "sannolikhet": 2,
            "konsekvens": 3,
            "atgarder": "KANARIE-INTERN-ATGARDER",
            "lankar": {
                "fokusomraden": [
                    {
                        "id": "krisberedskap",
                        "namn": "Bygga motståndskraft",
                        "url": "https://intranat.example.se/tsp/fokusomraden/krisberedskap/",
                        "json_url": "https://intranat.example.se/tsp/api/v1/fokusomraden/krisberedskap.json",
                    }
                ]
            },
        }
    ]


def test_the_public_documents_hold_only_oppen_reports_and_no_summary(project):
    add_report_canaries(project)
    pub = publication(project, "publik")
    assert not pub.hel_rapportering
    documents = follow_up(pub)
    uppfoljning = documents["uppfoljning"]
    assert uppfoljning["urval"] == documents["riskbild"]["urval"] == api.URVAL_OPPNA
    for shown in uppfoljning["uppfoljningsar"]:
        assert shown["sammanfattning"] is None
        assert {r["atkomst"] for r in shown["rapporter"]} == {"öppen"}
    assert set(reports(uppfoljning, 2024)) == {
        "bromma-stadsdelsnamnd",
        "stockholms-stadshus-ab",
        "ab-svenska-bostader",
    }
    # Nothing of an intern or skyddad report, nor that kommunstyrelsen and socialnämnden
    # reported at all, in the follow-up documents.
    text = "".join(json.dumps(d, ensure_ascii=False) for d in documents.values())
    for canary in (*REPORT_CANARIES["intern"], *REPORT_CANARIES["skyddad"]):
        assert canary not in text
    assert '"id": "kommunstyrelsen"' not in text and '"id": "socialnamnden"' not in text


def test_the_public_site_with_only_oppen_reports_has_the_whole_reporting(project):
    (source,) = [p for p in (project / "data" / "uppfoljning").glob("*.yml")]
    source.write_text(
        source.read_text(encoding="utf-8")
        .replace("atkomst: intern", "atkomst: öppen")
        .replace("atkomst: skyddad", "atkomst: öppen"),
        encoding="utf-8",
    )
    pub = publication(project, "publik")
    assert pub.hel_rapportering
    uppfoljning = follow_up(pub)["uppfoljning"]
    assert uppfoljning["urval"] == api.URVAL_ALLA
    assert year(uppfoljning, 2025)["sammanfattning"]["organ"] == 5


def test_the_summary_counts_from_the_data_not_from_the_day(project):
    (project / "data" / "uppfoljning" / "2026.yml").write_text(YEAR_2026, encoding="utf-8")
    before = publication(project, "intranät", date(2026, 6, 1))
    after = publication(project, "intranät", date(2027, 6, 1))
    document = follow_up(before)["uppfoljning"]
    assert year(document, 2026)["sammanfattning"] == {
        "organ": 5,
        "inlamnade": 3,
        "sena": 1,
        "ej_inlamnade": 2,
    }
    shown = reports(document, 2026)
    assert shown["bromma-stadsdelsnamnd"]["efter_sista_dag"] is True
    assert shown["ab-svenska-bostader"]["efter_sista_dag"] is False  # on the last day
    assert shown["kommunstyrelsen"]["inlamnad_datum"] is None
    assert shown["kommunstyrelsen"]["efter_sista_dag"] is False
    assert set(shown["socialnamnden"]) == SUBMISSION
    # Before or after the deadline, a build gives the same bytes.
    assert published_bytes(before) == published_bytes(after)


def test_years_oldest_first_and_reports_by_organ_name(project):
    add_report_canaries(project)
    document = follow_up(publication(project, "intranät"))["uppfoljning"]
    assert [y["ar"] for y in document["uppfoljningsar"]] == [2024, 2025]
    names = [r["organ"]["namn"] for r in year(document, 2025)["rapporter"]]
    assert names == [
        "AB Svenska Bostäder",
        "Bromma stadsdelsnämnd",
        "Kommunstyrelsen",
        "Socialnämnden",
        "Stockholms Stadshus AB",
    ]
    shown = year(document, 2025)
    assert shown["url"] == SITE + "uppfoljning/2025/"
    assert shown["exempelinnehall"] is True
    assert shown["sista_dag"] == "2026-02-28"
    assert document["url"] == SITE + "uppfoljning/oversikt/"


# The risk picture ------------------------------------------------------------------------


def test_every_matrix_has_its_25_cells_in_a_fixed_order(project):
    add_report_canaries(project)
    pub = publication(project, "intranät")
    riskbild = follow_up(pub)["riskbild"]
    assert len(riskbild["matriser"]) == len(pub.riskbilder)
    order = [(s, k) for s in range(1, 6) for k in range(1, 6)]
    for matris in riskbild["matriser"]:
        assert [(c["sannolikhet"], c["konsekvens"]) for c in matris["celler"]] == order
    (all_2024,) = [m for m in riskbild["matriser"] if m["ar"] == 2024 and m["fokusomrade"] is None]
    # Kommunstyrelsen's intern risk (2, 3) and Bromma's öppen one (3, 2).
    counts = {(c["sannolikhet"], c["konsekvens"]): c["antal"] for c in all_2024["celler"]}
    assert counts[(2, 3)] == counts[(3, 2)] == 1
    assert sum(counts.values()) == all_2024["risker"] == 2
    assert all_2024["lagesbilder"] == 2


def test_no_count_holds_a_skyddad_lagesbild(project):
    add_report_canaries(project)
    riskbild = follow_up(publication(project, "intranät"))["riskbild"]
    (all_2024,) = [m for m in riskbild["matriser"] if m["ar"] == 2024 and not m["fokusomrade"]]
    # Socialnämnden's skyddad risk is the only one at (4, 5).
    counts = {(c["sannolikhet"], c["konsekvens"]): c["antal"] for c in all_2024["celler"]}
    assert counts[(4, 5)] == 0
    assert all(isinstance(c["antal"], int) for m in riskbild["matriser"] for c in m["celler"])


def test_the_scales_are_documented_in_the_document(publication):
    riskbild = follow_up(publication)["riskbild"]
    assert [s["varde"] for s in riskbild["skalor"]["sannolikhet"]] == [1, 2, 3, 4, 5]
    assert riskbild["skalor"]["sannolikhet"][2]["namn"] == "Medelhög"
    assert riskbild["skalor"]["konsekvens"][4]["namn"] == "Katastrofala"
    # The same names as the source schema's descriptions.
    source = json.loads((SCHEMA_SOURCE.parents[1] / "uppfoljning.schema.json").read_text())
    risk = source["$defs"]["risk"]["properties"]
    for scale in ("sannolikhet", "konsekvens"):
        for step in riskbild["skalor"][scale]:
            assert f"{step['varde']} {step['namn']}" in risk[scale]["description"]


# Indicators ----------------------------------------------------------------------------


def test_indicators_with_values_oldest_first_and_absent_values_as_null(publication):
    indikatorer = {i["id"]: i for i in follow_up(publication)["indikatorer"]["indikatorer"]}
    assert set(indikatorer) == {"otrygghet-kvall", "tillbud-internt"}
    otrygghet = indikatorer["otrygghet-kvall"]
    assert [v["ar"] for v in otrygghet["varden"]] == [2021, 2023]  # written 2023 first
    assert otrygghet["varden"][0] == {"ar": 2021, "kvinnor": 32, "man": 14, "alla": 23}
    assert otrygghet["url"] == SITE + "uppfoljning/oversikt/#otrygghet-kvall"
    assert otrygghet["datakalla"] == {"namn": "Trygghetsmätningen", "url": None, "kommentar": None}
    tillbud = indikatorer["tillbud-internt"]
    assert tillbud["varden"][0] == {"ar": 2024, "kvinnor": None, "man": None, "alla": 12}
    assert tillbud["datakalla"]["url"] == "https://example.org/tillbud"


def test_the_public_gets_only_oppen_indicators(project):
    indikatorer = follow_up(publication(project, "publik"))["indikatorer"]["indikatorer"]
    assert [i["id"] for i in indikatorer] == ["otrygghet-kvall"]
    assert "Anmälda tillbud" not in json.dumps(indikatorer, ensure_ascii=False)


# Schemas, the index, determinism and the examples ------------------------------------------


@pytest.mark.parametrize("malgrupp", ["intranät", "publik"])
def test_every_document_validates_against_its_published_schema(project, schemas, malgrupp):
    add_report_canaries(project)
    (project / "data" / "uppfoljning" / "2026.yml").write_text(YEAR_2026, encoding="utf-8")
    pub = publication(project, malgrupp)
    problems: list[str] = []
    for kind, document in follow_up(pub).items():
        problems += errors(schemas[kind], document, f"{malgrupp}/{kind}")
    found = api.documents(pub, URLS, {})
    written = {path: (kind, api_files.serialize(doc)) for path, (kind, doc) in found.items()}
    index = api_files.index_document(pub, URLS, written)
    problems += errors(schemas["index"], index, f"{malgrupp}/index")
    assert not problems, "\n".join(problems)
    listed = {entry["typ"] for entry in index["dokument"]}
    assert set(KINDS) <= listed and set(KINDS) <= set(index["scheman"])


def test_the_schema_refuses_a_skyddad_report_with_content(project, schemas):
    add_report_canaries(project)
    document = follow_up(publication(project, "intranät"))["uppfoljning"]
    assert not errors(schemas["uppfoljning"], document, "uppfoljning")
    skyddad = reports(document, 2024)["socialnamnden"]
    skyddad["referens"] = "SN 2025/1"
    assert errors(schemas["uppfoljning"], document, "uppfoljning")
    del skyddad["referens"]
    reports(document, 2024)["kommunstyrelsen"]["atkomst"] = "skyddad"  # with its risks
    assert errors(schemas["uppfoljning"], document, "uppfoljning")


def test_the_schema_refuses_a_matrix_without_all_its_cells(publication, schemas):
    riskbild = follow_up(publication)["riskbild"]
    riskbild["matriser"][0]["celler"].pop()
    assert errors(schemas["riskbild"], riskbild, "riskbild")


def test_the_documents_are_the_same_bytes_every_time(project):
    add_report_canaries(project)
    first = published_bytes(publication(project, "intranät", date(2025, 1, 1)))
    second = published_bytes(publication(project, "intranät", date(2030, 1, 1)))
    assert all(first[path] == second[path] for path in KINDS.values())
    assert first == second


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_document_can_be_shown_in_the_api_guide(publication, kind):
    found = api.documents(publication, URLS, {})
    example = api_files.example(publication, URLS, found, kind)
    assert example["json_url"] == SITE + "api/v1/" + KINDS[kind]
    assert api_files.shortened(example, 1)
