"""Links in a text written for the same text one folder deeper (tools/moved_links.py), as
`styrdok ny version` keeps an anvisning at anvisningar/<id>/version-<n>.md. The whole
command: tools/test_new_version.py."""

from __future__ import annotations

import pytest

from styrdok.core.reading.bodies import links, resolve
from styrdok.tools.moved_links import UnmovedLink, moved_text

OLD = "anvisningar/krisledning.md"
NEW = "anvisningar/krisledning/version-2.md"


def moved(text: str) -> str:
    lines = text.splitlines(keepends=True)
    return "".join(moved_text(lines, OLD, NEW))


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("[a](andra.md)", "[a](../andra.md)"),
        ("[a](./andra.md#rubrik)", "[a](../andra.md#rubrik)"),
        ("[a](andra%20fil.md)", "[a](../andra%20fil.md)"),
        ("[a](<andra fil.md>)", "[a](<../andra fil.md>)"),
        (r"[a](andra\_fil.md)", r"[a](../andra\_fil.md)"),
        ("[a](../organ/?x=1)", "[a](../../organ/?x=1)"),
        ("[a](krisledning/plan.pdf)", "[a](plan.pdf)"),
        ("[a](krisledning/version-1.md)", "[a](version-1.md)"),
        ("<a href='andra.md'>a</a>", "<a href='../andra.md'>a</a>"),
        ("<a href=andra.md>a</a>", "<a href=../andra.md>a</a>"),
        ('<img src="krisledning/karta.png" alt="">', '<img src="karta.png" alt="">'),
        ("[a](#rubrik) [b](https://x.se/a.md) [c](mailto:a@x.se) [d](/abs.md)", None),
        ("`[a](andra.md)` i kod", None),
    ],
)
def test_each_way_of_writing_a_link_leads_to_the_same_file(written, expected):
    text = f"Text {written} och mer.\n"
    result = moved(text)
    assert result == f"Text {expected or written} och mer.\n"
    before = [resolve(OLD, link.target) for link in links(text)]
    assert [resolve(NEW, link.target) for link in links(result)] == before


def test_line_ends_and_lines_without_links_are_kept():
    text = "# Rubrik\r\n\r\nSe [a](andra.md).\r\nSlut"
    assert moved(text) == "# Rubrik\r\n\r\nSe [a](../andra.md).\r\nSlut"


def test_a_definition_serving_several_links_is_rewritten_once():
    text = "[a][x] och [b][x].\n\n[x]: andra.md\n"
    assert moved(text) == "[a][x] och [b][x].\n\n[x]: ../andra.md\n"


def test_the_same_address_twice_on_a_line_is_rewritten_twice_and_code_never():
    text = "[a](andra.md) [b](andra.md)\n\n```\n[c](andra.md)\n```\n"
    assert moved(text) == "[a](../andra.md) [b](../andra.md)\n\n```\n[c](andra.md)\n```\n"


def test_a_link_whose_address_cannot_be_found_is_refused():
    with pytest.raises(UnmovedLink) as refused:
        moved("Se [a].\n\n[a]:\n  andra.md\n")
    assert (refused.value.target, refused.value.line) == ("andra.md", 1)
