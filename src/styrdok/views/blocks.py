"""Blocks of Markdown several pages share: a generated page itself, an organ by id, whom
an anvisning applies to, links to fokusområden, and the standard table of anvisningar."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from styrdok.core import addresses
from styrdok.core.model import Anvisning, GallerFor
from styrdok.select import Publication
from styrdok.views.markdown import (
    anvisning_link,
    fokus_link,
    front_matter,
    giltighet_badge,
    href,
    iso,
    md,
    organ_link,
    table,
)
from styrdok.views.wording import SAMTLIGA, galler_for, versal

# Generated pages repeat what the sources say; a search hit should land on the source.
LISTING_BOOST = 0.5
# An upphävd anvisning is history: for the same words it ranks below the gällande ones and
# below the listings (which lead to what applies), above earlier versions (VERSION_BOOST).
REPEALED_BOOST = 0.4


@dataclass(frozen=True)
class GeneratedPage:
    sida: str  # path below docs/
    titel: str
    text: str


def generated_page(sida: str, titel: str, parts: Iterable[str]) -> GeneratedPage:
    """A page of the parts that are not empty, ranked below the sources in search."""
    text = front_matter(titel, LISTING_BOOST) + "\n\n".join(p for p in parts if p) + "\n"
    return GeneratedPage(sida, titel, text)


def organ_namn(pub: Publication, organ_id: str | None) -> str | None:
    """An organ's name as Markdown text, or its id when the model does not know it."""
    return md(pub.model.organ_namn(organ_id)) if organ_id else None


def organ_ref(pub: Publication, fran: str, organ_id: str | None) -> str | None:
    """An organ by id: a link to its page, or its id as text when the model does not know it."""
    if not organ_id:
        return None
    organ = pub.model.organ_med_id(organ_id)
    return organ_link(fran, organ) if organ else md(organ_id)


def galler_for_text(pub: Publication, fran: str, krets: GallerFor) -> str:
    """Whom an anvisning applies to, as the start of a sentence with links."""
    if krets.alla:
        return f"[{versal(SAMTLIGA)}]({href(fran, addresses.SAMTLIGA)})"
    organ = [organ_ref(pub, fran, o) or o for o in krets.organ]
    return versal(", ".join(galler_for(False, krets.organtyper, organ)))


def fokus_links(pub: Publication, fran: str, ids: Iterable[str]) -> str:
    found = (pub.model.fokusomrade_med_id(i) for i in ids)
    return ", ".join(fokus_link(fran, fokus) for fokus in found if fokus)


def anvisningar_rows(pub: Publication, fran: str, anvisningar: Iterable[Anvisning]) -> str:
    """The standard table: title, state on the reference date, owner and review date."""
    rows = [
        (
            anvisning_link(fran, a),
            giltighet_badge(pub.giltighet(a)),
            organ_ref(pub, fran, a.ansvarig) or "–",
            iso(a.revideras_senast) or "–",
        )
        for a in anvisningar
    ]
    if not rows:
        return "*Inga anvisningar.*"
    return table(("Anvisning", "Status", "Ansvarig", "Revideras senast"), rows)
