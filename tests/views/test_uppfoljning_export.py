"""The follow-up as CSV files for Swedish Excel (views/uppfoljning_export.py): who has
reported, the risk matrices cell by cell and the indicators, for both audiences."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from styrdok.select import Publication, select
from styrdok.views.reporting import STATUS_TEXT, Status
from styrdok.views.uppfoljning_export import (
    ALLA_FOKUSOMRADEN,
    INDIKATORER_KOLUMNER,
    RAPPORTERING_KOLUMNER,
    RISKER_KOLUMNER,
    indikatorer_csv,
    rapportering_csv,
    risker_csv,
)

from helpers import check, publication_of
from helpers.canaries import REPORT_CANARIES, add_report_canaries

TODAY = date(2026, 3, 1)  # after the 2025 deadline


def table(text: str) -> tuple[tuple[str, ...], list[dict[str, str]]]:
    """Header and rows of a CSV file as Swedish Excel reads it."""
    assert text.startswith("\ufeff"), "no BOM"
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))
    header = tuple(rows[0])
    assert all(len(row) == len(header) for row in rows[1:])
    return header, [dict(zip(header, row, strict=True)) for row in rows[1:]]


def every_csv(pub: Publication) -> dict[str, str]:
    return {
        "rapportering": rapportering_csv(pub, TODAY),
        "risker": risker_csv(pub),
        "indikatorer": indikatorer_csv(pub),
    }


def publik(project: Path) -> Publication:
    return select(check(project).model, "publik")


# Rapportering ------------------------------------------------------------------------------


def test_one_row_per_year_and_organ_for_swedish_excel(project):
    add_report_canaries(project)
    pub = publication_of(project)
    header, rows = table(rapportering_csv(pub, TODAY))
    assert header == RAPPORTERING_KOLUMNER
    assert [(r["År"], r["Organ"]) for r in rows[:5]] == [
        ("2024", "AB Svenska Bostäder"),
        ("2024", "Bromma stadsdelsnämnd"),
        ("2024", "Kommunstyrelsen"),
        ("2024", "Socialnämnden"),
        ("2024", "Stockholms Stadshus AB"),
    ]
    assert len(rows) == sum(len(y.rapporter) for y in pub.uppfoljning) == 10
    by_key = {(r["År"], r["Organ"]): r for r in rows}
    bromma = by_key[("2024", "Bromma stadsdelsnämnd")]
    assert bromma["Typ av organ"] == "Stadsdelsnämnd"
    assert bromma["Status"] == STATUS_TEXT[Status.INLAMNAD]
    assert (bromma["Inlämnad"], bromma["Efter sista dagen"], bromma["Antal risker"]) == (
        "2025-02-20",
        "nej",
        "1",
    )
    intern = by_key[("2024", "Kommunstyrelsen")]
    assert (intern["Åtkomst"], intern["Referens"]) == ("intern", "KANARIEINTERNRAPPORT 2025/1")
    late = by_key[("2025", "Stockholms Stadshus AB")]
    assert (late["Status"], late["Efter sista dagen"]) == (STATUS_TEXT[Status.SEN], "ja")


def test_a_skyddad_report_has_no_reference_and_no_count_of_risks(project):
    add_report_canaries(project)
    _, rows = table(rapportering_csv(publication_of(project), TODAY))
    (skyddad,) = [r for r in rows if r["År"] == "2024" and r["Organ"] == "Socialnämnden"]
    assert skyddad["Åtkomst"] == "skyddad"
    assert (skyddad["Inlämnad"], skyddad["Status"]) == ("2025-02-12", "Inlämnad")
    assert skyddad["Referens"] == "" and skyddad["Antal risker"] == ""


def test_the_status_of_a_missing_report_depends_on_the_day_like_the_pages(project):
    (project / "data" / "uppfoljning" / "2026.yml").write_text(
        "ar: 2026\nsista_dag: 2027-02-28\nrapporter:\n"
        + "".join(
            f"  - organ: {organ}\n    inlamnad: false\n    atkomst: öppen\n"
            for organ in (
                "kommunstyrelsen",
                "bromma-stadsdelsnamnd",
                "socialnamnden",
                "stockholms-stadshus-ab",
                "ab-svenska-bostader",
            )
        ),
        encoding="utf-8",
    )
    pub = publication_of(project)

    def status_2026(today: date) -> set[tuple[str, ...]]:
        _, rows = table(rapportering_csv(pub, today))
        return {
            (r["Status"], r["Inlämnad"], r["Efter sista dagen"], r["Antal risker"])
            for r in rows
            if r["År"] == "2026"
        }

    assert status_2026(date(2027, 1, 1)) == {(STATUS_TEXT[Status.VANTAS], "", "", "")}
    assert status_2026(date(2027, 3, 1)) == {(STATUS_TEXT[Status.SAKNAS], "", "", "")}


def test_the_public_file_holds_only_oppen_reports(project):
    add_report_canaries(project)
    _, rows = table(rapportering_csv(publik(project), TODAY))
    assert {r["Åtkomst"] for r in rows} == {"öppen"}
    assert not {"Kommunstyrelsen", "Socialnämnden"} & {r["Organ"] for r in rows}


# Withheld content -------------------------------------------------------------------------


def test_no_csv_holds_a_skyddad_reports_content(project):
    add_report_canaries(project)
    for name, text in every_csv(publication_of(project)).items():
        for canary in REPORT_CANARIES["skyddad"]:
            assert canary not in text, f"{canary} in {name}"


def test_no_public_csv_holds_an_intern_or_skyddad_reports_content(project):
    add_report_canaries(project)
    for name, text in every_csv(publik(project)).items():
        for canary in (*REPORT_CANARIES["intern"], *REPORT_CANARIES["skyddad"]):
            assert canary not in text, f"{canary} in {name}"
    assert "Anmälda tillbud" not in indikatorer_csv(publik(project))  # an intern indicator


# Risker ------------------------------------------------------------------------------------


def test_one_row_per_cell_of_every_matrix(project):
    add_report_canaries(project)
    pub = publication_of(project)
    header, rows = table(risker_csv(pub))
    assert header == RISKER_KOLUMNER
    assert len(rows) == 25 * len(pub.riskbilder)
    first = rows[:25]
    assert {(r["År"], r["Fokusområde"]) for r in first} == {("2024", ALLA_FOKUSOMRADEN)}
    assert [(r["Sannolikhet"], r["Konsekvens"]) for r in first] == [
        (str(s), str(k)) for s in range(1, 6) for k in range(1, 6)
    ]
    counts = {(r["Sannolikhet"], r["Konsekvens"]): r["Antal"] for r in first}
    assert counts[("2", "3")] == counts[("3", "2")] == "1" and counts[("1", "1")] == "0"
    assert {r["Lägesbilder"] for r in first} == {"2"}
    # Fokusområden by name, not by id.
    assert {r["Fokusområde"] for r in rows} == {
        ALLA_FOKUSOMRADEN,
        "Förebygga brott",
        "Bygga motståndskraft",
    }


def test_no_row_counts_a_skyddad_lagesbild(project):
    add_report_canaries(project)
    _, rows = table(risker_csv(publication_of(project)))
    skyddad = [
        r
        for r in rows
        if (r["År"], r["Fokusområde"], r["Sannolikhet"], r["Konsekvens"])
        == ("2024", ALLA_FOKUSOMRADEN, "4", "5")
    ]
    assert [r["Antal"] for r in skyddad] == ["0"]


# Indikatorer ---------------------------------------------------------------------------------


def test_one_row_per_indicator_and_year_with_decimal_commas(project):
    source = project / "data" / "indikatorer" / "otrygghet-kvall.yml"
    source.write_text(source.read_text().replace("alla: 22}", "alla: 22.5}"), encoding="utf-8")
    header, rows = table(indikatorer_csv(publication_of(project)))
    assert header == INDIKATORER_KOLUMNER
    assert [(r["Indikator"], r["År"]) for r in rows] == [
        ("Anmälda tillbud i stadshuset", "2024"),
        ("Anmälda tillbud i stadshuset", "2025"),
        ("Otrygga i det egna bostadsområdet sent på kvällen", "2021"),
        ("Otrygga i det egna bostadsområdet sent på kvällen", "2023"),
    ]
    assert rows[0] == {
        "Indikator": "Anmälda tillbud i stadshuset",
        "Enhet": "antal",
        "År": "2024",
        "Kvinnor": "",
        "Män": "",
        "Alla": "12",
        "Exempeldata": "ja",
        "Källa": "Tillbudsrapporteringen",
        "Indikator-id": "tillbud-internt",
    }
    assert (rows[3]["Kvinnor"], rows[3]["Män"], rows[3]["Alla"]) == ("30", "14", "22,5")


# The conventions of every export -------------------------------------------------------------


@pytest.mark.parametrize("malgrupp", ["intranät", "publik"])
def test_the_files_are_the_same_every_time(project, malgrupp):
    add_report_canaries(project)
    first = every_csv(select(check(project).model, malgrupp))
    second = every_csv(select(check(project, date(2030, 1, 1)).model, malgrupp))
    assert first == second


def test_csv_cells_cannot_become_formulas(project):
    source = project / "data" / "indikatorer" / "otrygghet-kvall.yml"
    source.write_text(
        source.read_text()
        .replace("namn: Otrygga i det egna bostadsområdet sent på kvällen", 'namn: "=HYPERLINK(1)"')
        .replace("namn: Trygghetsmätningen", 'namn: "@SUM(1+1)"'),
        encoding="utf-8",
    )
    organ = project / "data" / "organ.yml"
    organ.write_text(
        organ.read_text().replace("namn: Bromma stadsdelsnämnd", 'namn: "+Bromma"'),
        encoding="utf-8",
    )
    pub = publication_of(project)
    text = indikatorer_csv(pub)
    assert ";'=HYPERLINK(1);" not in text  # the name is the first column
    assert "\r\n'=HYPERLINK(1);" in text and ";'@SUM(1+1);otrygghet-kvall\r\n" in text
    assert ";'+Bromma;" in rapportering_csv(pub, TODAY)


def test_every_row_names_what_it_is_about_by_the_id_the_api_uses(project):
    pub = publication_of(project)
    _, reports = table(rapportering_csv(pub, TODAY))
    assert {r["Organ-id"] for r in reports if r["Organ"] == "Bromma stadsdelsnämnd"} == {
        "bromma-stadsdelsnamnd"
    }
    _, cells = table(risker_csv(pub))
    assert {(r["Fokusområde"], r["Fokusområde-id"]) for r in cells} >= {
        ("Alla fokusområden", ""),
        ("Förebygga brott", "forebygga-brott"),
    }
