"""The sanitiser on rendered pages (adapters/render.py): nothing outside the allow-list is
left, and what Markdown and the generated pages write is kept (THREATS.md, 4b-4h)."""

from __future__ import annotations

import pytest

from styrdok.adapters.render import clean_page_html

from helpers.html import assert_only_allowed


@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        '<a href="JAVASCRIPT:alert(1)">x</a>',
        '<a href=" javascript:alert(1)">x</a>',
        '<a href="data:text/html,<script>alert(1)</script>">x</a>',
        "<iframe src=x></iframe>",
        '<div style="position:fixed">x</div>',
        "<svg><script>alert(1)</script></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        '<p data-md-component="search">x</p>',
        "<!-- hemlig anteckning -->",
        '<form><button formaction="javascript:alert(1)">x</button></form>',
        "<object data=x></object><embed src=x><base href=x>",
        '<img src="&#9;//evil.example/x.png" alt="a">',
        '<img src="\n//evil.example/x.png" alt="b">',
        '<pre class="mermaid">graph TD; A-->B</pre>',
        '<div class="md-dialog md-dialog--active">Falsk ruta</div>',
        '<h2 id="__config">x</h2>',
    ],
)
def test_the_sanitiser_leaves_nothing_outside_the_allow_list(html):
    cleaned = clean_page_html(f"<p>före</p>{html}<p>efter</p>", "a.md", lambda path: False)
    assert_only_allowed(cleaned)
    assert "alert" not in cleaned or "<" not in cleaned.split("alert")[0][-1:]
    assert "hemlig anteckning" not in cleaned
    assert cleaned.startswith("<p>före</p>")
    for word in ("evil.example", "mermaid", "md-dialog", "__config"):
        assert word not in cleaned


def test_the_sanitiser_keeps_what_markdown_and_our_pages_write():
    html = (
        '<h2 id="syfte">Syfte<a class="headerlink" href="#syfte" title="Länk">¶</a></h2>'
        '<div class="admonition warning"><p class="admonition-title">Obs</p></div>'
        '<table><thead><tr><th style="text-align: left;">A</th></tr></thead></table>'
        '<div class="sd-forteckning" data-kolumner="text">'
        '<a href="forteckning.csv" download="forteckning.csv">CSV</a></div>'
        '<img alt="karta" src="x/karta.png"><abbr title="Kommunstyrelsen">KS</abbr>'
    )
    # The sanitiser writes the table alignment in its own normal form.
    expected = html.replace("text-align: left;", "text-align:left")
    assert clean_page_html(html, "a.md", lambda path: False) == expected


def test_the_search_exclusion_is_kept_on_a_block_and_a_section_heading_and_nowhere_else() -> None:
    # It only narrows Material's search index; no script acts on it.
    html = (
        '<div class="admonition warning" data-search-exclude="data-search-exclude"><p>x</p></div>'
        '<h2 data-search-exclude id="versioner">Versioner</h2>'
        '<p data-search-exclude="">y</p>'
    )
    cleaned = clean_page_html(html, "index.md", lambda path: False)
    assert '<div class="admonition warning" data-search-exclude="data-search-exclude">' in cleaned
    assert '<h2 data-search-exclude="" id="versioner">' in cleaned
    assert "<p>y</p>" in cleaned


def test_remembered_withheld_addresses_are_decided_per_folder() -> None:
    # WithheldAddresses keeps one decision per folder and address: the same relative
    # link names another file on a page in another folder.
    from styrdok.adapters.render import WithheldAddresses

    withheld = {"anvisningar/hemlig/bilaga.pdf"}
    known = WithheldAddresses(withheld.__contains__)
    html = '<p><a href="bilaga.pdf">bilaga</a></p>'
    hidden = clean_page_html(html, "anvisningar/hemlig/index.md", withheld.__contains__, known)
    shown = clean_page_html(html, "anvisningar/oppen/index.md", withheld.__contains__, known)
    assert "href" not in hidden
    assert 'href="bilaga.pdf"' in shown
    again = clean_page_html(html, "anvisningar/hemlig/sida.md", withheld.__contains__, known)
    assert (
        again
        == hidden
        == clean_page_html(html, "anvisningar/hemlig/index.md", withheld.__contains__)
    )
