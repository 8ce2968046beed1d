"""Property tests: whatever an editor writes, the whole check ends in problems, never an exception."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from styrdok.core.limits import MAX_ALIAS_VALUES, MAX_ALIASES
from styrdok.core.linking.linker import link
from styrdok.core.project import Project
from styrdok.core.reading.load import load_bytes, load_file
from styrdok.core.rules.integrity import check_model
from styrdok.core.rules.schema import Schemas

from helpers import REPO, VALID, check, make_project

# Hundreds of examples through the whole check: about ten seconds, so left out of
# `make test-snabb` with the builds (tests/README.md).
pytestmark = pytest.mark.slow

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


# Mutations of the valid anvisningar, run through the whole check (styrdok check on a
# copy of the valid project): an editor's slip or an attacker's file must end in
# problems, fast, with messages that do not grow with the file.

ANVISNINGAR = {
    path.name: path.read_bytes()
    for path in sorted((VALID / "docs" / "anvisningar").glob("*.md"))
    if path.name != "index.md"
}
# Far longer than any real message (the longest pinned one is about 400 characters).
MAX_MESSAGE = 2000
# What breaks YAML, Markdown or UTF-8: indicators, tabs, NUL, bytes that are not UTF-8
# (a lone continuation byte, a cut-off sequence, an encoded surrogate), a BOM.
NASTY = [
    *(c.encode() for c in ":#&*!{}[]|>-?%@`'\"\\,"),
    b"\t",
    b"\x00",
    b"\r",
    b"\x80",
    b"\xff",
    b"\xc3",
    b"\xed\xa0\x80",
    b"\xef\xbb\xbf",
    b"---",
    b"...",
    b"\n",
    b" ",
    b"- ",
    b"&a ",
    b"*a",
    b"!!python/object:os.system ",
    b"<script>",
    b"{{ x }}",
    "å".encode(),
]
line_index = st.integers(0, 10_000)  # taken modulo the number of lines
mutation = st.one_of(
    st.tuples(st.just("delete"), line_index),
    st.tuples(st.just("duplicate"), line_index),
    st.tuples(st.just("swap"), line_index, line_index),
    st.tuples(
        st.just("insert"),
        line_index,
        st.integers(0, 200),
        st.lists(st.sampled_from(NASTY) | st.binary(min_size=1, max_size=3), max_size=4).map(
            b"".join
        ),
    ),
    st.tuples(st.just("truncate"), st.integers(0, 2000)),
    # A value becomes an alias; "anchor" gives it something to point at, or not.
    st.tuples(st.just("alias"), line_index),
    st.tuples(st.just("anchor"), line_index),
)


def mutate(raw: bytes, steps: list[tuple]) -> bytes:
    lines = raw.split(b"\n")
    for kind, *args in steps:
        at = args[0] % len(lines)
        if kind == "delete" and len(lines) > 1:
            del lines[at]
        elif kind == "duplicate":
            lines.insert(at, lines[at])
        elif kind == "swap":
            other = args[1] % len(lines)
            lines[at], lines[other] = lines[other], lines[at]
        elif kind == "insert":
            column = min(args[1], len(lines[at]))
            lines[at] = lines[at][:column] + args[2] + lines[at][column:]
        elif kind == "truncate":
            lines = b"\n".join(lines)[: args[0]].split(b"\n")
        elif kind in ("alias", "anchor"):
            key, colon, value = lines[at].partition(b": ")
            if colon:
                lines[at] = key + colon + (b"*a" if kind == "alias" else b"&a " + value)
    return b"\n".join(lines)


@pytest.fixture(scope="module")
def shared_project(tmp_path_factory) -> Path:
    """One copy for all examples (copying per example would cost more than checking);
    each example puts back the file it changed."""
    return make_project(tmp_path_factory.mktemp("egenskaper") / "projekt")


def check_with(project: Path, name: str, raw: bytes) -> list:
    target = project / "docs" / "anvisningar" / name
    target.write_bytes(raw)
    try:
        problems = check(project).problems
    finally:
        target.write_bytes(ANVISNINGAR[name])
    assert isinstance(problems, list)
    for found in problems:
        assert found.position.line >= 1
        assert found.message
        assert len(str(found)) < MAX_MESSAGE, str(found)[:300]
    return problems


@settings(max_examples=400, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(ANVISNINGAR)), steps=st.lists(mutation, min_size=1, max_size=6))
def test_mutated_anvisning_ends_in_short_problems_fast(shared_project, name, steps):
    check_with(shared_project, name, mutate(ANVISNINGAR[name], steps))


def laughs(levels: int, width: int) -> list[str]:
    """Anchors lol0 … lol<levels-1>, each a list of `width` of the one before."""
    lines = [f"lol0: &lol0 [{', '.join(['lol'] * width)}]"]
    for level in range(1, levels):
        refs = ", ".join([f"*lol{level - 1}"] * width)
        lines.append(f"lol{level}: &lol{level} [{refs}]")
    return lines


def over_limits(levels: int, width: int, uses: int) -> bool:
    """Whether laughs(levels, width) and `uses` aliases to the last go past a limit."""
    size = width + 1  # lol0: the list and its items
    aliases = added = 0
    for _ in range(1, levels):
        aliases += width
        added += width * size
        size = 1 + width * size
    aliases += uses
    added += uses * size
    return aliases > MAX_ALIASES or added > MAX_ALIAS_VALUES


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(sorted(ANVISNINGAR)),
    levels=st.integers(1, 10),
    width=st.integers(1, 12),
    fields=st.sets(st.sampled_from(["titel", "sammanfattning", "diarienummer", "ansvarig"])),
)
def test_values_replaced_by_nested_aliases_are_refused_exactly_past_the_limits(
    shared_project, name, levels, width, fields
):
    lines = ANVISNINGAR[name].decode().split("\n")
    lines[1:1] = laughs(levels, width)
    uses = 0
    for number, line in enumerate(lines):
        key, colon, _ = line.partition(": ")
        if colon and key in fields:
            lines[number] = f"{key}: *lol{levels - 1}"
            uses += 1
    problems = check_with(shared_project, name, "\n".join(lines).encode())
    refused = {p.code for p in problems} & {"yaml-hanvisningar", "yaml-expansion"}
    assert bool(refused) == over_limits(levels, width, uses)
