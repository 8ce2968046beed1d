"""Selection (styrdok.select): what of the model each audience gets, decided once.

The rules, from select.py: the intranet gets öppen and intern documents in full and a
skyddad anvisning as metadata only; the public site gets öppen documents only. A year's
reports likewise: a skyddad one on the intranet as the fact of submission only, and on
the public site nothing that is not öppen.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from styrdok.core.giltighet import Programtillstand
from styrdok.select import SKYDDAD_SAMMANFATTNING, Visning, select, visning

from helpers import check
from helpers.canaries import REPORT_CANARIES, add_canaries, add_report_canaries

# Programme, order --------------------------------------------------------------------------


def test_selection_shows_the_programme_in_force(project):
    publication = select(check(project).model)
    assert publication.program.id == "program-nu"
    assert [m.id for m in publication.malomraden] == [
        "individens-trygghet",
        "stadens-funktionalitet",
    ]
    assert publication.anvisning_for_sida("anvisningar/krisledning.md").id == "krisledning"


def test_selection_without_a_programme_in_force_shows_the_one_its_content_belongs_to(project):
    program = project / "data" / "program.yml"
    program.write_text(program.read_text().replace("status: gällande", "status: utgått"))
    publication = select(check(project).model)
    assert publication.program.id == "program-nu"
    assert not publication.program.i_kraft
    assert [m.id for m in publication.malomraden] == [
        "individens-trygghet",
        "stadens-funktionalitet",
    ]


LATER = """
- id: program-senare
  titel: Senare program 2031–2034
  period:
    fran: 2031
    till: 2034
  status: gällande
  beslutad_av: kommunfullmaktige
  ersatter:
    - program-nu
"""


def test_a_successor_without_content_of_its_own_is_not_the_programme_shown(project):
    program = project / "data" / "program.yml"
    text = program.read_text().replace("status: gällande", "status: utgått", 1)
    program.write_text(text + LATER)
    publication = select(check(project, date(2031, 6, 1)).model, dag=date(2031, 6, 1))
    assert publication.program.id == "program-nu"
    assert publication.programtillstand(publication.program) is Programtillstand.UTGATT
    assert publication.programtillstand(publication.model.program_med_id("program-senare")) is (
        Programtillstand.GALLANDE
    )
    assert len(publication.malomraden) == 2


def test_of_two_programmes_with_content_the_one_in_force_on_the_day_is_shown(project):
    program = project / "data" / "program.yml"
    program.write_text(program.read_text() + LATER)
    malomraden = project / "data" / "malomraden.yml"
    text = malomraden.read_text()
    second = text.index("- id:", 1)
    malomraden.write_text(
        text[:second] + text[second:].replace("program: program-nu", "program: program-senare")
    )
    outcome = check(project, date(2031, 6, 1))
    # The check refuses it (the site can present one programme's content), but selection
    # still chooses: both are marked in force, and in 2031 only the later one's period runs.
    assert "flera-gallande-program" in {p.code for p in outcome.errors}
    model = outcome.model
    assert select(model, dag=date(2031, 6, 1)).program.id == "program-senare"
    assert select(model, dag=date(2026, 6, 1)).program.id == "program-nu"


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


# Audiences ---------------------------------------------------------------------------------


def test_access_rules_for_each_audience():
    assert visning("öppen", "publik") is Visning.HEL
    assert visning("intern", "publik") is None
    assert visning("skyddad", "publik") is None
    assert visning("öppen", "intranät") is Visning.HEL
    assert visning("intern", "intranät") is Visning.HEL
    assert visning("skyddad", "intranät") is Visning.METADATA
    assert visning("öppen", "okänd") is None


def test_skyddad_anvisning_keeps_only_its_metadata(project):
    add_canaries(project)
    pub = select(check(project).model, "intranät")
    skyddad = pub.model.anvisning_med_id("kanarie-skyddad-id")
    assert skyddad.titel == "KANARIE-SKYDDAD-TITEL"
    assert skyddad.kontakt.funktion == "KANARIE-SKYDDAD-KONTAKT"
    assert skyddad.text == "" and skyddad.diarienummer is None and skyddad.rattslig_grund == ()
    assert "KANARIE" not in skyddad.sammanfattning


def test_withheld_files_are_pages_and_attachments_of_withheld_documents(project):
    add_canaries(project)
    pub = select(check(project).model, "publik")
    for path in (
        "anvisningar/kanarie-intern-id.md",
        "anvisningar/kanarie-skyddad-id/bilaga.txt",
        "anvisningar/kanarie-skyddad-id/analys.pdf",
        "anvisningar/kanarie-intern-id/bild.png",
        "intern-sida.md",
    ):
        assert pub.withholds(path), path
    for path in ("anvisningar/krisledning.md", "oppen-sida.md"):
        assert not pub.withholds(path), path
    assert pub.bilagor == frozenset()
    intranat = select(check(project).model, "intranät")
    assert intranat.bilagor == {"anvisningar/kanarie-intern-id/bild.png"}
    assert intranat.withholds("anvisningar/kanarie-skyddad-id/analys.pdf")


def test_the_public_selection_holds_only_oppen_documents(project):
    add_canaries(project)
    whole = check(project).model
    pub = select(whole, "publik")
    assert {a.atkomst for a in whole.anvisningar} == {"öppen", "intern", "skyddad"}
    assert {a.atkomst for a in pub.anvisningar} == {"öppen"}
    assert {a.atkomst for a in pub.model.anvisningar} == {"öppen"}
    assert {a.id for a in pub.anvisningar} == {
        a.id for a in whole.anvisningar if a.atkomst == "öppen"
    }
    assert {s.atkomst for s in pub.model.sidor} == {"öppen"}
    assert pub.sida("intern-sida.md") is None
    assert pub.bara_metadata == frozenset()
    withheld = {a.sida for a in whole.anvisningar if a.atkomst != "öppen"}
    assert withheld | {"intern-sida.md"} <= pub.undanhallna


def test_the_intranet_publishes_intern_in_full_and_skyddad_as_metadata_only(project):
    add_canaries(project)
    whole = check(project).model
    pub = select(whole, "intranät")
    source = whole.anvisning_med_id("kanarie-skyddad-id")
    skyddad = pub.model.anvisning_med_id("kanarie-skyddad-id")
    assert skyddad in pub.anvisningar
    assert source.sida in pub.bara_metadata and source.sida not in pub.undanhallna
    assert source.bilagor and skyddad.bilagor == ()
    assert set(source.bilagor) <= pub.undanhallna_bilagor
    assert not set(source.bilagor) & pub.bilagor
    assert skyddad.sammanfattning == SKYDDAD_SAMMANFATTNING
    assert skyddad.text == "" and skyddad.historik == ()
    intern = pub.model.anvisning_med_id("kanarie-intern-id")
    assert intern.sammanfattning == "KANARIE-INTERN-SAMMANFATTNING"
    assert "KANARIE-INTERN-TEXT" in intern.text
    assert intern.diarienummer == whole.anvisning_med_id("kanarie-intern-id").diarienummer
    assert pub.sida("intern-sida.md") is not None


def test_an_unknown_audience_is_refused(project):
    with pytest.raises(ValueError, match="okänd målgrupp 'alla'"):
        select(check(project).model, "alla")


def test_links_to_and_replacements_of_withheld_documents_are_left_out(project):
    add_canaries(project)
    gammal = project / "docs" / "anvisningar" / "krisledning-gammal.md"
    gammal.write_text(gammal.read_text().replace("atkomst: öppen", "atkomst: intern"))
    outcome = check(project)
    assert outcome.ok, outcome.problems
    intranat = select(outcome.model, "intranät").model.anvisning_med_id("krisledning")
    publik = select(outcome.model, "publik").model.anvisning_med_id("krisledning")
    assert intranat.ersatter == ("krisledning-gammal",)
    assert publik.ersatter == ()
    assert "kanarie-intern-id.md" in intranat.text
    assert "kanarie-intern-id.md" not in publik.text
    assert "den interna" in publik.text


# Reporting ---------------------------------------------------------------------------------


def reports(pub, ar=2024):
    (year,) = [y for y in pub.uppfoljning if y.ar == ar]
    return {r.organ: r for r in year.rapporter}


def test_the_intranet_gets_oppen_and_intern_reports_in_full(project):
    add_report_canaries(project)
    whole = check(project).model
    source = reports(select(whole, "intranät").model)  # the published model carries them too
    (year,) = [y for y in whole.uppfoljning if y.ar == 2024]
    for rapport in year.rapporter:
        if rapport.atkomst in ("öppen", "intern"):
            assert source[rapport.organ] == rapport


def test_the_intranet_gets_a_skyddad_report_as_the_fact_of_submission_only(project):
    add_report_canaries(project)
    skyddad = reports(select(check(project).model, "intranät"))["socialnamnden"]
    assert (skyddad.organ, skyddad.inlamnad, skyddad.inlamnad_datum.isoformat()) == (
        "socialnamnden",
        True,
        "2025-02-12",
    )
    assert skyddad.referens is None and skyddad.notering is None and skyddad.risker == ()
    assert not any(canary in repr(skyddad) for canary in REPORT_CANARIES["skyddad"])


def test_the_public_gets_only_oppen_reports_and_nothing_of_the_others(project):
    add_report_canaries(project)
    whole = check(project).model
    pub = select(whole, "publik")
    shown = reports(pub)
    assert set(shown) == {"bromma-stadsdelsnamnd", "stockholms-stadshus-ab", "ab-svenska-bostader"}
    assert {r.atkomst for y in pub.uppfoljning for r in y.rapporter} == {"öppen"}
    assert pub.model.uppfoljning == pub.uppfoljning
    # Not even whether the others came in: no trace of their organ in any year.
    withheld = {
        (y.ar, r.organ) for y in whole.uppfoljning for r in y.rapporter if r.atkomst != "öppen"
    }
    assert len(withheld) == 5
    assert not withheld & {(y.ar, r.organ) for y in pub.uppfoljning for r in y.rapporter}
    assert shown["bromma-stadsdelsnamnd"].risker[0].titel == "Öppen risk i Bromma"


def test_reporting_years_are_published_oldest_first(project):
    add_report_canaries(project)
    assert [y.ar for y in select(check(project).model, "publik").uppfoljning] == [2024, 2025]


def test_a_report_with_an_access_level_selection_does_not_know_is_never_published(project):
    whole = check(project).model
    (year,) = whole.uppfoljning
    odd = replace(year.rapporter[0], atkomst="hemlig")
    strange = replace(whole, uppfoljning=(replace(year, rapporter=(odd,)),))
    for malgrupp in ("intranät", "publik"):
        assert select(strange, malgrupp).uppfoljning[0].rapporter == ()


# Risk matrices and indicators ---------------------------------------------------------------


def test_the_risk_matrices_count_only_what_each_audience_reads(project):
    add_report_canaries(project)
    whole = check(project).model
    for malgrupp in ("intranät", "publik"):
        pub = select(whole, malgrupp)
        readable = [
            r
            for y in whole.uppfoljning
            for r in y.rapporter
            if visning(r.atkomst, malgrupp) is Visning.HEL and r.inlamnad
        ]
        exact = [m for m in pub.riskbilder if m.fokusomrade is None]
        assert sum(m.risker for m in exact) == sum(len(r.risker) for r in readable)
        assert {m.ar for m in exact} == {y.ar for y in whole.uppfoljning}


def test_no_risk_matrix_counts_a_skyddad_report(project):
    add_report_canaries(project)
    whole = check(project).model
    (year,) = [y for y in whole.uppfoljning if y.ar == 2024]
    skyddad = next(r for r in year.rapporter if r.atkomst == "skyddad")
    cell = (skyddad.risker[0].sannolikhet, skyddad.risker[0].konsekvens)
    for malgrupp in ("intranät", "publik"):
        (matrix,) = [
            m for m in select(whole, malgrupp).riskbilder if m.ar == 2024 and m.fokusomrade is None
        ]
        # The canary's skyddad risk is the only one at (4, 5): nothing counts it.
        assert matrix.celler[cell] == 0


def test_indicators_follow_the_access_levels(project):
    whole = check(project).model
    assert {i.id for i in select(whole, "intranät").indikatorer} == {
        "otrygghet-kvall",
        "tillbud-internt",
    }
    assert [i.id for i in select(whole, "publik").indikatorer] == ["otrygghet-kvall"]
    assert [i.id for i in select(whole, "publik").model.indikatorer] == ["otrygghet-kvall"]


def test_an_indicator_with_an_access_level_selection_does_not_know_is_never_published(project):
    whole = check(project).model
    odd = replace(whole.indikatorer[0], atkomst="skyddad")
    strange = replace(whole, indikatorer=(odd,))
    for malgrupp in ("intranät", "publik"):
        assert select(strange, malgrupp).indikatorer == ()


# Earlier versions ----------------------------------------------------------------------------


def _with_levels(project, current: str, kept: str):
    """krisledning at access level `current`, its kept version 1 at `kept`."""
    for name in ("krisledning.md", "krisledning/version-1.md"):
        page = project / "docs" / "anvisningar" / name
        level = current if name == "krisledning.md" else kept
        page.write_text(page.read_text().replace("atkomst: öppen", f"atkomst: {level}"))
    outcome = check(project)
    assert outcome.ok, outcome.problems
    return outcome.model


@pytest.mark.parametrize(
    ("current", "kept", "intranat", "publik"),
    [
        ("öppen", "öppen", "hel", "hel"),
        # Published no more openly than the anvisning is now ...
        ("intern", "öppen", "hel", None),
        ("skyddad", "öppen", "metadata", None),
        # ... nor than it was then.
        ("öppen", "intern", "hel", None),
        ("öppen", "skyddad", "metadata", None),
    ],
)
def test_an_earlier_version_is_published_at_the_strictest_level(
    project, current, kept, intranat, publik
):
    model = _with_levels(project, current, kept)
    sida = "anvisningar/krisledning/version-1.md"
    for malgrupp, expected in (("intranät", intranat), ("publik", publik)):
        pub = select(model, malgrupp)
        found = pub.version_for_sida(sida)
        if expected is None:
            assert found is None and sida in pub.undanhallna
            assert all(v.id != "krisledning" for v in pub.model.versioner)
        elif expected == "metadata":
            assert found is not None and found.text == "" and sida in pub.bara_metadata
            assert found.sammanfattning == SKYDDAD_SAMMANFATTNING
        else:
            assert found is not None and "första versionen" in found.text


def test_a_withheld_version_still_counts_for_validity_but_is_not_shown(project):
    # The public site may not read version 1 (intern then), but the anvisning was in
    # force on a day of its period: in force, in a version the audience cannot see.
    model = _with_levels(project, "öppen", "intern")
    from datetime import date

    public = select(model, "publik", date(2018, 1, 1))
    a = public.model.anvisning_med_id("krisledning")
    found = public.giltighet(a)
    assert found.i_kraft and found.gallande is None and found.dold == 1
    assert [p.version for p in found.perioder] == [2]
    intranet = select(model, "intranät", date(2018, 1, 1))
    found = intranet.giltighet(intranet.model.anvisning_med_id("krisledning")).gallande
    assert found is not None and found.version == 1
