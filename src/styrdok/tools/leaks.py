"""Scan a built site for what the selection withheld: a last check before publishing.

Selection decides what is published; this module checks the result from the other
side. From the whole model it lists what must not appear for an audience (ids,
titles, summaries, case numbers and passages of text of withheld documents; for
skyddad anvisningar everything but the metadata) and looks for all of them at once in
every file of the built site, in every form a reader or a program could see it.

Normalisation. A template filter (`| upper`), an entity, a soft hyphen or a line break
must not hide a string, so the forbidden strings and every view of a file go through
the same `normalise`: HTML entities decoded, soft hyphen and zero-width characters
removed, Unicode NFKC, casefolded, every whitespace run (NBSP too) one space. The views
of a file are its text as it is (tags and attributes included) and, for HTML, XML
and SVG, the text as a reader sees it: tags stripped, inline tags such as <strong>
joined to their neighbours, CDATA opened, escaped markup (an Atom feed's &lt;p&gt;)
unescaped and stripped too. JSON is read with every key and string decoded. Compressed
files and archives (gzip, bz2, xz, zip, tar, so also .docx and .xlsx) are unpacked and
what they hold is read the same way; one that cannot be unpacked is reported.

Two kinds of string are matched differently:

- References to an id ('"<id>"' as in JSON, the address 'anvisningar/<id>', a link
  '<id>.md' to the source file) are matched as they are (normalised), with boundaries,
  so 'anvisningar/kamera' does not match inside 'anvisningar/kamerabevakning'.
- Everything else (titles, summaries, case numbers, passages) is matched as words: every
  run of characters that are not letters or digits counts as one space, on both sides.
  Punctuation, Markdown and tags between words then cannot hide a passage, and a
  string only matches whole words (a title is not found inside a longer word).

A word string that also occurs in text that is published for the audience (a published
anvisning or page, the data, the editor guide) is not evidence of a leak and is left
out. References to ids are kept even then: a link to a withheld document that a
published page makes must still be caught if the build fails to remove it.

All strings of each kind become one regular expression shaped as a trie, so a file is
read once per view, not once per string.
"""

from __future__ import annotations

import bz2
import gzip
import html
import io
import json
import lzma
import re
import tarfile
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from styrdok.core.model import Anvisning, Model, Sida
from styrdok.select import Publication

# A passage is this many words of a withheld text: long enough not to occur by chance.
PASSAGE_WORDS = 8
MIN_TITLE = 12
# The site's own files unpack to a few megabytes; anything far larger is a mistake or a
# decompression bomb, and is reported as impossible to check rather than read.
MAX_UNPACKED = 256 * 1024 * 1024
# Archives inside archives are followed this deep (a .docx in a .zip in a .tar.gz).
MAX_NESTING = 4

_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`>#|]|^\s*(?:[-+]|\d+\.)\s+", re.MULTILINE)
_SPACE = re.compile(r"\s+")
# Soft hyphen and zero-width characters: invisible to a reader, but they split a string.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_DROP_INVISIBLE = str.maketrans("", "", _INVISIBLE)
# A word once punctuation no longer counts: letters and digits.
_WORD = re.compile(r"[^\W_]+")
# Tags a browser renders without a break, so "<b>Kan</b>arie" reads "Kanarie". Matched
# in casefolded text: without IGNORECASE the expression is several times faster.
_INLINE_TAG = re.compile(
    r"</?(?:a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span"
    r"|strong|sub|sup|time|u|var|wbr)(?:\s[^>]*)?/?>"
)
_TAG = re.compile(r"<[^>]*>")
_MARKUP_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".xml", ".svg", ".rss", ".atom"})
_JSON_SUFFIXES = frozenset({".json", ".map", ".webmanifest", ".geojson"})
_TEXT_SUFFIXES = _MARKUP_SUFFIXES | _JSON_SUFFIXES | {".csv", ".txt", ".js", ".css", ".md"}
# A reference to an id, as forbidden() writes it; after normalise().
_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_REFERENCE = re.compile(rf'"(?P<q>{_ID})"|anvisningar/(?P<a>{_ID})|(?P<s>{_ID})\.md')
# What json.dumps escapes even with ensure_ascii=False; control characters become spaces.
_JSON_ESCAPES = (('\\"', '"'), ("\\/", "/"), *((f"\\{c}", " ") for c in "bfnrt"))
_MD_SUFFIX = re.compile(r"\.md(?![\w-])")
_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


@dataclass(frozen=True)
class Leak:
    fil: str
    vad: str
    text: str

    def __str__(self) -> str:
        return f"{self.fil}: innehåller {self.vad}: '{self.text}'"


@dataclass(frozen=True)
class Unreadable(Leak):
    """A file the scanner could not read through (a broken or oversized archive): it
    counts as a leak, since nothing is known about what it holds."""

    def __str__(self) -> str:
        return f"{self.fil}: kan inte sökas igenom: {self.vad} ({self.text})"


# --- Normalisation -----------------------------------------------------------------------


def _folded(text: str) -> str:
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
    # Casefolding can produce characters NFKC would compose differently, hence twice.
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


def normalise(text: str) -> str:
    """`text` in the one form both sides are compared in (see the module docstring)."""
    return " ".join(_folded(text).split())


def words(text: str) -> str:
    """A normalised text as words: letters and digits, one space between."""
    return " ".join(_WORD.findall(text))


def plain(markdown: str) -> str:
    """A line of Markdown as it reads once rendered."""
    return _SPACE.sub(" ", _MARKUP.sub(lambda m: m.group(1) or " ", markdown)).strip()


def passages(markdown: str) -> Iterator[str]:
    """Runs of words from a Markdown text, one from the start of each line.

    A run goes on into the next lines of the same paragraph, so a text wrapped at short
    lines still gives passages, and a line break in the source is no protection.
    """
    block: list[list[str]] = []
    for line in [*markdown.splitlines(), ""]:
        text = plain(line)
        if text:
            block.append(text.split(" "))
            continue
        flat = [word for line_words in block for word in line_words]
        start = 0
        for line_words in block:
            run = flat[start : start + PASSAGE_WORDS]
            if len(run) == PASSAGE_WORDS:
                yield " ".join(run)
            start += len(line_words)
        block = []


# --- One matcher for all strings ---------------------------------------------------------

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
        text = _folded(text)
        found: set[str] = set()
        if references and self._reference_re is not None:
            for match in self._reference_re.finditer(text):
                kind = match.lastgroup or ""
                found.update(self._references[(kind, match[kind])])
        if references and self._md_ids and ".md" in text:
            for id in self._md_links(text):
                if id in self._md_ids:
                    found.update(self._references[("s", id)])
        if as_words and self._words_re is not None:
            found |= self._find_words(f" {words(text)} ")
        return found

    def find_words(self, text: str) -> set[str]:
        """Only the word strings that occur in `text`: references to ids are left out."""
        if self._words_re is None:
            return set()
        return self._find_words(f" {words(_folded(text))} ")

    def _find_words(self, padded: str) -> set[str]:
        assert self._words_re is not None
        found: set[str] = set()
        search = self._words_re.search
        position = 0
        # Not finditer: matches may overlap (a title inside a passage), so the next
        # search starts one character after the start of the last match.
        while match := search(padded, position):
            found.update(self._within[match[1]])
            position = match.start() + 1
        return found


# --- What must not appear ----------------------------------------------------------------


def forbidden(
    whole: Model, pub: Publication, published_texts: Iterable[str] = ()
) -> dict[str, str]:
    """Strings that must not appear in the site built for `pub`, with what each one is.

    `published_texts` are texts the site shows that are not in the model, such as the
    editor guide (CONTRIBUTING.md): wording they share with a withheld document is
    public already and gives nothing away.
    """
    found: dict[str, str] = {}
    published = {a.id: a for a in pub.anvisningar}

    def text_of(what: str, document: Anvisning | Sida, text: str) -> None:
        for passage in passages(text):
            found.setdefault(passage, f"text ur {what} '{document.sida}'")

    for anvisning in whole.anvisningar:
        shown = published.get(anvisning.id)
        what = f"{anvisning.atkomst} anvisning"
        if shown is None:
            found[f'"{anvisning.id}"'] = f"id för {what}"
            found[f"anvisningar/{anvisning.id}"] = f"adressen till {what}"
            found[f"{anvisning.id}.md"] = f"en länk till {what}"
            if len(anvisning.titel) >= MIN_TITLE:
                found.setdefault(anvisning.titel, f"titeln på {what} '{anvisning.id}'")
        if shown is None or anvisning.sida in pub.bara_metadata:
            found.setdefault(
                anvisning.sammanfattning, f"sammanfattningen av {what} '{anvisning.id}'"
            )
            if anvisning.diarienummer:
                found.setdefault(
                    anvisning.diarienummer, f"diarienumret för {what} '{anvisning.id}'"
                )
            text_of(what, anvisning, anvisning.text)
    shown_pages = {s.sida for s in pub.model.sidor}
    for sida in whole.sidor:
        if sida.sida not in shown_pages:
            what = f"{sida.atkomst} sida"
            if len(sida.titel) >= MIN_TITLE:
                found.setdefault(sida.titel, f"titeln på {what} '{sida.sida}'")
            text_of(what, sida, sida.text)
    # Wording that a published text shares (a quoted law, the guide's example title)
    # gives nothing away. One pass of one matcher over the published texts finds it.
    matcher = Matcher(found)
    public = set().union(
        *(
            matcher.find_words(_INLINE_TAG.sub("", text.casefold()))
            for text in _published(pub, published_texts)
            if text
        )
    )
    return {string: what for string, what in found.items() if string not in public}


def _published(pub: Publication, extra: Iterable[str]) -> Iterator[str | None]:
    """Every text the site built for `pub` shows, as written in the source."""
    for a in pub.anvisningar:
        yield from (a.titel, a.sammanfattning, a.diarienummer, a.text, a.kontakt.funktion)
    for s in pub.model.sidor:
        yield from (s.titel, getattr(s, "beskrivning", None), s.text)
    model = pub.model
    for p in model.program:
        yield from (p.titel, p.kortnamn, p.diarienummer, p.sammanfattning)
        yield from (p.utgangspunkt, p.kommunikation)
        yield from (task for ansvar in p.ansvar for task in ansvar.uppgifter)
    for m in model.malomraden:
        yield from (m.namn, m.beskrivning)
    for f in model.fokusomraden:
        yield from (f.namn, f.beskrivning, *f.malsattningar)
    for o in model.organ:
        yield from (o.namn, o.forvaltning, o.beskrivning)
    for law in model.forfattningar:
        yield from (law.namn, law.kortnamn)
    yield from extra


def published_sources(root: Path) -> list[str]:
    """Texts outside docs/ that every site shows: the editor guide, CONTRIBUTING.md,
    which the page 'För redaktörer' includes. Pass them to `forbidden`."""
    guide = root / "CONTRIBUTING.md"
    return [guide.read_text(encoding="utf-8")] if guide.is_file() else []


# --- Reading the site --------------------------------------------------------------------


def _is_bz2(data: bytes) -> bool:
    # "BZh", the block size, then the magic of a block or of the end of the stream.
    return (
        data[:3] == b"BZh"
        and data[3:4] in b"123456789"
        and data[4:10] in (b"1AY&SY", b"\x17rE8P\x90")
    )


class _Budget:
    """What unpacking one file of the site may produce in all, archives in archives
    included: a small file of nested archives must not unpack without bound."""

    def __init__(self) -> None:
        self.left = MAX_UNPACKED

    def spend(self, amount: int) -> None:
        self.left -= amount
        if self.left < 0:
            raise ValueError(f"större än {MAX_UNPACKED // (1024 * 1024)} MiB uppackad")


def _read_limited(stream: Any, budget: _Budget) -> bytes:
    data = stream.read(max(budget.left, 0) + 1)
    budget.spend(len(data))
    return data


def _unpacked_name(name: str) -> str:
    """The name a compressed file has unpacked: sitemap.xml.gz -> sitemap.xml."""
    path = PurePosixPath(name)
    return f"{path.stem}.svg" if path.suffix == ".svgz" else path.stem


def _unpack(name: str, data: bytes, budget: _Budget) -> list[tuple[str, bytes]] | None:
    """The files inside a compressed file or archive as (name, bytes), or None if `data`
    is neither. Recognised by content, so a misnamed file is unpacked too."""
    stream = io.BytesIO(data)
    stem = _unpacked_name(name)
    if data[:2] == b"\x1f\x8b":
        with gzip.GzipFile(fileobj=stream) as unpacked:
            return [(stem, _read_limited(unpacked, budget))]
    if _is_bz2(data):
        with bz2.BZ2File(stream) as unpacked:
            return [(stem, _read_limited(unpacked, budget))]
    if data[:6] == b"\xfd7zXZ\x00":
        with lzma.LZMAFile(stream) as unpacked:
            return [(stem, _read_limited(unpacked, budget))]
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        with zipfile.ZipFile(stream) as archive:
            members = [m for m in archive.infolist() if not m.is_dir()]
            if sum(m.file_size for m in members) > budget.left:
                raise ValueError(f"större än {MAX_UNPACKED // (1024 * 1024)} MiB uppackad")
            return [(m.filename, _read_limited(archive.open(m), budget)) for m in members]
    if data[257:262] == b"ustar":
        with tarfile.open(fileobj=stream) as archive:
            files = [m for m in archive.getmembers() if m.isfile()]
            if sum(m.size for m in files) > budget.left:
                raise ValueError(f"större än {MAX_UNPACKED // (1024 * 1024)} MiB uppackad")
            return [(m.name, _read_limited(archive.extractfile(m), budget)) for m in files]
    return None


def _decode(name: str, data: bytes) -> list[str]:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return [data.decode("utf-16", errors="replace")]
    text = data.decode("utf-8", errors="replace")
    if "\ufffd" in text and PurePosixPath(name).suffix.lower() in _TEXT_SUFFIXES:
        # A text file that is not UTF-8 is most likely Windows-1252 (a CSV for Excel).
        return [text, data.decode("cp1252", errors="replace")]
    return [text]


def _untagged(text: str) -> str:
    """Markup as a reader sees it: inline tags joined to their neighbours, every other
    tag a space. (Where two inline elements touch, the markup as it is still separates
    them: its tags read as words of their own.)"""
    text = text.casefold()
    if "<![cdata[" in text:
        # What a CDATA section holds is text (often HTML), not one long tag.
        text = text.replace("<![cdata[", " ").replace("]]>", " ")
    return _TAG.sub(" ", _INLINE_TAG.sub("", text))


# A view of a file: its text, and whether to look in it for references to ids and for
# word strings. Only what a view can add is looked for, since every look costs a pass.
View = tuple[str, bool, bool]


def _views(name: str, text: str) -> list[View]:
    """The forms of one file's text that could reveal something."""
    suffix = PurePosixPath(name).suffix.lower()
    start = text.lstrip("\ufeff \t\r\n")[:1]
    markup = False
    if suffix in _JSON_SUFFIXES or start in ("{", "["):
        with suppress(ValueError, RecursionError):
            # Escapes (\u00e5, \n) split the words of the raw text: the decoded text
            # replaces it, with ids in quotes still quoted.
            text = _decoded_json(json.loads(text))
            markup = "<" in text
    views = [(text, True, True)]
    if markup or suffix in _MARKUP_SUFFIXES or start == "<":
        # Ids sit in attributes, which the text as it is has; words may be split by tags.
        views.append((_untagged(text), False, True))
        if "&lt;" in text or "&#60;" in text:
            views.append((_untagged(html.unescape(text)), False, True))
    return views


def _decoded_json(value: Any) -> str:
    """Every key and string of a JSON document, decoded, in one text. Written out by
    the C encoder without escaping non-ASCII, then the few escapes left undone: much
    faster than walking the document in Python, which matters for the search index."""
    text = json.dumps(value, ensure_ascii=False).replace("\\\\", "\0")
    for escape, char in _JSON_ESCAPES:
        text = text.replace(escape, char)
    return text.replace("\0", "\\")


def _look(
    matcher: Matcher,
    fil: str,
    name: str,
    data: bytes,
    depth: int = 0,
    budget: _Budget | None = None,
) -> Iterator[tuple[str, set[str] | Unreadable]]:
    """(file as reported, strings found) for a file and every file packed inside it."""
    budget = budget if budget is not None else _Budget()
    try:
        unpacked = _unpack(name, data, budget)
    except (
        OSError,
        EOFError,
        ValueError,
        zipfile.BadZipFile,
        tarfile.TarError,
        lzma.LZMAError,
        # zipfile: an encrypted member, or a compression method Python cannot read.
        RuntimeError,
        NotImplementedError,
    ) as exc:
        yield fil, Unreadable(fil, "filen är komprimerad men går inte att packa upp", str(exc))
        unpacked = None
    if unpacked is None:
        found: set[str] = set()
        for text in _decode(name, data):
            for view, references, as_words in _views(name, text):
                found |= matcher.find(view, references, as_words)
        yield fil, found
        return
    if depth >= MAX_NESTING:
        yield fil, Unreadable(fil, "för många arkiv i varandra", f"fler än {MAX_NESTING}")
        return
    for inner, content in unpacked:
        # A compressed file is reported by its own name, a file in an archive with both.
        single = len(unpacked) == 1 and inner == _unpacked_name(name)
        label = fil if single else f"{fil}: {inner}"
        yield from _look(matcher, label, inner, content, depth + 1, budget)


def scan(site: Path, strings: Mapping[str, str]) -> list[Leak]:
    """Every file below `site` that contains one of `strings`, once per string found,
    in the order of the files and then of `strings`."""
    matcher = Matcher(strings)
    order = {string: i for i, string in enumerate(strings)}
    leaks: list[Leak] = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        fil = path.relative_to(site).as_posix()
        for label, found in _look(matcher, fil, path.name, path.read_bytes()):
            if isinstance(found, Unreadable):
                leaks.append(found)
                continue
            leaks += [Leak(label, strings[s], s) for s in sorted(found, key=order.__getitem__)]
    return leaks
