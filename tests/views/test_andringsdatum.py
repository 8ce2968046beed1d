"""The day each document last changed (views/andringsdatum.py), as index.json lists it:
from the data, never after the reference date, and including the days a version began
or stopped applying."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from styrdok.select import STANDARD_MALGRUPP, Publication, select
from styrdok.views import andringsdatum, api, api_files
from styrdok.views.urls import SCHEMAS

from helpers import check, decide_trygghet_i_bromma, make_project, publication_of
from helpers.api import SCHEMA_SOURCE, URLS, errors, site_urls

BROMMA = URLS.api("anvisningar/trygghet-i-bromma.json")


@pytest.fixture
def pub(tmp_path: Path) -> Publication:
    return publication_of(make_project(tmp_path / "projekt"))


def index_dates(pub: Publication) -> dict[str, str | None]:
    found = api.documents(pub, URLS, {})
    written = {p: (k, api_files.serialize(d)) for p, (k, d) in found.items()}
    index = api_files.index_document(pub, URLS, written, api_files.document_dates(pub, URLS, found))
    return {e["url"].removeprefix(URLS.api("")): e["senast_andrad"] for e in index["dokument"]}


def test_never_after_the_reference_date(pub: Publication) -> None:
    for path, day in index_dates(pub).items():
        assert day is None or dt.date.fromisoformat(day) <= pub.dag, path


def test_an_anvisning_document_is_dated_by_its_own_data(pub: Publication) -> None:
    per = andringsdatum.per_anvisning(pub, URLS)
    dates = index_dates(pub)
    for a in pub.anvisningar:
        expected = per[URLS.api(f"anvisningar/{a.id}.json")]
        assert dates[f"anvisningar/{a.id}.json"] == (expected.isoformat() if expected else None)
        own = [a.beslutsdatum, a.senast_andrad, a.giltig_fran, *(h.datum for h in a.historik)]
        known = [d for d in own if d and d <= pub.dag]
        if known:
            assert expected is not None and expected >= max(known)


def test_a_list_is_as_new_as_its_newest_entry(pub: Publication) -> None:
    per = andringsdatum.per_anvisning(pub, URLS)
    newest = max(d for d in per.values() if d)
    assert index_dates(pub)["anvisningar.json"] == newest.isoformat()
    assert index_dates(pub)["tidslinje.json"] == newest.isoformat()


def test_the_list_of_organ_has_no_dates(pub: Publication) -> None:
    assert index_dates(pub)["organ.json"] is None


def test_a_future_decision_does_not_date_a_document_yet(tmp_path: Path) -> None:
    """Decided after the reference date: the day is not counted until it has come."""
    project = make_project(tmp_path / "projekt")
    decide_trygghet_i_bromma(project)
    before = publication_of(project)
    assert andringsdatum.per_anvisning(before, URLS)[BROMMA] == dt.date(2025, 12, 1)
    outcome = check(project, dt.date(2026, 3, 2))
    assert outcome.ok, outcome.problems
    after = select(outcome.model, STANDARD_MALGRUPP, dt.date(2026, 3, 2))
    # The day it began to apply is the day its document changed.
    assert andringsdatum.per_anvisning(after, URLS)[BROMMA] == dt.date(2026, 3, 1)


def _index(pub: Publication) -> tuple[dict, dict]:
    schemas = {
        kind: json.loads((SCHEMA_SOURCE / name).read_text(encoding="utf-8"))
        for kind, name in SCHEMAS.items()
    }
    index = json.loads(api_files.api_files(pub, URLS, {}, schemas, None)["index.json"])
    return index, schemas["index"]


def test_the_index_validates_with_dates_and_life_cycle(repo_publication: Publication) -> None:
    index, schema = _index(repo_publication)
    assert errors(schema, index, "index") == []
    assert index["livscykel"]["status"] == "gällande"
    assert index["livscykel"]["avvecklas_fran"] is None
    assert any(e["senast_andrad"] for e in index["dokument"])


def test_the_life_cycle_points_to_the_guides_rules(repo_publication: Publication) -> None:
    index = api_files.index_document(repo_publication, URLS, {})
    assert index["livscykel"]["policy"] == URLS.page("api.md") + "#regler-for-andringar"


def test_program_json_is_dated_by_the_day_a_programme_changed_state(tmp_path: Path) -> None:
    """program.json says each programme's state on the reference date (`tillstand`):
    when its period ends, the document changes, and so must its date."""
    project = make_project(tmp_path / "projekt")
    outcome = check(project, dt.date(2031, 1, 2))
    assert outcome.ok, outcome.problems
    after = select(outcome.model, STANDARD_MALGRUPP, dt.date(2031, 1, 2))
    program = api.documents(after, URLS, {})["program.json"][1]
    assert program["program"]["tillstand"] == "perioden har löpt ut"
    # The period 2018–2030 ended with 2030: the document changed on 2031-01-01.
    assert index_dates(after)["program.json"] == "2031-01-01"


def test_the_index_points_to_the_rules_for_change_on_a_site_without_the_guide(
    pub: Publication,
) -> None:
    """The API guide (docs/api.md) is an editor's page: a project may have none, or make
    it intern on the public site. The index is still written, and its policy address is
    one the site has: the OpenAPI description, which states the same rules."""
    assert pub.sida("api.md") is None
    schemas = {
        kind: json.loads((SCHEMA_SOURCE / name).read_text(encoding="utf-8"))
        for kind, name in SCHEMAS.items()
    }
    urls = site_urls(pub)
    index = json.loads(api_files.api_files(pub, urls, {}, schemas, None)["index.json"])
    assert errors(schemas["index"], index, "index") == []
    assert index["livscykel"]["policy"] == urls.api("openapi.json")
