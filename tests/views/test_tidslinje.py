"""tidslinje.json (views/tidslinje.py): every version of every anvisning with its interval,
enough to answer "what applied on D" without a server."""

from __future__ import annotations

import json
from datetime import date

import pytest

from styrdok.views import api, api_files, queries
from styrdok.views.tidslinje import tidslinje_document

from helpers import publication_of
from helpers.api import SCHEMA_SOURCE, SITE, URLS, errors
from helpers.tidpunkt import (
    ORGAN_VERSION_ON,
    RATTELSE,
    RETROACTIVE_DAY,
    TITLES,
    UTRYMNING,
    VERSION_ON,
    add_versions,
    version_in,
)


@pytest.fixture
def versioned(project):
    add_versions(project)
    return publication_of(project)


@pytest.fixture
def document(versioned):
    return tidslinje_document(versioned, URLS)


def test_it_validates_against_its_schema_and_is_in_the_api(versioned, document):
    schema = json.loads(
        api_files.published_schema(
            json.loads((SCHEMA_SOURCE / "tidslinje.schema.json").read_text()), URLS, "tidslinje"
        )
    )
    kind, published = api.documents(versioned, URLS, {})["tidslinje.json"]
    assert errors(schema, published, "tidslinje") == []
    # As published, the document is one page (views/paging.py) of the view's document.
    assert kind == "tidslinje" and {**published, "sidindelning": None} == {
        **document,
        "sidindelning": None,
    }
    assert document["url"] == SITE + "anvisningar/vad-gallde/"
    assert document["referensdatum"] == "2026-01-01"


def test_every_version_has_its_interval_title_circle_and_page(document):
    (entry,) = (a for a in document["anvisningar"] if a["id"] == UTRYMNING)
    assert entry["version"] == 3 and entry["upphavd_datum"] == "2024-01-01"
    assert [
        (v["version"], v["titel"], v["beslutsdatum"], v["giltig_fran"], v["giltig_till"])
        for v in entry["versioner"]
    ] == [
        (1, TITLES[1], "2016-11-20", "2017-01-01", "2018-03-31"),
        (2, TITLES[2], "2018-03-01", "2018-04-01", "2020-05-31"),
        (3, TITLES[3], "2020-05-15", "2020-06-01", "2023-12-31"),
    ]
    assert [v["galler_for"] for v in entry["versioner"]] == [
        {"alla": True, "organtyper": [], "organ": []},
        {"alla": False, "organtyper": ["stadsdelsnämnd"], "organ": []},
        {"alla": False, "organtyper": ["stadsdelsnämnd"], "organ": ["socialnamnden"]},
    ]
    assert [v["url"] for v in entry["versioner"]] == [
        f"{SITE}anvisningar/{UTRYMNING}/version-1/",
        f"{SITE}anvisningar/{UTRYMNING}/version-2/",
        f"{SITE}anvisningar/{UTRYMNING}/",
    ]


def test_a_draft_has_no_versions_and_organ_say_whether_they_apply_the_programme(document):
    (draft,) = (a for a in document["anvisningar"] if a["id"] == "trygghet-i-bromma")
    assert draft["versioner"] == []
    organ = {o["id"]: o for o in document["organ"]}
    assert organ["bromma-stadsdelsnamnd"] == {
        "id": "bromma-stadsdelsnamnd",
        "namn": "Bromma stadsdelsnämnd",
        "typ": "stadsdelsnämnd",
        "tillampar_programmet": True,
    }
    assert organ["stadsledningskontoret"]["tillampar_programmet"] is False


@pytest.mark.parametrize(("day", "version"), sorted(VERSION_ON.items()))
def test_the_document_alone_gives_the_version_in_force_on_each_day(document, day, version):
    assert version_in(document, UTRYMNING, day) == version


@pytest.mark.parametrize(("day_organ", "version"), sorted(ORGAN_VERSION_ON.items()))
def test_the_document_alone_gives_what_applied_to_an_organ(document, day_organ, version):
    assert version_in(document, UTRYMNING, *day_organ) == version


def test_the_document_and_the_query_agree_for_every_anvisning_organ_and_day(versioned, document):
    days = [*VERSION_ON, RETROACTIVE_DAY, "2019-05-31", "2019-06-01", "2021-10-01"]
    for organ in (None, *versioned.organ):
        for day in days:
            svar = queries.gallde(versioned, date.fromisoformat(day), organ)
            found = {g.anvisning.id: g.period.version for g in svar.gallde}
            for entry in document["anvisningar"]:
                expected = found.get(entry["id"])
                assert version_in(document, entry["id"], day, organ and organ.id) == expected, (
                    entry["id"],
                    day,
                    organ,
                )
    assert version_in(document, RATTELSE, RETROACTIVE_DAY) == 1


def test_the_size_is_linear_in_the_versions(project):
    add_versions(project)
    small = len(json.dumps(tidslinje_document(publication_of(project), URLS)))
    folder = project / "docs" / "anvisningar"
    template = (folder / "rapportvagar.md").read_text(encoding="utf-8")
    for n in range(20):
        (folder / f"kopia-{n}.md").write_text(
            template.replace("id: rapportvagar", f"id: kopia-{n}"), encoding="utf-8"
        )
    large = len(json.dumps(tidslinje_document(publication_of(project), URLS)))
    # Each copy adds one entry with one version, no more than the original holds.
    per_copy = (large - small) / 20
    assert per_copy < 1000
