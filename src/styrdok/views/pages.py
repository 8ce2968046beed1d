"""Markdown views of the publication: the head and foot of each anvisning page, and the
macro fragments that hand-written pages embed.

Pure functions of the publication and the page they are shown on (`fran`, a path below
docs/), so links are relative and MkDocs checks every one of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from styrdok.core import addresses
from styrdok.core.model import ORGANTYPER, Anvisning, Fokusomrade, GallerFor, Program
from styrdok.select import Publication
from styrdok.views.markdown import (
    PROGRAM_STATUS_NAMN,
    anvisning_link,
    facts,
    iso,
    link,
    md,
    status_badge,
    table,
)


def organ_namn(pub: Publication, organ_id: str | None) -> str | None:
    if not organ_id:
        return None
    organ = pub.model.organ_med_id(organ_id)
    return md(organ.namn) if organ else md(organ_id)


def organ_link(pub: Publication, fran: str, organ_id: str | None) -> str | None:
    if not organ_id:
        return None
    organ = pub.model.organ_med_id(organ_id)
    if organ is None:
        return md(organ_id)
    return f"[{md(organ.namn)}]({link(fran, addresses.organ(organ.id))})"


def galler_for_text(pub: Publication, fran: str, galler_for: GallerFor) -> str:
    if galler_for.alla:
        return f"[Samtliga nämnder och bolagsstyrelser]({link(fran, addresses.SAMTLIGA)})"
    parts = [ORGANTYPER[typ] for typ in galler_for.organtyper]
    parts = [f"alla {p[0].lower()}{p[1:]}" for p in parts]
    parts += [organ_link(pub, fran, organ_id) or organ_id for organ_id in galler_for.organ]
    text = ", ".join(parts)
    return text[0].upper() + text[1:]


def fokus_links(pub: Publication, fran: str, ids: Iterable[str]) -> str:
    links = []
    for fokus_id in ids:
        fokus = pub.model.fokusomrade_med_id(fokus_id)
        if fokus:
            links.append(f"[{md(fokus.namn)}]({link(fran, addresses.fokusomrade(fokus.id))})")
    return ", ".join(links)


def anvisningar_rows(pub: Publication, fran: str, anvisningar: Iterable[Anvisning]) -> str:
    """The standard table: title, status, owner and review date."""
    rows = [
        (
            anvisning_link(fran, a),
            status_badge(a.status),
            organ_link(pub, fran, a.ansvarig) or "–",
            iso(a.revideras_senast) or "–",
        )
        for a in anvisningar
    ]
    if not rows:
        return "*Inga anvisningar.*"
    return table(("Anvisning", "Status", "Ansvarig", "Revideras senast"), rows)


# The head and foot of an anvisning page ----------------------------------------------


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
    fran = anvisning.sida
    parts = [f"# {md(anvisning.titel)}", f"*{md(anvisning.sammanfattning)}*"]
    parts.extend(_notices(pub, anvisning))
    replaced_by = pub.model.anvisning_ersatt_av(anvisning.id)
    parts.append(
        facts(
            [
                ("Status", status_badge(anvisning.status)),
                ("Version", str(anvisning.version)),
                ("Beslutad", _beslut(pub, anvisning)),
                ("Giltig från", iso(anvisning.giltig_fran)),
                ("Revideras senast", iso(anvisning.revideras_senast)),
                ("Senast ändrad", iso(anvisning.senast_andrad)),
                ("Upphävd", iso(anvisning.upphavd_datum)),
                ("Ansvarig", organ_link(pub, fran, anvisning.ansvarig)),
                ("Gäller för", galler_for_text(pub, fran, anvisning.galler_for)),
                ("Fokusområden", fokus_links(pub, fran, anvisning.fokusomraden) or None),
                ("Ersätter", _anvisning_links(pub, fran, anvisning.ersatter)),
                ("Ersatt av", _anvisning_links(pub, fran, (replaced_by,) if replaced_by else ())),
                ("Rättslig grund", _lagar(pub, anvisning.rattslig_grund)),
                ("Diarienummer", md(anvisning.diarienummer) if anvisning.diarienummer else None),
                ("Kontakt", _kontakt(anvisning)),
            ]
        )
    )
    return "\n\n".join(parts) + "\n"


def anvisning_sidfot(
    pub: Publication, anvisning: Anvisning, references: Sequence[tuple[str, str]]
) -> str:
    """The version history, and backlinks: the pages whose text links to this anvisning."""
    parts = []
    if anvisning.historik:
        rows = [
            (h.datum.isoformat(), str(h.version) if h.version else "–", md(h.andring))
            for h in reversed(anvisning.historik)
        ]
        parts.append("## Versionshistorik\n\n" + table(("Datum", "Version", "Ändring"), rows))
    if references:
        items = "\n".join(
            f"- [{md(titel)}]({link(anvisning.sida, sida)})" for sida, titel in references
        )
        parts.append(f"## Hänvisningar hit\n\nDen här anvisningen nämns på:\n\n{items}")
    return "".join(f"\n\n{part}\n" for part in parts)


def _notices(pub: Publication, anvisning: Anvisning) -> list[str]:
    notices = []
    if anvisning.skyddad:
        notices.append(
            '!!! lock "Skyddad"\n'
            "    Innehållet i anvisningen är skyddat och publiceras inte. Kontakta den ansvariga "
            "(se Kontakt nedan) om du behöver ta del av det."
        )
    if anvisning.exempelinnehall:
        notices.append(
            '!!! warning "Exempelinnehåll"\n'
            "    Den här anvisningen är exempeltext som visar hur en anvisning kan se ut. "
            "Den är inte ett beslut av Stockholms stad och ska inte följas."
        )
    if anvisning.status == "utkast":
        notices.append(
            '!!! note "Utkast"\n    Anvisningen är under arbete och har inte beslutats. Den gäller inte ännu.'
        )
    elif anvisning.status == "under revidering":
        notices.append(
            '!!! info "Under revidering"\n'
            "    Anvisningen gäller, men ses över. Kontakta den ansvariga om du har synpunkter."
        )
    elif anvisning.status == "upphävd":
        newer = pub.model.anvisning_ersatt_av(anvisning.id)
        also = ""
        if newer and (replacement := pub.model.anvisning_med_id(newer)):
            also = f" Den har ersatts av {anvisning_link(anvisning.sida, replacement)}."
        notices.append(f'!!! danger "Upphävd"\n    Anvisningen gäller inte längre.{also}')
    return notices


def _beslut(pub: Publication, anvisning: Anvisning) -> str | None:
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


def _lagar(pub: Publication, ids: Iterable[str]) -> str | None:
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


# Macro fragments for hand-written pages ----------------------------------------------


def program_status(pub: Publication) -> str:
    program = pub.program
    if program is None:
        return '!!! danger "Inget program"\n    Källan innehåller inget program.'
    if program.i_kraft:
        return (
            f'!!! success "Programmet gäller"\n'
            f"    {md(program.titel)} är stadens gällande trygghets- och säkerhetsprogram."
        )
    newer = pub.model.program_ersatt_av(program.id)
    replacement = pub.model.program_med_id(newer) if newer else None
    tail = f" Det har ersatts av {md(replacement.titel)}." if replacement else ""
    label = "är ännu inte antaget" if program.status == "förslag" else "gäller inte längre"
    return f'!!! danger "Programmet {label}"\n    {md(program.titel)} {label}.{tail}'


def program_fakta(pub: Publication) -> str:
    program = pub.program
    if program is None:
        return program_status(pub)
    return facts(
        [
            ("Titel", md(program.titel)),
            ("Period", program.period),
            ("Status", status_badge(program.status, PROGRAM_STATUS_NAMN)),
            ("Beslutat av", organ_namn(pub, program.beslutad_av)),
            ("Beslutsdatum", iso(program.beslutsdatum) or program.beslutsmanad),
            ("På förslag av", organ_namn(pub, program.forslag_av)),
            ("Beredd av", organ_namn(pub, program.beredd_av)),
            ("Diarienummer", md(program.diarienummer) if program.diarienummer else None),
            ("Utgångspunkt", md(program.utgangspunkt) if program.utgangspunkt else None),
            ("Ersätter", _replaced_programmes(pub, program)),
            ("Ersatt av", _programme_name(pub, pub.model.program_ersatt_av(program.id))),
        ]
    )


def _programme_name(pub: Publication, program_id: str | None) -> str | None:
    other = pub.model.program_med_id(program_id) if program_id else None
    return md(other.titel) if other else None


def _replaced_programmes(pub: Publication, program: Program) -> str | None:
    lines = []
    for old_id in program.ersatter:
        old = pub.model.program_med_id(old_id)
        if old is None:
            continue
        dnr = f" (dnr {md(old.diarienummer)})" if old.diarienummer else ""
        status = ", som har utgått som styrdokument" if old.status == "utgått" else ""
        lines.append(f"{md(old.titel)}{dnr}{status}")
    return "<br>".join(lines) or None


def malomraden_lista(pub: Publication, fran: str) -> str:
    sections = []
    for malomrade in pub.malomraden:
        core = "\n\n**Kärnan i programmet.**" if malomrade.karna else ""
        bearing = [f for f in pub.fokusomraden if malomrade.id in f.malomraden]
        links = fokus_links(pub, fran, (f.id for f in bearing))
        page = link(fran, addresses.malomrade(malomrade.id))
        sections.append(
            f"## {md(malomrade.namn)} {{#{malomrade.id}}}\n\n{md(malomrade.beskrivning)}{core}"
            + (f"\n\nFokusområden med bäring på målområdet: {links}" if links else "")
            + f"\n\n[Mer om {md(malomrade.namn).lower()}]({page})"
        )
    return "\n\n".join(sections) or "*Programmet har inga målområden i källan.*"


def fokusomraden_lista(pub: Publication, fran: str) -> str:
    sections = []
    if pub.program and pub.program.kommunikation:
        sections.append(
            f'!!! info "Kommunikation i alla fokusområden"\n    {md(pub.program.kommunikation)}'
        )
    for fokus in pub.fokusomraden:
        sections.append(_fokusomrade(pub, fran, fokus))
    return "\n\n".join(sections)


def _fokusomrade(pub: Publication, fran: str, fokus: Fokusomrade) -> str:
    malomraden = [pub.model.malomrade_med_id(m) for m in fokus.malomraden]
    links = ", ".join(
        f"[{md(m.namn)}]({link(fran, addresses.malomrade(m.id))})" for m in malomraden if m
    )
    count = sum(1 for a in pub.anvisningar if fokus.id in a.fokusomraden and a.status != "upphävd")
    page = link(fran, addresses.fokusomrade(fokus.id))
    return (
        f"## {md(fokus.namn)} {{#{fokus.id}}}\n\n{md(fokus.beskrivning)}\n\n"
        f"Har bäring på målområdena: {links}\n\n"
        f"[Målsättningar och {count} anvisningar för {md(fokus.namn).lower()}]({page})"
    )


def anvisningar_tabell(
    pub: Publication, fran: str, fokusomrade: str | None = None, upphavda: bool = False
) -> str:
    """The anvisningar, optionally of one fokusområde; repealed ones only when asked for."""
    if fokusomrade is not None and pub.model.fokusomrade_med_id(fokusomrade) is None:
        raise ValueError(f"anvisningar_tabell: okänt fokusområde '{fokusomrade}'")
    rows = [
        a
        for a in pub.anvisningar
        if (fokusomrade is None or fokusomrade in a.fokusomraden)
        and ((a.status == "upphävd") == upphavda)
    ]
    return anvisningar_rows(pub, fran, rows)


FORTECKNING_KOLUMNER = "text fokus status ansvarig datum datum"


def forteckning(pub: Publication, fran: str) -> str:
    """The register of all anvisningar in force or in preparation, as one plain table that
    forteckning.js makes sortable and filterable; repealed ones have their own page."""
    rows = [
        (
            anvisning_link(fran, a),
            fokus_links(pub, fran, a.fokusomraden) or "–",
            status_badge(a.status),
            organ_namn(pub, a.ansvarig) or "–",
            iso(a.beslutsdatum) or "–",
            iso(a.revideras_senast) or "–",
        )
        for a in pub.anvisningar
        if a.status != "upphävd"
    ]
    header = ("Anvisning", "Fokusområden", "Status", "Ansvarig", "Beslutad", "Revideras senast")
    body = table(header, rows) if rows else "*Inga anvisningar.*"
    csv_link = link(fran, addresses.FORTECKNING_CSV)
    return (
        f'<div class="sd-forteckning" data-kolumner="{FORTECKNING_KOLUMNER}" markdown>\n\n'
        f"{body}\n\n</div>\n\n"
        f"[Ladda ner förteckningen som CSV-fil (för Excel)]({csv_link}){{ download='forteckning.csv' }}"
    )


def organ_lista(pub: Publication, fran: str, typ: str) -> str:
    if typ not in ORGANTYPER:
        raise ValueError(f"organ_lista: okänd organtyp '{typ}'; välj en av {', '.join(ORGANTYPER)}")
    items = []
    for organ in pub.organ:
        if organ.typ == typ:
            office = f" ({md(organ.forvaltning)})" if organ.forvaltning else ""
            items.append(f"- [{md(organ.namn)}]({link(fran, addresses.organ(organ.id))}){office}")
    return "\n".join(items) or "*Inga organ av den typen.*"


def program_ansvar(pub: Publication, vem: str) -> str:
    """The programme's tasks for an organ type (e.g. stadsdelsnämnd) or one organ id."""
    program = pub.program
    if vem not in ORGANTYPER and pub.model.organ_med_id(vem) is None:
        raise ValueError(f"program_ansvar: '{vem}' är varken en organtyp eller ett organ-id")
    tasks = [
        task
        for ansvar in (program.ansvar if program else ())
        if vem in ansvar.organtyper or vem in ansvar.organ
        for task in ansvar.uppgifter
    ]
    return "\n".join(f"- {md(task)}" for task in tasks) or "*Programmet anger inga uppgifter.*"
