"""Projects whose source quotes what an audience must not see, in ways no single broken
file can (a skyddad anvisning and an öppen text that quotes it). Shared by the check's
tests (tools/test_leak_check.py) and the proof that check and build agree."""

from __future__ import annotations

from pathlib import Path

from helpers.invalid import ANVISNING

BROMMA = "docs/anvisningar/trygghet-i-bromma.md"
SKYDDAT_DIARIENUMMER = "KS 2024/555"
SKYDDAD_TEXT = "Larmet går först till vakthavande tjänsteman vid stadens säkerhetscentral i Bromma."


def skyddad_quoted_in_history(project: Path) -> int:
    """Bromma made skyddad with a case number and a text of its own; the öppen
    krisledning's history quotes both. Returns the line of the quote."""
    bromma = project / BROMMA
    text = bromma.read_text(encoding="utf-8").replace("atkomst: intern", "atkomst: skyddad")
    text = text.replace("\n---\n", f"\ndiarienummer: {SKYDDAT_DIARIENUMMER}\n---\n", 1)
    bromma.write_text(text + f"\n{SKYDDAD_TEXT}\n", encoding="utf-8")
    anvisning = project / ANVISNING
    entry = (
        "historik:\n  - datum: 2019-05-02\n    version: 2\n"
        f"    andring: Enligt {SKYDDAT_DIARIENUMMER}. {SKYDDAD_TEXT}\n"
    )
    text = anvisning.read_text(encoding="utf-8").replace("version: 2\n", f"version: 2\n{entry}", 1)
    anvisning.write_text(text, encoding="utf-8")
    return (
        text.splitlines().index(f"    andring: Enligt {SKYDDAT_DIARIENUMMER}. {SKYDDAD_TEXT}") + 1
    )
