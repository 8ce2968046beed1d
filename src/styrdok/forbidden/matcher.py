"""All forbidden strings matched at once, in one pass of a file's text per view.

Two kinds of string are matched differently:

- References to an id ('"<id>"' as in JSON, the address 'anvisningar/<id>', a link
  '<id>.md' to the source file) are matched as they are (normalised), with boundaries,
  so 'anvisningar/kamera' does not match inside 'anvisningar/kamerabevakning'.
- Everything else (titles, summaries, case numbers, passages) is matched as words: every
  run of characters that are not letters or digits counts as one space, on both sides.
  Punctuation, Markdown and tags between words then cannot hide a passage, and a
  string only matches whole words (a title is not found inside a longer word).

Every occurrence is reported, overlapping ones and those that begin where a longer one
begins too (a title inside a passage).

The word strings are one Aho-Corasick automaton (ahocorasick-rs): built in time linear in
the strings' length and searched in time linear in the text, however many strings
there are (a site's withheld passages are tens of thousands). A reference is found
from what cannot vary, the quote, 'anvisningar/' or '.md', and its id looked up.

Building an automaton over tens of thousands of strings costs about as much as
searching the whole source with it, so the check builds one for every audience's
strings together and hands each audience a view of it (`only`), and a text searched
once is not searched again (`remembering`): each audience's sources are mostly the
other's, and a source's forms are mostly those of a published text already searched.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Iterable, Iterator

from ahocorasick_rs import AhoCorasick, Implementation

from styrdok.forbidden.normal import folded, normalise, word_form, word_list, words

# A reference to an id, as forbidden() writes it; after normalise().
_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_REFERENCE = re.compile(rf'"(?P<q>{_ID})"|anvisningar/(?P<a>{_ID})|(?P<s>{_ID})\.md')
# Where a reference may be, with the id it would name. Zero-width after the literal, so
# a quote that closes one id can open the next one and no occurrence is passed over.
# An address's id is everything that could continue it ('kamera' is not the id in
# 'anvisningar/kamerabevakning'), and the address must not go on from a longer word.
_QUOTED = re.compile(r'"(?=([a-z0-9-]+)")')
_ADDRESS = re.compile(r"(?<![\w-])anvisningar/(?=([\w-]+))")
_MD_SUFFIX = re.compile(r"\.md(?![\w-])")
_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
# The token of a word that no string has: not a token of any word (see `_token`).
_NO_TOKEN = " "
# The pattern of an automaton's match, (index, start, end): taken in C, not in a loop.
_INDEX = operator.itemgetter(0)


class Matcher:
    """All forbidden strings at once: `find` returns those that occur in a text."""

    def __init__(self, strings: Iterable[str]) -> None:
        self._references: dict[tuple[str, str], list[str]] = {}
        words_of: dict[str, list[str]] = {}
        for string in strings:
            normal = normalise(string)
            # Most strings are passages: only one with a reference's literal can be one.
            literal = '"' in normal or "/" in normal or ".md" in normal
            reference = literal and _REFERENCE.fullmatch(normal)
            if reference and reference.lastgroup:
                key = (reference.lastgroup, reference[reference.lastgroup])
                self._references.setdefault(key, []).append(string)
            elif as_words := words(normal):
                words_of.setdefault(as_words, []).append(string)
        self._kinds = {kind for kind, _ in self._references}
        self._originals = list(words_of.values())
        # Each word of the strings is one character (a token), and a text is read as the
        # tokens of its words: a string of words is found exactly where its words follow
        # one another in the text, as whole words, and the automaton has a state per
        # word instead of per character (several times faster to build and to search).
        self._tokens: dict[str, str] = {}
        self._patterns = [self._tokenised(as_words.split(" ")) for as_words in words_of]
        self._automaton = _automaton(self._patterns)
        # Set by `only` and `remembering`, on copies that share the automaton.
        self._only: frozenset[str] | None = None
        self._remembered: dict[str, frozenset[int]] | None = None

    def __getstate__(self) -> dict[str, object]:
        # The automaton cannot be pickled (a process that is not forked gets the
        # matcher so): it is built again from its patterns where it is unpickled.
        return {**self.__dict__, "_automaton": None}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._automaton = _automaton(self._patterns)

    def _tokenised(self, pattern_words: list[str]) -> str:
        tokens = self._tokens
        for word in pattern_words:
            if word not in tokens:
                tokens[word] = _token(len(tokens))
        return "".join(map(tokens.__getitem__, pattern_words))

    def _view(self) -> Matcher:
        """A copy that shares the automaton (`copy.copy` would pickle it)."""
        view = object.__new__(Matcher)
        view.__dict__.update(self.__dict__)
        return view

    def only(self, strings: Iterable[str]) -> Matcher:
        """This matcher restricted to `strings` (of its own): it finds exactly what a
        matcher built from them would, without building another automaton."""
        view = self._view()
        kept = frozenset(strings)
        view._only = kept if self._only is None else kept & self._only
        return view

    def remembering(self) -> Matcher:
        """This matcher, remembering which word strings occur in each word form it has
        searched: a form met again is looked up, not searched. For the check's source
        texts, whose number is bounded; the scan of a built site, whose every file is
        new, keeps nothing. Views made from it (`only`) share what it remembers."""
        view = self._view()
        view._remembered = {}
        return view

    def _kept(self, found: set[str]) -> set[str]:
        return found if self._only is None else found & self._only

    def _ids(self, text: str) -> Iterator[tuple[str, str]]:
        """Every reference to an id in a folded text, as (kind, id), ids not yet known."""
        if "q" in self._kinds and '"' in text:
            yield from (("q", match[1]) for match in _QUOTED.finditer(text))
        if "a" in self._kinds and "anvisningar/" in text:
            yield from (("a", match[1]) for match in _ADDRESS.finditer(text))
        if "s" in self._kinds and ".md" in text:
            yield from (("s", id) for id in self._md_links(text))

    def _md_links(self, text: str) -> Iterator[str]:
        """Ids of links to a source file in the same folder ('x.md', './x.md'). Found
        from the rare '.md' backwards: an expression starting with the id would be
        tried at every character of the site. '../y/x.md' is another folder's file,
        and 'anvisningar/x.md' an address, found as such."""
        for match in _MD_SUFFIX.finditer(text):
            end = start = match.start()
            while start > 0 and text[start - 1] in _ID_CHARS:
                start -= 1
            before = start - 2 if text[start - 2 : start] == "./" else start
            previous = text[before - 1] if before > 0 else " "
            if start < end and not (previous.isalnum() or previous in "/.-_"):
                yield text[start:end]

    def find(self, text: str, references: bool = True, as_words: bool = True) -> set[str]:
        """The strings that occur in `text` (any text: it is normalised here); only
        references to ids, or only word strings, if the other is switched off."""
        text = folded(text)
        found = self._referenced(text) if references else set()
        if as_words and self._automaton is not None:
            if self._remembered is not None:
                found |= self.find_word_form(word_form(text, is_folded=True))
            else:
                # The scan of a built site: every file is new, so its words go straight
                # to tokens, without the word form as one string first (what
                # find_word_form would split again). The same indexes either way.
                found |= self._found_in_tokens(self._tokens_of(word_list(text)))
        return self._kept(found)

    def find_forms(self, text: str, padded: str | None, references: bool = True) -> set[str]:
        """`find` on a text already `folded`, with its `word_form` (None: no word strings),
        for callers that keep the forms of a text to look in it more than once."""
        found = self._referenced(text) if references else set()
        if padded is not None:
            found |= self.find_word_form(padded)
        return self._kept(found)

    def _referenced(self, text: str) -> set[str]:
        """The references to ids in a folded text."""
        found: set[str] = set()
        if self._references:
            for key in set(self._ids(text)):
                found.update(self._references.get(key, ()))
        return found

    def find_words(self, text: str) -> set[str]:
        """Only the word strings that occur in `text`: references to ids are left out."""
        if self._automaton is None:
            return set()
        return self.find_word_form(word_form(text))

    def find_word_form(self, padded: str) -> set[str]:
        """The word strings in a text's `word_form`."""
        if self._automaton is None:
            return set()
        remembered = self._remembered
        indexes = remembered.get(padded) if remembered is not None else None
        if indexes is None:
            indexes = self._indexes(self._tokens_of(padded.split()))
            if remembered is not None:
                remembered[padded] = indexes
        return self._kept(self._originals_of(indexes))

    def _tokens_of(self, text_words: list[str]) -> str:
        # A word no string has is a token none of them has either.
        return "".join(map(self._tokens.get, text_words, itertools.repeat(_NO_TOKEN)))

    def _indexes(self, tokens: str) -> frozenset[int]:
        # Every occurrence, overlapping ones and shorter strings that end inside a
        # longer one included; collected in Rust, not visited in Python.
        assert self._automaton is not None
        found = self._automaton.find_matches_as_indexes(tokens, overlapping=True)
        return frozenset(map(_INDEX, found))

    def _originals_of(self, indexes: frozenset[int]) -> set[str]:
        return {original for index in indexes for original in self._originals[index]}

    def _found_in_tokens(self, tokens: str) -> set[str]:
        return self._originals_of(self._indexes(tokens))


def _automaton(patterns: list[str]) -> AhoCorasick | None:
    """The automaton of the word strings as tokens. A contiguous NFA: built about as fast
    as any, and it searches faster than pyahocorasick did (a DFA searches no faster
    over tens of thousands of strings and takes three times as long to build)."""
    if not patterns:
        return None
    return AhoCorasick(patterns, implementation=Implementation.ContiguousNFA)


# The tokens: the first 55,040 words one character each (U+0100–U+D7FF), every later
# one two, a lead (U+10000–U+10FFFF) and a trail (U+E000–U+FFFF). The three ranges are
# apart, so a pattern (which begins with a single or a lead and ends with a single or a
# trail) can neither begin nor end inside a two-character token: tokens are matched
# whole, however many words the strings have (withheld texts of megabytes have more
# than a million distinct words, beyond one character each). None is a space
# (_NO_TOKEN) or a surrogate (the automaton reads text as UTF-8).
_SINGLE_FIRST, _SINGLES = 0x100, 0xD800 - 0x100
_LEAD_FIRST, _TRAIL_FIRST, _TRAILS = 0x10000, 0xE000, 0x10000 - 0xE000


def _token(number: int) -> str:
    """The token of a string's word of this number (see above)."""
    if number < _SINGLES:
        return chr(_SINGLE_FIRST + number)
    lead, trail = divmod(number - _SINGLES, _TRAILS)
    return chr(_LEAD_FIRST + lead) + chr(_TRAIL_FIRST + trail)
