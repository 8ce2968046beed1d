"""An indicator as a page shows it: its heading, chart, data table and source, and the
chart itself as an SVG file (`charts`). The table is the chart's accessible equivalent."""

from __future__ import annotations

from styrdok.core import addresses
from styrdok.core.model import Indikator
from styrdok.select import Publication
from styrdok.views.blocks import fokus_links
from styrdok.views.charts import Serie, linjediagram
from styrdok.views.markdown import href, md, md_url, table
from styrdok.views.wording import med_enhet


def indikator_section(pub: Publication, sida: str, indikator: Indikator, level: str) -> str:
    """An indicator's heading, chart and data table; the table is the chart's equivalent."""
    lines = [f"{level} {md(indikator.namn)} {{#{indikator.id}}}", md(indikator.beskrivning)]
    if indikator.exempelinnehall:
        lines.append("*Exempeldata: värdena är påhittade och inte verkliga siffror.*")
    lines.append(
        f"![{md(chart_alt(indikator))}]({href(sida, addresses.diagram(indikator.id))})"
        '{ width="640" height="320" }'
    )
    lines.append(indikator_table(indikator))
    source = md(indikator.datakalla.namn)
    if indikator.datakalla.url:
        source = f"[{source}]({md_url(indikator.datakalla.url)})"
    follows = fokus_links(pub, sida, indikator.fokusomraden)
    facts = [f"Källa: {source}."]
    if indikator.datakalla.kommentar:
        facts.append(md(indikator.datakalla.kommentar))
    if follows:
        facts.append(f"Följer {follows}.")
    lines.append(" ".join(facts))
    return "\n\n".join(lines)


def chart_alt(indikator: Indikator) -> str:
    who = "kvinnor, män och alla" if indikator.uppdelad else "alla"
    years = [v.ar for v in indikator.efter_ar]
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
    return f"Diagram: {indikator.namn}, {who}, {span}. Värdena finns i tabellen under."


def indikator_table(indikator: Indikator) -> str:
    values = indikator.efter_ar
    split = indikator.uppdelad
    has_all = any(v.alla is not None for v in values)
    header = ["År"]
    if split:
        header += ["Kvinnor", "Män", "Skillnad kvinnor – män"]
    if has_all or not split:
        header.append("Alla")
    rows = []
    for v in values:
        row = [str(v.ar)]
        if split:
            gap = v.kvinnor - v.man if v.uppdelat else None  # type: ignore[operator]
            row += [
                med_enhet(v.kvinnor, indikator.enhet),
                med_enhet(v.man, indikator.enhet),
                _difference(gap, indikator.enhet),
            ]
        if has_all or not split:
            row.append(med_enhet(v.alla, indikator.enhet))
        rows.append(row)
    return table(header, rows)


def _difference(gap: float | None, enhet: str) -> str:
    if gap is None:
        return "–"
    unit = "\u00a0procentenheter" if enhet == "procent" else ""
    sign = "+" if gap > 0 else ""
    return f"{sign}{med_enhet(gap, 'antal')}{unit}"


def diagram_files(pub: Publication) -> dict[str, str]:
    """The chart of each indicator as an SVG file, by path below docs/."""
    return {addresses.diagram(i.id): diagram(i) for i in pub.indikatorer}


def diagram(indikator: Indikator) -> str:
    values = indikator.efter_ar
    series = []
    if indikator.uppdelad:
        series.append(Serie("Kvinnor", {v.ar: v.kvinnor for v in values if v.kvinnor is not None}))
        series.append(Serie("Män", {v.ar: v.man for v in values if v.man is not None}))
    if any(v.alla is not None for v in values):
        series.append(Serie("Alla", {v.ar: v.alla for v in values if v.alla is not None}))
    about = indikator.beskrivning
    if indikator.exempelinnehall:
        about = f"Exempeldata, inte verkliga siffror. {about}"
    return linjediagram(indikator.namn, about, indikator.enhet, series, [v.ar for v in values])
