"""The leak scan, run on the source before anything is built.

The build ends with a scan of the site for the strings `strings.forbidden` lists. Every
one of them that the site could carry comes from a source text the audience publishes:
an anvisning, kept version or page it reads in full (its front matter as written, its
text as selection hands it on), a data file, a report or indicator it gets, the editor
guide. The same strings are looked for there, in the same forms, and each one found is
reported at its file and line, so `styrdok check` says first what the scan would refuse.
The attachments an audience publishes are read through too, as the scan reads them
(`attachments`): a string found in one is reported at the attachment, and one the scan
could not read through (a PDF with a password) as an error of its own.

Linear: one automaton for every audience (`strings.forbidden_by_audience`), one pass over
each distinct form of a source text, whichever audiences publish it and even if the
published texts' pass searched the same form already (the matcher remembers). Only for a
string that is found is its line looked up (a few more passes over that one file).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from styrdok.core.messages import problem
from styrdok.core.model import Anvisning, Model, Sida
from styrdok.core.problems import Position, Problem
from styrdok.core.project import Project
from styrdok.core.reading.guide import REDAKTORSGUIDE
from styrdok.forbidden import strings
from styrdok.forbidden.attachments import Closed, attachment_leaks
from styrdok.forbidden.matcher import Matcher
from styrdok.forbidden.normal import folded, word_form
from styrdok.forbidden.strings import forbidden_by_audience, published_sources, rendered_word_form
from styrdok.select import MALGRUPPER, Publication

# How each audience's site is named in the message.
SITE_NAMES = {"intranät": "intranätet", "publik": "den publika webbplatsen"}


@dataclass(frozen=True)
class Source:
    """A published text as its file has it: `lines` are the file's from line `first`."""

    fil: str
    first: int
    lines: tuple[str, ...]


def check_leaks(
    project: Project, model: Model, publications: Mapping[str, Publication]
) -> list[Problem]:
    """What the leak scan of each audience's build would find, at the source's lines
    and at the attachments; `publications` is what selection gives each audience on the
    build's reference day."""
    # (file, line, where in it, string) -> (what it is, the audiences whose build would refuse it)
    found: dict[tuple[str, int, str, str], tuple[str, list[str]]] = {}
    guide = published_sources(project.root)
    audiences = {malgrupp: publications[malgrupp] for malgrupp in MALGRUPPER}
    by_audience = forbidden_by_audience(model, audiences, guide)
    strings = {malgrupp: given.strings for malgrupp, given in by_audience.items()}
    matchers = {malgrupp: given.matcher for malgrupp, given in by_audience.items()}
    files = _Files(project.root)  # each audience's sources are mostly the other's too
    for malgrupp in MALGRUPPER:
        pub = publications[malgrupp]
        matcher = matchers[malgrupp]
        if not strings[malgrupp]:
            continue
        for source in sources(project, model, pub, files):
            for string in _found(matcher, source.lines, _remembered_forms):
                line = _line_of(string, source)
                entry = found.setdefault(
                    (source.fil, line, "", string), (strings[malgrupp][string], [])
                )
                entry[1].append(malgrupp)
    closed: list[Problem] = []
    # Every attachment, even for an audience without forbidden strings: the scan
    # refuses a file it cannot read through whatever it looks for.
    for item in attachment_leaks(project, publications, matchers):
        if isinstance(item, Closed):
            closed.append(_closed(item))
            continue
        what = strings[item.malgrupp][item.string]
        entry = found.setdefault(
            (item.fil, 1, f"i bilagan{_inside(item.inre)}", item.string), (what, [])
        )
        entry[1].append(item.malgrupp)
    return [
        problem(
            "lacka",
            fil,
            Position(line),
            texten=" ".join(("texten", where)).strip(),
            webbplats=_sites(malgrupper),
            vad=what,
            citat=_quoted(string, what),
        )
        for (fil, line, where, string), (what, malgrupper) in found.items()
    ] + closed


def _sites(malgrupper: Iterable[str]) -> str:
    return " och ".join(SITE_NAMES[m] for m in malgrupper)


def _inside(inre: str) -> str:
    """Where in an archive (a .docx is one) the string is, if the attachment is one."""
    return f" (i filen '{inre}' i den)" if inre else ""


def _closed(item: Closed) -> Problem:
    """An attachment the scan could not read through, said in the editor's words."""
    why = item.why
    if "decrypt" in why.text.casefold() or "password" in why.text.casefold():
        orsak = "den är skyddad med lösenord"
    else:
        orsak = f"{why.vad} ({why.text})"
    inre = why.fil.removeprefix(item.fil).removeprefix(": ")
    return problem(
        "bilaga-olasbar",
        item.fil,
        Position(1),
        webbplats=_sites(item.malgrupper),
        orsak=f"{orsak}{_inside(inre)}",
    )


def _quoted(string: str, what: str) -> str:
    """The colliding string as the editor may see it: never what a skyddad document
    keeps to itself (its summary, case number or text), only that it is there."""
    return "" if "skyddad" in what else f": '{string}'"


def _forms(lines: tuple[str, ...]) -> tuple[str, str, str]:
    """A source text as the scan could meet it in the site: as written (`folded`, for
    references, and as words), and rendered, with Markdown and inline tags gone (words
    only)."""
    written = folded("\n".join(lines))
    return written, word_form(written, is_folded=True), rendered_word_form(lines)


# Each audience's sources are mostly the other's too: their forms are worked out once.
_remembered_forms = lru_cache(maxsize=1 << 15)(_forms)


def forget_forms() -> None:
    """Drop the forms the leak check remembered. A build needs them no more once the
    check has run, and at thousands of anvisningar they are a few hundred megabytes;
    the preview keeps them, since its next check asks for the same texts again."""
    _remembered_forms.cache_clear()
    strings.forget_forms()


def _found(
    matcher: Matcher,
    lines: tuple[str, ...],
    forms: Callable[[tuple[str, ...]], tuple[str, str, str]],
) -> set[str]:
    written, written_words, as_rendered = forms(lines)
    return matcher.find_forms(written, written_words) | matcher.find_word_form(as_rendered)


def _line_of(string: str, source: Source) -> int:
    """The line where `string` begins in `source` (a passage may go on over several):
    the first line that ends it, then the last from which it is still there."""
    one = Matcher([string])

    def has(lines: tuple[str, ...]) -> bool:
        return bool(_found(one, lines, _forms))

    lines = source.lines
    low, high = 1, len(lines)
    while low < high:  # the fewest first lines that hold the string
        middle = (low + high) // 2
        low, high = (low, middle) if has(lines[:middle]) else (middle + 1, high)
    end = low
    low, high = 0, end - 1
    while low < high:  # the latest start that still holds it
        middle = (low + high + 1) // 2
        low, high = (middle, high) if has(lines[middle:end]) else (low, middle - 1)
    return source.first + low


def sources(
    project: Project, model: Model, pub: Publication, files: _Files | None = None
) -> Iterator[Source]:
    """Every source text the build for `pub` publishes, as its file has it (`files`:
    those read already)."""
    files = files or _Files(project.root)
    documents: list[Anvisning | Sida] = [*pub.anvisningar, *pub.model.versioner]
    for document in [*documents, *pub.model.sidor]:
        if document.sida not in pub.bara_metadata:
            yield from files.document(document)
    data = {item.kalla.fil for kind in _DATA_KINDS for item in getattr(model, kind)}
    data |= {indikator.kalla.fil for indikator in pub.indikatorer}
    for fil in sorted(data):
        yield from files.whole(fil)
    yield from _reports(files, model, pub)
    yield from files.whole(REDAKTORSGUIDE)


# The data files every build shows in full (their entries have no access level).
_DATA_KINDS = ("program", "malomraden", "fokusomraden", "organ", "forfattningar")


def _reports(files: _Files, model: Model, pub: Publication) -> Iterator[Source]:
    """Of each year's file, the entries of the reports `pub` carries as written."""
    published = {(year.ar, r.organ): r for year in pub.uppfoljning for r in year.rapporter}
    for year in model.uppfoljning:
        lines = files.lines(year.kalla.fil)
        starts = sorted(r.kalla.position.line for r in year.rapporter)
        ends = dict(itertools.pairwise([*starts, len(lines) + 1]))
        for rapport in year.rapporter:
            if published.get((year.ar, rapport.organ)) == rapport:
                start = rapport.kalla.position.line
                entry = tuple(lines[start - 1 : ends[start] - 1])
                yield Source(year.kalla.fil, start, entry)


class _Files:
    """Source files read once each, as lines; one that cannot be read gives nothing
    (the check has reported it already)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._read: dict[str, tuple[str, ...]] = {}

    def lines(self, fil: str) -> tuple[str, ...]:
        if fil not in self._read:
            try:
                text = (self.root / fil).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                text = ""
            self._read[fil] = tuple(text.splitlines())
        return self._read[fil]

    def whole(self, fil: str) -> Iterator[Source]:
        if lines := self.lines(fil):
            yield Source(fil, 1, lines)

    def document(self, document: Anvisning | Sida) -> Iterator[Source]:
        """Its front matter as written, and its text as selection publishes it (links to
        withheld pages already plain text), from the line where the text begins."""
        head = self.lines(document.fil)[: document.text_rad - 1]
        if head:
            yield Source(document.fil, 1, head)
        yield Source(document.fil, document.text_rad, tuple(document.text.splitlines()))
