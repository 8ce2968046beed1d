"""The fragments hand-written pages embed through macros (views/fragments.py): the
programme's status and facts, lists of målområden, fokusområden and organ, the tables of
anvisningar."""

from __future__ import annotations

import pytest

from styrdok.select import select
from styrdok.views import fragments

from helpers import check


def test_programme_status_in_force(publication):
    assert "Programmet gäller" in fragments.program_status(publication)


def test_programme_no_longer_in_force_is_never_shown_as_current(project):
    program = project / "data" / "program.yml"
    program.write_text(program.read_text().replace("status: gällande", "status: utgått"))
    publication = select(check(project).model)
    status = fragments.program_status(publication)
    assert "gäller inte längre" in status
    assert 'Programmet gäller"' not in status
    assert "Har utgått" in fragments.program_fakta(publication)


def test_programme_facts_name_the_replaced_programme_and_its_dnr(publication):
    facts = fragments.program_fakta(publication)
    assert "Testprogram 2013–2016 (dnr 307-643/2012), som har utgått som styrdokument" in facts
    assert "Kommunfullmäktige" in facts


def test_malomraden_mark_the_core(publication):
    text = fragments.malomraden_lista(publication, "malomraden/index.md")
    assert "## Individens trygghet och säkerhet {#individens-trygghet}" in text
    assert text.count("Kärnan i programmet") == 1


def test_fokusomraden_overview_links_each_page_and_counts_current_anvisningar(publication):
    text = fragments.fokusomraden_lista(publication, "fokusomraden/index.md")
    assert "Kommunikation ingår i alla fokusområden." in text
    assert "[Målsättningar och 1 anvisningar för bygga motståndskraft](krisberedskap.md)" in text
    assert "[Bygga motståndskraft]" not in text


def test_anvisningar_table_filters_and_keeps_repealed_apart(publication):
    table = fragments.anvisningar_tabell(publication, "anvisningar/index.md")
    assert "krisledning.md" in table and "krisledning-gammal.md" not in table
    repealed = fragments.anvisningar_tabell(publication, "anvisningar/index.md", upphavda=True)
    assert "krisledning-gammal.md" in repealed and "(krisledning.md)" not in repealed
    brott = fragments.anvisningar_tabell(publication, "index.md", "forebygga-brott")
    assert "anvisningar/trygghet-i-bromma.md" in brott and "krisledning" not in brott


def test_macro_with_unknown_id_fails_loudly(publication):
    with pytest.raises(ValueError, match="okänt fokusområde 'forebygga-brot'"):
        fragments.anvisningar_tabell(publication, "index.md", "forebygga-brot")
    with pytest.raises(ValueError, match="okänd organtyp"):
        fragments.organ_lista(publication, "index.md", "nämnd")


def test_organ_list_by_type(publication):
    assert fragments.organ_lista(publication, "index.md", "bolagsstyrelse") == (
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
    assert fragments.program_ansvar(publication, "facknämnd") == "- Genomför programmet."
    assert fragments.program_ansvar(publication, "stadsledningskontoret") == "- Bereder."
    assert "inga uppgifter" in fragments.program_ansvar(publication, "bolagsstyrelse")
    with pytest.raises(ValueError, match="varken en organtyp"):
        fragments.program_ansvar(publication, "nämnden")
