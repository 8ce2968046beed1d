"""The sitemap's lastmod from the data (views/sitemap.py): each page's day, written out
here from the valid project's front matter."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from styrdok.core import addresses
from styrdok.select import select
from styrdok.views.sitemap import lastmod

from helpers import TODAY, check


def days_of(project: Path, dag: date = TODAY) -> dict[str, date]:
    outcome = check(project)
    assert outcome.ok, outcome.problems
    return lastmod(select(outcome.model, "intranät", dag))


def test_each_page_gets_the_newest_day_its_data_changed(project: Path):
    version_1 = project / "docs/anvisningar/krisledning/version-1.md"
    version_1.write_text(
        version_1.read_text(encoding="utf-8").replace(
            "galler_for: alla", "galler_for:\n  organ: [stadsledningskontoret]"
        ),
        encoding="utf-8",
    )
    days = days_of(project)
    # Version 1: decided 2016-12-05, in force 2017-01-01; version 2: 2019-05-02 and
    # 2019-06-01; krisledning-gammal: 2014-01-10, 2014-02-01, repealed 2019-06-01.
    expected = {
        "anvisningar/krisledning.md": date(2019, 6, 1),
        "anvisningar/krisledning/version-1.md": date(2017, 1, 1),
        "anvisningar/krisledning-gammal.md": date(2019, 6, 1),
        # Version 1 alone applied to Stadsledningskontoret.
        addresses.organ("stadsledningskontoret"): date(2017, 1, 1),
        addresses.organ("socialnamnden"): date(2019, 6, 1),
        addresses.organ("kommunstyrelsen"): date(2019, 6, 1),
        addresses.fokusomrade("krisberedskap"): date(2019, 6, 1),
        **{sida: date(2019, 6, 1) for sida in (addresses.NYTT_OCH_ANDRAT, addresses.UPPHAVDA)},
    }
    assert {sida: days.get(sida) for sida in expected} == expected
    # Nothing the data gives a day for: a draft, a body nothing applies to, a fokusområde
    # with drafts only, the hand-written pages.
    for sida in (
        "anvisningar/trygghet-i-bromma.md",
        addresses.organ("kommunfullmaktige"),
        addresses.fokusomrade("forebygga-brott"),
        "index.md",
        addresses.FORTECKNING,
    ):
        assert sida not in days, sida


def test_historik_counts_and_nothing_after_the_reference_date_does(project: Path):
    page = project / "docs/anvisningar/krisledning.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "atkomst: öppen\n",
            "atkomst: öppen\nhistorik:\n  - datum: 2019-05-02\n    version: 2\n"
            "    andring: Ny version.\n  - datum: 2021-03-04\n    andring: Ny kontakt.\n",
        ),
        encoding="utf-8",
    )
    assert days_of(project)["anvisningar/krisledning.md"] == date(2021, 3, 4)
    # On 2019-05-15 version 2 is decided but not in force, krisledning-gammal not repealed.
    early = days_of(project, date(2019, 5, 15))
    assert early["anvisningar/krisledning.md"] == date(2019, 5, 2)
    assert early["anvisningar/krisledning-gammal.md"] == date(2014, 2, 1)
    assert early[addresses.NYTT_OCH_ANDRAT] == date(2019, 5, 2)
