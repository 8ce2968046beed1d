"""Comparing two texts (views/textdiff.py): blocks as a reader reads them, aligned,
rewritten blocks compared word by word, and HTML of escaped text only."""

from __future__ import annotations

import time

from styrdok.views import textdiff
from styrdok.views.textdiff import Andring, Block, Typ, block_texts, jamfor, words


def test_markdown_is_read_as_blocks_of_plain_text():
    text = (
        "## Syfte {#syfte}\n\nEtt **viktigt** stycke med [en länk](a.md)\noch en rad till.\n\n"
        "1. Första\n2. Andra\n\n- Punkt\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n"
        '```\nkod rad\n```\n\n!!! note "Observera"\n    Inuti rutan.\n\n![Karta](karta.png)\n'
    )
    assert block_texts(text) == [
        Block(Typ.RUBRIK, "Syfte"),
        Block(Typ.STYCKE, "Ett viktigt stycke med en länk och en rad till."),
        Block(Typ.STYCKE, "1. Första"),
        Block(Typ.STYCKE, "2. Andra"),
        Block(Typ.STYCKE, "– Punkt"),
        Block(Typ.STYCKE, "A | B"),
        Block(Typ.STYCKE, "1 | 2"),
        Block(Typ.KOD, "kod rad"),
        Block(Typ.STYCKE, "Observera"),
        Block(Typ.STYCKE, "Inuti rutan."),
        Block(Typ.STYCKE, "[Bild: Karta]"),
    ]


def test_a_rewritten_paragraph_is_marked_word_by_word():
    result = jamfor(
        "## Syfte\n\nStaben samlas inom en timme.\n", "## Syfte\n\nStaben samlas inom två timmar.\n"
    )
    assert [r.andring for r in result.rader] == [Andring.LIKA, Andring.ANDRAD]
    assert result.rader[1].html == (
        "Staben samlas inom "
        '<del><span class="sd-skarmlasare">Borttaget: </span>en timme</del> '
        '<ins><span class="sd-skarmlasare">Tillagt: </span>två timmar</ins>.'
    )


def test_the_space_after_an_added_word_is_not_marked():
    assert words("vid en kris", "vid en allvarlig kris") == (
        'vid en <ins><span class="sd-skarmlasare">Tillagt: </span>allvarlig</ins> kris'
    )


def test_paragraphs_alike_in_nothing_are_removed_and_added_whole():
    result = jamfor(
        "Första stycket.\n\nGammalt innehåll här.\n",
        "Första stycket.\n\nHelt annan mening om övning varje år.\n",
    )
    assert [r.andring for r in result.rader] == [Andring.LIKA, Andring.BORTTAGEN, Andring.TILLAGD]
    assert result.antal(Andring.TILLAGD) == 1 and not result.oforandrad


def test_the_most_similar_block_is_paired_in_a_rewritten_stretch():
    old = "Inledning.\n\nAlla chefer larmar tjänstemannen i beredskap.\n\nSlut.\n"
    new = "Inledning.\n\nEtt nytt stycke först.\n\nAlla chefer larmar genast tjänstemannen i beredskap.\n\nSlut.\n"
    changes = [r.andring for r in jamfor(old, new).rader]
    assert changes == [Andring.LIKA, Andring.TILLAGD, Andring.ANDRAD, Andring.LIKA]


def test_unchanged_text_is_unchanged():
    assert jamfor("Samma.\n", "Samma.\n").oforandrad


def test_editor_markup_comes_out_as_escaped_text():
    hostile = (
        'Se <script>alert("x")</script> och {{ config }} & </p></div><img src=x onerror=alert(1)>'
    )
    result = words("Se ingenting.", hostile)
    assert "<script" not in result and "<img" not in result and "</div>" not in result
    assert "{{ config }}" in result and "&amp;" in result
    assert "&lt;/p&gt;&lt;/div&gt;" in result


def test_a_huge_rewritten_paragraph_is_shown_whole_and_fast():
    old = " ".join(["a"] * 3000)
    new = " ".join(["a", "b"] * 1500)
    start = time.process_time()
    result = words(old, new)
    assert time.process_time() - start < 1
    assert result.startswith("<del>") and "<ins>" in result


def test_the_html_is_one_block_without_blank_lines():
    html = textdiff.html(jamfor("## A\n\nB.\n", "## A\n\nC.\n"))
    assert html.startswith('<div class="sd-diff">') and html.endswith("</div>")
    assert "\n\n" not in html
    assert '<p class="sd-diff__rad sd-diff__rad--lika"><strong>A</strong></p>' in html


def _prose(seed: int, words_: int) -> str:
    # Words of one vocabulary in an order of its own: alike letter by letter (so
    # difflib's quick estimates let the pair through), unlike as text.
    vocabulary = ["nämnden", "ska", "larma", "staben", "inom", "en", "timme", "och", "kris"]
    return " ".join(vocabulary[(i * i * seed + i) % len(vocabulary)] for i in range(words_))


def test_pairing_huge_rewritten_paragraphs_is_fast():
    # A file may hold a megabyte; pairing rewritten paragraphs compares them letter by
    # letter, which is quadratic, before the word-by-word limit is ever reached.
    old, new = _prose(3, 6000), _prose(7, 6000)
    start = time.process_time()
    jamfor(old, new)
    assert time.process_time() - start < 2


def test_pairing_a_rewritten_stretch_of_long_paragraphs_is_fast():
    old = "\n\n".join(_prose(3 + k, 300) for k in range(20))
    new = "\n\n".join(_prose(5 + k, 300) for k in range(20))
    start = time.process_time()
    jamfor(old, new)
    assert time.process_time() - start < 2
