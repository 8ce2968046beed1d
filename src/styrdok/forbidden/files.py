"""Reading a file through: unpacked within a budget, in every view a reader or a program
could see, for a `Matcher` to look in.

Shared by the leak scan of a built site (tools/leaks), which reads every file, and the
check (`attachments`), which reads the attachments each audience publishes before
anything is built: one reader, so what the check passes the scan passes too.

The views of a file are its text as it is (tags and attributes included) and, for HTML,
XML and SVG, the text as a reader sees it: tags stripped, inline tags such as <strong>
joined to their neighbours, CDATA opened, escaped markup (an Atom feed's &lt;p&gt;)
unescaped and stripped too. JSON is read with every key and string decoded. Compressed
files and archives (gzip, bz2, xz, zip, tar, so also .docx and .xlsx) are unpacked and
what they hold is read the same way; one that cannot be unpacked is reported. A PDF
(hela-programmet.pdf, an attachment) is read as its text, every page's and the document
information's, with pypdf: its content streams are compressed and its words are drawn
in pieces, so its bytes say nothing; one that cannot be read (encrypted, broken) is
reported too.
"""

from __future__ import annotations

import bz2
import gzip
import html
import io
import json
import logging
import lzma
import re
import tarfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from styrdok.forbidden.matcher import Matcher
from styrdok.forbidden.normal import INLINE_TAG

# The site's own files unpack to a few megabytes; anything far larger is a mistake or a
# decompression bomb, and is reported as impossible to check rather than read.
MAX_UNPACKED = 256 * 1024 * 1024
# Archives inside archives are followed this deep (a .docx in a .zip in a .tar.gz).
MAX_NESTING = 4

_TAG = re.compile(r"<[^>]*>")
# RDF/XML (.rdf, the DCAT catalogue record) is XML; Turtle and N-Triples are text.
_MARKUP_SUFFIXES = frozenset(
    {".html", ".htm", ".xhtml", ".xml", ".svg", ".rss", ".atom", ".rdf", ".owl"}
)
_JSON_SUFFIXES = frozenset({".json", ".map", ".webmanifest", ".geojson", ".jsonld"})
_TEXT_SUFFIXES = (
    _MARKUP_SUFFIXES
    | _JSON_SUFFIXES
    | {
        ".csv",
        ".txt",
        ".js",
        ".css",
        ".md",
        ".ttl",
        ".nt",
    }
)
# What json.dumps escapes even with ensure_ascii=False; control characters become spaces.
_JSON_ESCAPES = (('\\"', '"'), ("\\/", "/"), *((f"\\{c}", " ") for c in "bfnrt"))


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


# What the layout puts into the text of a PDF that no page's text holds: the page number
# in each page's foot (overrides/stylesheets/utskrift.css, "@bottom-center"), which
# came between the words of a passage across a page break, and the hyphen WeasyPrint
# draws where it breaks a word at a soft hyphen (its hyphenate-character, U+2010).
_PAGE_FOOT = re.compile(r"\d+ \(\d+\)")
_BROKEN_WORD = re.compile("\u2010[ \t]*\n")


def _without_foot(text: str) -> str:
    """A page's text without its last line where that is the page number."""
    head, _, last = text.rstrip().rpartition("\n")
    return head if _PAGE_FOOT.fullmatch(last.strip()) else text


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs what it repairs in a damaged PDF ("EOF marker not found"); a file it
    cannot read is reported with its name, and a bare English line beside the check's
    messages would tell an editor nothing."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _pdf_text(data: bytes, budget: _Budget, built: bool = False) -> str:
    with _quiet_pypdf():
        return _pdf_text_of(data, budget, built)


# WeasyPrint draws every glyph as a hex string of its own, with a zero adjustment to the
# next: "[<0029>0<0052>0<004e>] TJ". pypdf parses each as an object in pure Python, and
# at 2,000 anvisningar that was most of its 12 s on hela-programmet.pdf. A zero
# adjustment moves nothing (PDF 32000-1, 9.4.3: it is subtracted, in thousandths of a
# unit, from the position), so "<0029>0<0052>" shows what "<00290052>" does, and pypdf
# reads the same text from it in half the time. Only inside a TJ array, and only in a
# stream without literal strings, inline images or comments, where "[", "]", ">0<"
# cannot be anything else.
_TJ_ARRAY = re.compile(rb"\[([0-9A-Fa-f<>\s.+-]*)\]\s*TJ")
_ZERO_BETWEEN_STRINGS = re.compile(rb"(?<=[0-9A-Fa-f])>0<(?=[0-9A-Fa-f])")
_NOT_ONLY_HEX = re.compile(rb"[(%]|\bBI\b")


def _compact_glyphs(content: bytes) -> bytes | None:
    """A content stream with the zero adjustments between hex strings in its TJ arrays
    left out, or None if it has anything that would make that unsafe."""
    if _NOT_ONLY_HEX.search(content):
        return None
    return _TJ_ARRAY.sub(lambda m: _ZERO_BETWEEN_STRINGS.sub(b"", m[0]), content)


def _compacted(page: Any) -> None:
    """Give the page (in memory) its content compacted, where it can be (above)."""
    from pypdf.generic import DecodedStreamObject, NameObject

    content = page.get_contents()
    compact = _compact_glyphs(content.get_data()) if content is not None else None
    if compact is not None:
        stream = DecodedStreamObject()
        stream.set_data(compact)
        page[NameObject("/Contents")] = stream


def _pdf_text_of(data: bytes, budget: _Budget, built: bool = False) -> str:
    """A PDF's text as a reader sees it: every page's, read as one text, then the
    document information (title, subject, keywords …) and the outline's titles.
    `built`: the build's own PDF (WeasyPrint's), whose glyphs are compacted first."""
    from pypdf import PdfReader  # a third of `styrdok check`'s imports; most have no PDF

    reader = PdfReader(io.BytesIO(data), strict=False)
    pages: list[str] = []
    for page in reader.pages:
        if built:
            _compacted(page)
        text = page.extract_text() or ""
        budget.spend(len(text))
        pages.append(_without_foot(text))
    parts = [_BROKEN_WORD.sub("", "\n".join(pages))]
    parts += [str(value) for value in (reader.metadata or {}).values()]

    def outline(items: Any) -> None:
        for item in items:
            if isinstance(item, list):
                outline(item)
            else:
                parts.append(str(getattr(item, "title", "") or ""))

    outline(reader.outline)
    return "\n".join(parts)


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
    return _TAG.sub(" ", INLINE_TAG.sub("", text))


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


def found_in(matcher: Matcher, views: list[View]) -> set[str]:
    """The strings of `matcher` that occur in any of a file's views."""
    found: set[str] = set()
    for view, references, as_words in views:
        found |= matcher.find(view, references, as_words)
    return found


def contents(
    fil: str,
    name: str,
    data: bytes,
    depth: int = 0,
    budget: _Budget | None = None,
    built_pdf: bool = False,
) -> Iterator[tuple[str, list[View] | Unreadable]]:
    """(file as reported, its views) for a file and every file packed inside it, or
    what makes one of them impossible to read through. `fil` is how the file is
    reported, `name` the name it has (its suffix says how to read it); `built_pdf`
    says the file is the PDF the build wrote itself (read faster, same text), never
    an editor's attachment."""
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
    if unpacked is None and data[:5] == b"%PDF-":
        from pypdf.errors import PyPdfError  # as in _pdf_text_of: only for a PDF

        try:
            text = _pdf_text(data, budget, built_pdf and depth == 0)
        except (PyPdfError, OSError, ValueError, KeyError, TypeError, RecursionError) as exc:
            yield (
                fil,
                Unreadable(fil, "PDF-filen går inte att läsa", str(exc) or type(exc).__name__),
            )
            return
        yield fil, _views(f"{name}.txt", text)
        return
    if unpacked is None:
        yield fil, [view for text in _decode(name, data) for view in _views(name, text)]
        return
    if depth >= MAX_NESTING:
        yield fil, Unreadable(fil, "för många arkiv i varandra", f"fler än {MAX_NESTING}")
        return
    for inner, content in unpacked:
        # A compressed file is reported by its own name, a file in an archive with both.
        single = len(unpacked) == 1 and inner == _unpacked_name(name)
        label = fil if single else f"{fil}: {inner}"
        yield from contents(label, inner, content, depth + 1, budget)
