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

The texts are taken only while at most MAX_TEXTER anvisningar are in force. Above that
the document lists them instead, each with its title (linking to its page) and its
basic facts, and says why: WeasyPrint lays out an anvisning's text in about a tenth of a
second, so 2,000 of them took longer than the whole rest of the build, for a page of
many megabytes and a PDF of thousands of pages nobody prints; a list of titles costs a
few milliseconds each.
"""

from __future__ import annotations

from dataclasses import dataclass

from styrdok.core import addresses
from styrdok.core.model import Anvisning
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
# The most anvisningar in force whose texts the document holds (the real programme has
# 18; at 100 the PDF takes about 12 s of CPU, at 2,000 it would take minutes).
MAX_TEXTER = 100


@dataclass(frozen=True)
class Del:
    """One part of the document: a page of the site (below docs/) and whether only its
    head (title, notices, metadata) and the editor's text are taken, without its foot."""

    sida: str
    anvisning: bool


@dataclass(frozen=True)
class Rad:
    """An anvisning listed without its text: the page of its version in force, its title
    and its basic facts as plain text."""

    sida: str
    titel: str
    uppgifter: str


@dataclass(frozen=True)
class Innehall:
    program: tuple[Del, ...]
    # Every anvisning in force whose version in force this audience may read.
    anvisningar: tuple[Del, ...]
    # In force, but the version in force is not published for this audience: (sida, titel).
    utan_text: tuple[tuple[str, str], ...]
    # Above MAX_TEXTER: the anvisningar as a list, in the same order; their texts are not
    # held. Empty while the texts are.
    lista: tuple[Rad, ...] = ()
    max_texter: int = MAX_TEXTER

    @property
    def med_texter(self) -> bool:
        return not self.lista

    @property
    def delar(self) -> tuple[Del, ...]:
        """The pages whose rendered content the document takes."""
        return (*self.program, *self.anvisningar) if self.med_texter else self.program


def innehall(pub: Publication, max_texter: int = MAX_TEXTER) -> Innehall:
    """What "Hela programmet" holds for the publication's audience, in order."""
    program = tuple(Del(s, False) for s in PROGRAMSIDOR if pub.sida(s) is not None)
    delar: list[Del] = []
    rader: list[Rad] = []
    utan_text: list[tuple[str, str]] = []
    for anvisning in sorted(pub.anvisningar, key=lambda a: (svensk(a.titel), a.id)):
        g = pub.giltighet(anvisning)
        if not g.i_kraft:
            continue
        if g.gallande is None:
            utan_text.append((anvisning.sida, anvisning.titel))
            continue
        shown = g.gallande.anvisning
        delar.append(Del(shown.sida, True))
        rader.append(Rad(shown.sida, shown.titel, uppgifter(pub, shown)))
    lista = tuple(rader) if len(delar) > max_texter else ()
    return Innehall(program, tuple(delar), tuple(utan_text), lista, max_texter)


def uppgifter(pub: Publication, shown: Anvisning) -> str:
    """The facts a listed anvisning is shown with: from when the version in force
    applies, and who is responsible for it."""
    facts = []
    if shown.giltig_fran is not None:
        facts.append(f"Giltig från {shown.giltig_fran.isoformat()}")
    facts.append(f"Ansvarig: {pub.model.organ_namn(shown.ansvarig)}")
    return " · ".join(facts)


def om_listan(held: Innehall) -> str:
    """Why the document lists the anvisningar rather than holding their texts, and where
    to read them (plain text; the adapter escapes it and links the förteckning after it)."""
    return (
        f"Det gäller {len(held.lista)} anvisningar. Hela programmet återger anvisningarnas "
        f"texter bara när högst {held.max_texter} gäller, så att sidan och PDF:en går att "
        "öppna, skriva ut och läsa med skärmläsare. Här listas därför varje gällande "
        "anvisning med titel och några uppgifter. Titeln länkar till anvisningens sida "
        "med hela texten."
    )


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
