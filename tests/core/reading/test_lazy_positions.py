"""Loading keeps values, not nodes: positions are found again only when a rule asks.

The tight pass for a document without aliases must build exactly what the general
builder (the one for shared anchors) builds, with the same problems; a document's
nodes are composed again only on demand, and an entry's places only when looked up.
"""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from styrdok.core.linking.entries import Entry
from styrdok.core.reading import source
from styrdok.core.reading.load import load_bytes
from styrdok.core.reading.safe_yaml import SafeLoader
from styrdok.core.reading.yaml_values import ValueBuilder

ORGAN = b"- id: a\n  namn: A\n  typ: x\n- id: b\n  namn: B\n  typ: y\n  lista:\n  - 1\n  - 2\n"
PAGE = b"---\n# kommentar\nid: test\ntitel: Test\nhistorik:\n- a\n- b\n---\n\nText.\n"


def both(text: str) -> tuple[object, object]:
    """What the tight pass and the general builder make of `text`: values and problems."""
    node = yaml.compose(text, Loader=SafeLoader)
    tight, general = ValueBuilder("x", 0, shared=False), ValueBuilder("x", 0, shared=True)
    return (
        (tight.build(node), [(p.code, p.position, p.message) for p in tight.problems]),
        (general.build(node), [(p.code, p.position, p.message) for p in general.problems]),
    )


def test_tight_pass_reports_as_the_general_builder():
    text = (
        "a: 1\nb: text\na: 2\n? [x]\n: y\n<<: {c: 1}\nd: 2019-01-01\ne: .inf\n"
        'f: !!binary aGVq\ng: !!python/name:os.system x\nh: "\\u200b"\ni: !!bool kanske\n'
        "j: " + "[" * 55 + "]" * 55 + "\nk: [1, {l: 2, l: 3}]\n"
    )
    tight, general = both(text)
    assert tight == general
    codes = [code for code, _, _ in tight[1]]
    assert codes == [
        "dubblett-nyckel",
        "ogiltig-nyckel",
        "ogiltig-nyckel",
        "ogiltig-yaml",
        "ogiltig-yaml",
        "styrtecken",
        "ogiltig-yaml",
        "yaml-djup",
        "dubblett-nyckel",
    ]


KEYS = st.sampled_from(["a", "b", "c", "1", "no", "<<"])
SCALARS = st.sampled_from(["x", "1", "1.5", "true", "~", "2020-01-01", ".nan", "'q'", "!!str 2"])
YAML = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3).map(lambda items: "[" + ", ".join(items) + "]"),
        st.lists(st.tuples(KEYS, inner), max_size=4).map(
            lambda pairs: "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"
        ),
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(YAML)
def test_tight_pass_equals_general_builder_on_any_document(text):
    try:
        yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError:
        return
    tight, general = both(text)
    assert repr(tight) == repr(general)  # repr: nan is not equal to itself


def test_nodes_are_composed_again_only_when_asked(monkeypatch):
    doc, problems = load_bytes(ORGAN, "data/organ.yml", "organ")
    calls = []
    real = yaml.compose
    monkeypatch.setattr(source.yaml, "compose", lambda *a, **k: calls.append(1) or real(*a, **k))
    assert problems == []
    # Where the document and each item begin is known without composing.
    assert [doc.locate(()).line, doc.locate((0,)).line, doc.locate((1,)).line] == [1, 1, 4]
    assert doc.locate((5,)) == doc.locate(())
    assert calls == []
    assert doc.locate((1, "lista", 1)).line == 9
    assert doc.locate((1, "typ"), key=True).column == 3
    assert len(calls) == 1  # composed once, then kept


def test_page_positions_without_composing(monkeypatch):
    doc, problems = load_bytes(PAGE, "docs/anvisningar/test.md", "anvisning")
    calls = []
    real = yaml.compose
    monkeypatch.setattr(source.yaml, "compose", lambda *a, **k: calls.append(1) or real(*a, **k))
    assert problems == []
    assert doc.locate(()).line == 3  # the first field, after the comment
    assert calls == []
    assert doc.locate(("historik", 1)).line == 7
    assert calls == [1]


def test_entry_places_are_found_only_when_asked(monkeypatch):
    doc, _ = load_bytes(PAGE, "docs/anvisningar/test.md", "anvisning")
    asked = []
    real = type(doc).locate
    monkeypatch.setattr(
        type(doc),
        "locate",
        lambda self, where=(), **k: asked.append(tuple(where)) or real(self, where, **k),
    )
    kalla = Entry(doc, (), doc.data).kalla()
    assert asked == [()]
    assert set(kalla.falt) == {"id", "titel", "historik", "historik[0]", "historik[1]"}
    assert kalla.plats("historik[1]").line == 7
    assert kalla.plats("titel").line == 4
    assert kalla.plats("saknas") == kalla.position
    assert kalla.plats("titel").line == 4
    assert asked == [(), ("historik", 1), ("titel",)]  # each once


def test_known_starts_agree_with_the_nodes():
    for raw, kind in ((ORGAN, "organ"), (PAGE, "anvisning")):
        doc, _ = load_bytes(raw, "x", kind)
        for where in [(), (0,), (1,), (5,), (-1,), (True,), ("id",), ("x",)]:
            for key in (False, True):
                assert doc.locate(where, key=key) == doc.position(doc.node_at(where, key=key))
