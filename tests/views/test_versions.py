"""The versions of an anvisning as its page lists them (views/versions.py): each
published version with its period, which one applies on the reference date, and links
to each version's page and to what changed."""

from __future__ import annotations

from datetime import date

import pytest

from styrdok.core.giltighet import Versionsperiod
from styrdok.views import anvisning_page
from styrdok.views.versions import period_text, versioner_avsnitt

from helpers import TODAY, publication_of
from helpers.three_versions import make_version_3


def section(project, malgrupp="intranät"):
    pub = publication_of(project, malgrupp)
    anvisning = pub.model.anvisning_med_id("krisledning")
    return versioner_avsnitt(pub, anvisning, anvisning.sida)


def rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("| ")][1:]


def test_every_version_is_listed_with_its_period_and_the_one_in_force_is_marked(project):
    make_version_3(project)
    text = section(project)
    assert f"Den {TODAY} gäller version 3." in text
    assert rows(text) == [
        "| [Version 1](krisledning/version-1.md) | 2017-01-01 – 2019-05-31 | – | – |",
        "| [Version 2](krisledning/version-2.md) | 2019-06-01 – 2024-12-31 | – "
        "| [Ändringar från version 1](krisledning/version-2/andringar.md) |",
        "| Version 3 (den här sidan) | från 2025-01-01, tills vidare | **Gäller** "
        "| [Ändringar från version 2](krisledning/version-3/andringar.md) |",
    ]
    assert "finns inte kvar" not in text


@pytest.mark.parametrize(
    ("options", "v2", "v3"),
    [
        ({"status": "utkast"}, "från 2019-06-01, tills vidare", "utkast, inte beslutad"),
        (
            {"giltig_fran": "2026-06-01"},
            "2019-06-01 – 2026-05-31",
            "beslutad, gäller från 2026-06-01",
        ),
    ],
)
def test_while_version_3_does_not_apply_version_2_does(project, options, v2, v3):
    make_version_3(project, **options)
    text = section(project)
    assert f"Den {TODAY} gäller version 2." in text
    found = rows(text)
    assert found[1].startswith(f"| [Version 2](krisledning/version-2.md) | {v2} | **Gäller** |")
    assert found[2].startswith(f"| Version 3 (den här sidan) | {v3} | – |")


def test_the_section_is_on_the_anvisning_page_above_the_history(project):
    make_version_3(project)
    pub = publication_of(project)
    anvisning = pub.model.anvisning_med_id("krisledning")
    foot = anvisning_page.anvisning_sidfot(pub, anvisning, ())
    assert foot.lstrip().startswith("## Versioner")


def test_versions_older_than_the_oldest_kept_are_said_to_be_missing(project):
    make_version_3(project)
    (project / "docs" / "anvisningar" / "krisledning" / "version-1.md").unlink()
    text = section(project)
    assert "Texterna till version 1 sparades inte när anvisningen ändrades." in text
    assert rows(text)[0].startswith("| [Version 2](krisledning/version-2.md) |")
    # The public site cannot tell a version missing from one withheld: it says neither.
    public = section(project, "publik")
    assert "Texterna till version 1 publiceras inte här." in public
    assert "sparades inte" not in public


def test_an_anvisning_without_kept_versions_lists_itself(publication):
    anvisning = publication.model.anvisning_med_id("trygghet-i-bromma")
    text = versioner_avsnitt(publication, anvisning, anvisning.sida)
    assert rows(text) == ["| Version 1 (den här sidan) | utkast, inte beslutad | – | – |"]
    assert "gäller ingen version: anvisningen har inte beslutats" in text


def test_a_repealed_anvisning_lists_its_last_period_closed(publication):
    anvisning = publication.model.anvisning_med_id("krisledning-gammal")
    text = versioner_avsnitt(publication, anvisning, anvisning.sida)
    assert "gäller ingen version: anvisningen är upphävd" in text
    assert " – 20" in rows(text)[0] and "**Gäller**" not in text


def test_a_skyddad_anvisning_offers_no_comparison_of_its_texts(project):
    make_version_3(project)
    doc = project / "docs" / "anvisningar" / "krisledning.md"
    doc.write_text(doc.read_text().replace("atkomst: öppen", "atkomst: skyddad"))
    found = rows(section(project))
    assert [row.rsplit("|", 2)[1].strip() for row in found] == [
        "–",
        "Texten är skyddad",
        "Texten är skyddad",
    ]
    assert "andringar" not in "".join(found)


def period(fran, till, utkast=False):
    class Version:
        version = 1

    version = Version()
    version.utkast = utkast
    return Versionsperiod(version, fran, till)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fran", "till", "expected"),
    [
        (date(2017, 1, 1), date(2019, 5, 31), "2017-01-01 – 2019-05-31"),
        (date(2017, 1, 1), None, "från 2017-01-01, tills vidare"),
        (date(2026, 6, 1), None, "beslutad, gäller från 2026-06-01"),
        (
            date(2026, 6, 1),
            date(2026, 8, 31),
            "beslutad, gäller från 2026-06-01 till och med 2026-08-31",
        ),
        (
            date(2020, 6, 1),
            date(2020, 5, 31),
            "beslutad att gälla från 2020-06-01, men gällde aldrig: den ersattes eller upphävdes innan den började gälla",
        ),
        (None, None, f"inte beslutad {TODAY}"),
    ],
)
def test_period_wording(fran, till, expected):
    assert period_text(period(fran, till), TODAY) == expected


def test_a_draft_period_says_draft():
    assert period_text(period(None, None, utkast=True), TODAY) == "utkast, inte beslutad"
