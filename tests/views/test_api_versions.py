"""Validity and versions in the JSON API: what each list and document says applies on the
reference date, every version with the days it applied, and an earlier version's own
document, for each audience. The schemas: views/test_api.py; a real build:
site/test_published_api.py and site/test_access.py."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from styrdok.select import Publication
from styrdok.views import api, api_files
from styrdok.views.urls import SCHEMAS

from helpers import TODAY, decide_trygghet_i_bromma, edit, make_project, publication_of
from helpers.api import SCHEMA_SOURCE, SITE, URLS, errors
from helpers.canaries import add_canaries, add_feed_version_canaries, add_version_canaries

Documents = dict[str, tuple[str, dict[str, Any]]]


KRISLEDNING = "docs/anvisningar/krisledning.md"


def with_version_3_in_preparation(project: Path) -> None:
    """krisledning: version 1 and 2 kept, version 3 an utkast in the anvisning's file."""
    current = project / KRISLEDNING
    (project / "docs/anvisningar/krisledning/version-2.md").write_text(
        current.read_text(encoding="utf-8").replace(
            "Texten med {{ klammer }}", "Texten i version 2, [den gamla](../krisledning-gammal.md)."
        ),
        encoding="utf-8",
    )
    edit(project, KRISLEDNING, "version: 2", "version: 3")
    edit(project, KRISLEDNING, "status: gällande", "status: utkast")
    for line in ("beslutsdatum: 2019-05-02\n", "giltig_fran: 2019-06-01\n"):
        edit(project, KRISLEDNING, line, "")
    edit(project, KRISLEDNING, "revideras_senast: 2027-06-01\n", "")


@pytest.fixture
def timeline(tmp_path: Path) -> Publication:
    """Each state on TODAY (2026-01-01): krisledning under revidering (its version 2 in
    force, 3 a draft); trygghet-i-bromma decided but in force from 2026-03-01;
    krisledning-gammal repealed from 2026-06-01, so still in force."""
    project = make_project(tmp_path / "projekt")
    with_version_3_in_preparation(project)
    decide_trygghet_i_bromma(project)
    edit(project, "docs/anvisningar/krisledning-gammal.md", "2019-06-01", "2026-06-01")
    return publication_of(project)


def documents(pub: Publication, html: dict[str, str] | None = None) -> Documents:
    return api.documents(pub, URLS, html or {})


def body(found: Documents, path: str) -> dict[str, Any]:
    return found[path][1]


def schema_problems(pub: Publication, found: Documents) -> list[str]:
    schemas = {
        kind: json.loads((SCHEMA_SOURCE / name).read_text(encoding="utf-8"))
        for kind, name in SCHEMAS.items()
    }
    written = {p: (k, api_files.serialize(d)) for p, (k, d) in found.items()}
    problems = errors(schemas["index"], api_files.index_document(pub, URLS, written), "index")
    for path, (kind, document) in found.items():
        problems += errors(schemas[kind], document, path)
    return problems


# Validity in every list ------------------------------------------------------------------


def test_every_listed_anvisning_carries_its_validity_on_the_reference_date(timeline):
    found = documents(timeline)
    expected = {a.id: timeline.giltighet(a).tillstand.value for a in timeline.anvisningar}
    assert expected == {
        "krisledning": "under revidering",
        "trygghet-i-bromma": "beslutad",
        "krisledning-gammal": "gällande",
    }
    cards = [
        value
        for kind, document in found.values()
        if kind != "anvisningsversion"  # whose giltighet is the version's own
        for value in _walk(document)
        if isinstance(value, dict) and "titel" in value and "giltighet" in value
    ]
    assert {c["json_url"] for c in cards} == {URLS.api(f"anvisningar/{id}.json") for id in expected}
    assert len(cards) > 10
    for card in cards:
        assert card["giltighet"] == expected[card["id"]], card["json_url"]


def _walk(node: Any) -> list[Any]:
    found = [node]
    if isinstance(node, dict):
        for value in node.values():
            found += _walk(value)
    elif isinstance(node, list):
        for value in node:
            found += _walk(value)
    return found


def test_status_stays_as_written_while_validity_says_what_applies(timeline):
    krisledning = body(documents(timeline), "anvisningar/krisledning.json")
    assert krisledning["status"] == "utkast"
    assert krisledning["giltighet"] == "under revidering"
    assert krisledning["version"] == 3 and krisledning["gallande_version"] == 2


def test_a_coming_anvisning_is_listed_as_coming_not_in_force(timeline):
    found = documents(timeline)
    bromma = body(found, "anvisningar/trygghet-i-bromma.json")
    assert (bromma["giltighet"], bromma["gallande_version"]) == ("beslutad", None)
    assert (bromma["kommande_version"], bromma["kommande_fran"]) == (1, "2026-03-01")
    lists = body(found, "organ/bromma-stadsdelsnamnd.json")["anvisningar"]
    assert [a["id"] for a in lists["kommande"]] == ["trygghet-i-bromma"]
    in_force = lists["samtliga"] + lists["for_typ"] + lists["sarskilt"]
    assert "trygghet-i-bromma" not in {a["id"] for a in in_force}
    assert {a["id"] for a in in_force} == {"krisledning", "krisledning-gammal"}


def test_a_repeal_from_a_later_day_is_in_force_until_then(timeline):
    gammal = body(documents(timeline), "anvisningar/krisledning-gammal.json")
    assert (gammal["status"], gammal["giltighet"]) == ("upphävd", "gällande")
    assert gammal["upphor"] == gammal["upphavd_datum"] == "2026-06-01"
    (only,) = gammal["versioner"]
    assert (only["giltig_fran"], only["giltig_till"]) == ("2014-02-01", "2026-05-31")


def test_the_documents_of_every_state_follow_their_schemas(timeline):
    found = documents(timeline)
    assert not schema_problems(timeline, found)


def test_the_reference_date_is_in_the_index_and_the_documents_that_depend_on_it(timeline):
    found = documents(timeline)
    written = {p: (k, api_files.serialize(d)) for p, (k, d) in found.items()}
    assert api_files.index_document(timeline, URLS, written)["referensdatum"] == "2026-01-01"
    dated = {kind for kind, document in found.values() if "referensdatum" in document}
    assert dated == {
        "anvisningar",
        "anvisning",
        "anvisningsversion",
        "organ",
        "fokusomrade",
        "program",
        "tidslinje",
    }
    assert {d["referensdatum"] for _, d in found.values() if "referensdatum" in d} == {
        TODAY.isoformat()
    }


# Versions -------------------------------------------------------------------------------


def test_versions_are_listed_oldest_first_with_the_days_each_applied(timeline):
    versioner = body(documents(timeline), "anvisningar/krisledning.json")["versioner"]
    assert [
        (v["version"], v["giltig_fran"], v["giltig_till"], v["giltighet"]) for v in versioner
    ] == [
        (1, "2017-01-01", "2019-05-31", "ersatt"),
        (2, "2019-06-01", None, "under revidering"),
        (3, None, None, "utkast"),
    ]
    assert [v["galler_pa_referensdatum"] for v in versioner] == [False, True, False]
    assert [v["status"] for v in versioner] == ["gällande", "gällande", "utkast"]
    assert versioner[0]["beslutad_av"]["id"] == "stadsledningskontoret"
    assert [v["url"] for v in versioner] == [
        SITE + "anvisningar/krisledning/version-1/",
        SITE + "anvisningar/krisledning/version-2/",
        SITE + "anvisningar/krisledning/",
    ]
    assert [v["json_url"] for v in versioner] == [
        SITE + "api/v1/anvisningar/krisledning/versioner/1.json",
        SITE + "api/v1/anvisningar/krisledning/versioner/2.json",
        SITE + "api/v1/anvisningar/krisledning.json",
    ]


def test_the_list_of_anvisningar_has_the_versions_too(timeline):
    listed = body(documents(timeline), "anvisningar.json")
    entry = next(a for a in listed["anvisningar"] if a["id"] == "krisledning")
    assert [v["version"] for v in entry["versioner"]] == [1, 2, 3]
    assert listed["referensdatum"] == "2026-01-01"


def test_an_earlier_version_has_its_own_document_with_its_text_and_days(timeline):
    html = {
        "anvisningar/krisledning/version-2.md": '<p><a href="../../krisledning-gammal/">x</a></p>\n'
    }
    found = documents(timeline, html)
    kind, v2 = found["anvisningar/krisledning/versioner/2.json"]
    assert kind == "anvisningsversion"
    assert v2["$schema"] == SITE + "api/v1/schema/anvisningsversion.schema.json"
    assert v2["url"] == SITE + "anvisningar/krisledning/version-2/"
    assert (v2["version"], v2["status"], v2["giltighet"]) == (2, "gällande", "under revidering")
    assert v2["galler_pa_referensdatum"] is True
    assert (v2["beslutsdatum"], v2["giltig_fran"], v2["giltig_till"]) == (
        "2019-05-02",
        "2019-06-01",
        None,
    )
    assert "[den gamla](../krisledning-gammal.md)" in v2["text_markdown"]
    # Links made absolute from the version's own page.
    assert f'href="{SITE}anvisningar/krisledning-gammal/"' in v2["text_html"]
    assert v2["aktuell_version"] == {
        "version": 3,
        "giltighet": "under revidering",
        "url": SITE + "anvisningar/krisledning/",
        "json_url": SITE + "api/v1/anvisningar/krisledning.json",
    }
    v1 = body(found, "anvisningar/krisledning/versioner/1.json")
    assert (v1["giltighet"], v1["galler_pa_referensdatum"], v1["giltig_till"]) == (
        "ersatt",
        False,
        "2019-05-31",
    )
    assert "Den första versionen" in v1["text_markdown"]


def test_the_current_version_has_no_document_of_its_own_besides_the_anvisning(timeline):
    paths = [p for p in documents(timeline) if p.startswith("anvisningar/krisledning/")]
    assert sorted(paths) == [
        "anvisningar/krisledning/versioner/1.json",
        "anvisningar/krisledning/versioner/2.json",
    ]


def test_a_version_repealed_with_its_anvisning_says_so(tmp_path):
    project = make_project(tmp_path / "projekt")
    edit(project, KRISLEDNING, "status: gällande", "status: upphävd\nupphavd_datum: 2025-01-01")
    found = documents(publication_of(project))
    versioner = body(found, "anvisningar/krisledning.json")["versioner"]
    assert [(v["giltighet"], v["giltig_till"]) for v in versioner] == [
        ("ersatt", "2019-05-31"),
        ("upphävd", "2024-12-31"),
    ]
    current = body(found, "anvisningar/krisledning/versioner/1.json")["aktuell_version"]
    assert current["giltighet"] == "upphävd"


def test_the_index_lists_every_version_document_and_counts_them(timeline):
    found = documents(timeline)
    written = {p: (k, api_files.serialize(d)) for p, (k, d) in found.items()}
    index = api_files.index_document(timeline, URLS, written)
    listed = [d["url"] for d in index["dokument"] if d["typ"] == "anvisningsversion"]
    assert listed == [
        SITE + "api/v1/anvisningar/krisledning/versioner/1.json",
        SITE + "api/v1/anvisningar/krisledning/versioner/2.json",
    ]
    assert index["antal"]["anvisningsversioner"] == 2
    assert index["scheman"]["anvisningsversion"] == URLS.schema("anvisningsversion")


def test_openapi_describes_every_kind_of_document():
    description = json.loads((SCHEMA_SOURCE / "openapi.json").read_text(encoding="utf-8"))
    referred = {
        operation["get"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
        for operation in description["paths"].values()
        # The files that are not JSON documents (CSV, feeds, schemas, the record, the PDF).
        if "application/json" in operation["get"]["responses"]["200"]["content"]
    }
    assert referred == {f"schema/{name}" for name in SCHEMAS.values()}
    assert "/anvisningar/{id}/versioner/{version}.json" in description["paths"]


# Access levels apply to versions as to the anvisning ---------------------------------------


@pytest.fixture
def canary_project(tmp_path: Path) -> Path:
    project = make_project(tmp_path / "projekt")
    add_canaries(project)
    add_version_canaries(project)
    add_feed_version_canaries(project)
    return project


def test_a_skyddad_anvisnings_version_is_metadata_only_on_the_intranet(canary_project):
    pub = publication_of(canary_project, "intranät")
    html = {"anvisningar/kanarie-skyddad-id/version-1.md": "<p>KANARIE-SKYDDAD-V1-TEXT</p>"}
    found = documents(pub, html)
    version = body(found, "anvisningar/kanarie-skyddad-id/versioner/1.json")
    assert version["text_markdown"] is None and version["text_html"] is None
    assert version["atkomst"] == "skyddad" and version["diarienummer"] is None
    data = b"".join(api_files.serialize(d) for _, d in found.values()).decode()
    for canary in (
        "KANARIE-SKYDDAD-V1-SAMMANFATTNING",
        "KANARIESKYDDADV1DNR",
        "KANARIE-SKYDDAD-V1-TEXT",
    ):
        assert canary not in data
    assert not schema_problems(pub, found)


def test_an_intern_version_is_in_full_on_the_intranet_and_nowhere_public(canary_project):
    intranat = documents(publication_of(canary_project, "intranät"))
    intern = body(intranat, "anvisningar/kanarie-intern-id/versioner/1.json")
    assert "KANARIE-INTERN-V1-TEXT" in intern["text_markdown"]
    oppen_v1 = body(intranat, "anvisningar/krisledning/versioner/1.json")
    assert oppen_v1["atkomst"] == "intern"

    pub = publication_of(canary_project, "publik")
    publik = documents(pub)
    assert not [p for p in publik if "/versioner/" in p]
    krisledning = body(publik, "anvisningar/krisledning.json")
    assert [v["version"] for v in krisledning["versioner"]] == [2]
    data = b"".join(api_files.serialize(d) for _, d in publik.values())
    assert b"kanarie" not in data.lower()
    assert not schema_problems(pub, publik)
