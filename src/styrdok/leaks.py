"""Scan a built site for what the selection withheld: a last check before publishing.

Selection decides what is published; this module checks the result from the other
side. From the whole model it lists what must not appear for an audience (ids,
titles, summaries, case numbers and passages of text of withheld documents; for
skyddad anvisningar everything but the metadata) and looks for each of them in every
file of the built site, in the form a reader or a program would see it: HTML with tags
stripped and entities decoded, JSON strings decoded, other files as bytes.
"""

from __future__ import annotations

import contextlib
import html
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model import Anvisning, Model, Sida
from .select import Publication

# A passage is this many words of a withheld text: long enough not to occur by chance.
PASSAGE_WORDS = 8
MIN_TITLE = 12

_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`>#|]|^\s*(?:[-+]|\d+\.)\s+", re.MULTILINE)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Leak:
    fil: str
    vad: str
    text: str

    def __str__(self) -> str:
        return f"{self.fil}: innehåller {self.vad}: '{self.text}'"


def plain(markdown: str) -> str:
    """A line of Markdown as it reads once rendered."""
    return _SPACE.sub(" ", _MARKUP.sub(lambda m: m.group(1) or " ", markdown)).strip()


def passages(markdown: str) -> Iterator[str]:
    """Runs of words from a Markdown text, one from the start of each long line."""
    for line in markdown.splitlines():
        words = plain(line).split(" ")
        if len(words) >= PASSAGE_WORDS:
            yield " ".join(words[:PASSAGE_WORDS])


def forbidden(whole: Model, pub: Publication) -> dict[str, str]:
    """Strings that must not appear in the site built for `pub`, with what each one is."""
    found: dict[str, str] = {}
    published = {a.id: a for a in pub.anvisningar}
    # Wording that a published text shares (a quoted law, say) gives nothing away.
    public_text = " ".join(
        plain(line)
        for text in [*(a.text for a in pub.anvisningar), *(s.text for s in pub.model.sidor)]
        for line in text.splitlines()
    )

    def text_of(what: str, document: Anvisning | Sida, text: str) -> None:
        for passage in passages(text):
            if passage not in public_text:
                found.setdefault(passage, f"text ur {what} '{document.sida}'")

    for anvisning in whole.anvisningar:
        shown = published.get(anvisning.id)
        what = f"{anvisning.atkomst} anvisning"
        if shown is None:
            found[f'"{anvisning.id}"'] = f"id för {what}"
            found[f"anvisningar/{anvisning.id}"] = f"adressen till {what}"
            if len(anvisning.titel) >= MIN_TITLE:
                found[anvisning.titel] = f"titeln på {what} '{anvisning.id}'"
        if shown is None or anvisning.sida in pub.bara_metadata:
            found[anvisning.sammanfattning] = f"sammanfattningen av {what} '{anvisning.id}'"
            if anvisning.diarienummer:
                found[anvisning.diarienummer] = f"diarienumret för {what} '{anvisning.id}'"
            text_of(what, anvisning, anvisning.text)
    shown_pages = {s.sida for s in pub.model.sidor}
    for sida in whole.sidor:
        if sida.sida not in shown_pages:
            text_of(f"{sida.atkomst} sida", sida, sida.text)
    return found


def readable(path: Path) -> list[str]:
    """The contents of a file in the forms that could reveal something."""
    raw = path.read_bytes()
    text = raw.decode("utf-8", errors="replace")
    forms = [text]
    if path.suffix in (".html", ".htm", ".xml"):
        forms.append(_SPACE.sub(" ", html.unescape(_TAG.sub(" ", text))))
    elif path.suffix == ".json":
        with contextlib.suppress(ValueError):
            forms.append("\n".join(_strings(json.loads(text))))
    return forms


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
        yield _SPACE.sub(" ", html.unescape(_TAG.sub(" ", value)))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def scan(site: Path, strings: Mapping[str, str]) -> list[Leak]:
    """Every file below `site` that contains one of `strings`."""
    leaks = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        forms = readable(path)
        for text, what in strings.items():
            if any(text in form for form in forms):
                leaks.append(Leak(path.relative_to(site).as_posix(), what, text))
    return leaks
