"""The accessibility statement (tillgänglighetsredogörelse) as a page, in the structure
and headings of DIGG's template, from data/tillganglighet.yml and the reporting address
the installation configures.

What the law requires the statement to say (lag 2018:1937, MDFFS 2019:2) is fixed text
here; the facts that change (dates, compliance, shortcomings, method, checks) are data,
each value escaped. The same for both audiences: the statement is about the site.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from styrdok.core import addresses
from styrdok.core.model import (
    DELVIS_FORENLIG,
    HELT_FORENLIG,
    INTE_FORENLIG,
    OMFATTAS_INTE,
    OSKALIGT_BETUNGANDE,
    Brist,
    Tillganglighet,
    Undantag,
)
from styrdok.select import Publication
from styrdok.views.blocks import LISTING_BOOST, GeneratedPage
from styrdok.views.markdown import front_matter, md, md_url

TITEL = "Tillgänglighetsredogörelse"
# DIGG's reporting function, as its regulations require the statement to link to it.
DIGG_ANMALAN = "https://www.digg.se/tdosanmalan"
LAGEN = "lagen (2018:1937) om tillgänglighet till digital offentlig service"
# Where the success criteria are explained, in the version the requirements point to.
WCAG_KRITERIER = "https://www.w3.org/TR/WCAG21/"

_FORENLIGHET_SKAL = {
    HELT_FORENLIG: ".",
    DELVIS_FORENLIG: ", på grund av de brister som beskrivs nedan.",
    INTE_FORENLIG: ", på grund av de brister som beskrivs nedan.",
}


def page(pub: Publication, kontakt: str) -> GeneratedPage | None:
    """The statement's page, or None when the model has none (the check has then failed).
    `kontakt` is the address for reports (mailto: or https:), validated by the plugin."""
    statement = pub.model.redogorelse
    if statement is None:
        return None
    tjanst = f"{statement.tjanst} · {pub.malgrupp_namn}"
    parts = [
        f"# {TITEL} för {md(tjanst)}",
        f"{md(statement.organisation)} står bakom den här webbplatsen. Vi vill att så många "
        "som möjligt ska kunna använda den. Här beskriver vi hur webbplatsen uppfyller "
        f"{LAGEN}, vilka tillgänglighetsproblem vi känner till och hur du kan rapportera "
        "brister till oss så att vi kan åtgärda dem.",
        "## Hur tillgänglig är webbplatsen?",
        _hur_tillganglig(statement),
        "## Vad kan du göra om du inte kan använda delar av webbplatsen?",
        "Om du behöver innehåll från webbplatsen i en annan form, till exempel för att det "
        "inte är tillgängligt för dig eller är undantaget enligt beskrivningen nedan, kan "
        f"du be oss om det: {_kontakt_lank(kontakt)}. Skriv vilken sida eller vilket "
        "innehåll det gäller och i vilken form du vill ha det.",
        "## Rapportera brister i webbplatsens tillgänglighet",
        "Om du upptäcker problem som inte beskrivs på den här sidan, eller om du anser att "
        "vi inte uppfyller lagens krav, meddela oss så att vi får veta att problemet finns: "
        f"{_kontakt_lank(kontakt)}. Beskriv gärna var på webbplatsen problemet finns och "
        "vilken webbläsare och vilket hjälpmedel du använder.",
        "## Tillsyn",
        "Myndigheten för digital förvaltning (Digg) har ansvaret för tillsynen över "
        f"{LAGEN}. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du "
        f"[anmäla bristande tillgänglighet till Digg]({DIGG_ANMALAN}).",
        "## Teknisk information om webbplatsens tillgänglighet",
        f"Den här webbplatsen är {md(statement.forenlighet)} med {LAGEN}"
        f"{_FORENLIGHET_SKAL.get(statement.forenlighet, '.')} Kraven är de i "
        "EN 301 549, som för webbsidor motsvarar WCAG 2.1 på nivå A och AA.",
        "### Innehåll som inte är tillgängligt",
        "#### Bristande förenlighet med lagkraven",
        _brister(statement.brister),
        "#### Oskäligt betungande anpassning",
        _undantag(statement.undantag, OSKALIGT_BETUNGANDE, "12 §"),
        "#### Innehåll som inte omfattas av tillämplig lagstiftning",
        _undantag(statement.undantag, OMFATTAS_INTE, "9 §"),
        "## Hur vi testat webbplatsen",
        _metod(statement),
        _kontroller(statement),
        f"Bedömningen gjordes den {_datum(statement.bedomd)}. Redogörelsen uppdaterades "
        f"senast den {_datum(statement.uppdaterad)}.",
    ]
    # A generated page ranks below the anvisningar in the search, as every listing does.
    text = front_matter(TITEL, LISTING_BOOST) + "\n\n".join(p for p in parts if p) + "\n"
    return GeneratedPage(addresses.TILLGANGLIGHET, TITEL, text)


def _hur_tillganglig(statement: Tillganglighet) -> str:
    if statement.forenlighet == HELT_FORENLIG:
        return "Vi bedömer att webbplatsen uppfyller lagens krav på tillgänglighet."
    return (
        "Vi vet att delar av webbplatsen inte är helt tillgängliga. Se avsnittet "
        "[Innehåll som inte är tillgängligt](#innehall-som-inte-ar-tillgangligt) nedan."
    )


def _kontakt_lank(kontakt: str) -> str:
    """The configured address as a link whose text says where it goes."""
    if kontakt.startswith("mailto:"):
        return f"skicka e-post till [{md(kontakt.removeprefix('mailto:'))}]({md_url(kontakt)})"
    return f"[använd vårt formulär för synpunkter]({md_url(kontakt)})"


def _brister(brister: Iterable[Brist]) -> str:
    items = []
    for brist in brister:
        # Written after text, so a criterion (1.1.1) is not taken for a numbered list.
        kriterier = md("WCAG 2.1 " + ", ".join(brist.wcag))
        lines = [f"- {md(brist.beskrivning)}"]
        if brist.osaker:
            lines.append("    *Osäkert: bristen är misstänkt men inte bekräftad.*")
        lines.append(f"    Krav som inte uppfylls: {kriterier}.")
        lines.append(f"    Varför: {md(brist.orsak)}")
        if brist.planerad_atgard:
            lines.append(f"    Åtgärd: {md(brist.planerad_atgard)}")
        items.append("\n\n".join(lines))
    if not items:
        return "Vi känner inte till några brister."
    intro = (
        "Det innehåll som beskrivs nedan är på ett eller annat sätt inte helt tillgängligt. "
        f"Kriterierna förklaras i [WCAG 2.1]({WCAG_KRITERIER})."
    )
    return intro + "\n\n" + "\n\n".join(items)


def _undantag(undantag: Iterable[Undantag], grund: str, paragraf: str) -> str:
    items = [
        f"- {md(u.beskrivning)}\n\n    Motivering: {md(u.motivering)}"
        for u in undantag
        if u.grund == grund
    ]
    if not items:
        if grund == OSKALIGT_BETUNGANDE:
            return f"Vi har inte undantagit något innehåll som oskäligt betungande ({paragraf})."
        return f"Vi känner inte till något innehåll på webbplatsen som lagen inte omfattar ({paragraf})."
    return "\n\n".join(items)


def _metod(statement: Tillganglighet) -> str:
    typ = {
        "självskattning": "Vi har gjort en självskattning (egen granskning) av webbplatsen.",
        "granskning av extern part": "Webbplatsen har granskats av en extern part.",
    }.get(statement.metod, f"Metod: {md(statement.metod)}.")
    parts = [f"{typ} {md(statement.metod_beskrivning)}"]
    if statement.inte_gjort:
        parts.append(
            "Det här har inte gjorts:\n\n" + "\n".join(f"- {md(t)}" for t in statement.inte_gjort)
        )
    return "\n\n".join(parts)


def _kontroller(statement: Tillganglighet) -> str:
    if not statement.automatiska_kontroller:
        return ""
    items = [
        f"- **{md(k.verktyg)}** ({_datum(k.datum)}): {md(k.omfattning)}\n\n"
        f"    Resultat: {md(k.resultat)}"
        for k in statement.automatiska_kontroller
    ]
    return "### Automatiska kontroller\n\n" + "\n\n".join(items)


def _datum(value: date) -> str:
    return value.isoformat()
