"""Rules over the editors' texts: what publication would remove or refuse, reported with
file and line so the editor learns why, before a reviewer or the build has to say it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from styrdok.core.kinds import NAMED
from styrdok.core.messages import problem
from styrdok.core.model import Model
from styrdok.core.problems import Position, Problem
from styrdok.core.reading.bodies import Scan, scan
from styrdok.core.reading.source import SourceDocument
from styrdok.core.sanitize import DEFAULT_WHY_ELEMENT, INVISIBLE, WHY_ELEMENT, why_attribute


@dataclass(frozen=True)
class Avvisad:
    """A page whose front matter its schema refused. It is not in the model, but the
    rules that read only the text still judge its text, so the editor gets every
    problem of the file in one round rather than a new list after each fix."""

    fil: str
    sida: str
    text_rad: int
    text: str
    # An anvisning or a kept version: the page's title is its one heading of level 1.
    anvisning: bool
    # As written, if it was: a skyddad text reaches no build, so its links are not judged.
    atkomst: str | None = None


def rejected_texts(
    documents: Sequence[SourceDocument], accepted: Sequence[bool]
) -> tuple[Avvisad, ...]:
    """The pages whose front matter could be read but not accepted."""
    return tuple(
        Avvisad(
            doc.path,
            doc.sida,
            doc.body_line,
            doc.body,
            NAMED[doc.kind].key in ("anvisningar", "versioner"),
            doc.data.get("atkomst") if isinstance(doc.data, dict) else None,
        )
        for doc, ok in zip(documents, accepted, strict=True)
        if doc.sida and doc.data is not None and not ok
    )


def texts(model: Model, rejected: Sequence[Avvisad] = ()) -> Iterator[tuple[str, str, int, str]]:
    """(source file, page below docs/, first line of the text, text) of every document,
    and of the pages in `rejected`."""
    for document in (*model.texts(), *rejected):
        yield document.fil, document.sida, document.text_rad, document.text


def check_texts(
    model: Model, scans: dict[str, Scan], rejected: Sequence[Avvisad] = ()
) -> Iterator[Problem]:
    for fil, sida, first_line, text in texts(model, rejected):
        hidden = INVISIBLE.search(text)
        if hidden:
            line = first_line + text.count("\n", 0, hidden.start())
            yield problem(
                "styrtecken", fil, Position(line, 1), tecken=f"U+{ord(hidden.group()):04X}"
            )
        for found in scans[sida].findings:
            values = dict(found.values)
            if found.code == "otillaten-html":
                values["varfor"] = WHY_ELEMENT.get(values["element"], DEFAULT_WHY_ELEMENT)
            elif found.code == "otillatet-attribut":
                values["varfor"] = why_attribute(values["attribut"])
            yield problem(found.code, fil, Position(first_line + found.line - 1, 1), **values)


def scan_texts(model: Model, rejected: Sequence[Avvisad] = ()) -> dict[str, Scan]:
    """Each document's text parsed once, for the text rules and the attachment rules."""
    return {sida: scan(text) for _, sida, _, text in texts(model, rejected)}
