"""Markdown views of the publication: the head of each anvisning page and the macro
fragments that hand-written pages embed.

Pure functions of the publication and the page they are shown on (`fran`, a path below
docs/), so links are relative and MkDocs can check every one of them.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable

from .model import ORGANTYPER, Anvisning, Fokusomrade, GallerFor, Program
from .select import Publication

STATUS_NAMN = {
    "utkast": "Utkast",
    "gällande": "Gällande",
    "under revidering": "Under revidering",
    "upphävd": "Upphävd",
}
PROGRAM_STATUS_NAMN = {"förslag": "Förslag", "gällande": "Gäller", "utgått": "Har utgått"}

FOKUSOMRADEN_SIDA = "fokusomraden.md"
MALOMRADEN_SIDA = "malomraden.md"

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|#])")


def md(text: str) -> str:
    """Text from the data, safe to put inside Markdown (and inside a table cell)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def link(fran: str, till: str, anchor: str | None = None) -> str:
    """A relative Markdown link target from page `fran` to page `till` (both below docs/)."""
    target = posixpath.relpath(till, posixpath.dirname(fran) or ".")
    return f"{target}#{anchor}" if anchor else target


def status_badge(status: str, names: dict[str, str] = STATUS_NAMN) -> str:
    slug = status.replace("ä", "a").replace("å", "a").replace("ö", "o").replace(" ", "-")
    return f'<span class="sd-status sd-status--{slug}">{names.get(status, status)}</span>'


def _facts(rows: Iterable[tuple[str, str | None]]) -> str:
    """A definition list of label and value, skipping empty values."""
    items = [f"{label}\n:   {value}" for label, value in rows if value]
    return '<div class="sd-fakta" markdown>\n\n' + "\n\n".join(items) + "\n\n</div>"


def organ_namn(pub: Publication, organ_id: str | None) -> str | None:
    if not organ_id:
        return None
    organ = pub.model.organ_med_id(organ_id)
    return md(organ.namn) if organ else md(organ_id)


def galler_for_text(pub: Publication, galler_for: GallerFor) -> str:
    if galler_for.alla:
        return "Samtliga nämnder och bolagsstyrelser"
    parts = [ORGANTYPER[typ] for typ in galler_for.organtyper]
    parts = [f"alla {p[0].lower()}{p[1:]}" for p in parts]
    parts += [organ_namn(pub, organ_id) or organ_id for organ_id in galler_for.organ]
    text = ", ".join(parts)
    return text[0].upper() + text[1:]


# The head of an anvisning page ------------------------------------------------------


def anvisning_sidhuvud(pub: Publication, anvisning: Anvisning) -> str:
    """Title, notices and the metadata block that open every anvisning page."""
    fran = anvisning.sida
    parts = [f"# {md(anvisning.titel)}", f"*{md(anvisning.sammanfattning)}*"]
    parts.extend(_notices(pub, anvisning))
    model = pub.model
    replaced_by = model.anvisning_ersatt_av(anvisning.id)
    parts.append(
        _facts(
            [
                ("Status", status_badge(anvisning.status)),
                ("Version", str(anvisning.version)),
                ("Beslutad", _beslut(pub, anvisning)),
                ("Giltig från", _iso(anvisning.giltig_fran)),
                ("Revideras senast", _iso(anvisning.revideras_senast)),
                ("Upphävd", _iso(anvisning.upphavd_datum)),
                ("Ansvarig", organ_namn(pub, anvisning.ansvarig)),
                ("Gäller för", galler_for_text(pub, anvisning.galler_for)),
                ("Fokusområden", _fokus_links(pub, fran, anvisning.fokusomraden)),
                ("Ersätter", _anvisning_links(pub, fran, anvisning.ersatter)),
                ("Ersatt av", _anvisning_links(pub, fran, (replaced_by,) if replaced_by else ())),
                ("Rättslig grund", _lagar(pub, anvisning.rattslig_grund)),
                ("Diarienummer", md(anvisning.diarienummer) if anvisning.diarienummer else None),
                ("Kontakt", _kontakt(anvisning)),
            ]
        )
    )
    return "\n\n".join(parts) + "\n"


def _notices(pub: Publication, anvisning: Anvisning) -> list[str]:
    notices = []
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
        if newer and (replacement := pub.model.anvisning(newer)):
            also = f" Den har ersatts av [{md(replacement.titel)}]({link(anvisning.sida, replacement.sida)})."
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


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _fokus_links(pub: Publication, fran: str, ids: Iterable[str]) -> str | None:
    links = []
    for fokus_id in ids:
        fokus = pub.model.fokusomrade(fokus_id)
        if fokus:
            links.append(f"[{md(fokus.namn)}]({link(fran, FOKUSOMRADEN_SIDA, fokus.id)})")
    return ", ".join(links) or None


def _anvisning_links(pub: Publication, fran: str, ids: Iterable[str]) -> str | None:
    links = []
    for anvisning_id in ids:
        other = pub.model.anvisning(anvisning_id)
        if other:
            links.append(f"[{md(other.titel)}]({link(fran, other.sida)})")
    return ", ".join(links) or None


def _lagar(pub: Publication, ids: Iterable[str]) -> str | None:
    names = []
    for law_id in ids:
        law = pub.model.forfattning(law_id)
        if law:
            names.append(md(law.benamning))
    return "<br>".join(names) or None


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
    return _facts(
        [
            ("Titel", md(program.titel)),
            ("Period", program.period),
            ("Status", status_badge(program.status, PROGRAM_STATUS_NAMN)),
            ("Beslutat av", organ_namn(pub, program.beslutad_av)),
            ("Beslutsdatum", _iso(program.beslutsdatum) or program.beslutsmanad),
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
        links = ", ".join(f"[{md(f.namn)}]({link(fran, FOKUSOMRADEN_SIDA, f.id)})" for f in bearing)
        sections.append(
            f"## {md(malomrade.namn)} {{#{malomrade.id}}}\n\n{md(malomrade.beskrivning)}{core}"
            + (f"\n\nFokusområden med bäring på målområdet: {links}" if links else "")
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
    malomraden = [pub.model.malomrade(m) for m in fokus.malomraden]
    links = ", ".join(
        f"[{md(m.namn)}]({link(fran, MALOMRADEN_SIDA, m.id)})" for m in malomraden if m
    )
    goals = "\n".join(f"- {md(goal)}" for goal in fokus.malsattningar)
    example = (
        "\n\n*Målsättningarna ovan är exempeltext och inte programmets ordalydelse.*"
        if fokus.exempelinnehall
        else ""
    )
    return (
        f"## {md(fokus.namn)} {{#{fokus.id}}}\n\n{md(fokus.beskrivning)}\n\n"
        f"Har bäring på målområdena: {links}\n\n**Målsättningar**\n\n{goals}{example}\n\n"
        f"**Anvisningar**\n\n{anvisningar_tabell(pub, fran, fokus.id)}"
    )


def anvisningar_tabell(
    pub: Publication, fran: str, fokusomrade: str | None = None, upphavda: bool = False
) -> str:
    """The anvisningar, optionally of one fokusområde; repealed ones only when asked for."""
    if fokusomrade is not None and pub.model.fokusomrade(fokusomrade) is None:
        raise ValueError(f"anvisningar_tabell: okänt fokusområde '{fokusomrade}'")
    rows = [
        a
        for a in pub.anvisningar
        if (fokusomrade is None or fokusomrade in a.fokusomraden)
        and ((a.status == "upphävd") == upphavda)
    ]
    if not rows:
        return "*Inga anvisningar.*"
    lines = ["| Anvisning | Status | Ansvarig | Revideras senast |", "|---|---|---|---|"]
    for a in rows:
        lines.append(
            f"| [{md(a.titel)}]({link(fran, a.sida)}) | {status_badge(a.status)} "
            f"| {organ_namn(pub, a.ansvarig)} | {_iso(a.revideras_senast) or '–'} |"
        )
    return "\n".join(lines)


def organ_lista(pub: Publication, typ: str) -> str:
    if typ not in ORGANTYPER:
        raise ValueError(f"organ_lista: okänd organtyp '{typ}'; välj en av {', '.join(ORGANTYPER)}")
    items = []
    for organ in pub.organ:
        if organ.typ == typ:
            office = f" ({md(organ.forvaltning)})" if organ.forvaltning else ""
            items.append(f"- {md(organ.namn)}{office}")
    return "\n".join(items) or "*Inga organ av den typen.*"
