"""program.json: the programme's state on the reference date and every successor, with
ersatt_av kept as one id for the clients of API v1."""

from __future__ import annotations

import json
from datetime import date

import pytest

from styrdok.select import select
from styrdok.views import api

from helpers import check
from helpers.api import SCHEMA_SOURCE, URLS, errors

SUCCESSORS = """
- id: program-a
  titel: Program A 2024–2027
  period:
    fran: 2024
    till: 2027
  status: gällande
  beslutad_av: kommunfullmaktige
  ersatter:
    - program-nu

- id: program-b
  titel: Program B 2024–2030
  period:
    fran: 2024
    till: 2030
  status: gällande
  beslutad_av: kommunfullmaktige
  ersatter:
    - program-nu
"""


def program_json(project, dag: date) -> dict:
    path = project / "data" / "program.yml"
    text = path.read_text(encoding="utf-8").replace("status: gällande", "status: utgått", 1)
    path.write_text(text + SUCCESSORS, encoding="utf-8")
    pub = select(check(project, dag).model, "intranät", dag)
    _, document = api.documents(pub, URLS, {})["program.json"]
    return document


def test_a_programme_replaced_by_two_lists_both_and_keeps_ersatt_av_as_the_first(project):
    document = program_json(project, date(2028, 1, 1))
    by_id = {p["id"]: p for p in document["alla_program"]}
    assert by_id["program-nu"]["ersatt_av"] == "program-a"
    assert by_id["program-nu"]["ersatt_av_alla"] == ["program-a", "program-b"]
    assert by_id["program-a"]["ersatt_av"] is None
    assert by_id["program-a"]["ersatt_av_alla"] == []


def test_in_force_means_on_the_reference_date_not_merely_marked_so(project):
    document = program_json(project, date(2028, 1, 1))
    assert document["referensdatum"] == "2028-01-01"
    states = {
        p["id"]: (p["status"], p["tillstand"], p["i_kraft"]) for p in document["alla_program"]
    }
    assert states == {
        "program-nu": ("utgått", "utgått", False),
        "program-forr": ("utgått", "utgått", False),
        "program-a": ("gällande", "perioden har löpt ut", False),
        "program-b": ("gällande", "gällande", True),
    }
    # The programme shown is the one the content belongs to, however it stands.
    assert document["program"]["id"] == "program-nu"


@pytest.mark.parametrize("day", [date(2023, 6, 1), date(2028, 1, 1)])
def test_the_program_document_follows_its_schema(project, day):
    schema = json.loads((SCHEMA_SOURCE / "program.schema.json").read_text(encoding="utf-8"))
    assert errors(schema, program_json(project, day), "program.json") == []
