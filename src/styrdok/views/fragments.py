"""The fragments hand-written pages embed through macros: the programme's facts and
status, lists of målområden, fokusområden and organ, the tables of anvisningar.

Pure functions of the publication and the page they are shown on (`fran`, a path below
docs/), so links are relative and MkDocs checks every one of them.
"""

from __future__ import annotations

from styrdok.core import addresses
from styrdok.core.model import ORGANTYPER, Fokusomrade, Program
from styrdok.select import Publication
from styrdok.views import indikatorer, program_notice, queries, uppfoljning_pages, vad_gallde
from styrdok.views.blocks import anvisningar_rows, fokus_links, organ_namn
from styrdok.views.licens import STANDARD, Licens, csv_mening
from styrdok.views.markdown import (
    anvisning_link,
    facts,
    fokus_link,
    giltighet_badge,
    href,
    iso,
    malomrade_link,
    md,
    organ_link,
    status_badge,
    table,
)
from styrdok.views.wording import PROGRAMTILLSTAND_NAMN, med_enhet


def program_status(pub: Publication) -> str:
    return program_notice.status_box(pub)


def program_fakta(pub: Publication) -> str:
    program = pub.program
    if program is None:
        return program_status(pub)
    state = pub.programtillstand(program).value
    return facts(
        [
            ("Titel", md(program.titel)),
            ("Period", program.period),
            ("Status", status_badge(state, PROGRAMTILLSTAND_NAMN)),
            ("Beslutat av", organ_namn(pub, program.beslutad_av)),
            ("Beslutsdatum", iso(program.beslutsdatum) or program.beslutsmanad),
            ("På förslag av", organ_namn(pub, program.forslag_av)),
            ("Beredd av", organ_namn(pub, program.beredd_av)),
            ("Diarienummer", md(program.diarienummer) if program.diarienummer else None),
            ("Utgångspunkt", md(program.utgangspunkt) if program.utgangspunkt else None),
            ("Ersätter", _replaced_programmes(pub, program)),
            ("Ersatt av", "<br>".join(program_notice.efterfoljare(pub, program)) or None),
        ]
    )


def _replaced_programmes(pub: Publication, program: Program) -> str | None:
    lines = []
    for old_id in program.ersatter:
        old = pub.model.program_med_id(old_id)
        if old is None:
            continue
        dnr = f" (dnr {md(old.diarienummer)})" if old.diarienummer else ""
        status = ", som har utgått som styrdokument" if old.utgatt else ""
        lines.append(f"{md(old.titel)}{dnr}{status}")
    return "<br>".join(lines) or None


def malomraden_lista(pub: Publication, fran: str) -> str:
    sections = []
    for malomrade in pub.malomraden:
        core = "\n\n**Kärnan i programmet.**" if malomrade.karna else ""
        links = ", ".join(fokus_link(fran, f) for f in queries.fokusomraden_of(pub, malomrade))
        page = href(fran, addresses.malomrade(malomrade.id))
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
    links = ", ".join(malomrade_link(fran, m) for m in malomraden if m)
    count = len(queries.current(pub, queries.of_fokusomrade(pub, fokus.id)))
    page = href(fran, addresses.fokusomrade(fokus.id))
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
        and pub.giltighet(a).upphavd == upphavda
    ]
    return anvisningar_rows(pub, fran, rows)


FORTECKNING_KOLUMNER = "text fokus status ansvarig datum datum"


def forteckning(pub: Publication, fran: str, licens: Licens = STANDARD) -> str:
    """The register of all anvisningar in force or in preparation, as one plain table that
    forteckning.js makes sortable and filterable; repealed ones have their own page."""
    rows = [
        (
            anvisning_link(fran, a),
            fokus_links(pub, fran, a.fokusomraden) or "–",
            giltighet_badge(pub.giltighet(a)),
            organ_namn(pub, a.ansvarig) or "–",
            iso(a.beslutsdatum) or "–",
            iso(a.revideras_senast) or "–",
        )
        for a in pub.anvisningar
        if pub.giltighet(a).aktuell
    ]
    header = ("Anvisning", "Fokusområden", "Status", "Ansvarig", "Beslutad", "Revideras senast")
    body = table(header, rows) if rows else "*Inga anvisningar.*"
    csv_link = href(fran, addresses.FORTECKNING_CSV)
    return (
        # Not in the search index: every title in it is its own page's, which search finds.
        f'<div class="sd-forteckning" data-kolumner="{FORTECKNING_KOLUMNER}" '
        "data-search-exclude markdown>\n\n"
        f"{body}\n\n</div>\n\n"
        f"[Ladda ner förteckningen som CSV-fil (för Excel)]({csv_link}){{ download='forteckning.csv' }}"
        f"\n\n{csv_mening(licens)}"
        f"\n\nVilka anvisningar som gällde ett visst datum, och i vilken version, visar sidan "
        f"{vad_gallde.link_to(fran)}"
    )


def organ_lista(pub: Publication, fran: str, typ: str) -> str:
    if typ not in ORGANTYPER:
        raise ValueError(f"organ_lista: okänd organtyp '{typ}'; välj en av {', '.join(ORGANTYPER)}")
    items = []
    for organ in pub.organ:
        if organ.typ == typ:
            office = f" ({md(organ.forvaltning)})" if organ.forvaltning else ""
            items.append(f"- {organ_link(fran, organ)}{office}")
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


def indikatorer_kon(pub: Publication, fran: str) -> str:
    """The indicators split by women and men, each with its latest gap, chart and table."""
    split = [i for i in pub.indikatorer if i.uppdelad]
    if not split:
        return "*Inga indikatorer är uppdelade på kvinnor och män ännu.*"
    overview = href(fran, addresses.UPPFOLJNING_OVERSIKT)
    parts = [
        "Indikatorerna nedan delar upp svaren på kvinnor och män. Alla indikatorer finns "
        f"under [{uppfoljning_pages.OVERSIKT_TITEL}]({overview})."
    ]
    for indikator in split:
        latest = next(v for v in reversed(indikator.efter_ar) if v.uppdelat)
        gap = latest.kvinnor - latest.man  # type: ignore[operator]
        unit = "procentenheter" if indikator.enhet == "procent" else ""
        more = "högre" if gap > 0 else "lägre"
        gap_text = (
            f"Kvinnornas värde var {med_enhet(abs(gap), 'antal')} {unit} {more} än männens."
            if gap
            else "Kvinnor och män hade samma värde."
        )
        section = indikatorer.indikator_section(pub, fran, indikator, "###")
        heading, rest = section.split("\n\n", 1)
        summary_line = (
            f"**{latest.ar}:** kvinnor {med_enhet(latest.kvinnor, indikator.enhet)}, "
            f"män {med_enhet(latest.man, indikator.enhet)}. {gap_text}"
        )
        parts.append(f"{heading}\n\n{summary_line}\n\n{rest}")
    return "\n\n".join(parts)
