"""All forbidden strings matched at once, in one pass of a file's text per view.

Two kinds of string are matched differently:

- References to an id ('"<id>"' as in JSON, the address 'anvisningar/<id>', a link
  '<id>.md' to the source file) are matched as they are (normalised), with boundaries,
  so 'anvisningar/kamera' does not match inside 'anvisningar/kamerabevakning'.
- Everything else (titles, summaries, case numbers, passages) is matched as words: every
  run of characters that are not letters or digits counts as one space, on both sides.
  Punctuation, Markdown and tags between words then cannot hide a passage, and a
  string only matches whole words (a title is not found inside a longer word).

All strings of each kind become one regular expression shaped as a trie, so a file is
read once per view, not once per string.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from styrdok.forbidden.normal import folded, normalise, word_form, words

# A reference to an id, as forbidden() writes it; after normalise().
_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_REFERENCE = re.compile(rf'"(?P<q>{_ID})"|anvisningar/(?P<a>{_ID})|(?P<s>{_ID})\.md')
_MD_SUFFIX = re.compile(r"\.md(?![\w-])")
_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")

_END = ""  # marks where a string ends in the trie; no character is the empty string


def _trie(strings: Iterable[str]) -> str:
    """A regular expression matching any of `strings`, the longest where several fit.

    Python's re tries the branches of an alternation one after the other; shaped as a
    trie, each character is compared against the few branches that can follow, so the
    cost grows with the text, not with the number of strings.
    """
    root: dict[str, Any] = {}
    for string in strings:
        node = root
        for char in string:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _branches(root)


def _branches(node: dict[str, Any]) -> str:
    branches = []
    for char, child in node.items():
        if char == _END:
            continue
        run = char
        # A chain without choices is one literal, so nesting only follows real branches.
        while len(child) == 1 and _END not in child:
            ((char, child),) = child.items()
            run += char
        branches.append(re.escape(run) + _branches(child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    # Greedy: the longer strings are tried first and the one ending here last.
    return f"(?:{body})?" if _END in node else body


def _compile(template: str, strings: Iterable[str]) -> re.Pattern[str]:
    strings = sorted(set(strings))
    try:
        return re.compile(template.format(_trie(strings)))
    except (RecursionError, OverflowError):
        # Very deep tries exceed what re can nest; a flat alternation is slower but
        # equivalent (longest first, so the longest match wins as in the trie).
        flat = "|".join(re.escape(s) for s in sorted(strings, key=len, reverse=True))
        return re.compile(template.format(f"(?:{flat})"))


class Matcher:
    """All forbidden strings at once: `find` returns those that occur in a text."""

    def __init__(self, strings: Iterable[str]) -> None:
        self._references: dict[tuple[str, str], list[str]] = {}
        self._words: dict[str, list[str]] = {}
        for string in strings:
            reference = _REFERENCE.fullmatch(normalise(string))
            if reference and reference.lastgroup:
                key = (reference.lastgroup, reference[reference.lastgroup])
                self._references.setdefault(key, []).append(string)
            elif as_words := words(normalise(string)):
                self._words.setdefault(as_words, []).append(string)
        self._md_ids = {id for kind, id in self._references if kind == "s"}
        self._reference_re = self._reference_pattern()
        # A string found also reveals every string that is a prefix of it in whole words:
        # the regex reports only the longest match at each position. (Only prefixes as
        # long as some string are looked up, so this stays linear in practice.)
        lengths = {len(string) for string in self._words}
        self._within = {
            found: [
                original
                for i, char in enumerate(found)
                if char == " " and i in lengths and found[:i] in self._words
                for original in self._words[found[:i]]
            ]
            + originals
            for found, originals in self._words.items()
        }
        # Padded with spaces on both sides of the text, a space is every word's boundary.
        self._words_re = _compile(" ({})(?= )", self._words) if self._words else None

    def _reference_pattern(self) -> re.Pattern[str] | None:
        ids: dict[str, list[str]] = {"q": [], "a": []}
        for kind, id in self._references:
            if kind in ids:
                ids[kind].append(id)
        # Each form starts with a literal, so re skips ahead to the next quote or
        # 'anvisningar/' instead of trying the ids at every character. The boundaries
        # keep 'anvisningar/kamera' from matching in 'anvisningar/kamerabevakning'.
        forms = {
            "q": '"(?P<q>{})"',
            "a": r"anvisningar/(?<![\w-]anvisningar/)(?P<a>{})(?![\w-])",
        }
        parts = [_compile(forms[kind], ids[kind]).pattern for kind in forms if ids[kind]]
        return re.compile("|".join(parts)) if parts else None

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
        wanted = as_words and self._words_re is not None
        return self.find_forms(
            text, word_form(text, is_folded=True) if wanted else None, references
        )

    def find_forms(self, text: str, padded: str | None, references: bool = True) -> set[str]:
        """`find` on a text already `folded`, with its `word_form` (None: no word strings),
        for callers that keep the forms of a text to look in it more than once."""
        found: set[str] = set()
        if references and self._reference_re is not None:
            for match in self._reference_re.finditer(text):
                kind = match.lastgroup or ""
                found.update(self._references[(kind, match[kind])])
        if references and self._md_ids and ".md" in text:
            for id in self._md_links(text):
                if id in self._md_ids:
                    found.update(self._references[("s", id)])
        if padded is not None:
            found |= self.find_word_form(padded)
        return found

    def find_words(self, text: str) -> set[str]:
        """Only the word strings that occur in `text`: references to ids are left out."""
        if self._words_re is None:
            return set()
        return self.find_word_form(word_form(text))

    def find_word_form(self, padded: str) -> set[str]:
        """The word strings in a text's `word_form`."""
        if self._words_re is None:
            return set()
        found: set[str] = set()
        search = self._words_re.search
        position = 0
        # Not finditer: matches may overlap (a title inside a passage), so the next
        # search starts one character after the start of the last match.
        while match := search(padded, position):
            found.update(self._within[match[1]])
            position = match.start() + 1
        return found
