"""A risk matrix as a page shows it: an HTML table of likelihood down and consequence
across, with row and column headers a screen reader announces with each count, and the
sentence that says what is counted."""

from __future__ import annotations

from html import escape

from styrdok.core.riskbild import SKALA, Riskmatris
from styrdok.select import Publication
from styrdok.views.wording import KONSEKVENS_STEG, SANNOLIKHET_STEG


def scales_text(pub: Publication) -> str:
    who = "öppna och interna" if pub.malgrupp == "intranät" else "öppna"
    skyddade = (
        " Skyddade lägesbilder räknas inte in någonstans: också ett antal kan avslöja vad "
        "en enskild skyddad lägesbild innehåller."
        if pub.malgrupp == "intranät"
        else ""
    )
    return (
        "Varje risk bedöms på två femgradiga skalor: sannolikhet (1 mycket låg – 5 mycket "
        "hög) och konsekvens (1 mycket begränsade – 5 katastrofala). Matriserna räknar "
        f"riskerna i de {who} lägesbilderna; en risk som hör till flera fokusområden räknas "
        f"i vart och ett av dem men bara en gång under Alla fokusområden.{skyddade}"
    )


def area_name(pub: Publication, matris: Riskmatris) -> str:
    if matris.fokusomrade is None:
        return "alla fokusområden"
    fokus = pub.model.fokusomrade_med_id(matris.fokusomrade)
    return fokus.namn if fokus else matris.fokusomrade


def riskmatris(pub: Publication, matris: Riskmatris) -> str:
    """The matrix as an HTML table: consequence across, likelihood down (highest first),
    with row and column headers a screen reader announces with each count."""
    caption = (
        f"Antal risker {matris.ar}, {area_name(pub, matris)}: sannolikhet och konsekvens "
        f"({risker_text(matris.risker)} i {matris.lagesbilder} lägesbilder)"
    )
    head = (
        '<tr><td></td><th scope="colgroup" colspan="5">Konsekvens</th></tr>\n'
        '<tr><th scope="col">Sannolikhet</th>'
        + "".join(f'<th scope="col">{k} {KONSEKVENS_STEG[k]}</th>' for k in SKALA)
        + "</tr>"
    )
    body = []
    for s in reversed(SKALA):
        cells = "".join(_cell(matris.celler[(s, k)]) for k in SKALA)
        body.append(f'<tr><th scope="row">{s} {SANNOLIKHET_STEG[s]}</th>{cells}</tr>')
    # In a box of its own that scrolls sideways where the six columns do not fit (320 CSS
    # px): a two-dimensional table may, the page may not (WCAG 1.4.10). Material gives
    # only tables without a class such a box.
    return (
        '<div class="sd-riskmatris__ram">\n'
        f'<table class="sd-riskmatris">\n<caption>{escape(caption)}</caption>\n'
        f"<thead>\n{head}\n</thead>\n<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>\n"
        "</div>"
    )


def _cell(count: int) -> str:
    return f'<td class="sd-riskmatris__antal">{count}</td>' if count else "<td>0</td>"


def risker_text(n: int) -> str:
    return "1 risk" if n == 1 else f"{n} risker"
