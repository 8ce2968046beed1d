"""Generated cross-reference pages: per fokusområde, per målområde, per organ, and the
lifecycle lists of the anvisningar.

Each page is Markdown made from the publication alone; the MkDocs plugin only hands
the pages to MkDocs. Indexes are built once, so the work is linear in the content.
"""

from __future__ import annotations

from datetime import date

from styrdok.core import addresses
from styrdok.core.model import ORGANTYPER, Fokusomrade, Malomrade, Organ, Rapport
from styrdok.select import Publication
from styrdok.views.blocks import GeneratedPage, anvisningar_rows, generated_page, organ_ref
from styrdok.views.markdown import (
    anvisning_link,
    fokus_link,
    giltighet_badge,
    href,
    iso,
    malomrade_link,
    md,
    organ_link,
    page_link,
    table,
)
from styrdok.views.queries import (
    REVIEW_WINDOW,
    Applicability,
    FokusAnswer,
    coming,
    current,
    drafts,
    events,
    fokus_answer,
    fokusomraden_of,
    in_force,
    of_fokusomrade,
    organ_answer,
    repealed_newest_first,
    review_answer,
)
from styrdok.views.reporting import reports_by_organ
from styrdok.views.uppfoljning_pages import organ_reporting
from styrdok.views.vad_gallde import link_to as vad_gallde_link
from styrdok.views.vad_gallde import vad_gallde_page
from styrdok.views.wording import SAMTLIGA, galler_for, organtyp

RECENT_EVENTS = 30


def generate(pub: Publication, today: date) -> list[GeneratedPage]:
    applicability = Applicability.of(pub.anvisningar)
    pages = [fokusomrade_page(pub, f) for f in pub.fokusomraden]
    pages += [malomrade_page(pub, m) for m in pub.malomraden]
    pages.append(organ_index_page(pub, applicability))
    pages.append(samtliga_page(pub, applicability))
    reports = reports_by_organ(pub)
    pages += [organ_page(pub, applicability, o, today, reports.get(o.id, {})) for o in pub.organ]
    pages.append(nytt_och_andrat_page(pub))
    pages.append(ska_revideras_page(pub, today))
    pages.append(upphavda_page(pub))
    pages.append(vad_gallde_page(pub))
    return pages


# Fokusområden and målområden ---------------------------------------------------------


def fokusomrade_page(pub: Publication, fokus: Fokusomrade) -> GeneratedPage:
    answer = fokus_answer(pub, fokus)
    sida = addresses.fokusomrade(fokus.id)
    malomraden = [m for m in map(pub.model.malomrade_med_id, fokus.malomraden) if m]
    mal_links = ", ".join(malomrade_link(sida, m) for m in malomraden)
    goals = "\n".join(f"- {md(goal)}" for goal in fokus.malsattningar)
    example = (
        "\n\n*Målsättningarna är exempeltext och inte programmets ordalydelse.*"
        if fokus.exempelinnehall
        else ""
    )
    parts = [
        f"# {md(fokus.namn)}",
        md(fokus.beskrivning),
        f"Fokusområdet har bäring på målområdena {mal_links}." if mal_links else "",
        f"## Målsättningar\n\n{goals}{example}",
    ]
    if pub.program and pub.program.kommunikation:
        parts.append(f"## Kommunikation\n\n{md(pub.program.kommunikation)}")
    parts.append(f"## Anvisningar\n\n{anvisningar_rows(pub, sida, answer.anvisningar)}")
    if answer.upphavda:
        parts.append(
            f"{len(answer.upphavda)} upphävda anvisningar inom fokusområdet finns under "
            f"[Upphävda anvisningar]({href(sida, addresses.UPPHAVDA)})."
        )
    parts.append(f"## Berörda organ\n\n{_organ_concerned(pub, sida, answer)}")
    feed = href(sida, addresses.andringar_fokusomrade(fokus.id))
    parts.append(
        f"Besluten om anvisningarna inom fokusområdet finns som [Atom-flöde]({feed}) "
        "för den som vill följa dem i en flödesläsare."
    )
    return generated_page(sida, fokus.namn, parts)


def _organ_concerned(pub: Publication, sida: str, answer: FokusAnswer) -> str:
    if not answer.anvisningar:
        return "*Inga anvisningar, och därför inga berörda organ.*"
    named = [organ_ref(pub, sida, o) or o for o in answer.organ]
    targets = galler_for(False, answer.organtyper, named)
    if answer.for_alla:
        targets.insert(0, f"[{SAMTLIGA}]({href(sida, addresses.SAMTLIGA)})")
    owners = ", ".join(organ_ref(pub, sida, o) or o for o in answer.ansvariga)
    return (
        f"Ansvariga för anvisningarna: {owners}.\n\nAnvisningarna gäller för: {', '.join(targets)}."
    )


def malomrade_page(pub: Publication, malomrade: Malomrade) -> GeneratedPage:
    sida = addresses.malomrade(malomrade.id)
    parts = [f"# {md(malomrade.namn)}", md(malomrade.beskrivning)]
    if malomrade.karna:
        parts.append(
            "**Målområdet utgör kärnan i programmet:** allt i stadens trygghets- och "
            "säkerhetsarbete handlar, direkt eller indirekt, om det."
        )
    bearing = fokusomraden_of(pub, malomrade)
    parts.append("## Fokusområden med bäring på målområdet")
    if not bearing:
        parts.append("*Inga fokusområden har bäring på målområdet.*")
    for fokus in bearing:
        items = "\n".join(
            f"- {anvisning_link(sida, a)} {giltighet_badge(pub.giltighet(a))}"
            for a in current(pub, of_fokusomrade(pub, fokus.id))
        )
        parts.append(f"### {fokus_link(sida, fokus)}\n\n" + (items or "*Inga anvisningar.*"))
    return generated_page(sida, malomrade.namn, parts)


# Organ ---------------------------------------------------------------------------------


def organ_index_page(pub: Publication, applicability: Applicability) -> GeneratedPage:
    sida = addresses.ORGAN
    titel = "Vad gäller för oss?"
    common = len(in_force(pub, applicability.alla))
    parts = [
        f"# {titel}",
        "Programmet gäller för samtliga nämnder och bolagsstyrelser. Välj din nämnd eller "
        "ditt bolag för att se vilka anvisningar som gäller och vilket ansvar ni har enligt "
        "programmet.",
        f"[{common} anvisningar gäller för samtliga nämnder och bolagsstyrelser]"
        f"({href(sida, addresses.SAMTLIGA)}).",
    ]
    for typ, rubrik in ORGANTYPER.items():
        members = [o for o in pub.organ if o.typ == typ]
        if members:
            items = "\n".join(f"- {organ_link(sida, o)}" for o in members)
            parts.append(f"## {rubrik}\n\n{items}")
    return generated_page(sida, titel, parts)


def samtliga_page(pub: Publication, applicability: Applicability) -> GeneratedPage:
    sida = addresses.SAMTLIGA
    titel = "Gäller för samtliga nämnder och bolagsstyrelser"
    parts = [
        f"# {titel}",
        "De här anvisningarna gäller för alla nämnder och bolagsstyrelser. Nämnder och "
        "bolagsstyrelser ansvarar för att hålla sig uppdaterade om gällande anvisningar och "
        "för att följa dem. Vad som gäller särskilt för en viss nämnd eller ett visst bolag "
        f"finns under [Vad gäller för oss?]({href(sida, addresses.ORGAN)})",
        f"## Gällande anvisningar\n\n{anvisningar_rows(pub, sida, in_force(pub, applicability.alla))}",
    ]
    decided = coming(pub, applicability.alla)
    if decided:
        parts.append(f"## Beslutade, gäller ännu inte\n\n{anvisningar_rows(pub, sida, decided)}")
    upcoming = drafts(pub, applicability.alla)
    if upcoming:
        parts.append(f"## Under arbete\n\n{anvisningar_rows(pub, sida, upcoming)}")
    return generated_page(sida, titel, parts)


def organ_page(
    pub: Publication,
    applicability: Applicability,
    organ: Organ,
    today: date,
    reports: dict[int, Rapport],
) -> GeneratedPage:
    answer = organ_answer(pub, applicability, organ)
    sida = addresses.organ(organ.id)
    titel = f"Vad gäller för {organ.namn}?"
    parts = [f"# {md(titel)}", _organ_facts(pub, sida, organ)]
    if answer.uppgifter:
        items = "\n".join(f"- {md(task)}" for task in answer.uppgifter)
        parts.append(f"## Ansvar enligt programmet\n\n{items}")
    parts.append("## Anvisningar som gäller")
    parts.append(
        f"Listorna nedan visar vad som gäller nu. Vad som gällde för {md(organ.namn)} ett visst "
        f"datum visar sidan {vad_gallde_link(sida, organ.id)}"
    )
    if organ.tillampar_programmet:
        parts.append(
            f"### För samtliga nämnder och bolagsstyrelser\n\n"
            f"{len(answer.samtliga)} anvisningar gäller för alla nämnder och bolagsstyrelser, också för "
            f"{md(organ.namn)}: [se listan]({href(sida, addresses.SAMTLIGA)})."
        )
    if answer.for_typ:
        parts.append(
            f"### För {md(organtyp(organ.typ))}\n\n" + anvisningar_rows(pub, sida, answer.for_typ)
        )
    if answer.sarskilt:
        parts.append(
            f"### Särskilt för {md(organ.namn)}\n\n" + anvisningar_rows(pub, sida, answer.sarskilt)
        )
    if not organ.tillampar_programmet and not (answer.for_typ or answer.sarskilt):
        parts.append(
            "Programmet och anvisningarna riktar sig till nämnder och bolagsstyrelser; "
            "inga anvisningar riktar sig särskilt hit."
        )
    if answer.ansvarar_for:
        parts.append(
            f"## Anvisningar som {md(organ.namn)} ansvarar för\n\n"
            + anvisningar_rows(pub, sida, answer.ansvarar_for)
        )
    if answer.kommande:
        parts.append(
            "## Beslutade, gäller ännu inte\n\n" + anvisningar_rows(pub, sida, answer.kommande)
        )
    if answer.under_arbete:
        parts.append("## Under arbete\n\n" + anvisningar_rows(pub, sida, answer.under_arbete))
    parts.append(f"## Risk- och lägesbild\n\n{organ_reporting(pub, sida, organ, today, reports)}")
    feed = href(sida, addresses.andringar_organ(organ.id))
    parts.append(
        f"## Följ ändringarna\n\nBesluten om anvisningar som gäller för {md(organ.namn)} – nya "
        f"anvisningar, nya versioner och upphävanden – finns som [Atom-flöde]({feed}) för "
        "den som vill följa dem i en flödesläsare."
    )
    return generated_page(sida, titel, parts)


def _organ_facts(pub: Publication, sida: str, organ: Organ) -> str:
    rows = [_TYPE_SINGULAR[organ.typ]]
    if organ.forvaltning:
        rows.append(f"Förvaltning: {md(organ.forvaltning)}")
    if organ.moderbolag:
        rows.append(f"Moderbolag: {organ_ref(pub, sida, organ.moderbolag)}")
    if organ.underordnat:
        rows.append(f"Lyder under: {organ_ref(pub, sida, organ.underordnat)}")
    text = " · ".join(rows)
    if organ.beskrivning:
        text += f"\n\n{md(organ.beskrivning)}"
    return text


_TYPE_SINGULAR = {
    "kommunfullmäktige": "Kommunens högsta beslutande organ",
    "kommunstyrelse": "Kommunstyrelse",
    "stadsdelsnämnd": "Stadsdelsnämnd",
    "facknämnd": "Facknämnd",
    "bolagsstyrelse": "Bolagsstyrelse",
    "förvaltning": "Kontor",
}


# Lifecycle -----------------------------------------------------------------------------


def nytt_och_andrat_page(pub: Publication) -> GeneratedPage:
    sida = addresses.NYTT_OCH_ANDRAT
    titel = "Nytt och ändrat"
    rows = [
        (
            e.datum.isoformat(),
            e.handelse,
            anvisning_link(sida, e.anvisning),
            page_link(sida, e.version.sida, f"Version {e.version.version}"),
            giltighet_badge(pub.giltighet(e.anvisning)),
        )
        for e in events(pub)[:RECENT_EVENTS]
    ]
    feed = href(sida, addresses.ANDRINGAR_ATOM)
    alla = href(sida, addresses.ANDRINGAR_ALLA_ATOM)
    parts = [
        f"# {titel}",
        f"De senaste {RECENT_EVENTS} besluten om anvisningar, nyast först: nya anvisningar, "
        "nya versioner och anvisningar som har upphävts, också besluten om tidigare versioner. "
        "Ett upphävande som börjar gälla senare står som att anvisningen upphävs. Samma "
        f"ändringar finns som [Atom-flöde]({feed}) för den som vill följa dem i en "
        f"flödesläsare, och alla beslut som [ett fullständigt flöde]({alla}). Varje organ "
        f"och fokusområde har också ett eget flöde, som länkas från dess sida.",
        table(("Datum", "Händelse", "Anvisning", "Version", "Status nu"), rows)
        if rows
        else "*Inga beslut ännu.*",
    ]
    return generated_page(sida, titel, parts)


def ska_revideras_page(pub: Publication, today: date) -> GeneratedPage:
    sida = addresses.SKA_REVIDERAS
    titel = "Ska revideras"
    due = review_answer(pub, today)
    parts = [
        f"# {titel}",
        f"Anvisningar vars sista dag för översyn har passerat eller infaller inom "
        f"{REVIEW_WINDOW.days} dagar, räknat från {today.isoformat()} då sidan byggdes.",
        f"## Revideringsdatum har passerat\n\n{anvisningar_rows(pub, sida, due.passed)}",
        f"## Ska revideras inom {REVIEW_WINDOW.days} dagar\n\n{anvisningar_rows(pub, sida, due.soon)}",
    ]
    return generated_page(sida, titel, parts)


def upphavda_page(pub: Publication) -> GeneratedPage:
    sida = addresses.UPPHAVDA
    titel = "Upphävda anvisningar"
    rows = [
        (
            anvisning_link(sida, a),
            iso(a.upphavd_datum) or "–",
            anvisning_link(sida, newer) if newer else "–",
        )
        for a, newer in repealed_newest_first(pub)
    ]
    parts = [
        f"# {titel}",
        "Anvisningarna nedan gäller inte längre. De finns kvar för att beslut och hänvisningar "
        "ska gå att följa i efterhand.",
        table(("Anvisning", "Upphävd", "Ersatt av"), rows)
        if rows
        else "*Inga upphävda anvisningar.*",
    ]
    return generated_page(sida, titel, parts)
