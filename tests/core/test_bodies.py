"""What the check reads in a text (core/reading/bodies.py), held to the renderer where
CommonMark and Python-Markdown read the same text differently."""

from __future__ import annotations

import markdown
import pytest

from styrdok.core.reading.bodies import BLOCK_LEVEL, links


def test_block_level_tags_are_python_markdowns() -> None:
    assert set(markdown.Markdown().block_level_elements) == BLOCK_LEVEL


@pytest.mark.parametrize("tag", ["span", "abbr", "strong", "a"])
def test_a_link_after_an_inline_tag_at_line_start_is_read(tag: str) -> None:
    # Python-Markdown renders the link (and MkDocs judges it); CommonMark would see
    # raw HTML up to the blank line.
    text = f"<{tag}>\nSe [sidan](finns-inte.md).\n</{tag}>\n"
    assert "finns-inte.md" in markdown.markdown(text).split('href="')[1]
    assert [(link.target, link.line) for link in links(text)][-1] == ("finns-inte.md", 2)


def test_a_link_inside_a_raw_block_is_not_a_markdown_link() -> None:
    text = "<div>\nSe [sidan](finns-inte.md).\n</div>\n"
    assert "href" not in markdown.markdown(text)
    assert links(text) == ()


def test_an_address_in_raw_html_is_marked() -> None:
    found = links('Se <a href="sida.md">sidan</a> och [den](annan.md).\n')
    assert {(link.target, link.html) for link in found} == {("sida.md", True), ("annan.md", False)}
