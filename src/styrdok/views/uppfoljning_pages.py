"""The follow-up pages: an overview (who has reported, the city's risk picture, the
indicators with their charts), a page per year with each body's report, and the
reporting section of each organ's page. A matrix is drawn by `riskmatris`, an
indicator by `indikatorer`.

Made from the publication alone, like the cross-reference pages: a skyddad report is
there as the fact of submission only, and in no count. Each page is linear in what it
shows: one pass over a year's reports, one per matrix.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from styrdok.core import addresses
from styrdok.core.model import (
    ORGANTYPER,
    Organ,
    Rapport,
    Uppfoljningsar,
)
from styrdok.core.riskbild import Riskmatris
from styrdok.select import Publication
from styrdok.views.blocks import GeneratedPage, fokus_links, generated_page, organ_ref
from styrdok.views.indikatorer import indikator_section
from styrdok.views.licens import STANDARD, Licens, csv_mening
from styrdok.views.markdown import href, iso, md, md_url, organ_link, page_link, table
from styrdok.views.reporting import Status, reports_by_organ, status, summary
from styrdok.views.riskmatris import area_name, risker_text, riskmatris, scales_text
from styrdok.views.wording import KONSEKVENS_STEG, SANNOLIKHET_STEG, andel

OVERSIKT_TITEL = "Uppföljningen i siffror"

# A cell of the status matrix: short, since a row holds one per year.
KORT_STATUS = {
    Status.INLAMNAD: "Inlämnad",
    Status.SEN: "Inlämnad sent",
    Status.SAKNAS: "Saknas",
    Status.VANTAS: "Väntas",
}
DOLD = "–"
EXEMPEL = (
    '!!! warning "Exempeldata"\n'
    "    Uppgifterna är påhittade exempel som visar hur uppföljningen ser ut. De är inte "
    "stadens rapportering eller statistik."
)


def generate(pub: Publication, today: date, licens: Licens = STANDARD) -> list[GeneratedPage]:
    pages = [oversikt_page(pub, today, licens)]
    matrices: dict[int, list[Riskmatris]] = {}
    for matris in pub.riskbilder:
        matrices.setdefault(matris.ar, []).append(matris)
    pages += [year_page(pub, year, matrices.get(year.ar, []), today) for year in pub.uppfoljning]
    return pages


# The overview ------------------------------------------------------------------------------


def oversikt_page(pub: Publication, today: date, licens: Licens = STANDARD) -> GeneratedPage:
    sida = addresses.UPPFOLJNING_OVERSIKT
    parts = [f"# {OVERSIKT_TITEL}"]
    if any(y.exempelinnehall for y in pub.uppfoljning) or any(
        i.exempelinnehall for i in pub.indikatorer
    ):
        parts.append(EXEMPEL)
    about = (
        f" Hur och varför programmet följs upp står under "
        f"[Uppföljning]({href(sida, addresses.UPPFOLJNING)})."
        if pub.sida(addresses.UPPFOLJNING)
        else ""
    )
    parts.append(
        "Varje nämnd och bolagsstyrelse lämnar varje år en risk- och lägesbild, och "
        "kommunstyrelsen ansvarar för den samlade uppföljningen. Här syns vem som har "
        "rapporterat, vad de rapporterade riskerna blir sammantaget och hur indikatorerna "
        f"utvecklas, för kvinnor och för män.{about}"
    )
    parts.append("## Vem har rapporterat?")
    parts += _reporting(pub, sida, today)
    parts.append("## Samlad riskbild")
    parts += _risk_overview(pub, sida)
    parts.append("## Indikatorer")
    parts += _indicators(pub, sida)
    # The terms of the CSV files linked above, where a reuser takes them from.
    parts.append(csv_mening(licens, "CSV-filerna på den här sidan"))
    return generated_page(sida, OVERSIKT_TITEL, parts)


def _reporting(pub: Publication, sida: str, today: date) -> list[str]:
    if not pub.uppfoljning:
        return ["*Ingen uppföljning är registrerad ännu.*"]
    parts = []
    if pub.hel_rapportering:
        rows = []
        for year in years_newest(pub):
            s = summary(year, today)
            rows.append(
                (
                    page_link(sida, addresses.uppfoljningsar(year.ar), str(year.ar)),
                    year.sista_dag.isoformat(),
                    f"{s.inlamnade} av {s.organ}",
                    andel(s.inlamnade, s.organ),
                    str(s.sena),
                    str(s.saknas) if year.passerad(today) else f"{s.vantas} väntas",
                )
            )
        header = ("År", "Sista dag", "Inlämnade", "Andel", "Efter sista dagen", "Inte inlämnade")
        parts.append(f"### Andel inlämnade per år\n\n{table(header, rows)}")
    else:
        parts.append(
            "Den här webbplatsen visar bara de risk- och lägesbilder som är öppna. Hur "
            "många som har lämnat in redovisas där alla rapporter kan visas, på intranätet."
        )
    blank = (
        ""
        if pub.hel_rapportering
        else f" {DOLD} betyder att det inte finns någon öppen lägesbild från organet det året."
    )
    years = ", ".join(
        page_link(sida, addresses.uppfoljningsar(y.ar), str(y.ar)) for y in years_newest(pub)
    )
    parts.append(
        f"### Per organ och år\n\nStatus räknas från {today.isoformat()}, då sidan byggdes."
        f"{blank} Rapporterna för varje år: {years}.\n\n" + status_matrix(pub, sida, today)
    )
    csv = href(sida, addresses.RAPPORTERING_CSV)
    parts.append(
        f"[Ladda ner rapporteringen som CSV-fil (för Excel)]({csv}){{ download='rapportering.csv' }}"
    )
    return parts


def years_newest(pub: Publication) -> list[Uppfoljningsar]:
    return list(reversed(pub.uppfoljning))


def status_matrix(pub: Publication, sida: str, today: date) -> str:
    """Organ × year, one row per body that reports; forteckning.js adds a filter by type."""
    by_organ = reports_by_organ(pub)
    years = pub.uppfoljning
    rows = []
    for organ in _reporting_bodies(pub, by_organ):
        cells = []
        for year in years:
            rapport = by_organ.get(organ.id, {}).get(year.ar)
            cells.append(KORT_STATUS[status(rapport, year, today)] if rapport else DOLD)
        rows.append((organ_link(sida, organ), ORGANTYPER[organ.typ], *cells))
    if not rows:
        return "*Inga rapporter att visa.*"
    # Plain years: forteckning.js turns each header into a sort button, and a link
    # inside a button is not allowed. The year pages are linked from the table above.
    header = ("Organ", "Typ av organ", *(str(y.ar) for y in years))
    columns = " ".join(["text", "organtyp", *["text"] * len(years)])
    return (
        f'<div class="sd-forteckning" data-kolumner="{columns}" data-en="organ" '
        f'data-flera="organ" markdown>\n\n{table(header, rows)}\n\n</div>'
    )


def _reporting_bodies(pub: Publication, by_organ: dict[str, dict[int, Rapport]]) -> list[Organ]:
    """The bodies with a report in the publication, by type (as ORGANTYPER orders them),
    then by name (pub.organ is in name order and the sort is stable)."""
    order = {typ: i for i, typ in enumerate(ORGANTYPER)}
    bodies = [o for o in pub.organ if o.id in by_organ]
    return sorted(bodies, key=lambda o: order.get(o.typ, len(order)))


def _risk_overview(pub: Publication, sida: str) -> list[str]:
    if all(m.tom for m in pub.riskbilder):
        return ["*Inga risker är rapporterade ännu.*"]
    latest = max(m.ar for m in pub.riskbilder if not m.tom)
    parts = [scales_text(pub)]
    whole = next(m for m in pub.riskbilder if m.ar == latest and m.fokusomrade is None)
    parts.append(f"### Alla fokusområden {latest}\n\n" + riskmatris(pub, whole))
    parts.append("### Risker per fokusområde och år\n\n" + _risks_per_area(pub, sida))
    csv = href(sida, addresses.RISKER_CSV)
    parts.append(
        f"[Ladda ner riskmatriserna som CSV-fil (för Excel)]({csv}){{ download='risker.csv' }}"
    )
    return parts


def _risks_per_area(pub: Publication, sida: str) -> str:
    years = [y.ar for y in pub.uppfoljning]
    counts = {(m.ar, m.fokusomrade): m.risker for m in pub.riskbilder}
    rows = [
        (
            fokus_links(pub, sida, [f.id]),
            *(str(counts.get((ar, f.id), 0)) for ar in years),
        )
        for f in pub.fokusomraden
    ]
    rows.append(("Alla fokusområden", *(str(counts.get((ar, None), 0)) for ar in years)))
    header = (
        "Fokusområde",
        *(f"[{ar}]({href(sida, addresses.uppfoljningsar(ar), 'samlad-riskbild')})" for ar in years),
    )
    return table(header, rows)


def _indicators(pub: Publication, sida: str) -> list[str]:
    if not pub.indikatorer:
        return ["*Inga indikatorer är registrerade ännu.*"]
    parts = [
        "Varje indikator visas som ett diagram med tabellen över värdena under. Där "
        "källan delar upp på kön visas kvinnor och män var för sig."
    ]
    parts += [indikator_section(pub, sida, i, "###") for i in pub.indikatorer]
    csv = href(sida, addresses.INDIKATORER_CSV)
    parts.append(
        f"[Ladda ner indikatorerna som CSV-fil (för Excel)]({csv}){{ download='indikatorer.csv' }}"
    )
    return parts


# An organ's page ------------------------------------------------------------------------------


def organ_reporting(
    pub: Publication, fran: str, organ: Organ, today: date, own: dict[int, Rapport]
) -> str:
    """The organ's reporting status per year, newest first, with a link to each
    lägesbild the audience may read, or why the body does not report. `own` is
    the organ's entry of `reports_by_organ`, made once for all organ pages."""
    years = {year.ar: year for year in pub.uppfoljning}
    if not own and not organ.tillampar_programmet:
        return (
            f"{md(organ.namn)} lämnar ingen egen risk- och lägesbild: det gör kommunstyrelsen, "
            "nämnderna och bolagsstyrelserna."
        )
    rows = []
    for ar in sorted(own, reverse=True):
        year, rapport = years[ar], own[ar]
        page = addresses.uppfoljningsar(ar)
        content = _content(rapport, href(fran, page, organ.id))
        rows.append(
            (
                page_link(fran, page, str(ar)),
                KORT_STATUS[status(rapport, year, today)],
                iso(rapport.inlamnad_datum) or "–",
                content,
            )
        )
    overview = href(fran, addresses.UPPFOLJNING_OVERSIKT)
    intro = (
        f"Nämnder och bolagsstyrelser lämnar varje år en risk- och lägesbild. Hela stadens "
        f"rapportering finns under [{OVERSIKT_TITEL}]({overview})."
    )
    if not rows:
        missing = (
            "*Ingen rapportering är registrerad.*"
            if pub.hel_rapportering
            else "*Den här webbplatsen visar bara lägesbilder som är öppna, och det finns "
            "ingen öppen lägesbild härifrån.*"
        )
        return f"{intro}\n\n{missing}"
    return f"{intro}\n\n" + table(("År", "Status", "Inlämnad", "Lägesbild"), rows)


# A year ------------------------------------------------------------------------------------


def year_page(
    pub: Publication, year: Uppfoljningsar, matrices: list[Riskmatris], today: date
) -> GeneratedPage:
    """The year's reports and matrices (`matrices`: those of the year, in order)."""
    ar = year.ar
    sida = addresses.uppfoljningsar(ar)
    titel = f"Risk- och lägesbilder {ar}"
    parts = [f"# {titel}"]
    if year.exempelinnehall:
        parts.append(EXEMPEL)
    intro = f"Sista dag att lämna in var {year.sista_dag.isoformat()}."
    if pub.hel_rapportering:
        s = summary(year, today)
        intro += f" {s.inlamnade} av {s.organ} organ har lämnat in ({andel(s.inlamnade, s.organ)})."
    else:
        intro += " Den här webbplatsen visar bara de lägesbilder som är öppna."
    overview = href(sida, addresses.UPPFOLJNING_OVERSIKT)
    parts.append(f"{intro} Alla år finns under [{OVERSIKT_TITEL}]({overview}).")
    parts.append(_to_follow_up(pub, sida, year, today))
    parts.append("## Rapporter\n\n" + _year_reports(pub, sida, year.rapporter, year, today))
    parts.append("## Samlad riskbild {#samlad-riskbild}")
    parts += _year_matrices(pub, matrices)
    detailed = [r for r in year.rapporter if r.risker]
    parts.append("## Lägesbilderna")
    if detailed:
        parts += [_report_section(pub, sida, r) for r in detailed]
    else:
        parts.append("*Inga lägesbilder med risker att visa.*")
    return generated_page(sida, titel, parts)


def _to_follow_up(pub: Publication, sida: str, year: Uppfoljningsar, today: date) -> str:
    """Whom the coordinators have to chase, and who came in late, by name."""
    if not pub.hel_rapportering:
        return ""
    by_status: dict[Status, list[str]] = {}
    for rapport in year.rapporter:
        name = organ_ref(pub, sida, rapport.organ) or md(rapport.organ)
        by_status.setdefault(status(rapport, year, today), []).append(name)
    lines = [
        f"- **{label}:** " + ", ".join(by_status[kind])
        for kind, label in (
            (Status.SAKNAS, "Inte inlämnade"),
            (Status.VANTAS, "Inte inlämnade ännu"),
            (Status.SEN, "Inlämnade efter sista dagen"),
        )
        if by_status.get(kind)
    ]
    return "\n".join(lines)


def _content(rapport: Rapport, risks_at: str) -> str:
    """What a report holds, as a cell: a link to its risks (at `risks_at`), or why not."""
    if rapport.skyddad:
        return "Skyddad – innehållet publiceras inte"
    if rapport.risker:
        return f"[{risker_text(len(rapport.risker))}]({risks_at})"
    return "Inga risker" if rapport.inlamnad else "–"


def _year_reports(
    pub: Publication, sida: str, reports: Iterable[Rapport], year: Uppfoljningsar, today: date
) -> str:
    rows = []
    for r in reports:
        content = _content(r, f"#{r.organ}")
        rows.append(
            (
                organ_ref(pub, sida, r.organ) or md(r.organ),
                KORT_STATUS[status(r, year, today)],
                iso(r.inlamnad_datum) or "–",
                _reference(r.referens),
                md(r.notering) if r.notering else "–",
                content,
            )
        )
    if not rows:
        return "*Inga rapporter att visa.*"
    return table(("Organ", "Status", "Inlämnad", "Referens", "Notering", "Innehåll"), rows)


def _reference(referens: str | None) -> str:
    if not referens:
        return "–"
    if referens.startswith("https://"):
        return f"[Rapporten]({md_url(referens)})"
    return md(referens)


def _year_matrices(pub: Publication, matrices: list[Riskmatris]) -> list[str]:
    if all(m.tom for m in matrices):
        return ["*Inga risker är rapporterade för året.*"]
    parts = [scales_text(pub)]
    for m in matrices:
        name = "Alla fokusområden" if m.fokusomrade is None else md(area_name(pub, m))
        parts.append(f"### {name}\n\n" + ("*Inga risker.*" if m.tom else riskmatris(pub, m)))
    return parts


def _report_section(pub: Publication, sida: str, rapport: Rapport) -> str:
    rows = [
        (
            md(risk.titel),
            fokus_links(pub, sida, risk.fokusomraden) or "–",
            f"{risk.sannolikhet} {SANNOLIKHET_STEG[risk.sannolikhet]}",
            f"{risk.konsekvens} {KONSEKVENS_STEG[risk.konsekvens]}",
            md(risk.atgarder),
        )
        for risk in rapport.risker
    ]
    name = md(pub.model.organ_namn(rapport.organ))
    return f"### {name} {{#{rapport.organ}}}\n\n" + table(
        ("Risk", "Fokusområden", "Sannolikhet", "Konsekvens", "Åtgärder"), rows
    )
