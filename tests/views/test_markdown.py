"""Small pieces of Markdown every view writes (views/markdown.py)."""

from __future__ import annotations

import markdown as python_markdown
import pytest

from styrdok.views import markdown
from styrdok.views.markdown import md, md_url


def test_md_escapes_markdown_and_html_in_data():
    assert markdown.md("a | b *c* <script>") == r"a \| b \*c\* &lt;script&gt;"
    assert markdown.md("{{ x }}") == r"\{\{ x \}\}"


def test_links_are_relative_to_the_page_they_are_on():
    assert markdown.href("index.md", "anvisningar/a.md") == "anvisningar/a.md"
    assert markdown.href("anvisningar/index.md", "anvisningar/a.md") == "a.md"
    assert markdown.href("anvisningar/a.md", "fokusomraden.md", "x") == "../fokusomraden.md#x"


@pytest.mark.parametrize(
    "text",
    [
        "!!! danger Varning",
        "- en lista",
        "+ en lista",
        "1. en lista",
        "12) en lista",
        ": def",
        "~~~",
    ],
)
def test_text_that_would_start_a_block_stays_a_paragraph(text):
    html = python_markdown.Markdown(
        extensions=["admonition", "def_list", "pymdownx.details", "pymdownx.superfences"]
    )
    rendered = html.convert(f"Förra stycket\n\n{md(text)}")
    assert rendered.endswith("</p>")
    assert "<ul>" not in rendered and "<ol>" not in rendered and "admonition" not in rendered
    assert "<dl>" not in rendered and "<pre>" not in rendered and "<details" not in rendered


def test_an_address_cannot_end_its_link_or_table_cell():
    sneaky = "https://exempel.se/)![x](https://evil.example/p.png|<b>"
    target = md_url(sneaky)
    assert not set("()[]|<> ") & set(target)
    assert target.startswith("https://exempel.se/%29")


SITE_EXTENSIONS = ["admonition", "attr_list", "md_in_html", "toc"]


def test_an_unsearched_admonition_is_the_admonition_with_the_search_attribute() -> None:
    plain = '!!! warning "A & B"\n    Text med *betoning*.'
    html = python_markdown.markdown(
        markdown.unsearched_admonition("warning", "A & B", "Text med *betoning*."),
        extensions=SITE_EXTENSIONS,
    )
    assert html == python_markdown.markdown(plain, extensions=SITE_EXTENSIONS).replace(
        '<div class="admonition warning">',
        '<div class="admonition warning" data-search-exclude="data-search-exclude">',
    )


def test_an_unsearched_heading_keeps_its_text_and_id_and_carries_the_search_attribute() -> None:
    html = python_markdown.markdown(
        markdown.unsearched_heading("Versioner"), extensions=SITE_EXTENSIONS
    )
    assert html == '<h2 data-search-exclude id="versioner">Versioner</h2>'
