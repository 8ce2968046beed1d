"""Generated cross-reference pages: one per fokusområde, målområde and organ, and the lists
that gather them, tested on the core."""

from __future__ import annotations

from datetime import date

import yaml

from styrdok.core import addresses
from styrdok.views.crossref import generate

from helpers import publication_of

TODAY = date(2026, 1, 1)


def pages_of(project, today=TODAY):
    return {page.sida: page for page in generate(publication_of(project), today)}


def front_matter(text: str) -> dict:
    return yaml.safe_load(text.split("---\n")[1])


def test_every_fokusomrade_malomrade_and_organ_has_a_page(project):
    pub = publication_of(project)
    pages = {p.sida for p in generate(pub, TODAY)}
    for fokus in pub.fokusomraden:
        assert addresses.fokusomrade(fokus.id) in pages
    for malomrade in pub.malomraden:
        assert addresses.malomrade(malomrade.id) in pages
    for organ in pub.organ:
        assert addresses.organ(organ.id) in pages
    assert {addresses.ORGAN, addresses.SAMTLIGA, addresses.UPPHAVDA} <= pages


def test_generated_pages_rank_below_the_anvisningar_in_search(project):
    for page in pages_of(project).values():
        assert front_matter(page.text)["search"]["boost"] < 1


def test_generated_titles_are_quoted_safely(project):
    organ = project / "data" / "organ.yml"
    organ.write_text(
        organ.read_text().replace("namn: Socialnämnden", 'namn: "Social: \\"nämnden\\""')
    )
    page = pages_of(project)[addresses.organ("socialnamnden")]
    assert front_matter(page.text)["title"] == 'Vad gäller för Social: "nämnden"?'


def test_fokusomrade_page_lists_goals_anvisningar_and_organ_concerned(project):
    text = pages_of(project)[addresses.fokusomrade("krisberedskap")].text
    assert "- Kontinuitetsplaner finns." in text
    assert "exempeltext" in text
    assert "Kommunikation ingår i alla fokusområden." in text
    assert "[Anvisning för krisledning](../anvisningar/krisledning.md)" in text
    assert (
        "krisledning-gammal.md"
        not in text.split("## Berörda organ")[0].split("## Anvisningar")[1].split("upphävda")[0]
    )
    assert "1 upphävda anvisningar" in text
    assert "Ansvariga för anvisningarna: [Kommunstyrelsen](../organ/kommunstyrelsen.md)" in text
    assert "[samtliga nämnder och bolagsstyrelser](../organ/samtliga.md)" in text
    assert "[Individens trygghet och säkerhet](../malomraden/individens-trygghet.md)" in text


def test_malomrade_page_lists_fokusomraden_bearing_on_it_and_their_anvisningar(project):
    text = pages_of(project)[addresses.malomrade("stadens-funktionalitet")].text
    assert "### [Bygga motståndskraft](../fokusomraden/krisberedskap.md)" in text
    assert "Förebygga brott" not in text
    assert "[Anvisning för krisledning](../anvisningar/krisledning.md)" in text
    core = pages_of(project)[addresses.malomrade("individens-trygghet")].text
    assert "kärnan i programmet" in core


def test_organ_page_links_the_common_list_instead_of_repeating_it(project):
    text = pages_of(project)[addresses.organ("socialnamnden")].text
    assert "[se listan](samtliga.md)" in text
    assert "krisledning.md" not in text
    samtliga = pages_of(project)[addresses.SAMTLIGA].text
    assert "[Anvisning för krisledning](../anvisningar/krisledning.md)" in samtliga


def test_organ_page_shows_responsibilities_from_the_programme(project):
    program = project / "data" / "program.yml"
    program.write_text(
        program.read_text().replace(
            "  ersatter:\n    - program-forr\n",
            "  ansvar:\n    - organtyper: [facknämnd]\n      uppgifter: [Rapporterar lägesbilder årligen.]\n"
            "    - organ: [stadsledningskontoret]\n      uppgifter: [Bereder och samordnar.]\n"
            "  ersatter:\n    - program-forr\n",
        )
    )
    pages = pages_of(project)
    assert "- Rapporterar lägesbilder årligen." in pages[addresses.organ("socialnamnden")].text
    assert "Rapporterar" not in pages[addresses.organ("ab-svenska-bostader")].text
    assert "- Bereder och samordnar." in pages[addresses.organ("stadsledningskontoret")].text


def test_anvisning_for_one_named_organ_shows_on_that_organ_page_only(project):
    anvisning = project / "docs" / "anvisningar" / "trygghet-i-bromma.md"
    anvisning.write_text(
        anvisning.read_text()
        .replace("  organtyper:\n    - bolagsstyrelse\n", "")
        .replace(
            "status: utkast",
            "status: gällande\nbeslutsdatum: 2024-01-01\nbeslutad_av: kommunstyrelsen\n"
            "giltig_fran: 2024-02-01\nrevideras_senast: 2028-01-01",
        )
    )
    pub = publication_of(project)
    pages = {p.sida: p.text for p in generate(pub, TODAY)}
    link = "trygghet-i-bromma.md"
    with_it = [o.id for o in pub.organ if link in pages[addresses.organ(o.id)]]
    # Bromma is named; its owner page lists it too, under what it owns.
    assert with_it == ["bromma-stadsdelsnamnd"]
    assert (
        "### Särskilt för Bromma stadsdelsnämnd" in pages[addresses.organ("bromma-stadsdelsnamnd")]
    )
    assert link not in pages[addresses.SAMTLIGA]


def test_every_current_anvisning_is_reachable_from_each_organ_it_applies_to(project):
    pub = publication_of(project)
    pages = {p.sida: p.text for p in generate(pub, TODAY)}
    for anvisning in pub.anvisningar:
        if anvisning.status == "upphävd":
            continue
        for organ in pub.organ:
            if not anvisning.galler_for.omfattar(organ):
                continue
            page = pages[addresses.organ(organ.id)]
            target = f"../anvisningar/{anvisning.id}.md"
            via_common = anvisning.galler_for.alla and "(samtliga.md)" in page
            assert target in page or (via_common and target in pages[addresses.SAMTLIGA])


def test_ska_revideras_lists_passed_and_soon_due(project):
    text = pages_of(project, today=date(2027, 4, 1))[addresses.SKA_REVIDERAS].text
    passed, soon = text.split("## Ska revideras inom 90 dagar")
    assert "krisledning.md" in soon and "krisledning.md" not in passed
    text = pages_of(project, today=date(2027, 7, 1))[addresses.SKA_REVIDERAS].text
    passed, soon = text.split("## Ska revideras inom 90 dagar")
    assert "krisledning.md" in passed
    assert "2027-07-01" in text


def test_nytt_och_andrat_is_newest_first(project):
    text = pages_of(project)[addresses.NYTT_OCH_ANDRAT].text
    rows = [line for line in text.splitlines() if line.startswith("| 20")]
    dates = [row.split(" | ")[0].strip("| ") for row in rows]
    assert dates == sorted(dates, reverse=True)
    assert "Version 2 beslutad" in text and "Upphävd" in text
    # Each version's decision, linked to that version's page, with the state now.
    (first,) = [row for row in rows if "Ny anvisning beslutad, gäller från 2017-01-01" in row]
    assert first.startswith("| 2016-12-05 |")
    assert "[Anvisning för krisledning](krisledning.md)" in first
    assert "[Version 1](krisledning/version-1.md)" in first
    assert 'sd-status--gallande">Gällande</span>' in first
    (old,) = [row for row in rows if row.startswith("| 2014-01-10 |")]
    assert "[Version 1](krisledning-gammal.md)" in old and ">Upphävd</span>" in old
    assert "(../andringar-alla.xml)" in text


def test_upphavda_page_lists_repealed_with_replacement(project):
    text = pages_of(project)[addresses.UPPHAVDA].text
    assert (
        "| [Gammal anvisning för krisledning](krisledning-gammal.md) | 2019-06-01 | [Anvisning för krisledning](krisledning.md) |"
        in text
    )


def test_organ_and_fokus_pages_link_their_own_feed(project):
    pages = pages_of(project)
    organ = pages[addresses.organ("bromma-stadsdelsnamnd")].text
    assert "[Atom-flöde](../andringar-organ-bromma-stadsdelsnamnd.xml)" in organ
    fokus = pages[addresses.fokusomrade("krisberedskap")].text
    assert "[Atom-flöde](../andringar-fokusomrade-krisberedskap.xml)" in fokus
