"""`styrdok gallde`: what applied on a day, in Swedish and as JSON; usage errors."""

from __future__ import annotations

import json

import pytest

from styrdok.tools.cli import main

from helpers import INVALID, TODAY
from helpers.canaries import add_canaries
from helpers.tidpunkt import (
    RATTELSE,
    RETROACTIVE_DAY,
    TITLES,
    UTRYMNING,
    VERSION_ON,
    add_versions,
    page_of,
)


@pytest.fixture
def versioned(project):
    add_versions(project)
    return project


def run(project, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["gallde", "--rot", str(project), "--idag", TODAY.isoformat(), *args])
    out, err = capsys.readouterr()
    return code, out, err


def answer(project, capsys, day: str, *args: str) -> dict:
    code, out, err = run(project, capsys, "--datum", day, "--format", "json", *args)
    assert code == 0, err
    return json.loads(out)


@pytest.mark.parametrize(("day", "version"), sorted(VERSION_ON.items()))
def test_the_version_in_force_on_each_day_with_its_interval_and_page(
    versioned, capsys, day, version
):
    document = answer(versioned, capsys, day)
    mine = [g for g in document["gallde"] if g["id"] == UTRYMNING]
    assert [g["version"] for g in mine] == ([version] if version else [])
    if version:
        assert mine[0]["sida"] == page_of(version)
        assert mine[0]["titel"] == TITLES[version]
        assert mine[0]["nuvarande"] is (version == 3)
    assert document["datum"] == day and document["referensdatum"] == "2026-01-01"


def test_the_text_names_the_date_the_organ_and_each_anvisning(versioned, capsys):
    code, out, err = run(
        versioned, capsys, "--datum", "2019-01-01", "--organ", "bromma-stadsdelsnamnd"
    )
    assert code == 0 and err == ""
    assert out.startswith(
        "Vad gällde den 2019-01-01?\nOrgan: Bromma stadsdelsnämnd (bromma-stadsdelsnamnd)\n"
    )
    assert f"  {TITLES[2]} ({UTRYMNING})\n    version 2, giltig 2018-04-01 – 2020-05-31\n" in out
    assert f"    {page_of(2)}\n" in out
    assert "Den 2019-01-01 gällde 3 anvisningar för Bromma stadsdelsnämnd:" in out


def test_an_earlier_version_for_other_bodies_does_not_count_for_an_organ(versioned, capsys):
    document = answer(versioned, capsys, "2019-01-01", "--organ", "socialnamnden")
    assert UTRYMNING not in {g["id"] for g in document["gallde"]}
    assert document["organ"]["id"] == "socialnamnden"


def test_nothing_in_force_and_a_day_before_every_version_are_said(versioned, capsys):
    code, out, _ = run(versioned, capsys, "--datum", "2010-01-01")
    assert code == 0
    assert "Den 2010-01-01 gällde ingen av anvisningarna här." in out
    assert "Datumet är före den äldsta version som finns här: den började gälla 2014-02-01." in out
    code, out, _ = run(
        versioned, capsys, "--datum", "2020-01-01", "--organ", "stadsledningskontoret"
    )
    assert "Stadsledningskontoret tillämpar inte programmet" in out


def test_a_later_decision_with_effect_from_the_day_is_named(versioned, capsys):
    code, out, _ = run(versioned, capsys, "--datum", RETROACTIVE_DAY)
    assert code == 0
    assert f"({RATTELSE}): version 2 beslutades 2021-09-01 och gäller från 2021-06-01." in out
    document = answer(versioned, capsys, RETROACTIVE_DAY)
    assert [(g["id"], g["version"]) for g in document["senare_beslut"]] == [(RATTELSE, 2)]
    assert (RATTELSE, 1) in {(g["id"], g["version"]) for g in document["gallde"]}


def test_an_unknown_organ_exits_2_with_a_suggestion(versioned, capsys):
    code, out, err = run(versioned, capsys, "--datum", "2019-01-01", "--organ", "bromma")
    assert code == 2 and out == ""
    assert err == "styrdok: fel: okänt organ 'bromma' – Menade du 'bromma-stadsdelsnamnd'?\n"
    code, _, err = run(versioned, capsys, "--datum", "2019-01-01", "--organ", "socialnamden")
    assert "Menade du 'socialnamnden'?" in err


def test_a_bad_date_exits_2_in_swedish(versioned, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["gallde", "--rot", str(versioned), "--datum", "2019-02-30"])
    assert stopped.value.code == 2
    assert "ogiltigt datum '2019-02-30', skriv ÅÅÅÅ-MM-DD" in capsys.readouterr().err


def test_a_project_with_errors_gives_no_answer(project, capsys):
    (project / "data" / "organ.yml").write_text(
        (INVALID / "dubblett-id--organ.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    code, out, _ = run(project, capsys, "--datum", "2019-01-01")
    assert code == 1
    assert "dubblett-id" in out or "fel:" in out
    assert "Vad gällde" not in out


def test_the_public_audience_gets_only_what_the_public_site_shows(versioned, capsys):
    add_canaries(versioned)
    intranat = answer(versioned, capsys, "2026-01-01")
    assert {"kanarie-intern-id", "kanarie-skyddad-id"} <= {g["id"] for g in intranat["gallde"]}
    code, out, _ = run(versioned, capsys, "--datum", "2026-01-01", "--malgrupp", "publik")
    assert code == 0 and "krisledning" in out
    assert "kanarie" not in out.lower()
