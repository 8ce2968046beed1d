"""What the site says about the programme's validity on the reference date.

The start page has a box that always says it (`status_box`); every other page that
presents the programme gets a notice under its heading when the programme is not simply
in force: its period has ended, it has been replaced, it is a proposal or its period has
not begun (`notice`, added by the plugin to the pages of `programme_pages`). One wording
for both, so the start page and the programme's own pages cannot disagree.

The successors named in the data have no pages of their own, so they are named with
what is known of their decision and their own state, never linked to an address the data
does not give. Every text from the data goes through `md`.
"""

from __future__ import annotations

from dataclasses import dataclass

from styrdok.core import addresses
from styrdok.core.giltighet import Programtillstand, perioden_slut
from styrdok.core.model import Program
from styrdok.select import Publication
from styrdok.views.markdown import iso, md, unsearched_admonition


@dataclass(frozen=True)
class Lage:
    """The programme's state as one admonition: its kind, a fixed title and a text."""

    typ: str  # an admonition type: success, info, warning, danger
    rubrik: str  # never from the data: it is written between quotes
    text: str  # Markdown, every value from the data escaped

    def admonition(self) -> str:
        return f'!!! {self.typ} "{self.rubrik}"\n    {self.text}'

    def unsearched(self) -> str:
        """The admonition, left out of the search index (the notice the programme's
        pages repeat: the start page's box, which search finds, says the same)."""
        return unsearched_admonition(self.typ, self.rubrik, self.text)


# On the pages of a programme that no longer applies: the anvisningar are separate
# decisions, and a reader must not take the notice as repealing them.
ANVISNINGAR = "En anvisning gäller enligt sitt eget beslut; dess status står på anvisningens sida."


def _uppraknat(items: list[str]) -> str:
    """ "A", "A och B", "A, B och C"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} och {items[-1]}"


def _beslut(pub: Publication, program: Program) -> str:
    """What is known of a programme's decision: by whom and when."""
    when = iso(program.beslutsdatum) or program.beslutsmanad
    who = md(pub.model.organ_namn(program.beslutad_av)).lower()
    return f"beslutat av {who} {when}" if when else f"beslutat av {who}"


def _tillstand_text(pub: Publication, program: Program) -> str:
    """The state of a programme on the reference date, as a clause."""
    state = pub.programtillstand(program)
    return {
        Programtillstand.FORSLAG: "ännu inte antaget",
        Programtillstand.KOMMANDE: f"gäller från {program.period_fran}",
        Programtillstand.GALLANDE: "gäller",
        Programtillstand.PERIOD_SLUT: f"programperioden {program.period} har löpt ut",
        Programtillstand.UTGATT: "har också utgått",
    }[state]


def efterfoljare(pub: Publication, program: Program) -> list[str]:
    """Each programme that replaced `program`: its title, its decision and its state."""
    described = []
    for successor_id in pub.model.program_ersatt_av(program.id):
        successor = pub.model.program_med_id(successor_id)
        if successor is not None:
            described.append(
                f"{md(successor.titel)} ({_beslut(pub, successor)}; "
                f"{_tillstand_text(pub, successor)})"
            )
    return described


def lage(pub: Publication, program: Program) -> Lage:
    """What the site says about `program` on the reference date."""
    name = md(program.titel)
    state = pub.programtillstand(program)
    if state is Programtillstand.GALLANDE:
        return Lage(
            "success", "Programmet gäller", f"{name} gäller under programperioden {program.period}."
        )
    if state is Programtillstand.FORSLAG:
        return Lage(
            "info", "Programmet är ännu inte antaget", f"{name} är ett förslag och gäller inte."
        )
    if state is Programtillstand.KOMMANDE:
        return Lage(
            "info",
            f"Programmet gäller från {program.period_fran}",
            f"{name} är antaget. Programperioden {program.period} har inte börjat.",
        )
    if state is Programtillstand.PERIOD_SLUT:
        return Lage(
            "warning",
            "Programperioden har löpt ut",
            f"Programperioden {program.period} för {name} har löpt ut. Uppgifterna här anger "
            "inte att programmet har förlängts eller ersatts. Programmets innehåll visas som "
            f"det beslutades. {ANVISNINGAR}",
        )
    ended = perioden_slut(program, pub.dag)
    first = (
        f"Programperioden {program.period} har löpt ut och {name} gäller inte längre."
        if ended
        else f"{name} gäller inte längre."
    )
    successors = efterfoljare(pub, program)
    replaced = f" Det har ersatts av {_uppraknat(successors)}." if successors else ""
    return Lage(
        "danger",
        "Programmet har ersatts" if successors else "Programmet gäller inte längre",
        f"{first}{replaced} Programmets innehåll visas som det beslutades, som underlag för "
        f"vad som gällde under programperioden. {ANVISNINGAR}",
    )


def status_box(pub: Publication) -> str:
    """The start page's box: the programme's state, also when it is in force."""
    if pub.program is None:
        return '!!! danger "Inget program"\n    Källan innehåller inget program.'
    return lage(pub, pub.program).admonition()


def notice(pub: Publication) -> str | None:
    """The notice for the pages that present the programme, or None while it is simply
    in force (or there is none: then nothing presents it)."""
    if pub.program is None or pub.programtillstand(pub.program).gallande:
        return None
    return lage(pub, pub.program).unsearched()


# The hand-written pages that present the programme itself. Not the start page (it has
# the box), not begrepp.md (it explains words, it does not present the programme) and
# not the anvisningar (each applies on its own decision and shows its own state). In the
# order of mkdocs.yml's nav under "Programmet", which Hela programmet follows (a test
# holds it to the nav).
PROGRAMSIDOR = (
    "bakgrund-och-syfte.md",
    addresses.MALOMRADEN,
    addresses.FOKUSOMRADEN,
    "roller-och-ansvar.md",
    addresses.UPPFOLJNING,
    "krishantering.md",
    "jamstalldhet.md",
    "beslutet.md",
)


def programme_pages(pub: Publication) -> frozenset[str]:
    """Every page (below docs/) that presents the programme: the hand-written ones that
    exist in this publication, the pages of its målområden and fokusområden, and the
    organ pages that list tasks the programme gives the organ."""
    pages = {s.sida for s in pub.model.sidor if s.sida in PROGRAMSIDOR}
    pages |= {addresses.malomrade(m.id) for m in pub.malomraden}
    pages |= {addresses.fokusomrade(f.id) for f in pub.fokusomraden}
    if pub.program is not None:
        pages |= {addresses.organ(o.id) for o in pub.organ if pub.program.uppgifter_for(o)}
    return frozenset(pages)


def with_notice(markdown: str, text: str) -> str:
    """`markdown` with `text` as a block under its first heading (a page's title), or
    at the top when it does not begin with one."""
    lines = markdown.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    after = first
    if lines[first].startswith("# "):
        after = first + 1
    elif first + 1 < len(lines) and set(lines[first + 1].strip()) == {"="}:
        after = first + 2  # a title underlined with ===
    return "\n".join([*lines[:after], "", text, "", *lines[after:]])
