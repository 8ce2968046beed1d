""" "Hela programmet": the programme text and every anvisning in force, in one document
for printing, and as a PDF. This module decides what it holds and in which order; the
adapter (adapters/sammanstallning.py) assembles it from the pages as rendered and
sanitised for the site, so the document says exactly what the site says.

What it holds, for the audience of the publication:
- the programme text: the hand-written pages that present the programme
  (program_notice.PROGRAMSIDOR) that this publication has, in the order of mkdocs.yml's
  nav under "Programmet" (held to the nav by a test);
- every anvisning in force on the reference date, sorted by title as the förteckning
  reads (Swedish order, then id): the text of the version that applies that day (an
  earlier version's page when the newest is not yet in force). A skyddad anvisning is
  shown as the site shows it, metadata only. One whose version in force the audience may
  not read is listed at the end, by title, without text.
"""

from __future__ import annotations

from dataclasses import dataclass

from styrdok.core import addresses
from styrdok.core.sortering import svensk
from styrdok.select import Publication
from styrdok.views.blocks import LISTING_BOOST, GeneratedPage
from styrdok.views.markdown import front_matter
from styrdok.views.program_notice import PROGRAMSIDOR

TITEL = "Hela programmet"
# The page's headings over the anvisningar, which its JSON twin's lists repeat.
GALLANDE = "Gällande anvisningar"
UTAN_TEXT = "Gällande anvisningar som inte återges här"
PDF_LANK_TEXT = "Ladda ner som PDF"


@dataclass(frozen=True)
class Del:
    """One part of the document: a page of the site (below docs/) and whether only its
    head (title, notices, metadata) and the editor's text are taken, without its foot."""

    sida: str
    anvisning: bool


@dataclass(frozen=True)
class Innehall:
    program: tuple[Del, ...]
    anvisningar: tuple[Del, ...]
    # In force, but the version in force is not published for this audience: (sida, titel).
    utan_text: tuple[tuple[str, str], ...]

    @property
    def delar(self) -> tuple[Del, ...]:
        return (*self.program, *self.anvisningar)


def innehall(pub: Publication) -> Innehall:
    """What "Hela programmet" holds for the publication's audience, in order."""
    program = tuple(Del(s, False) for s in PROGRAMSIDOR if pub.sida(s) is not None)
    delar: list[Del] = []
    utan_text: list[tuple[str, str]] = []
    for anvisning in sorted(pub.anvisningar, key=lambda a: (svensk(a.titel), a.id)):
        g = pub.giltighet(anvisning)
        if not g.i_kraft:
            continue
        if g.gallande is None:
            utan_text.append((anvisning.sida, anvisning.titel))
            continue
        delar.append(Del(g.gallande.anvisning.sida, True))
    return Innehall(program, tuple(delar), tuple(utan_text))


def sida(pub: Publication) -> GeneratedPage:
    """The generated page's Markdown: its title and a line on what it holds. The
    document itself is filled in by the plugin once every page is rendered."""
    text = (
        f"# {TITEL}\n\n"
        f"Programmet och alla anvisningar som gäller den {pub.dag.isoformat()} "
        f"({pub.malgrupp_namn.lower()}), samlade på en sida för utskrift.\n"
    )
    return GeneratedPage(
        addresses.HELA_PROGRAMMET, TITEL, front_matter(TITEL, LISTING_BOOST) + text
    )
