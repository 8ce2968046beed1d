"""Small pieces of Markdown every view writes (views/markdown.py)."""

from __future__ import annotations

from styrdok.views import markdown


def test_md_escapes_markdown_and_html_in_data():
    assert markdown.md("a | b *c* <script>") == r"a \| b \*c\* &lt;script&gt;"
    assert markdown.md("{{ x }}") == r"\{\{ x \}\}"


def test_links_are_relative_to_the_page_they_are_on():
    assert markdown.href("index.md", "anvisningar/a.md") == "anvisningar/a.md"
    assert markdown.href("anvisningar/index.md", "anvisningar/a.md") == "a.md"
    assert markdown.href("anvisningar/a.md", "fokusomraden.md", "x") == "../fokusomraden.md#x"
