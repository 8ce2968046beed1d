"""Markdown views: the head of an anvisning page and the macro fragments."""

from __future__ import annotations

import pytest

from styrdok.select import select
from styrdok.views import pages

from conftest import check


@pytest.fixture
def publication(project):
    return select(check(project).model)


def test_md_escapes_markdown_and_html_in_data():
    assert pages.md("a | b *c* <script>") == r"a \| b \*c\* &lt;script&gt;"
    assert pages.md("{{ x }}") == r"\{\{ x \}\}"


def test_links_are_relative_to_the_page_they_are_on():
    assert pages.link("index.md", "anvisningar/a.md") == "anvisningar/a.md"
    assert pages.link("anvisningar/index.md", "anvisningar/a.md") == "a.md"
    assert pages.link("anvisningar/a.md", "fokusomraden.md", "x") == "../fokusomraden.md#x"


def test_anvisning_head_shows_status_dates_owner_and_links(publication):
    head = pages.anvisning_sidhuvud(publication, publication.model.anvisning_med_id("krisledning"))
    assert head.startswith("# Anvisning för krisledning\n")
    assert "sd-status--gallande" in head
    for text in (
        "2019-05-02 av Stadsledningskontoret",
        "2019-06-01",
        "2027-06-01",
        "Kommunstyrelsen",
    ):
        assert text in head
    assert "Samtliga nämnder och bolagsstyrelser" in head
    assert "[Bygga motståndskraft](../fokusomraden/krisberedskap.md)" in head
    assert "[Kommunstyrelsen](../organ/kommunstyrelsen.md)" in head
    assert "[Gammal anvisning för krisledning](krisledning-gammal.md)" in head
    assert "(SFS 2006:544)" in head
    assert '!!! warning "Exempelinnehåll"' in head


def test_repealed_anvisning_says_so_and_links_its_replacement(publication):
    head = pages.anvisning_sidhuvud(publication, publication.model.anvisning_med_id("krisledning-gammal"))
    assert '!!! danger "Upphävd"' in head
    assert "[Anvisning för krisledning](krisledning.md)" in head
    assert "Ersatt av" in head


def test_draft_says_it_does_not_apply_yet_and_names_who_it_is_for(publication):
    head = pages.anvisning_sidhuvud(publication, publication.model.anvisning_med_id("trygghet-i-bromma"))
    assert '!!! note "Utkast"' in head
    assert (
        "Alla bolagsstyrelser, [Bromma stadsdelsnämnd](../organ/bromma-stadsdelsnamnd.md)" in head
    )
    assert "mailto:trygghet@example.se" in head
    assert "Exempelinnehåll" not in head


def test_programme_status_in_force(publication):
    assert "Programmet gäller" in pages.program_status(publication)


def test_programme_no_longer_in_force_is_never_shown_as_current(project):
    program = project / "data" / "program.yml"
    program.write_text(program.read_text().replace("status: gällande", "status: utgått"))
    publication = select(check(project).model)
    status = pages.program_status(publication)
    assert "gäller inte längre" in status
    assert 'Programmet gäller"' not in status
    assert "Har utgått" in pages.program_fakta(publication)


def test_programme_facts_name_the_replaced_programme_and_its_dnr(publication):
    facts = pages.program_fakta(publication)
    assert "Testprogram 2013–2016 (dnr 307-643/2012), som har utgått som styrdokument" in facts
    assert "Kommunfullmäktige" in facts


def test_malomraden_mark_the_core(publication):
    text = pages.malomraden_lista(publication, "malomraden/index.md")
    assert "## Individens trygghet och säkerhet {#individens-trygghet}" in text
    assert text.count("Kärnan i programmet") == 1


def test_fokusomraden_overview_links_each_page_and_counts_current_anvisningar(publication):
    text = pages.fokusomraden_lista(publication, "fokusomraden/index.md")
    assert "Kommunikation ingår i alla fokusområden." in text
    assert "[Målsättningar och 1 anvisningar för bygga motståndskraft](krisberedskap.md)" in text
    assert "[Bygga motståndskraft]" not in text


def test_anvisningar_table_filters_and_keeps_repealed_apart(publication):
    table = pages.anvisningar_tabell(publication, "anvisningar/index.md")
    assert "krisledning.md" in table and "krisledning-gammal.md" not in table
    repealed = pages.anvisningar_tabell(publication, "anvisningar/index.md", upphavda=True)
    assert "krisledning-gammal.md" in repealed and "(krisledning.md)" not in repealed
    brott = pages.anvisningar_tabell(publication, "index.md", "forebygga-brott")
    assert "anvisningar/trygghet-i-bromma.md" in brott and "krisledning" not in brott


def test_macro_with_unknown_id_fails_loudly(publication):
    with pytest.raises(ValueError, match="okänt fokusområde 'forebygga-brot'"):
        pages.anvisningar_tabell(publication, "index.md", "forebygga-brot")
    with pytest.raises(ValueError, match="okänd organtyp"):
        pages.organ_lista(publication, "index.md", "nämnd")


def test_organ_list_by_type(publication):
    assert pages.organ_lista(publication, "index.md", "bolagsstyrelse") == (
        "- [AB Svenska Bostäder](organ/ab-svenska-bostader.md)\n"
        "- [Stockholms Stadshus AB](organ/stockholms-stadshus-ab.md)"
    )


def test_programme_tasks_by_type_or_organ(project):
    program = project / "data" / "program.yml"
    program.write_text(
        program.read_text().replace(
            "  ersatter:\n    - program-forr\n",
            "  ansvar:\n    - organtyper: [facknämnd, kommunstyrelse]\n      uppgifter: [Genomför programmet.]\n"
            "    - organ: [stadsledningskontoret]\n      uppgifter: [Bereder.]\n"
            "  ersatter:\n    - program-forr\n",
        )
    )
    publication = select(check(project).model)
    assert pages.program_ansvar(publication, "facknämnd") == "- Genomför programmet."
    assert pages.program_ansvar(publication, "stadsledningskontoret") == "- Bereder."
    assert "inga uppgifter" in pages.program_ansvar(publication, "bolagsstyrelse")
    with pytest.raises(ValueError, match="varken en organtyp"):
        pages.program_ansvar(publication, "nämnden")


def test_version_history_and_last_change_are_shown_from_the_data(project):
    doc = project / "docs" / "anvisningar" / "krisledning.md"
    doc.write_text(
        doc.read_text().replace(
            "version: 2\n",
            "version: 2\nhistorik:\n  - datum: 2015-01-01\n    version: 1\n    andring: Beslutad.\n"
            "  - datum: 2020-06-01\n    andring: Ny kontakt.\n",
        )
    )
    publication = select(check(project).model)
    anvisning = publication.model.anvisning_med_id("krisledning")
    assert anvisning.senast_andrad.isoformat() == "2020-06-01"
    head = pages.anvisning_sidhuvud(publication, anvisning)
    assert "Senast ändrad\n:   2020-06-01" in head
    foot = pages.anvisning_sidfot(publication, anvisning, ())
    assert foot.index("| 2020-06-01 | – | Ny kontakt. |") < foot.index(
        "| 2015-01-01 | 1 | Beslutad. |"
    )
