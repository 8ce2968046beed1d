"""The follow-up pages as Markdown, made from the publication alone."""

from __future__ import annotations

from datetime import date

import pytest

from styrdok.core import addresses
from styrdok.select import select
from styrdok.views import fragments, indikatorer, uppfoljning_pages
from styrdok.views.crossref import generate as crossref_pages

from helpers import check
from helpers.canaries import REPORT_CANARIES, add_report_canaries

TODAY = date(2026, 12, 1)
BEFORE_DEADLINE = date(2025, 1, 15)


def pages(project, malgrupp="intranät", today=TODAY):
    pub = select(check(project).model, malgrupp)
    made = uppfoljning_pages.generate(pub, today) + crossref_pages(pub, today)
    return pub, {page.sida: page.text for page in made}


def test_the_overview_has_the_status_matrix_a_risk_matrix_and_a_chart_per_indicator(project):
    pub, made = pages(project)
    text = made[addresses.UPPFOLJNING_OVERSIKT]
    assert "## Vem har rapporterat?" in text
    assert 'data-kolumner="text organtyp text"' in text  # one year in the test project
    assert '<table class="sd-riskmatris">' in text
    for indikator in pub.indikatorer:
        assert f"(diagram/{indikator.id}.svg)" in text
        assert f"{{#{indikator.id}}}" in text
    assert "Exempeldata" in text


def test_the_share_reported_counts_every_body_of_the_year(project):
    add_report_canaries(project)
    _, made = pages(project)
    # 2024 in the canary year: five bodies listed, all in.
    assert (
        "| [2024](2024.md) | 2025-02-28 | 5 av 5 | 100\u00a0% |"
        in (made[addresses.UPPFOLJNING_OVERSIKT])
    )


def test_status_before_the_deadline_is_waiting_not_missing(project):
    path = project / "data" / "uppfoljning" / "2025.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("inlamnad: true\n    inlamnad_datum: 2026-02-20\n", "inlamnad: false\n", 1),
        encoding="utf-8",
    )
    pub, _ = pages(project)
    (year,) = [y for y in pub.uppfoljning if y.ar == 2025]
    missing = [r for r in year.rapporter if not r.inlamnad]
    assert missing, "the test project has a body that has not reported"
    late = uppfoljning_pages.status_matrix(pub, addresses.UPPFOLJNING_OVERSIKT, TODAY)
    early = uppfoljning_pages.status_matrix(pub, addresses.UPPFOLJNING_OVERSIKT, date(2026, 1, 1))
    assert "Saknas" in late and "Saknas" not in early and "Väntas" in early


@pytest.mark.parametrize("malgrupp", ["intranät", "publik"])
def test_no_generated_page_holds_what_a_skyddad_report_says(project, malgrupp):
    add_report_canaries(project)
    _, made = pages(project, malgrupp)
    everything = "\n".join(made.values())
    for canary in REPORT_CANARIES["skyddad"]:
        assert canary not in everything
    if malgrupp == "publik":
        for canary in REPORT_CANARIES["intern"]:
            assert canary not in everything


def test_the_intranet_shows_intern_reports_and_a_skyddad_one_as_submitted(project):
    add_report_canaries(project)
    _, made = pages(project)
    year = made[addresses.uppfoljningsar(2024)]
    assert "KANARIE-INTERN-RISK-TITEL" in year
    assert "Skyddad – innehållet publiceras inte" in year


def test_the_public_site_shows_only_oppen_reports_and_no_share(project):
    add_report_canaries(project)
    pub, made = pages(project, "publik")
    assert not pub.hel_rapportering
    text = made[addresses.UPPFOLJNING_OVERSIKT]
    assert "Andel inlämnade" not in text
    assert "bara de risk- och lägesbilder som är öppna" in text
    assert "socialnamnden" not in made[addresses.uppfoljningsar(2024)]


def test_every_organ_page_of_a_reporting_body_shows_its_status(project):
    add_report_canaries(project)
    pub, made = pages(project)
    for organ in pub.organ:
        text = made[addresses.organ(organ.id)]
        assert "## Risk- och lägesbild" in text, organ.id
        if not organ.tillampar_programmet:
            assert "lämnar ingen egen risk- och lägesbild" in text
    social = made[addresses.organ("socialnamnden")]
    assert "Skyddad – innehållet publiceras inte" in social
    bromma = made[addresses.organ("bromma-stadsdelsnamnd")]
    assert "[1 risk](../uppfoljning/2024.md#bromma-stadsdelsnamnd)" in bromma


def test_the_pages_say_that_skyddade_lagesbilder_are_not_counted(project):
    add_report_canaries(project)
    _, made = pages(project)
    assert "Skyddade lägesbilder räknas inte in någonstans" in made[addresses.uppfoljningsar(2024)]
    _, public = pages(project, "publik")
    assert "Skyddade lägesbilder räknas inte in" not in public[addresses.uppfoljningsar(2024)]


def test_indicator_table_splits_women_and_men_with_the_gap(project):
    pub, _ = pages(project)
    indikator = next(i for i in pub.indikatorer if i.id == "otrygghet-kvall")
    text = indikatorer.indikator_table(indikator)
    assert "| År | Kvinnor | Män | Skillnad kvinnor – män | Alla |" in text
    assert "| 2021 | 32\u00a0% | 14\u00a0% | +18\u00a0procentenheter | 23\u00a0% |" in text
    # Oldest first, whatever the file's order.
    assert text.index("2021") < text.index("2023")


def test_an_indicator_without_a_split_has_one_column_of_values(project):
    pub, _ = pages(project)
    indikator = next(i for i in pub.indikatorer if i.id == "tillbud-internt")
    assert indikatorer.indikator_table(indikator).splitlines()[0] == "| År | Alla |"


def test_hostile_indicator_text_is_escaped(project):
    path = project / "data" / "indikatorer" / "otrygghet-kvall.yml"
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace("namn: Otrygga", 'namn: "<script>alert(1)</script> [x](javascript:y) Otrygga')
        .replace("kvällen\n", 'kvällen"\n', 1),
        encoding="utf-8",
    )
    pub, made = pages(project)
    text = made[addresses.UPPFOLJNING_OVERSIKT]
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "[x](javascript" not in text
    assert "<script" not in indikatorer.diagram(pub.indikatorer[0])


def test_the_gender_page_fragment_lists_only_split_indicators(project):
    pub, _ = pages(project)
    text = fragments.indikatorer_kon(pub, "jamstalldhet.md")
    assert "Otrygga i det egna bostadsområdet" in text
    assert "Anmälda tillbud" not in text
    assert "**2023:** kvinnor 30\u00a0%, män 14\u00a0%." in text
    assert "(uppfoljning/diagram/otrygghet-kvall.svg)" in text


def test_every_indicator_gets_a_chart_file(project):
    pub, _ = pages(project)
    files = indikatorer.diagram_files(pub)
    assert set(files) == {addresses.diagram(i.id) for i in pub.indikatorer}
    assert all(svg.startswith("<svg") and "<title" in svg for svg in files.values())


def test_the_year_page_names_whom_to_chase(project):
    path = project / "data" / "uppfoljning" / "2025.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("inlamnad: true\n    inlamnad_datum: 2026-02-20\n", "inlamnad: false\n", 1),
        encoding="utf-8",
    )
    _, made = pages(project)
    year = made[addresses.uppfoljningsar(2025)]
    assert (
        "- **Inte inlämnade:** [Bromma stadsdelsnämnd](../organ/bromma-stadsdelsnamnd.md)" in year
    )
    assert "- **Inlämnade efter sista dagen:** [Stockholms Stadshus AB]" in year
    _, public = pages(project, "publik")
    assert "Inte inlämnade:" not in public[addresses.uppfoljningsar(2025)]
