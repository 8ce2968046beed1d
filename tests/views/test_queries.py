"""Questions every view asks of the publication (views/queries.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from styrdok.select import select
from styrdok.views import queries
from styrdok.views.queries import Applicability

from helpers import publication_of


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
