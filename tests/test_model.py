"""Linking, integrity helpers and selection, tested on the model directly."""

from __future__ import annotations

from datetime import date

from styrdok.core.integrity import find_cycles
from styrdok.select import select

from conftest import check


def test_model_links_the_valid_project(project):
    model = check(project).model
    assert [p.id for p in model.program] == ["program-nu", "program-forr"]
    krisledning = model.anvisning_med_id("krisledning")
    assert krisledning.beslutsdatum == date(2019, 5, 2)
    assert krisledning.sida == "anvisningar/krisledning.md"
    assert "## Syfte" in krisledning.text
    assert model.anvisning_ersatt_av("krisledning-gammal") == "krisledning"
    assert model.program_ersatt_av("program-forr") == "program-nu"


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


def test_find_cycles_reports_each_cycle_once_from_its_smallest_id():
    edges = {"c": ("a",), "a": ("b",), "b": ("c",), "x": ("x",), "y": ("z",), "z": ()}
    assert find_cycles(edges) == [("a", "b", "c"), ("x",)]


def test_find_cycles_handles_long_chains_without_recursion():
    edges = {f"n{i}": (f"n{i + 1}",) for i in range(20000)}
    assert find_cycles(edges) == []
    edges["n20000"] = ("n0",)
    (cycle,) = find_cycles(edges)
    assert len(cycle) == 20001


def test_selection_shows_the_programme_in_force(project):
    publication = select(check(project).model)
    assert publication.program.id == "program-nu"
    assert [m.id for m in publication.malomraden] == [
        "individens-trygghet",
        "stadens-funktionalitet",
    ]
    assert publication.anvisning_for_sida("anvisningar/krisledning.md").id == "krisledning"


def test_selection_without_a_programme_in_force_shows_the_latest(project):
    program = project / "data" / "program.yml"
    program.write_text(program.read_text().replace("status: gällande", "status: utgått"))
    publication = select(check(project).model)
    assert publication.program.id == "program-nu"
    assert not publication.program.i_kraft


def test_anvisningar_are_in_swedish_alphabetical_order(project):
    doc = project / "docs" / "anvisningar" / "krisledning.md"
    doc.write_text(
        doc.read_text().replace("titel: Anvisning för krisledning", "titel: Ökad beredskap")
    )
    titles = [a.titel for a in select(check(project).model).anvisningar]
    assert titles == [
        "Gammal anvisning för krisledning",
        "Lokal trygghetsmätning i Bromma",
        "Ökad beredskap",
    ]
