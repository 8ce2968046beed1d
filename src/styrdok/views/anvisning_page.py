"""The page of one anvisning: its head (title, notices, metadata), the editor's text
between markers, and its foot (its versions, the version history, backlinks).

The markers let the adapter take the rendered text back out for the JSON documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from styrdok.core.giltighet import Tillstand
from styrdok.core.model import Anvisning
from styrdok.select import Publication
from styrdok.views.blocks import fokus_links, galler_for_text, organ_namn, organ_ref
from styrdok.views.markdown import (
    anvisning_link,
    facts,
    giltighet_badge,
    iso,
    md,
    page_link,
    table,
    unsearched_admonition,
    unsearched_heading,
)
from styrdok.views.queries import replacement
from styrdok.views.versions import versioner_avsnitt

# Around the editor's text on an anvisning page, so the rendered text can be taken out
# for the JSON documents. HTML comments pass through Markdown untouched.
TEXT_START = "<!-- styrdok:text -->"
TEXT_END = "<!-- styrdok:slut -->"


def anvisning_sida(
    pub: Publication, anvisning: Anvisning, text: str, references: Sequence[tuple[str, str]]
) -> str:
    """The whole Markdown of an anvisning page: head, the editor's text, backlinks."""
    return (
        f"{anvisning_sidhuvud(pub, anvisning)}\n{TEXT_START}\n\n{text}\n\n{TEXT_END}\n"
        f"{anvisning_sidfot(pub, anvisning, references)}"
    )


def split_rendered(html: str) -> tuple[str, str, str]:
    """The rendered HTML of an anvisning page as (head, the editor's text, foot)."""
    start = html.find(TEXT_START)
    end = html.find(TEXT_END)
    if start < 0 or end < start:
        return html, "", ""
    return html[:start], html[start + len(TEXT_START) : end], html[end + len(TEXT_END) :]


def anvisning_sidhuvud(pub: Publication, anvisning: Anvisning) -> str:
    """Title, notices and the metadata block that open every anvisning page."""
    parts = [f"# {md(anvisning.titel)}", f"*{md(anvisning.sammanfattning)}*"]
    parts.extend(_notices(pub, anvisning))
    parts.append(anvisning_fakta(pub, anvisning, giltighet_badge(pub.giltighet(anvisning))))
    return "\n\n".join(parts) + "\n"


def anvisning_fakta(
    pub: Publication,
    anvisning: Anvisning,
    status: str,
    giltig_till: date | None = None,
    tidigare: bool = False,
) -> str:
    """The metadata block of the anvisning's page, or (`tidigare`) of the page of an
    earlier version of it, which leaves out what belongs to the anvisning as it is now
    (review date, last change, repeal, replacement)."""
    fran = anvisning.sida
    replaced_by = None if tidigare else pub.model.anvisning_ersatt_av(anvisning.id)
    now = not tidigare
    return facts(
        [
            ("Status", status),
            ("Version", str(anvisning.version)),
            ("Beslutad", beslut(pub, anvisning)),
            ("Giltig från", iso(anvisning.giltig_fran)),
            ("Giltig till och med", iso(giltig_till)),
            ("Revideras senast", iso(anvisning.revideras_senast) if now else None),
            ("Senast ändrad", iso(anvisning.senast_andrad) if now else None),
            ("Upphävd", iso(anvisning.upphavd_datum)),
            ("Ansvarig", organ_ref(pub, fran, anvisning.ansvarig)),
            ("Gäller för", galler_for_text(pub, fran, anvisning.galler_for)),
            ("Fokusområden", fokus_links(pub, fran, anvisning.fokusomraden) or None),
            ("Ersätter", _anvisning_links(pub, fran, anvisning.ersatter)),
            ("Ersatt av", _anvisning_links(pub, fran, (replaced_by,) if replaced_by else ())),
            ("Rättslig grund", lagar(pub, anvisning.rattslig_grund)),
            ("Diarienummer", md(anvisning.diarienummer) if anvisning.diarienummer else None),
            ("Kontakt", _kontakt(anvisning)),
        ]
    )


def anvisning_sidfot(
    pub: Publication, anvisning: Anvisning, references: Sequence[tuple[str, str]]
) -> str:
    """The versions, the version history, and backlinks: the pages whose text links to
    this anvisning."""
    parts = [versioner_avsnitt(pub, anvisning, anvisning.sida)]
    if anvisning.historik:
        rows = [
            (h.datum.isoformat(), str(h.version) if h.version else "–", md(h.andring))
            for h in reversed(anvisning.historik)
        ]
        parts.append("## Versionshistorik\n\n" + table(("Datum", "Version", "Ändring"), rows))
    if references:
        items = "\n".join(
            f"- {page_link(anvisning.sida, sida, titel)}" for sida, titel in references
        )
        # Left out of the search index: the titles of other pages, which search finds.
        heading = unsearched_heading("Hänvisningar hit")
        parts.append(f"{heading}\n\nDen här anvisningen nämns på:\n\n{items}")
    return "".join(f"\n\n{part}\n" for part in parts)


def _notices(pub: Publication, anvisning: Anvisning) -> list[str]:
    return [*innehall_notices(anvisning), *_validity_notices(pub, anvisning)]


def innehall_notices(anvisning: Anvisning) -> list[str]:
    """What the page holds: a skyddad anvisning's metadata only, or example content. Left
    out of the search index: the same words on every such page."""
    notices = []
    if anvisning.skyddad:
        notices.append(
            unsearched_admonition(
                "lock",
                "Skyddad",
                "Innehållet i anvisningen är skyddat och publiceras inte. Kontakta den "
                "ansvariga (se Kontakt nedan) om du behöver ta del av det.",
            )
        )
    if anvisning.exempelinnehall:
        notices.append(
            unsearched_admonition(
                "warning",
                "Exempelinnehåll",
                "Den här anvisningen är exempeltext som visar hur en anvisning kan se ut. "
                "Den är inte ett beslut av Stockholms stad och ska inte följas.",
            )
        )
    return notices


def _validity_notices(pub: Publication, anvisning: Anvisning) -> list[str]:
    """What the page's version is on the reference date, and which version applies if
    not this one: the text below must never be mistaken for the rule in force."""
    g = pub.giltighet(anvisning)
    dag = pub.dag.isoformat()
    applies = g.gallande
    older = applies is not None and applies.anvisning is not anvisning
    this_from = iso(anvisning.giltig_fran)
    if g.tillstand is Tillstand.UPPHAVD:
        newer = replacement(pub, anvisning)
        also = f" Den har ersatts av {anvisning_link(anvisning.sida, newer)}." if newer else ""
        when = f" sedan {anvisning.upphavd_datum.isoformat()}" if anvisning.upphavd_datum else ""
        return [f'!!! danger "Upphävd"\n    Anvisningen gäller inte längre{when}.{also}']
    if g.tillstand is Tillstand.KOMMANDE:
        return [
            '!!! info "Beslutad, gäller ännu inte"\n'
            f"    Anvisningen är beslutad men gäller först från {this_from}."
        ]
    if g.tillstand is Tillstand.UTKAST:
        return [
            '!!! note "Utkast"\n    Anvisningen är under arbete och har inte beslutats. Den gäller inte ännu.'
        ]
    notices = []
    if g.dold is not None:
        notices.append(
            f'!!! warning "Version {anvisning.version} gäller inte ännu"\n'
            f"    Den {dag} gäller version {g.dold}, som inte publiceras här."
        )
    elif older and applies is not None:
        link = page_link(anvisning.sida, applies.anvisning.sida, f"version {applies.version}")
        if anvisning.utkast:
            lead = f"Version {anvisning.version} nedan är ett utkast och har inte beslutats."
        else:
            lead = f"Version {anvisning.version} nedan är beslutad och gäller från {this_from}."
        notices.append(
            f'!!! warning "Version {anvisning.version} gäller inte ännu"\n'
            f"    {lead} Till dess gäller {link}."
        )
    elif g.tillstand is Tillstand.UNDER_REVIDERING:
        notices.append(
            '!!! info "Under revidering"\n'
            "    Anvisningen gäller, men ses över. Kontakta den ansvariga om du har synpunkter."
        )
    if g.upphor:
        notices.append(
            '!!! warning "Upphävs"\n'
            f"    Anvisningen är upphävd från och med {g.upphor.isoformat()} och gäller till dess."
        )
    return notices


def beslut(pub: Publication, anvisning: Anvisning) -> str | None:
    if not anvisning.beslutsdatum:
        return None
    by = organ_namn(pub, anvisning.beslutad_av)
    return (
        f"{anvisning.beslutsdatum.isoformat()} av {by}"
        if by
        else anvisning.beslutsdatum.isoformat()
    )


def _anvisning_links(pub: Publication, fran: str, ids: Iterable[str]) -> str | None:
    found = (pub.model.anvisning_med_id(i) for i in ids)
    return ", ".join(anvisning_link(fran, a) for a in found if a) or None


def lagar(pub: Publication, ids: Iterable[str]) -> str | None:
    found = (pub.model.forfattning_med_id(i) for i in ids)
    return "<br>".join(md(law.benamning) for law in found if law) or None


def _kontakt(anvisning: Anvisning) -> str:
    kontakt = anvisning.kontakt
    parts = [md(kontakt.funktion)]
    if kontakt.epost:
        parts.append(f"[{md(kontakt.epost)}](mailto:{kontakt.epost})")
    if kontakt.telefon:
        parts.append(md(kontakt.telefon))
    return ", ".join(parts)
