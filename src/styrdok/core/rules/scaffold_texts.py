"""The example texts `styrdok ny anvisning` writes, and the rule that they are replaced.

The scaffold fills every field so the new file passes the check at once; its example
texts ("Skriv en eller två meningar …") are for the editor to replace. In an utkast they
are a reminder (a warning); once the anvisning is decided – any status but utkast – they
would be published as the city's text, so they are an error. The rule reads the texts,
not how the file was made, so an anvisning copied from the scaffold by hand is caught too.
"""

from __future__ import annotations

from collections.abc import Iterator

from styrdok.core.messages import problem
from styrdok.core.model import UTKAST, Anvisning, Model
from styrdok.core.problems import Position, Problem

SAMMANFATTNING = "Skriv en eller två meningar om vad anvisningen handlar om."
KONTAKT = "Ange funktion eller enhet, t.ex. Säkerhetsavdelningen, stadsledningskontoret"
# The body: each section's example paragraph, in the order the scaffold writes them.
TEXT = (
    "Beskriv varför anvisningen finns och vad den ska åstadkomma.",
    "Beskriv vilka verksamheter och situationer anvisningen gäller.",
    "Beskriv vem som ansvarar för vad.",
    "Beskriv stegen.",
    "Beskriv hur arbetet följs upp, till exempel i den årliga rapporteringen av risk- och "
    "lägesbilder.",
)
# Enough of each to recognise it when an editor has changed a word at the end.
_PREFIXES = tuple(text[:28] for text in TEXT)


def check_scaffold_texts(model: Model) -> Iterator[Problem]:
    for anvisning in (*model.anvisningar, *model.versioner):
        yield from _left_in(anvisning)


def _left_in(anvisning: Anvisning) -> Iterator[Problem]:
    code = "platshallare-utkast" if anvisning.status == UTKAST else "platshallare-anvisning"
    where = anvisning.kalla.plats
    values = {"status": anvisning.status}
    if anvisning.sammanfattning.startswith(SAMMANFATTNING[:28]):
        yield problem(
            code, anvisning.fil, where("sammanfattning"), falt="'sammanfattning'", **values
        )
    if anvisning.kontakt.funktion.startswith(KONTAKT[:24]):
        yield problem(code, anvisning.fil, where("kontakt"), falt="'kontakt'", **values)
    lines = [
        number
        for number, line in enumerate(anvisning.text.split("\n"))
        if line.strip().startswith(_PREFIXES)
    ]
    if lines:
        line = anvisning.text_rad + lines[0]
        yield problem(
            code,
            anvisning.fil,
            Position(line, 1),
            falt="texten",
            **values,
        )
