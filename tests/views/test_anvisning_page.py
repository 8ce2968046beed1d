"""The page of one anvisning (views/anvisning_page.py): its head with status, dates,
owner and links, and its foot with the version history."""

from __future__ import annotations

from styrdok.select import select
from styrdok.views import anvisning_page

from helpers import check


def test_anvisning_head_shows_status_dates_owner_and_links(publication):
    head = anvisning_page.anvisning_sidhuvud(
        publication, publication.model.anvisning_med_id("krisledning")
    )
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
    # The notice is the same on every page: left out of the search index.
    assert '<div class="admonition warning" data-search-exclude markdown>' in head
    assert '<p class="admonition-title">Exempelinnehåll</p>' in head


def test_repealed_anvisning_says_so_and_links_its_replacement(publication):
    head = anvisning_page.anvisning_sidhuvud(
        publication, publication.model.anvisning_med_id("krisledning-gammal")
    )
    assert '!!! danger "Upphävd"' in head
    assert "[Anvisning för krisledning](krisledning.md)" in head
    assert "Ersatt av" in head


def test_draft_says_it_does_not_apply_yet_and_names_who_it_is_for(publication):
    head = anvisning_page.anvisning_sidhuvud(
        publication, publication.model.anvisning_med_id("trygghet-i-bromma")
    )
    assert '!!! note "Utkast"' in head
    assert (
        "Alla bolagsstyrelser, [Bromma stadsdelsnämnd](../organ/bromma-stadsdelsnamnd.md)" in head
    )
    assert "mailto:trygghet@example.se" in head
    assert "Exempelinnehåll" not in head


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
    head = anvisning_page.anvisning_sidhuvud(publication, anvisning)
    assert "Senast ändrad\n:   2020-06-01" in head
    foot = anvisning_page.anvisning_sidfot(publication, anvisning, ())
    assert foot.index("| 2020-06-01 | – | Ny kontakt. |") < foot.index(
        "| 2015-01-01 | 1 | Beslutad. |"
    )
