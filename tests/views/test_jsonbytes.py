"""The published JSON's bytes (views/jsonbytes.py) are the json module's, byte for byte:
on every real document of the API and on hostile and odd values."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from styrdok.select import Publication
from styrdok.views import api, jsonbytes, tvillingar
from styrdok.views.tvillingar import Sidtext

from helpers.api import URLS, site_urls


def reference(value: Any) -> bytes:
    """What the API published before jsonbytes: the json module's text."""
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


HOSTILE = [
    "</script><script>alert(1)</script>",
    "\u2028\u2029",
    "".join(chr(c) for c in range(0x20)) + "\x7f\x80\x9f",
    '"\\/\b\f\n\r\t',
    "\U0001f600 \U00010348 \U0010ffff",
    "åäö ÅÄÖ é ß",
    "\ufeff\ufffe\uffff",
    "<!-- --> ]]> &amp; &#0;",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_strings_as_values_and_keys(text: str) -> None:
    value = {text: [text, {"k": text}], "a": text, "\u00e5": 1, "Z": 2}
    assert jsonbytes.dumps(value) == reference(value)


@pytest.mark.parametrize(
    "number",
    [0, -0.0, 0.0, 1, -1, 2**63 - 1, -(2**63), 2**63, 2**64 - 1, 2**64, -(2**63) - 1, 10**30,
     0.1, 12.5, 1e-4, 9.99e-5, 1e-5, 1e-9, 1e-10, 5e-324, 1e15, 1e16, 1e22, 1.7976931348623157e308,
     math.nan, math.inf, -math.inf, True, False, None],
)  # fmt: skip
def test_numbers(number: Any) -> None:
    value = {"v": [number], "w": number}
    assert jsonbytes.dumps(value) == reference(value)


def test_what_orjson_would_write_otherwise_goes_to_the_json_module() -> None:
    odd: list[Any] = [(1, "a"), {1: "a", 2: "b"}, {"a": {"b": (None,)}}, []]
    for value in odd:
        assert jsonbytes.dumps(value) == reference(value)
    nested: Any = []
    for _ in range(300):  # deeper than orjson's limit
        nested = [nested]
    assert jsonbytes.dumps(nested) == reference(nested)


def test_what_json_cannot_hold_fails_as_before() -> None:
    with pytest.raises(UnicodeEncodeError):
        jsonbytes.dumps({"a": "\ud800"})
    with pytest.raises(UnicodeEncodeError):
        reference({"a": "\ud800"})
    with pytest.raises(TypeError):
        jsonbytes.dumps({"a": {1, 2}})


_LEAVES = (
    st.text()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.booleans()
    | st.none()
)
_VALUES = st.recursive(
    _LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=400)
@given(_VALUES)
def test_any_value(value: Any) -> None:
    try:
        expected = reference(value)
    except UnicodeEncodeError:
        with pytest.raises(UnicodeEncodeError):
            jsonbytes.dumps(value)
        return
    assert jsonbytes.dumps(value) == expected


@pytest.mark.parametrize("which", ["publication", "repo_publication"])
def test_every_real_document(which: str, request: pytest.FixtureRequest) -> None:
    pub: Publication = request.getfixturevalue(which)
    urls = site_urls(pub) if which == "publication" else URLS
    html = {a.sida: "<p>Text med å, </script> och \u2028.</p>\n" for a in pub.anvisningar}
    pages = {t.sida: Sidtext(t.titel, None, "<p>…</p>\n") for t in pub.texts()}
    found = api.documents(pub, urls, html)
    found.update(tvillingar.documents(pub, urls, pages))
    assert found
    for path, (_, document) in found.items():
        assert jsonbytes.dumps(document) == reference(document), path
        # and each by orjson: the fast path is the one the build takes.
        assert jsonbytes.alike(document), path
