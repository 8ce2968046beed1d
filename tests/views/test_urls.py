"""Addresses (views/urls.py): `Urls.join` is urljoin, exactly, on the bases and paths a
build meets and on every odd one; only its speed differs."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from hypothesis import given
from hypothesis import strategies as st

from styrdok.views.urls import Urls, prefixable, sidadress

BASES = [
    "https://intranat.stockholm.se/trygghet-och-sakerhet/",
    "https://example.se/",
    "http://127.0.0.1:8000/",
    "https://user:pw@example.se:8443/a/b/",
    "https://example.se/a;p/",
    "ftp://example.se/pub/",
    # Not prefixable: urljoin's answer must come back all the same.
    "https://example.se",
    "https://example.se/a",
    "https://example.se/a//b/",
    "https://example.se/a/./b/",
    "https://example.se/a/../b/",
    "https://example.se/a/?q=1",
    "https://example.se/a/#x",
    "HTTPS://Example.se/",
    " https://example.se/",
    "mailto:someone@example.se",
    "/relative/only/",
    "",
]

PATHS = [
    "",
    "anvisningar/kamerabevakning/",
    "api/v1/anvisningar/kamerabevakning.json",
    "api/v1/anvisningar/x/versioner/2.json",
    "api/v1/organ.json",
    "api/v1/schema/anvisning.schema.json",
    "anvisningar/forteckning.csv",
    "a",
    "a/",
    "a/b",
    "...",
    ".a/",
    "a./b..",
    "x~y/!$&'()*+,=@%20",
    # Dot segments, empty segments, absolute paths and everything urlparse reads.
    ".",
    "..",
    "./a",
    "../a",
    "a/.",
    "a/..",
    "a/./b",
    "a/../b",
    "a//b",
    "/a",
    "//other.se/a",
    "a?q=1",
    "a#frag",
    "#frag",
    "?q",
    "a;p",
    "a:b",
    "https://other.se/x",
    "mailto:x@y.se",
    " a",
    "a b",
    "a\tb",
    "a\nb",
    "\x00a",
    "a\\b",
    "å/ä",
    "a/\u2028",
]


@pytest.mark.parametrize("base", BASES)
@pytest.mark.parametrize("path", PATHS)
def test_join_is_urljoin(base: str, path: str) -> None:
    assert Urls(base, sidadress).join(path) == urljoin(base, path)


def test_only_a_canonical_directory_address_is_prefixed() -> None:
    assert prefixable("https://intranat.stockholm.se/trygghet-och-sakerhet/")
    assert prefixable("http://127.0.0.1:8000/")
    for base in BASES[6:]:
        assert not prefixable(base), base


def test_page_api_and_file_are_urljoin_of_their_paths() -> None:
    base = "https://intranat.stockholm.se/ts/"
    urls = Urls(base, sidadress)
    assert urls.page("anvisningar/x.md") == urljoin(base, "anvisningar/x/")
    assert urls.page("index.md") == base
    assert urls.api("organ/a.json") == urljoin(base, "api/v1/organ/a.json")
    assert urls.file("anvisningar/forteckning.csv") == urljoin(base, "anvisningar/forteckning.csv")


_CHARS = st.sampled_from([*"ab.-_/~%:;?#@!$&'()*+,= \t\nå\\", "..", "//", "./", "../"])


@given(
    st.sampled_from(BASES),
    st.lists(_CHARS, max_size=12).map("".join),
)
def test_join_is_urljoin_on_any_path(base: str, path: str) -> None:
    assert Urls(base, sidadress).join(path) == urljoin(base, path)
