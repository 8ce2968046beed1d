"""What changed in a version (views/version_diff.py): one page per version with a
published predecessor, the changed metadata as a table and the text compared, made from
the published texts only and inert whatever the editor wrote."""

from __future__ import annotations

import dataclasses

import markdown as python_markdown

from styrdok.adapters.render import clean_page_html
from styrdok.views import version_diff

from helpers import publication_of
from helpers.three_versions import make_version_3

# The extensions of the site's mkdocs.yml that change how a page reads.
EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
]


def rendered(page_text: str) -> str:
    """The page as the site renders and sanitises it (front matter left out)."""
    body = page_text.split("\n---\n", 1)[1]
    html = python_markdown.Markdown(extensions=EXTENSIONS).convert(body)
    return clean_page_html(html, "anvisningar/krisledning/version-3/andringar.md", lambda p: False)


def pages(pub) -> dict[str, str]:
    return {page.sida: page.text for page in version_diff.generate(pub)}


def test_each_version_with_a_published_predecessor_gets_a_page(project):
    make_version_3(project)
    found = pages(publication_of(project))
    assert sorted(found) == [
        "anvisningar/krisledning/version-2/andringar.md",
        "anvisningar/krisledning/version-3/andringar.md",
    ]


def test_the_changed_metadata_is_a_table_of_before_and_after(project):
    make_version_3(project)
    text = pages(publication_of(project))["anvisningar/krisledning/version-3/andringar.md"]
    assert "| Uppgift | Före (version 2) | Efter (version 3) |" in text
    for row in (
        "| Titel | Anvisning för krisledning | Anvisning för krisledning och stab |",
        "| Beslutad | 2019-05-02 av Stadsledningskontoret | 2024-11-20 av Stadsledningskontoret |",
        "| Giltig från | 2019-06-01 | 2025-01-01 |",
        "| Diarienummer | KS 2019/100 | KS 2024/300 |",
    ):
        assert row in text
    # Unchanged fields are not listed.
    assert "| Ansvarig |" not in text and "| Gäller för |" not in text
    assert "[version 2](../version-2.md) (2019-06-01 – 2024-12-31)" in text


def test_the_text_is_compared_and_marked_for_eyes_screen_readers_and_print(project):
    make_version_3(project)
    text = pages(publication_of(project))["anvisningar/krisledning/version-3/andringar.md"]
    html = rendered(text)
    assert (
        'Staben samlas inom <del><span class="sd-skarmlasare">Borttaget: </span>en timme</del> '
        '<ins><span class="sd-skarmlasare">Tillagt: </span>två timmar</ins>.'
    ) in html
    assert "Stycken: 2 ändrade, 2 tillagda." in html
    assert "Borttagen text är överstruken" in html


def test_no_page_compares_a_text_the_audience_does_not_get(project):
    make_version_3(project)
    doc = project / "docs" / "anvisningar" / "krisledning.md"
    doc.write_text(doc.read_text().replace("atkomst: öppen", "atkomst: skyddad"))
    assert pages(publication_of(project)) == {}


HOSTILE = (
    "## Syfte\n\n<script>alert('gammal')</script>\n\n"
    "Koden `<script>alert(1)</script>` och &lt;b&gt;fet&lt;/b&gt; med {{ config.site_name }} "
    "och {% raw %} och <img src=x onerror=alert(1)>.\n\n"
    "</p></div></div><p onclick=alert(1)>Utbrytning</p>\n"
)


def test_an_old_versions_script_and_braces_come_out_inert(project):
    make_version_3(project)
    pub = publication_of(project)
    anvisning = pub.model.anvisning_med_id("krisledning")
    before, after = pub.giltighet(anvisning).perioder[1:]
    old = dataclasses.replace(before, anvisning=dataclasses.replace(before.anvisning, text=HOSTILE))
    html = rendered(version_diff.andringar_page(pub, anvisning, old, after).text)
    diff = html[html.index('<div class="sd-diff">') :]
    # Markup the editor wrote is text: shown as characters, or (raw HTML) left out.
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "onclick" not in html and "onerror=alert(1)&gt;" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in diff
    assert "&lt;b&gt;fet&lt;/b&gt;" in diff
    assert "{{ config.site_name }}" in diff and "{% raw %}" in diff
    # The comparison stays one block: the editor's closing tags did not end it early.
    assert diff.count("<div") == 1 and diff.rstrip().endswith("</div>")
    assert "Utbrytning" in diff
