"""The one form forbidden strings and built files are compared in.

A template filter (`| upper`), an entity, a soft hyphen or a line break must not hide a
string, so both sides go through the same steps: HTML entities decoded, soft hyphen and
zero-width characters removed, Unicode NFKC, casefolded, every whitespace run (NBSP too)
one space.
"""

from __future__ import annotations

import html
import re
import unicodedata

# Soft hyphen and zero-width characters: invisible to a reader, but they split a string.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_DROP_INVISIBLE = str.maketrans("", "", _INVISIBLE)
# A word once punctuation no longer counts: letters and digits.
_WORD = re.compile(r"[^\W_]+")
# Characters the site's pages hold that NFKC changes (the ellipsis of every page's
# template, NBSP): replaced by their compatibility decomposition first, NFKC's C quick
# check then passes and normalising costs one pass instead of a full decomposition and
# composition. The result is the same: NFKC composes the full compatibility decomposition
# of a text, which replacing a character by its own full decomposition does not change.
_COMPATIBLE = tuple((char, unicodedata.normalize("NFKD", char)) for char in "\u2026\u00a0")
# Latin-1 as words see it: each byte that is a letter or digit kept, every other a space;
# taken from _WORD itself so the two cannot disagree.
_LATIN1_WORDS = bytes(b if _WORD.fullmatch(chr(b)) else 0x20 for b in range(256))
# How many characters beyond Latin-1 that are no letters (dashes, quotes, arrows) words()
# replaces before it reads a text with the regular expression instead.
_MAX_REPLACED = 8
# Tags a browser renders without a break, so "<b>Kan</b>arie" reads "Kanarie". Matched
# in casefolded text: without IGNORECASE the expression is several times faster.
INLINE_TAG = re.compile(
    r"</?(?:a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span"
    r"|strong|sub|sup|time|u|var|wbr)(?:\s[^>]*)?/?>"
)


def folded(text: str) -> str:
    """`normalise` but for the whitespace, which neither matcher needs: the word form
    drops it and references to ids cannot contain any. Each step is skipped when it
    has nothing to do, since this runs over every byte of the site several times."""
    if "&" in text:
        text = html.unescape(text)
    if any(char in text for char in _INVISIBLE):
        text = text.translate(_DROP_INVISIBLE)
    if text.isascii():
        # Most of a site's bytes (scripts, markup): NFKC leaves ASCII as it is.
        return text.lower()
    for char, decomposed in _COMPATIBLE:
        if char in text:
            text = text.replace(char, decomposed)
    # Casefolding can produce characters NFKC would compose differently, hence twice.
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


def normalise(text: str) -> str:
    """`text` in the one form both sides are compared in (see the module docstring)."""
    return " ".join(folded(text).split())


def words(text: str) -> str:
    """A normalised text as words: letters and digits, one space between."""
    return " ".join(word_list(text))


def word_list(text: str) -> list[str]:
    """A normalised text's words: letters and digits, in order.

    The same as `_WORD.findall(text)`, several times faster: a text whose characters
    are Latin-1 (the site's, once a few dashes and quotes are spaces) is translated byte
    by byte and split, without a match object per word."""
    for _ in range(_MAX_REPLACED):
        try:
            latin1 = text.encode("latin-1")
        except UnicodeEncodeError as error:
            char = text[error.start]
            if _WORD.match(char):
                break  # a letter beyond Latin-1 (Greek, a ligature): the regex reads it
            # Not part of any word, as a space is not: the words stay the same.
            text = text.replace(char, " ")
            continue
        return latin1.translate(_LATIN1_WORDS).decode("latin-1").split()
    return _WORD.findall(text)


def word_form(text: str, *, is_folded: bool = False) -> str:
    """`text` as the word matcher reads it: its words, padded with a space on each side
    so that a space is every word's boundary."""
    return f" {words(text if is_folded else folded(text))} "
