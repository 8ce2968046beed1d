"""Where each page lives below docs/: one place, so every view links the same way and
ids that would collide with a fixed page can be refused (`kinds` reserves their names)."""

from __future__ import annotations

FORTECKNING = "anvisningar/index.md"
FORTECKNING_CSV = "anvisningar/forteckning.csv"
ANDRINGAR_ATOM = (
    "andringar.xml"  # at the root: Material fetches sitemap.xml beside every rel=alternate link
)
NYTT_OCH_ANDRAT = "anvisningar/nytt-och-andrat.md"
SKA_REVIDERAS = "anvisningar/ska-revideras.md"
UPPHAVDA = "anvisningar/upphavda.md"
# "Vad gällde den …?": what was in force on a day the reader picks.
VAD_GALLDE = "anvisningar/vad-gallde.md"
FOKUSOMRADEN = "fokusomraden/index.md"
MALOMRADEN = "malomraden/index.md"
ORGAN = "organ/index.md"
SAMTLIGA = "organ/samtliga.md"
# The follow-up: docs/uppfoljning.md is the programme's text about it; these are made.
UPPFOLJNING = "uppfoljning.md"
UPPFOLJNING_OVERSIKT = "uppfoljning/oversikt.md"
RAPPORTERING_CSV = "uppfoljning/rapportering.csv"
RISKER_CSV = "uppfoljning/risker.csv"
INDIKATORER_CSV = "uppfoljning/indikatorer.csv"


def fokusomrade(id: str) -> str:
    return f"fokusomraden/{id}.md"


def malomrade(id: str) -> str:
    return f"malomraden/{id}.md"


def organ(id: str) -> str:
    return f"organ/{id}.md"


def uppfoljningsar(ar: int) -> str:
    return f"uppfoljning/{ar}.md"


def diagram(indikator: str) -> str:
    return f"uppfoljning/diagram/{indikator}.svg"
