"""The body scan reads the same with markdown-it.rs as with markdown-it-py, the
reference (core/reading/markdown_rs.py): the same links with their lines and the same
findings, on the repository's texts, every text the tests hold, generated anvisningar
and generated hostile Markdown; and the compiled parser's fast path is really taken."""

from __future__ import annotations

import ast
import importlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from styrdok.core.reading import bodies, markdown_rs
from styrdok.core.reading.bodies import Scan

from helpers import REPO

pytestmark = pytest.mark.skipif(not markdown_rs.AVAILABLE, reason="markdown-it-pyrs saknas")


@contextmanager
def _reference_only() -> Iterator[None]:
    with mock.patch.object(markdown_rs, "blocks", lambda text, html_blocks=True: None):
        yield


def reference_scan(text: str) -> Scan:
    with _reference_only():
        return bodies.scan.__wrapped__(text)


def fast_scan(text: str) -> Scan:
    return bodies.scan.__wrapped__(text)


def _body(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end > 0:
            return text[end + 5 :]
    return text


def _repository_texts() -> list[str]:
    return [_body(p.read_text(encoding="utf-8")) for p in sorted((REPO / "docs").rglob("*.md"))]


def _fixture_texts() -> list[str]:
    """Every Markdown file under tests/ and every string literal in the tests' code:
    the hostile and invalid texts the other tests write inline are among them."""
    texts = {
        _body(p.read_text(encoding="utf-8", errors="replace"))
        for p in (REPO / "tests").rglob("*.md")
    }
    for path in sorted((REPO / "tests").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                texts.add(node.value)
    return sorted(texts)


def _generated_texts(count: int = 60) -> list[str]:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        generated = importlib.import_module("generated_corpus")
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    src = generated.read_source(REPO)
    specs = generated.generated_specs(count, src)
    return [
        generated.make_body(spec, src, generated.choose_links(spec, specs[:index], src))
        for index, spec in enumerate(specs)
    ]


def _differences(texts: list[str]) -> list[tuple[str, Scan, Scan]]:
    return [
        (text[:200], fast, reference)
        for text in texts
        if (fast := fast_scan(text)) != (reference := reference_scan(text))
    ]


def test_the_repositorys_texts_read_the_same() -> None:
    texts = _repository_texts()
    assert len(texts) > 20
    assert _differences(texts) == []
    # Nearly all of them on the fast path, or this test would prove little.
    fast = [text for text in texts if markdown_rs.blocks(text) is not None]
    assert len(fast) >= 0.9 * len(texts)


def test_every_text_in_the_tests_reads_the_same() -> None:
    texts = _fixture_texts()
    assert len(texts) > 1000
    assert _differences(texts) == []


def test_generated_anvisningar_read_the_same_on_the_fast_path() -> None:
    texts = _generated_texts()
    assert all(markdown_rs.blocks(text) is not None for text in texts)
    assert _differences(texts) == []


# Hostile Markdown from pieces: containers, code, raw HTML, every kind of link, attribute
# lists, snippets, and characters that parsers treat apart.
PIECES = [
    "!!! note",
    '!!! warning "Rubrik"',
    "??? info",
    "    ",
    "\t",
    "> ",
    ">",
    "- ",
    "* ",
    "1. ",
    "2) ",
    "```",
    "~~~",
    "````",
    "```py",
    "``` {.a #b}",
    "```%",
    "`",
    "<span>",
    "</span>",
    '<span class="x">',
    "<div>",
    "</div>",
    '<div id="a b">',
    "<p>",
    "<!-- c -->",
    "<!-->",
    "<script>alert(1)</script>",
    '<a href="javascript:x">',
    '<a href="sida.md">',
    '<img src="http://x/y.png">',
    "<search>",
    "<!DOCTYPE html>",
    "[a](b.md)",
    "[a](b.md#c)",
    "[a](<b c.md>)",
    '[a](b.md "t")',
    "[a](javascript:alert(1))",
    "[a](JaVaScRiPt:x)",
    "[a](jav&#x61;script:x)",
    "[a](data:text/html,x)",
    "[a](mailto:a@b.se)",
    "[a](http://åäö.se/x)",
    "[a](https://x.se/å)",
    "[a][r]",
    "[r]",
    "[r]: /x.md",
    "[r]: javascript:x",
    '[r]: <y z.md> "t"',
    "<https://x.se>",
    "<a@b.se>",
    "<javascript:x>",
    "![i](bild.png)",
    "![i](https://x/y.png)",
    "![i ![j](k.png)](l.png)",
    "[![i](bild.png)](m.md)",
    "{: #x }",
    "{: .c }",
    "{ onclick=x }",
    '{: title="a #b" }',
    "{{ makro }}",
    "{",
    "}",
    '--8<-- "fil.md"',
    "-8<-",
    "# Rubrik",
    "## Rubrik ##",
    "===",
    "---",
    "***",
    "| a | b |",
    "|---|---|",
    "| c \\| d | [e](f.md) |",
    "](",
    "](javascript:x)",
    "[",
    "]",
    "(",
    ")",
    "*",
    "_",
    "\\",
    "&amp;",
    "&#10;",
    "  \n",
    "\\\n",
    "\r\n",
    "\r",
    "\x00",
    "\u2028",
    "\x1f",
    "\x1c",
    "\u00a0",
    "åäö",
    "𝄞",
    "text",
    "ord och mening",
]
SEPARATORS = ["", " ", "\n", "\n\n", "\n    ", "\n> ", "\n- ", "\n  "]

markdown_texts = st.lists(
    st.tuples(st.sampled_from(PIECES) | st.text(max_size=4), st.sampled_from(SEPARATORS)),
    max_size=40,
).map(lambda pairs: "".join(piece + separator for piece, separator in pairs))


@pytest.mark.slow  # 1,500 examples: in `make test`, not the quick loop
@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_texts)
def test_hostile_markdown_reads_the_same(text: str) -> None:
    assert fast_scan(text) == reference_scan(text)


# The pieces that keep a text on the fast path, so that the comparison is of the two
# parsers and not of the reference with itself.
FAST_PIECES = [piece for piece in PIECES if markdown_rs.likely_same(piece)]
fast_texts = st.lists(
    st.tuples(st.sampled_from(FAST_PIECES) | st.text(max_size=4), st.sampled_from(SEPARATORS)),
    max_size=60,
).map(lambda pairs: "".join(piece + separator for piece, separator in pairs))


@pytest.mark.slow  # 1,500 examples: in `make test`, not the quick loop
@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fast_texts)
def test_markdown_on_the_fast_path_reads_the_same(text: str) -> None:
    assert fast_scan(text) == reference_scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "Se [sidan](sida.md) och ![bild](bild.png).\n",
        "- a\n  b [c](d.md)\n- e {: #f }\n",
        "> citat [l](m.md)\n> rad två\n",
        "| a | b |\n|---|---|\n| [c](d.md) | e |\n",
        "~~~\nkod [x](y.md)\n~~~\n\n    indraget [z](w.md)\n",
        "Rubrik {: #r }\n======\n\ntext <span class='x'>y</span>\n",
        "åäö 𝄞 [länk](sida.md)\n",
    ],
)
def test_ordinary_markdown_takes_the_fast_path(text: str) -> None:
    assert markdown_rs.blocks(text) is not None
    assert fast_scan(text) == reference_scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "[a `b\n",  # markdown-it.rs 0.6 panics on this
        "[a](javascript:alert(1))\n",  # markdown-it.rs drops it; the scan reports it
        "<a@b.se> [x](http://åäö.se)\n",  # punycode in markdown-it-py
        "a <!-- -- --> b\n",  # CommonMark 0.31 comments
        "x\r\ny\n",
        "> a {: #x }\n- \n    <div>\n",  # a lazy line to markdown-it.rs, not to the others
        "> " * 30 + "djup\n",
        "[" * 20 + "a\n",
        "*a " * 5000 + "b\n",
        # Found by attacking the fast path: each read apart, or hid a finding, before.
        "![\\]" * 21 + "<b onclick=x>a</b>" + "](y)" * 21,  # an escaped ] closes nothing
        "<script\n-|\n>alert(1)</script>\n",  # a table to markdown-it.rs only
        "a\n-|\nb\n",  # the same, caught after parsing
        "-\n\t{: onclick=alert(1) }\n",  # a tab shifts markdown-it.rs's offsets
        "-\n\ta\n\tb [x](saknas.md)\n",
        "1. _a_\n \\]\n  --\n  <b onclick=x>\n",  # offsets that end before they begin
        "- <script\n\n  alert(1)</script>\n",  # a raw-text block ended at the blank line
        "[r]\n- [r]:\n  -",  # link reference definitions
        "[r]\n\n[r]:\\",
    ],
)
def test_texts_the_parsers_read_apart_go_to_the_reference(text: str) -> None:
    assert markdown_rs.blocks(text) is None
    assert fast_scan(text) == reference_scan(text)


# Nesting the compiled parser builds recursively: 50,000 nested > ended the process
# (a native stack overflow, not an exception). Such texts never reach it.
DEEP_TEXTS = {
    "citat": ">" * 100_000 + " a\n",
    "citat-med-mellanslag": "> " * 50_000 + "a\n",
    "listor": "- " * 50_000 + "a\n",
    "indrag": "".join("  " * i + "- a\n" for i in range(2_000)),
    "hakparenteser": "[" * 100_000,
    "bilder": "![" * 50_000,
    "stjarnor": "*" * 100_000,
    "betoning": "*a " * 50_000 + "b" + " a*" * 50_000,
    "understreck": "_a " * 50_000 + "b" + " a_" * 50_000,
    "tabbar": "\t" * 10 + "- a\n",
    # 46,000 nested images: the tree is built, and freeing it ended the process. An
    # escaped ] or one in raw HTML or an autolink closes no [.
    "bilder-med-escape": "![\\]" * 46_000 + "x" + "](y)" * 46_000,
    "bilder-med-html": '![<i title="]">' * 46_000 + "x" + "](y)" * 46_000,
    "bilder-med-autolank": "![<http://a]>" * 46_000 + "x" + "](y)" * 46_000,
    "manga-lankar": "[a](b.md) " * 1_000,
}


@pytest.mark.parametrize("name", sorted(DEEP_TEXTS))
def test_deep_nesting_never_reaches_the_compiled_parser(name: str) -> None:
    def refuse(html_blocks: bool) -> None:
        raise AssertionError("the compiled parser was asked")

    with mock.patch.object(markdown_rs, "_parser", refuse):
        assert markdown_rs.blocks(DEEP_TEXTS[name]) is None


def test_a_panic_in_the_compiled_parser_falls_back_to_the_reference() -> None:
    class Panicking:
        def tree(self, text: str) -> None:
            raise BaseException("PanicException")

    text = "Se [sidan](sida.md).\n"
    with mock.patch.object(markdown_rs, "_parser", lambda html_blocks: Panicking()):
        assert markdown_rs.blocks(text) is None
        assert fast_scan(text) == reference_scan(text)


LONG_TEXTS = {
    "lang-rad": "ord " * 250_000,
    "manga-lankar": "[a](b.md) " * 900,
    "oppna-lankar": "[a](" * 900,
    "manga-mindre-an": "<" * 100_000,
    "lang-tabell": "|a|\n|-|\n" + "|b|\n" * 50_000,
    "manga-citatrader": "> a\n" * 100_000,
}


@pytest.mark.parametrize("name", sorted(LONG_TEXTS))
def test_long_flat_texts_take_the_fast_path_and_read_the_same(name: str) -> None:
    text = LONG_TEXTS[name]
    assert markdown_rs.blocks(text) is not None
    assert fast_scan(text) == reference_scan(text)


def test_a_processing_instruction_is_refused_html_not_a_crash() -> None:
    """lexbor gives <?x?> a node without a tag name (a traceback in the check, before)."""
    found = bodies.scan.__wrapped__("Text <?x?> mer.\n").findings
    assert [(f.code, f.line, f.values) for f in found] == [
        ("otillaten-html", 1, (("element", "?"),))
    ]
