"""`rendered` reads a whole text in a few passes of C; it must give exactly what its
definition gives, `plain` on each line (a line of Markdown as it reads once rendered)
joined by "\\n", on every text: the check compares published texts in this form."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from styrdok.forbidden import strings
from styrdok.forbidden.strings import plain, rendered, rendered_word_form


def by_line(markdown: str) -> str:
    """`rendered` as defined."""
    return "\n".join(plain(line) for line in markdown.splitlines())


# Markdown's markup, the characters `_MARKUP` reads, line breaks of every kind and the
# placeholder the fast path uses, drawn often between arbitrary characters.
_MARKDOWN = st.sampled_from(
    [
        *("[", "]", "(", ")", "![", "](", "[a](b)", "[](x)", "*", "_", "`", ">", "#", "|"),
        *("-", "+", "1.", "12.", " ", "  ", "\t", "\u00a0", "\u3000", "\x1f", "\x00"),
        *("\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\n\n", "\n  - "),
        *("ord", "Å", "<b>", "</b>", "<b ", "<a\thref='x'>", "</a>", "<wbr/>", "<B>", "a", "1"),
        *("&amp;", "&#45;", "&", "#45;", "\u00ad", "\u200b", "\u2026", "ﬁ"),
    ]
)
_TEXT = st.lists(st.one_of(_MARKDOWN, st.characters()), max_size=40).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_TEXT)
@example("- [1. a](b) *c*\n  2. [x](y\n)z](w)\x00 | d")
@example(" [a](b)\n-\nc ")
@example("[a](b)\n- c\n[d](e) - f\n\n")
def test_rendered_is_plain_line_by_line(markdown: str) -> None:
    assert rendered(markdown) == by_line(markdown)


@settings(max_examples=1000, deadline=None)
@given(_TEXT)
@example("[<b   >x</b\t>](u) - 1. [y](z)")
def test_the_rendered_word_form_is_that_of_the_rendered_text(markdown: str) -> None:
    lines = tuple(markdown.splitlines())
    expected = strings.word_form(strings.INLINE_TAG.sub("", by_line(markdown).casefold()))
    assert rendered_word_form(lines) == expected


def test_a_texts_rendered_form_is_worked_out_once() -> None:
    rendered_word_form.cache_clear()
    text = "# Rubrik\n\n- [Länk](a.md) och *mer*\n"
    for published in (text, text.rstrip("\n"), text.replace("\n", "\r\n")):
        strings.published_word_forms(published)
    rendered_word_form(tuple(text.splitlines()))  # as the check's sources have it
    assert rendered_word_form.cache_info().misses == 1
