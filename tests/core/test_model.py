"""The model the linker builds from the valid project: references resolved, and whom an
anvisning applies to."""

from __future__ import annotations

from datetime import date

from helpers import check


def test_model_links_the_valid_project(project):
    model = check(project).model
    assert [p.id for p in model.program] == ["program-nu", "program-forr"]
    krisledning = model.anvisning_med_id("krisledning")
    assert krisledning.beslutsdatum == date(2019, 5, 2)
    assert krisledning.sida == "anvisningar/krisledning.md"
    assert "## Syfte" in krisledning.text
    assert model.anvisning_ersatt_av("krisledning-gammal") == "krisledning"
    assert model.program_ersatt_av("program-forr") == ("program-nu",)
    assert model.program_ersatt_av("program-nu") == ()


def test_applies_to_all_means_every_nämnd_and_bolagsstyrelse_but_not_offices(project):
    model = check(project).model
    alla = model.anvisning_med_id("krisledning").galler_for
    assert alla.omfattar(model.organ_med_id("socialnamnden"))
    assert alla.omfattar(model.organ_med_id("ab-svenska-bostader"))
    assert not alla.omfattar(model.organ_med_id("stadsledningskontoret"))
    assert not alla.omfattar(model.organ_med_id("kommunfullmaktige"))


def test_applies_to_named_organ_and_types(project):
    model = check(project).model
    bromma = model.anvisning_med_id("trygghet-i-bromma").galler_for
    assert bromma.omfattar(model.organ_med_id("bromma-stadsdelsnamnd"))
    assert bromma.omfattar(model.organ_med_id("ab-svenska-bostader"))
    assert not bromma.omfattar(model.organ_med_id("socialnamnden"))
