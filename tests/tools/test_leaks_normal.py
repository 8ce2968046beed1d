"""The fast paths of `normal` give exactly what the plain definitions give.

`folded` replaces a few characters by their compatibility decomposition before NFKC and
`words` reads Latin-1 text byte by byte; both must agree with the plain steps on every
text, since the check and the scan compare strings in these forms."""

from __future__ import annotations

import html
import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from styrdok.forbidden import normal

_WORD = re.compile(r"[^\W_]+")


def plain_folded(text: str) -> str:
    """`folded` as defined, without its shortcuts."""
    text = html.unescape(text) if "&" in text else text
    text = text.translate(str.maketrans("", "", normal._INVISIBLE))
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


def plain_words(text: str) -> str:
    return " ".join(_WORD.findall(text))


# Arbitrary Unicode, with the characters the shortcuts handle and their neighbours
# (combining marks, dashes, quotes, letters beyond Latin-1) drawn often.
_SPECIAL = list(
    "\u2026\u00a0\u0301\u0308\u030a\u2013\u2014\u201d\u2019\u2192\u00aa\u00b2\u00b5\u00df"
    "\u0130\u01f0\u1e9e\u03a3\u212b\ufb01\u00c5\u00e5 _-.&;\ud800"
)
_TEXT = st.text(st.one_of(st.characters(), st.sampled_from(_SPECIAL)), max_size=60)
_SWEDISH = (
    "Kameraövervakning – rutiner för … ”skyddade” uppgifter\u00a0i 18\u00a0000 fall; "
    "ÅÄÖ åäö é ü ß ² ½ ﬁ Σς İ _under_score"
)


@given(_TEXT)
def test_folded_is_nfkc_of_the_casefolded_nfkc(text):
    assert normal.folded(text) == plain_folded(text)


@given(_TEXT)
def test_words_are_the_runs_of_letters_and_digits(text):
    assert normal.words(text) == plain_words(text)
    assert normal.words(normal.folded(text)) == plain_words(plain_folded(text))
    # The scan of a built site takes the list itself (matcher.find).
    assert normal.word_list(text) == _WORD.findall(text)


def test_swedish_text_folds_and_words_as_defined():
    assert normal.folded(_SWEDISH) == plain_folded(_SWEDISH)
    assert normal.words(normal.folded(_SWEDISH)) == plain_words(plain_folded(_SWEDISH))
    assert normal.words(_SWEDISH) == plain_words(_SWEDISH)


def test_many_characters_beyond_latin1_fall_back_to_the_regex():
    text = "a" + "".join(chr(0x2190 + i) for i in range(20)) + "b Σοφία ω"
    assert normal.words(text) == plain_words(text) == "a b Σοφία ω"


def test_the_ellipsis_is_replaced_before_nfkc():
    # What the shortcut rests on: NFKC of a text depends only on its full decomposition.
    for char, decomposed in normal._COMPATIBLE:
        for text in (f"e{char}\u0301", f"{char}\u0308a", f"a\u0301{char}"):
            replaced = text.replace(char, decomposed)
            assert unicodedata.normalize("NFKC", replaced) == unicodedata.normalize("NFKC", text)
