"""The Swedish lemma table the search worker reads (`search/lemman.json`), restricted to
the site's own words.

lunr.sv's Snowball stemmer joins most Swedish inflections (krisen, kriser → kris;
anställda, anställdas → anställd) but not umlaut plurals or irregular forms (bränder →
bränd, not brand; städer → städ; män → män) nor a definite -et (våldet). For those the
worker looks a word up here before stemming it, on both sides: the words of the index as
it is built and the words of a query (overrides/assets/javascripts/lunr/min/lunr.sv.min.js).

The forms come from simplemma's Swedish dictionary (MIT; its lists are Wiktionary's and
Měchura's), restricted at build time to the lemmas of words that occur in the site's own
search index, and to forms the stemmer alone would not join to their lemma. So the file
grows with the site's vocabulary, not with the dictionary (nearly a million forms).

The stemmer here must be the one lunr.sv runs: Snowball's Swedish as it was before
Snowball 3.0 (which began to strip a definite -et). snowballstemmer 2.2 is that algorithm,
and agrees with lunr.sv on every form of the dictionary (checked when this was written).
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from itertools import chain

import snowballstemmer
from simplemma.strategies.dictionaries import DefaultDictionaryFactory

# Where the worker fetches the table from, below the site's root.
LEMMAN = "search/lemman.json"
FORMAT = 1
# Material's tokenizer keeps markup apart from text: a tag is a boundary between words.
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Dictionary:
    """Forms → lemma, as UTF-8 bytes: simplemma 2 keeps its forms so, and a table needs a
    few thousand of its million, so only those are decoded (decoding them all cost most
    of a second in every build). `headwords` are its lemmas; `longest` the length in
    bytes of its longest word, at least that in characters, which bounds a compound's
    tail (compound_tail)."""

    forms: Mapping[bytes, bytes]
    headwords: frozenset[bytes]
    longest: int

    @classmethod
    def of(cls, forms: Mapping[bytes, bytes]) -> Dictionary:
        headwords = frozenset(forms.values())
        return cls(forms, headwords, max(map(len, chain(forms, headwords)), default=0))

    @classmethod
    def of_text(cls, forms: Mapping[str, str]) -> Dictionary:
        return cls.of({form.encode(): base.encode() for form, base in forms.items()})

    def knows(self, word: bytes) -> bool:
        return word in self.forms or word in self.headwords

    def lemma(self, word: str) -> str:
        """The word's lemma by the dictionary, or the word itself where it is a lemma or
        unknown."""
        key = word.encode()
        if key in self.headwords:
            return word
        found = self.forms.get(key)
        return word if found is None else found.decode()


@cache
def _dictionary() -> Dictionary:
    """simplemma's Swedish forms → lemma (about a second to load, so once a process)."""
    found = DefaultDictionaryFactory().get_dictionary("sv")
    # Its bytes as they are, not the str view that decodes a form on every access.
    raw = getattr(found, "_dict", None)
    if isinstance(raw, dict):
        return Dictionary.of(raw)
    return Dictionary.of_text(found)


_stemmer = snowballstemmer.stemmer("swedish")


@cache
def stem(word: str) -> str:
    """lunr.sv's stem of a lower-case word (a form is stemmed for each lemma it may
    join, so once a process)."""
    return _stemmer.stemWord(word)


def vocabulary(index: Mapping[str, object]) -> frozenset[str]:
    """The lower-case words of Material's search index (search_index.json, as read),
    split by its own separator, as the worker's tokenizer splits them."""
    config = index.get("config")
    docs = index.get("docs")
    separator = re.compile(
        str(config.get("separator", r"[\s\-]+")) if isinstance(config, dict) else r"[\s\-]+"
    )
    # Distinct pieces first: the same text between tags recurs on many pages, and each
    # distinct word is lowered once.
    parts: set[str] = set()
    for doc in docs if isinstance(docs, list) else []:
        for field in ("title", "text"):
            value = doc.get(field) if isinstance(doc, dict) else None
            if isinstance(value, str):
                parts.update(_TAG.split(value))
    found: set[str] = set()
    for part in parts:
        found.update(separator.split(part))
    words = {w.lower() for w in found if w}
    return frozenset(words)


def grundformer(
    words: Iterable[str], forms: Mapping[str, str] | Dictionary | None = None
) -> dict[str, list[str]]:
    """For each lemma of the site's words, the forms the stemmer alone would not join to
    it, sorted. `forms` (form → lemma) defaults to simplemma's Swedish dictionary.

    A form is left out where a lemma of its own with the same stem is also a form of the
    same lemma (anställda: the adjective anställd is also the verb anställa's participle):
    rewriting it would part it from the adjective's forms, which are not rewritten. The
    query's prefix still joins it to the shorter stem (anställa → anställ* finds
    anställda). An unrelated lemma with the same stem does not block it (städer → stad,
    though städa stems to städ too)."""
    if forms is None:
        known = _dictionary()
    elif isinstance(forms, Dictionary):
        known = forms
    else:
        known = Dictionary.of_text(forms)
    words = set(words)
    lemmas = {known.lemma(w) for w in words}
    # A compound the dictionary does not know (stabsarbete) inflects as its last part:
    # the worker looks up that part (stabsarbetet → stabs + arbetet → arbete).
    lemmas.update(
        known.lemma(tail)
        for w in words
        if not known.knows(w.encode())
        for tail in [compound_tail(w, known)]
        if tail
    )
    lexicon = _lexicons.of(known, lemmas)
    table: dict[str, list[str]] = {}
    for base in sorted(lemmas):
        # Lemmas of their own that are also forms of this one (anställd of anställa).
        taken = {stem(other) for other in lexicon.lemma_forms_of.get(base, ())}
        found = [
            form
            for form in lexicon.forms_of.get(base, ())
            if stem(form) != stem(base) and stem(form) not in taken
        ]
        if found:
            table[base] = sorted(found)
    return table


# The shortest parts a compound is split into, as the worker splits it.
MIN_HEAD, MIN_TAIL = 3, 4


def compound_tail(word: str, known: Dictionary) -> str | None:
    """The longest known word `word` ends with, after a head of at least MIN_HEAD letters.

    No tail longer than the dictionary's longest word can be one: without that bound an
    editor's word of a megabyte (no separator in it) costs a million slices of up to a
    megabyte each, hours of CI."""
    for start in range(max(MIN_HEAD, len(word) - known.longest), len(word) - MIN_TAIL + 1):
        tail = word[start:]
        if known.knows(tail.encode()):
            return tail
    return None


@dataclass(frozen=True)
class Lexicon:
    """What the table is chosen from, for the lemmas a site needs: the lower-case forms
    of each that are not lemmas themselves ("hot" stays hot, not the verb hota; "kris"
    stays kris), and the forms of each that are lemmas too."""

    forms_of: Mapping[str, tuple[str, ...]]
    lemma_forms_of: Mapping[str, tuple[str, ...]]

    @classmethod
    def of(cls, known: Dictionary, wanted: Collection[str]) -> Lexicon:
        # One pass over the dictionary, keeping only the site's lemmas, compared as bytes:
        # inverting all of it took seconds in every build, for a few thousand forms.
        wanted_bytes = {w.encode() for w in wanted}
        headwords = known.headwords
        forms_of: dict[str, list[str]] = {}
        lemma_forms_of: dict[str, list[str]] = {}
        for form, base in known.forms.items():
            if base not in wanted_bytes or form == base:
                continue
            text = form.decode()
            if text != text.lower():
                continue
            target = lemma_forms_of if form in headwords else forms_of
            target.setdefault(base.decode(), []).append(text)
        return cls(
            {base: tuple(found) for base, found in forms_of.items()},
            {base: tuple(found) for base, found in lemma_forms_of.items()},
        )


class _Lexicons:
    """Lexicons already read from a dictionary, per lemma, for the process.

    The preview builds the table again on every save, and a save adds a word or two: only
    lemmas not read before cost a pass over the dictionary (a third of a second), and
    none does when the new words are no dictionary's lemma. Each lemma's forms come
    from one whole pass, in the dictionary's order, so the lexicon is the one
    `Lexicon.of` gives for the same lemmas. The last few dictionaries are remembered
    (tests make their own)."""

    KEPT = 2

    def __init__(self) -> None:
        self._read: list[
            tuple[Dictionary, set[str], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]
        ] = []

    def of(self, known: Dictionary, wanted: Collection[str]) -> Lexicon:
        entry = next((e for e in self._read if e[0] is known), None)
        if entry is None:
            entry = (known, set(), {}, {})
            self._read = [entry, *self._read][: self.KEPT]
        _, done, forms_of, lemma_forms_of = entry
        # A word that is no lemma of the dictionary has no forms in it.
        missing = {w for w in wanted if w not in done and w.encode() in known.headwords}
        if missing:
            found = Lexicon.of(known, missing)
            forms_of.update(found.forms_of)
            lemma_forms_of.update(found.lemma_forms_of)
            done.update(missing)
        return Lexicon(
            {w: forms_of[w] for w in wanted if w in forms_of},
            {w: lemma_forms_of[w] for w in wanted if w in lemma_forms_of},
        )


_lexicons = _Lexicons()


def lemma_file(index_json: str | bytes) -> bytes:
    """search/lemman.json for a site whose search index is `index_json`: JSON, data the
    worker parses, never code; the same index gives the same bytes."""
    index = json.loads(index_json)
    data = {"format": FORMAT, "grundformer": grundformer(vocabulary(index))}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return (text + "\n").encode("utf-8")
