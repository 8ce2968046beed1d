"""The tillgänglighetsredogörelse page: every element DIGG's list requires, in DIGG's
headings, from the data and the configured address, with every data value escaped."""

from __future__ import annotations

import dataclasses
from datetime import date

import markdown as python_markdown

from styrdok.adapters.render import clean_page_html
from styrdok.core import addresses
from styrdok.core.model import Brist, Kontroll, Undantag
from styrdok.views.tillganglighet import DIGG_ANMALAN, page

from helpers import publication_of

KONTAKT = "mailto:tillganglighet@example.se"


def text_of(pub, kontakt: str = KONTAKT) -> str:
    found = page(pub, kontakt)
    assert found is not None and found.sida == addresses.TILLGANGLIGHET
    return found.text


def test_every_element_of_diggs_list_is_on_the_page(project):
    text = text_of(publication_of(project))
    # The body's and the service's names, the audience's site named too.
    assert "Testkommunen står bakom den här webbplatsen" in text
    assert "# Tillgänglighetsredogörelse för Testplats · Intranät\n" in text
    # Compliance in DIGG's words, and why.
    assert "Den här webbplatsen är delvis förenlig med lagen (2018:1937)" in text
    # Each shortcoming: what, which criterion, why, the planned fix; doubt is said.
    assert "Diagrammet på startsidan saknar textalternativ." in text
    assert "Krav som inte uppfylls: WCAG 2.1 1.1.1." in text
    assert "Varför: Inte åtgärdat ännu." in text
    assert "Åtgärd: Ett textalternativ läggs till." in text
    assert "*Osäkert: bristen är misstänkt men inte bekräftad.*" in text
    # Exemptions: 12 § (none here, said so) and 9 § with its reason.
    assert "Vi har inte undantagit något innehåll som oskäligt betungande (12 §)." in text
    assert "- Inspelade möten från 2017.\n\n    Motivering: Förinspelad media" in text
    # Dates of the assessment and of the last update, the method and what was not done.
    assert "Bedömningen gjordes den 2025-12-01." in text
    assert "Redogörelsen uppdaterades senast den 2025-12-15." in text
    assert "Vi har gjort en självskattning (egen granskning) av webbplatsen." in text
    assert "- Ingen test med skärmläsare." in text
    assert "**axe-core** (2025-12-01): Startsidan.\n\n    Resultat: Inga fel hittades." in text
    # Reporting, asking for accessible content, and DIGG's reporting function.
    assert text.count("[tillganglighet@example.se](mailto:tillganglighet@example.se)") == 2
    assert f"[anmäla bristande tillgänglighet till Digg]({DIGG_ANMALAN})" in text
    assert DIGG_ANMALAN == "https://www.digg.se/tdosanmalan"


def test_the_headings_are_diggs_in_diggs_order(project):
    text = text_of(publication_of(project))
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings[1:] == [
        "## Hur tillgänglig är webbplatsen?",
        "## Vad kan du göra om du inte kan använda delar av webbplatsen?",
        "## Rapportera brister i webbplatsens tillgänglighet",
        "## Tillsyn",
        "## Teknisk information om webbplatsens tillgänglighet",
        "### Innehåll som inte är tillgängligt",
        "#### Bristande förenlighet med lagkraven",
        "#### Oskäligt betungande anpassning",
        "#### Innehåll som inte omfattas av tillämplig lagstiftning",
        "## Hur vi testat webbplatsen",
        "### Automatiska kontroller",
    ]


def test_both_audiences_get_the_same_statement_for_their_own_site(project):
    intranat = text_of(publication_of(project, "intranät"))
    publik = text_of(publication_of(project, "publik"))
    assert "för Testplats · Publik webb" in publik
    assert intranat.replace("Intranät", "Publik webb") == publik


def test_a_form_address_is_a_link_that_says_it_is_a_form(project):
    text = text_of(publication_of(project), "https://example.se/synpunkter?typ=tillganglighet")
    assert (
        "[använd vårt formulär för synpunkter](https://example.se/synpunkter?typ=tillganglighet)"
        in text
    )


HOSTILE = "<script>alert(1)</script> {{ config.site_name }} [x](javascript:alert(2)) | # ` *"


def test_every_data_value_is_escaped(project):
    pub = publication_of(project)
    statement = dataclasses.replace(
        pub.model.redogorelse,
        organisation=HOSTILE,
        tjanst=HOSTILE,
        metod_beskrivning=HOSTILE,
        inte_gjort=(HOSTILE,),
        automatiska_kontroller=(Kontroll(HOSTILE, HOSTILE, HOSTILE, date(2025, 12, 1)),),
        brister=(Brist(HOSTILE, (HOSTILE,), HOSTILE, HOSTILE, True),),
        undantag=(
            Undantag(HOSTILE, "oskäligt betungande", HOSTILE),
            Undantag(HOSTILE, "omfattas inte", HOSTILE),
        ),
    )
    hostile = dataclasses.replace(
        pub, model=dataclasses.replace(pub.model, tillganglighet=(statement,))
    )
    text = text_of(hostile)
    assert "<script" not in text
    assert "{{" not in text
    assert "[x](javascript" not in text and r"\[x\](javascript" in text
    html = python_markdown.Markdown(extensions=["def_list", "md_in_html", "tables", "toc"])
    cleaned = clean_page_html(html.convert(text), addresses.TILLGANGLIGHET, lambda p: False)
    assert "<script" not in cleaned and 'href="javascript' not in cleaned
    # Shown as the text it is, once per place it was written.
    assert cleaned.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 12


def test_no_statement_no_page(project):
    pub = publication_of(project)
    empty = dataclasses.replace(pub, model=dataclasses.replace(pub.model, tillganglighet=()))
    assert page(empty, KONTAKT) is None
