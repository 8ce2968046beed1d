"""Where each page lives below docs/: one place, so every view links the same way and
ids that would collide with a fixed page can be refused (`kinds` reserves their names)."""

from __future__ import annotations

FORTECKNING = "anvisningar/index.md"
FORTECKNING_CSV = "anvisningar/forteckning.csv"
# The Atom feeds are all at the root: Material fetches sitemap.xml beside the address of
# every <link rel="alternate"> a page has, so a feed in organ/ would make each organ page
# ask for organ/sitemap.xml, which does not exist. Their names cannot clash with a page
# (page file names have no dot) and each kind has a prefix of its own.
ANDRINGAR_ATOM = "andringar.xml"  # the newest decisions, to subscribe to
ANDRINGAR_ALLA_ATOM = "andringar-alla.xml"  # every decision (RFC 5005 complete feed)
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
# The programme and every anvisning in force in one document for printing, and its PDF.
HELA_PROGRAMMET = "hela-programmet.md"
HELA_PROGRAMMET_PDF = "hela-programmet.pdf"
# The consumer guide to the API (hand-written): an installation may leave it out.
API_GUIDE = "api.md"
# The accessibility statement, linked from every page's footer (overrides/partials/copyright.html).
TILLGANGLIGHET = "tillganglighet.md"


def fokusomrade(id: str) -> str:
    return f"fokusomraden/{id}.md"


def malomrade(id: str) -> str:
    return f"malomraden/{id}.md"


def organ(id: str) -> str:
    return f"organ/{id}.md"


def andringar_organ(id: str) -> str:
    """The feed of the decisions that apply to an organ."""
    return f"andringar-organ-{id}.xml"


def andringar_fokusomrade(id: str) -> str:
    """The feed of the decisions about the anvisningar of a fokusområde."""
    return f"andringar-fokusomrade-{id}.xml"


def uppfoljningsar(ar: int) -> str:
    return f"uppfoljning/{ar}.md"


def diagram(indikator: str) -> str:
    return f"uppfoljning/diagram/{indikator}.svg"


def andringar(id: str, version: int) -> str:
    """The page of what changed in version `version` of an anvisning from the version
    before it. Below the version's own address, which stays the same when the version
    is later kept as an earlier one, so the link never changes."""
    return f"anvisningar/{id}/version-{version}/andringar.md"
