"""Questions every view asks of the publication (views/queries.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from styrdok.select import select
from styrdok.views import queries
from styrdok.views.queries import Applicability
from styrdok.views.tidslinje import tidslinje_document
from styrdok.views.urls import Urls

from helpers import publication_of
from helpers.tidpunkt import (
    ORGAN_VERSION_ON,
    RATTELSE,
    RETROACTIVE_DAY,
    TITLES,
    UTRYMNING,
    VERSION_ON,
    add_versions,
)

URLS_FOR_TIMELINE = Urls("https://example.se/", lambda sida: sida.removesuffix(".md") + "/")


def test_anvisning_for_a_type_shows_on_every_organ_of_that_type(project):
    pub = publication_of(project)
    applicability = Applicability.of(pub.anvisningar)
    bromma = next(a for a in pub.anvisningar if a.id == "trygghet-i-bromma")
    for organ in pub.organ:
        assert (bromma in applicability.applies_to(organ)) == bromma.galler_for.omfattar(organ)


def test_lifecycle_filters_split_the_anvisningar_by_status(project):
    pub = publication_of(project)
    by_id = {a.id: a for a in pub.anvisningar}
    assert {a.id for a in queries.in_force(pub, pub.anvisningar)} == {"krisledning"}
    assert {a.id for a in queries.drafts(pub, pub.anvisningar)} == {"trygghet-i-bromma"}
    assert {a.id for a in queries.repealed(pub, pub.anvisningar)} == {"krisledning-gammal"}
    assert {a.id for a in queries.current(pub, pub.anvisningar)} == set(by_id) - {
        "krisledning-gammal"
    }
    revised = replace(by_id["krisledning"], status="under revidering")
    other = select(replace(pub.model, anvisningar=(revised,)), pub.malgrupp, pub.dag)
    (found,) = other.anvisningar
    assert queries.in_force(other, [found]) == [found] == queries.current(other, [found])


def test_a_repealed_anvisning_comes_with_its_replacement(project):
    pub = publication_of(project)
    assert [(a.id, b.id if b else None) for a, b in queries.repealed_newest_first(pub)] == [
        ("krisledning-gammal", "krisledning")
    ]


def test_review_dates_are_split_into_passed_and_within_the_window(project):
    pub = publication_of(project)
    base = next(a for a in pub.anvisningar if a.id == "krisledning")
    today = date(2026, 6, 1)
    due = {
        "passerad": today - timedelta(days=1),
        "idag": today,
        "sista-dagen": today + queries.REVIEW_WINDOW,
        "for-sent": today + queries.REVIEW_WINDOW + timedelta(days=1),
    }
    anvisningar = tuple(
        replace(base, id=i, sida=f"anvisningar/{i}.md", revideras_senast=d) for i, d in due.items()
    )
    # A draft is not in force: its review date does not count.
    utkast = replace(base, id="utkast", sida="anvisningar/utkast.md", status="utkast")
    answer = queries.review_answer(replace(pub, anvisningar=(*anvisningar, utkast)), today)
    assert [a.id for a in answer.passed] == ["passerad"]
    assert [a.id for a in answer.soon] == ["idag", "sista-dagen"]


def test_events_are_newest_first_and_name_what_happened(project):
    pub = publication_of(project)
    found = queries.events(pub)
    assert found == sorted(found, key=lambda e: e.datum, reverse=True)
    repeal = [
        e for e in found if e.anvisning.id == "krisledning-gammal" and e.handelse == "Upphävd"
    ]
    assert repeal and repeal[0].typ is queries.Handelsetyp.UPPHAVD
    assert repeal[0].nyckel == "anvisning/krisledning-gammal/upphavd"
    # Every published version has its decision, the first as a new anvisning.
    decisions = [(e.version.version, e.handelse) for e in found if e.anvisning.id == "krisledning"]
    assert decisions == [
        (2, "Version 2 beslutad, gäller från 2019-06-01"),
        (1, "Ny anvisning beslutad, gäller från 2017-01-01"),
    ]
    (first,) = [e for e in found if e.anvisning.id == "krisledning" and e.version.version == 1]
    assert first.version.sida == "anvisningar/krisledning/version-1.md"
    assert first.anvisning.sida == "anvisningar/krisledning.md"
    assert first.nyckel == "anvisning/krisledning/version-1/beslut"


def test_fokus_answer_counts_only_what_is_not_repealed(project):
    pub = publication_of(project)
    for fokus in pub.fokusomraden:
        answer = queries.fokus_answer(pub, fokus)
        assert all(not a.upphavd for a in answer.anvisningar)
        assert all(a.upphavd for a in answer.upphavda)
        filed = queries.of_fokusomrade(pub, fokus.id)
        assert len(answer.anvisningar) + len(answer.upphavda) == len(filed)


# What applied on a given day -------------------------------------------------------------


@pytest.fixture
def versioned(project):
    """The small project with an anvisning at version 3, versions 1 and 2 kept."""
    add_versions(project)
    return publication_of(project)


def version_of(svar: queries.GalldeSvar, id: str = UTRYMNING) -> int | None:
    found = [g for g in svar.gallde if g.anvisning.id == id]
    assert len(found) <= 1
    return found[0].period.version if found else None


@pytest.mark.parametrize(("day", "version"), sorted(VERSION_ON.items()))
def test_gallde_gives_the_version_in_force_on_each_day(versioned, day, version):
    svar = queries.gallde(versioned, date.fromisoformat(day))
    assert version_of(svar) == version
    if version is not None:
        (hit,) = (g for g in svar.gallde if g.anvisning.id == UTRYMNING)
        assert hit.period.anvisning.titel == TITLES[version]
        assert hit.intervall.omfattar(date.fromisoformat(day))
        expected = f"anvisningar/{UTRYMNING}" + (
            ".md" if version == 3 else f"/version-{version}.md"
        )
        assert hit.sida == expected


@pytest.mark.parametrize(("day_organ", "version"), sorted(ORGAN_VERSION_ON.items()))
def test_gallde_for_an_organ_reads_who_the_version_in_force_applied_to(
    versioned, day_organ, version
):
    day, organ_id = day_organ
    organ = versioned.model.organ_med_id(organ_id)
    assert version_of(queries.gallde(versioned, date.fromisoformat(day), organ)) == version


def test_gallde_for_an_organ_uses_the_rules_of_the_organ_pages(versioned):
    """On the reference date, gallde for an organ is what the organ's page lists as in force."""
    applicability = Applicability.of(versioned.anvisningar)
    for organ in versioned.organ:
        answer = queries.organ_answer(versioned, applicability, organ)
        on_page = {a.id for a in (*answer.samtliga, *answer.for_typ, *answer.sarskilt)}
        svar = queries.gallde(versioned, versioned.dag, organ)
        assert {g.anvisning.id for g in svar.gallde} == on_page, organ.id


def test_a_version_decided_after_the_day_does_not_count_on_it(versioned):
    """Version 2 was decided on 2021-09-01 with effect from 2021-06-01: on 2021-07-01
    version 1 applied, and the later decision is named."""
    svar = queries.gallde(versioned, date.fromisoformat(RETROACTIVE_DAY))
    assert version_of(svar, RATTELSE) == 1
    assert [(p.anvisning.id, p.version) for p in svar.senare_beslut] == [(RATTELSE, 2)]
    later = queries.gallde(versioned, date(2021, 10, 1))
    assert version_of(later, RATTELSE) == 2 and later.senare_beslut == ()


def test_a_day_before_every_version_says_so(versioned):
    svar = queries.gallde(versioned, date(2010, 1, 1))
    assert svar.gallde == () and svar.fore_allt
    assert svar.forsta_dag == date(2014, 2, 1)  # krisledning-gammal, the oldest
    office = versioned.model.organ_med_id("stadsledningskontoret")
    assert queries.gallde(versioned, date(2020, 1, 1), office).forsta_dag is None


def test_an_anvisning_whose_older_versions_are_not_kept_is_named_before_its_first(project):
    add_versions(project)
    (project / "docs" / "anvisningar" / UTRYMNING / "version-1.md").unlink()
    pub = publication_of(project)
    svar = queries.gallde(pub, date(2017, 6, 1))
    assert version_of(svar) is None
    assert [(p.anvisning.id, p.version) for p in svar.ej_bevarade] == [(UTRYMNING, 2)]
    # Once its oldest kept version applies, nothing is uncertain.
    assert queries.gallde(pub, date(2019, 1, 1)).ej_bevarade == ()


def test_versionsperioder_leave_out_drafts_and_hold_every_decided_version(versioned):
    by_id = {a.id: a for a in versioned.anvisningar}
    assert queries.versionsperioder(versioned, by_id["trygghet-i-bromma"]) == ()
    record = queries.versionsperioder(versioned, by_id[UTRYMNING])
    assert [(p.version, p.fran, p.till) for p in record] == [
        (1, date(2017, 1, 1), date(2018, 3, 31)),
        (2, date(2018, 4, 1), date(2020, 5, 31)),
        (3, date(2020, 6, 1), date(2023, 12, 31)),
    ]


def test_a_withheld_version_still_ends_the_period_before_it_in_the_record(project):
    """Version 2 intern, 1 and 3 öppen: the public record must not give version 1 the
    days version 2 applied."""
    add_versions(project)
    version_2 = project / "docs" / "anvisningar" / UTRYMNING / "version-2.md"
    version_2.write_text(
        version_2.read_text(encoding="utf-8").replace("atkomst: öppen", "atkomst: intern"),
        encoding="utf-8",
    )
    pub = publication_of(project, "publik")
    record = queries.versionsperioder(pub, pub.model.anvisning_med_id(UTRYMNING))
    assert [(p.version, p.fran, p.till) for p in record] == [
        (1, date(2017, 1, 1), date(2018, 3, 31)),
        (3, date(2020, 6, 1), date(2023, 12, 31)),
    ]
    # On a day of version 2's period the anvisning applied, in a version not shown here.
    svar = queries.gallde(pub, date(2019, 6, 1))
    assert UTRYMNING not in {g.anvisning.id for g in svar.gallde}
    assert [(a.id, n) for a, n in svar.dolda] == [(UTRYMNING, 2)]
    assert [(a.id, n) for a, n in queries.gallde(pub, date(2017, 6, 1)).dolda] == []
    entry = next(
        a for a in tidslinje_document(pub, URLS_FOR_TIMELINE)["anvisningar"] if a["id"] == UTRYMNING
    )
    assert entry["dolda_versioner"] == [
        {"version": 2, "beslutsdatum": "2018-03-01", "giltig_fran": "2018-04-01"}
    ]
    assert "titel" not in entry["dolda_versioner"][0]
