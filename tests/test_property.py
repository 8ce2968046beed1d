"""Property tests: whatever an editor writes, the whole check ends in problems, never an exception."""

from __future__ import annotations

from datetime import date

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from styrdok.integrity import check_model
from styrdok.link import link
from styrdok.load import load_bytes, load_file
from styrdok.project import Project
from styrdok.schema import Schemas

from conftest import REPO, VALID

SCHEMAS = Schemas(REPO / "schema")
PROJECT = Project.at(VALID)
FIELDS = [
    "id",
    "titel",
    "sammanfattning",
    "fokusomraden",
    "ansvarig",
    "galler_for",
    "status",
    "beslutsdatum",
    "beslutad_av",
    "giltig_fran",
    "revideras_senast",
    "upphavd_datum",
    "version",
    "diarienummer",
    "ersatter",
    "rattslig_grund",
    "kontakt",
    "exempelinnehall",
    "fokusområden",
    "okänt",
]
IDS = ["krisledning", "krisledning-gammal", "krisberedskap", "kommunstyrelsen", "leh", "alla", "x"]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 3000),
    st.sampled_from(
        [*IDS, "gällande", "upphävd", "utkast", "2019-02-30", "2019-05-02", "2003:778"]
    ),
    st.text(max_size=12),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.sampled_from(["organ", "organtyper", "funktion", "epost", "x"]), inner, max_size=3
        ),
    ),
    max_leaves=8,
)
front_matter = st.dictionaries(st.sampled_from(FIELDS), values, max_size=len(FIELDS))

OTHERS = [
    load_file(path, PROJECT.display(path), kind)[0]
    for path, kind in [
        *(
            (VALID / "data" / f"{name}.yml", name)
            for name in ("program", "malomraden", "fokusomraden", "organ", "forfattningar")
        ),
        (VALID / "docs/anvisningar/krisledning-gammal.md", "anvisning"),
    ]
]


def run_check(raw: bytes) -> list:
    doc, problems = load_bytes(raw, "docs/anvisningar/krisledning.md", "anvisning")
    documents = [*OTHERS, doc]
    validations = [SCHEMAS.validate(d) for d in documents]
    model, link_problems = link(documents, validations)
    return [
        *problems,
        *(p for v in validations for p in v.problems),
        *link_problems,
        *check_model(model, date(2026, 1, 1)),
    ]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=front_matter)
def test_any_front_matter_ends_in_problems_not_exceptions(data):
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    problems = run_check(f"---\n{text}---\n\nText.\n".encode())
    for found in problems:
        assert found.position.line >= 1
        assert found.message


@settings(max_examples=200, deadline=None)
@given(data=front_matter, drop=st.integers(0, 200))
def test_any_truncated_file_ends_in_problems_not_exceptions(data, drop):
    text = f"---\n{yaml.safe_dump(data, allow_unicode=True)}---\nText.\n".encode()
    run_check(text[: max(0, len(text) - drop)])
