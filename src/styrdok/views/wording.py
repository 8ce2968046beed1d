"""Swedish words every view uses for the same thing: status names and whom an anvisning
applies to. One place, so a page, the CSV, the feed and the diff say it alike."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from styrdok.core.giltighet import Giltighet, Tillstand
from styrdok.core.model import ORGANTYPER

STATUS_NAMN = {
    "utkast": "Utkast",
    "gällande": "Gällande",
    "under revidering": "Under revidering",
    "upphävd": "Upphävd",
}
# An anvisning's state on the reference date (core.giltighet.Tillstand), as readers see it.
TILLSTAND_NAMN = {
    "utkast": "Utkast",
    "beslutad": "Beslutad, gäller ännu inte",
    "gällande": "Gällande",
    "under revidering": "Under revidering",
    "upphävd": "Upphävd",
}


def giltighet_detalj(g: Giltighet) -> str | None:
    """What the state alone does not say: from when a coming version applies, until when
    one in force applies."""
    if g.tillstand is Tillstand.KOMMANDE and g.kommande and g.kommande.fran:
        return f"gäller från {g.kommande.fran.isoformat()}"
    parts = []
    if g.i_kraft and g.kommande and g.kommande.fran:
        parts.append(f"version {g.kommande.version} gäller från {g.kommande.fran.isoformat()}")
    if g.i_kraft and g.upphor:
        parts.append(f"upphävs {g.upphor.isoformat()}")
    return ", ".join(parts) or None


# What happened to an anvisning (views.queries.Handelsetyp), as a feed category's label.
HANDELSE_NAMN = {
    "ny-anvisning": "Ny anvisning",
    "ny-version": "Ny version",
    "upphavd": "Upphävd",
    "upphavs": "Upphävs",
}


def handelse(typ: str, version: int, galler_fran: date | None, upphor: date | None) -> str:
    """An event as "Nytt och ändrat" and the feeds say it, in the tense of the reference
    date: a repeal that takes effect later "upphävs"."""
    if typ == "upphavd":
        return "Upphävd"
    if typ == "upphavs":
        return f"Upphävs från och med {upphor.isoformat()}" if upphor else "Upphävs"
    decided = "Ny anvisning beslutad" if typ == "ny-anvisning" else f"Version {version} beslutad"
    return f"{decided}, gäller från {galler_fran.isoformat()}" if galler_fran else decided


# A programme's state on the reference date (core.giltighet.Programtillstand).
PROGRAMTILLSTAND_NAMN = {
    "förslag": "Förslag",
    "kommande": "Antaget, perioden har inte börjat",
    "gällande": "Gäller",
    "perioden har löpt ut": "Perioden har löpt ut",
    "utgått": "Har utgått",
}

SAMTLIGA = "samtliga nämnder och bolagsstyrelser"

# A decided version whose period ended before it began (core.giltighet.Versionsperiod.tom):
# the same words on every page, in the command and in the browser (gallde.js).
GALLDE_ALDRIG = "gällde aldrig: den ersattes eller upphävdes innan den började gälla"

# Types with a single member are named as that organ, not as "all of them".
_ENDA = ("kommunstyrelse", "kommunfullmäktige")


def organtyp(typ: str) -> str:
    """The members of an organ type as a recipient: "alla stadsdelsnämnder", "Kommunstyrelsen"."""
    label = ORGANTYPER[typ]
    return label if typ in _ENDA else f"alla {label[0].lower()}{label[1:]}"


def galler_for(alla: bool, organtyper: Iterable[str], organ: Iterable[str]) -> list[str]:
    """Whom something applies to, as phrases: everyone, each type, then each named organ.

    `organ` is already in the caller's form (a name, or a Markdown link to the organ).
    """
    return [*([SAMTLIGA] if alla else []), *map(organtyp, organtyper), *organ]


def versal(text: str) -> str:
    """The text with its first letter in upper case, as a sentence or a cell starts."""
    return text[:1].upper() + text[1:]


def tal(value: float) -> str:
    """A number as Swedish text: decimal comma, a no-break space between thousands, at
    most one decimal ("12,5", "2 140")."""
    rounded = round(value, 1)
    whole = f"{abs(rounded):,.1f}".replace(",", "\u00a0").replace(".", ",").removesuffix(",0")
    return f"−{whole}" if rounded < 0 else whole


def med_enhet(value: float | None, enhet: str) -> str:
    """A value with its unit, "34 %" or "2 140", or a dash when there is none."""
    if value is None:
        return "–"
    return f"{tal(value)}\u00a0%" if enhet == "procent" else tal(value)


def andel(del_: int, av: int) -> str:
    """A share as a whole percentage, "93 %"."""
    return f"{round(100 * del_ / av) if av else 0}\u00a0%"


# The steps of the five-level risk scales, as schema/uppfoljning.schema.json names them.
SANNOLIKHET_STEG = {1: "Mycket låg", 2: "Låg", 3: "Medelhög", 4: "Hög", 5: "Mycket hög"}
KONSEKVENS_STEG = {
    1: "Mycket begränsade",
    2: "Begränsade",
    3: "Allvarliga",
    4: "Mycket allvarliga",
    5: "Katastrofala",
}
