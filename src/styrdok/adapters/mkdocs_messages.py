"""MkDocs' log in Swedish: each message an editor can cause, with file, line and column.

MkDocs words its warnings in English and names only the page ("Doc file 'begrepp.md'
contains a link …"). `translate` turns one log record into the line an editor reads, in
the check's format (`fil:rad:kolumn: fel: meddelande – tips`), finding the line of the
link in the source; the chatter of a build ("Cleaning site directory", "Documentation
built in …") is dropped. The check (`styrdok check`) should catch all of this first;
this is the net behind it. A message this module does not know is never dropped: it is
passed on, marked as MkDocs' own words, so that a new MkDocs cannot hide a warning.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

# The check's own messages (the plugin logs them) are Swedish already.
OURS = re.compile(r"^(styrdok: |[^\s:]+:\d+:\d+: (fel|varning): )")

# What a build or the preview says as a matter of course: nothing an editor must read.
CHATTER = re.compile(
    r"^(Cleaning site directory|Building documentation( to directory: .*|\.\.\.)"
    r"|Documentation built in .*|Watching paths for changes: .*|Serving on .*"
    r"|Detected file changes|Reloading browsers|Browser connected: .*|Shutting down\.\.\."
    r"|Aborted with a BuildError!|Aborted with .* in strict mode!"
    r"|An error happened during the rebuild\..*)$",
    re.DOTALL,
)
# The live-reload server stamps its messages with the time.
_STAMP = re.compile(r"^\[\d\d:\d\d:\d\d\] ")

_MEANT = r"(?: Did you mean '(?P<meant>[^']*)'\?)?"
_DOC = r"^Doc file '(?P<page>[^']+)' contains "


@dataclass(frozen=True)
class Sources:
    """Where a page's text comes from: docs/, and the files shown through a macro (the
    editor guide, CONTRIBUTING.md, which mkdocs.yml watches)."""

    root: Path
    docs_dir: Path
    extra: Sequence[Path] = ()

    def locate(self, page: str, needle: str) -> str:
        """`fil:rad:kolumn` of the first occurrence of `needle` in the page's source, or the
        page's file (line 1) when the text is not found there as written."""
        page_file = self.docs_dir / page
        for path in (page_file, *self.extra):
            found = _find(path, needle)
            if found is not None:
                return f"{self._display(path)}:{found[0]}:{found[1]}"
        return f"{self._display(page_file)}:1:1"

    def _display(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


def _find(path: Path, needle: str) -> tuple[int, int] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    lines = text.splitlines()
    for written in dict.fromkeys((needle, unquote(needle))):
        # As a link is written first ([text](url), <url>, [ref]: url), so that '/a.md' is
        # not found inside 'b/a.md'; then anywhere. The column is where the address starts.
        for before in ("](", "<", "]: ", ""):
            for number, line in enumerate(lines, start=1):
                column = line.find(before + written)
                if column >= 0:
                    return number, column + len(before) + 1
    return None


def _meant(match: re.Match[str]) -> str:
    meant = match.group("meant")
    return f" Menade du '{meant}'?" if meant else ""


def _not_found(m: re.Match[str], s: Sources) -> str:
    return (
        f"{s.locate(m['page'], m['url'])}: fel: länken '{m['url']}' går till en sida som inte "
        "finns eller inte publiceras för målgruppen – Rätta adressen eller ta bort länken; "
        f"en anvisning länkas som anvisningar/<id>.md.{_meant(m)}"
    )


def _absolute(m: re.Match[str], s: Sources) -> str:
    return (
        f"{s.locate(m['page'], m['url'])}: fel: länken '{m['url']}' börjar med / och fungerar "
        "inte på webbplatsen – Skriv adressen från sidans egen mapp, t.ex. "
        f"anvisningar/<id>.md.{_meant(m)}"
    )


def _unrecognized(m: re.Match[str], s: Sources) -> str:
    return (
        f"{s.locate(m['page'], m['url'])}: fel: länken '{m['url']}' går inte till en sida – "
        f"Länka till sidans fil, som slutar på .md, t.ex. anvisningar/<id>.md.{_meant(m)}"
    )


def _anchor_elsewhere(m: re.Match[str], s: Sources) -> str:
    return (
        f"{s.locate(m['page'], m['url'])}: fel: länken '{m['url']}' går till avsnittet "
        f"'#{m['anchor']}', som inte finns på sidan {m['doc']} – Skriv delen efter # som "
        "rubriken på sidan, med små bokstäver och bindestreck i stället för mellanslag, "
        "eller ta bort den."
    )


def _anchor_here(m: re.Match[str], s: Sources) -> str:
    anchor = m["url"].partition("#")[2]
    footnote = (
        " Det ser ut som en fotnot som ingen text hänvisar till."
        if anchor.startswith("fnref:")
        else ""
    )
    return (
        f"{s.locate(m['page'], m['url'])}: fel: länken '{m['url']}' går till avsnittet "
        f"'#{anchor}', som inte finns på samma sida – Skriv delen efter # som en rubrik på "
        f"sidan, med små bokstäver och bindestreck i stället för mellanslag, eller ta bort "
        f"den.{footnote}"
    )


def _excluded(m: re.Match[str], s: Sources) -> str:
    return (
        f"{s.locate(m['page'], m['target'])}: fel: länken går till '{m['target']}', som inte "
        "tas med på webbplatsen – Ta bort länken."
    )


def _encoding(m: re.Match[str], s: Sources) -> str:
    path = Path(m["path"])
    return (
        f"{s._display(path)}:1:1: fel: filen är inte sparad som UTF-8 – Spara den som UTF-8 "
        "(i VS Code: klicka på teckenkodningen i statusraden, Spara med kodning, UTF-8)."
    )


def _missing(m: re.Match[str], s: Sources) -> str:
    return f"{s._display(Path(m['path']))}:1:1: fel: filen kunde inte läsas – Finns den kvar?"


def _config(m: re.Match[str], s: Sources) -> str:
    return (
        f"mkdocs.yml:1:1: fel: inställningen '{m['name']}' är fel – MkDocs säger (på "
        f"engelska): {m['text']}"
    )


Translator = Callable[[re.Match[str], Sources], str]

KNOWN: tuple[tuple[re.Pattern[str], Translator], ...] = (
    (
        re.compile(
            _DOC + r"a link '(?P<url>[^']*)', but the target(?: '[^']*')? is not found among "
            r"documentation files\." + _MEANT + "$"
        ),
        _not_found,
    ),
    (
        re.compile(_DOC + r"an absolute link '(?P<url>[^']*)', it was left as is\." + _MEANT + "$"),
        _absolute,
    ),
    (
        re.compile(
            _DOC
            + r"an unrecognized relative link '(?P<url>[^']*)', it was left as is\."
            + _MEANT
            + "$"
        ),
        _unrecognized,
    ),
    (
        re.compile(
            _DOC + r"a link '(?P<url>[^']*)', but the doc '(?P<doc>[^']*)' does not contain "
            r"an anchor '#(?P<anchor>[^']*)'\.$"
        ),
        _anchor_elsewhere,
    ),
    (
        re.compile(
            _DOC + r"a link '(?P<url>[^']*)', but there is no such anchor on this page\..*$",
            re.DOTALL,
        ),
        _anchor_here,
    ),
    (
        re.compile(
            _DOC + r"a link to '(?P<target>[^']*)' which is excluded from the built site\.$"
        ),
        _excluded,
    ),
    (re.compile(r"^Encoding error reading file: (?P<path>.+)$"), _encoding),
    (re.compile(r"^File not found: (?P<path>.+)$"), _missing),
    (re.compile(r"^Config value '(?P<name>[^']*)': (?P<text>.*)$", re.DOTALL), _config),
)

# A request the preview could not answer: the server logs it as a warning.
_REQUEST = re.compile(r'^"(?P<method>\w+) (?P<path>\S+) [^"]*" code (?P<code>\d+)$')


def is_error(record: logging.LogRecord) -> bool:
    """Whether the record stops a strict build (MkDocs counts warnings and errors)."""
    return record.levelno >= logging.WARNING and not _REQUEST.match(_text(record))


def _text(record: logging.LogRecord) -> str:
    return _STAMP.sub("", record.getMessage().strip())


def translate(record: logging.LogRecord, sources: Sources) -> str | None:
    """The Swedish line for a log record, or None for chatter nobody needs to read."""
    text = _text(record)
    if record.levelno < logging.INFO or CHATTER.match(text):
        return None
    if OURS.match(text):
        return text
    request = _REQUEST.match(text)
    if request:
        return f"styrdok: förhandsgranskningen har ingen sida på adressen {request['path']}"
    for pattern, make in KNOWN:
        found = pattern.match(text)
        if found:
            return make(found, sources)
    kind = "fel" if record.levelno >= logging.WARNING else "information"
    return f"styrdok: {kind} från MkDocs, som styrdok inte har översatt: {text}"
