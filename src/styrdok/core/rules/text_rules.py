"""Rules over the editors' texts: what publication would remove or refuse, reported with
file and line so the editor learns why, before a reviewer or the build has to say it."""

from __future__ import annotations

from collections.abc import Iterator

from styrdok.core.messages import problem
from styrdok.core.model import Model
from styrdok.core.problems import Position, Problem
from styrdok.core.reading.bodies import Scan, scan
from styrdok.core.sanitize import DEFAULT_WHY_ELEMENT, INVISIBLE, WHY_ELEMENT, why_attribute


def texts(model: Model) -> Iterator[tuple[str, str, int, str]]:
    """(source file, page below docs/, first line of the text, text) of every document."""
    for document in model.texts():
        yield document.fil, document.sida, document.text_rad, document.text


def check_texts(model: Model, scans: dict[str, Scan]) -> Iterator[Problem]:
    for fil, sida, first_line, text in texts(model):
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


def scan_texts(model: Model) -> dict[str, Scan]:
    """Each document's text parsed once, for the text rules and the attachment rules."""
    return {sida: scan(text) for _, sida, _, text in texts(model)}
