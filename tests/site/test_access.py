"""Access levels end to end: one source, an intranet build and a public build, and a
canary in every field and body of every intern and skyddad document, report of the
yearly follow-up and indicator, looked for in every byte of both sites."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from styrdok.select import select
from styrdok.tools.leaks import forbidden, scan

from helpers import REPO, check, make_project
from helpers.canaries import (
    INDICATOR_CANARIES,
    REPORT_CANARIES,
    TIMELINE_VERSION_CANARIES,
    add_canaries,
    add_feed_version_canaries,
    add_indicator_canaries,
    add_report_canaries,
    add_timeline_version_canaries,
    add_version_canaries,
)
from helpers.leak_cases import LINKED_TITLES, intern_list_of_open_links
from helpers.pdf import pdf_text

# Shown on the intranet: a skyddad anvisning's title and contact, everything intern.
INTRANAT_MAY_SHOW = {"KANARIE-SKYDDAD-TITEL", "KANARIE-SKYDDAD-KONTAKT", "KANARIE-SKYDDAD-V1-TITEL"}
SKYDDAD_CONTENT = {
    *TIMELINE_VERSION_CANARIES["skyddad"],
    "KANARIE-SKYDDAD-SAMMANFATTNING",
    "KANARIESKYDDADDNR",
    "KANARIE-SKYDDAD-TEXT",
    "KANARIE-SKYDDAD-BILAGA",
    "KANARIE-SKYDDAD-PDF",
    # The kept version of the skyddad anvisning: intern itself, shown as metadata only.
    "KANARIE-SKYDDAD-V1-SAMMANFATTNING",
    "KANARIESKYDDADV1DNR",
    "KANARIE-SKYDDAD-V1-TEXT",
}
CANARY = re.compile(rb"kanarie", re.IGNORECASE)


@pytest.fixture(scope="module")
def sites(tmp_path_factory, mkdocs_build) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("atkomst")
    project = make_project(root / "projekt")
    add_canaries(project)
    add_version_canaries(project)
    add_report_canaries(project)
    add_indicator_canaries(project)
    add_feed_version_canaries(project)
    add_timeline_version_canaries(project)
    assert check(project).ok, check(project).problems
    built = {}
    for malgrupp in ("intranät", "publik"):
        site = root / f"site-{malgrupp}"
        result = mkdocs_build(project / "mkdocs.yml", site, malgrupp, pdf=True)
        assert result.returncode == 0, result.stderr
        built[malgrupp] = site
    built["projekt"] = project
    return built


def files_with(site: Path, pattern: re.Pattern[bytes]) -> dict[str, set[bytes]]:
    found = {}
    for path in site.rglob("*"):
        if path.is_file():
            hits = set(pattern.findall(path.read_bytes()))
            if hits:
                found[path.relative_to(site).as_posix()] = hits
    return found


def test_public_site_contains_no_canary_anywhere(sites):
    assert files_with(sites["publik"], CANARY) == {}


def test_public_site_still_has_the_open_documents(sites):
    publik = sites["publik"]
    assert (publik / "anvisningar" / "krisledning" / "index.html").is_file()
    assert (publik / "oppen-sida" / "index.html").is_file()
    assert "Publik webb" in (publik / "index.html").read_text()
    # The öppen anvisning's version 1 is intern here (add_feed_version_canaries): it is
    # not published, and the public page says only that it is not shown, not why. (An
    # öppen kept version on the public site: site/test_build.py.)
    folder = publik / "anvisningar" / "krisledning"
    assert not (folder / "version-1").exists()
    assert not (folder / "version-2" / "andringar").exists()
    assert "publiceras inte här" in (folder / "index.html").read_text()


def test_intranet_site_contains_no_skyddad_content(sites):
    pattern = re.compile("|".join(sorted(SKYDDAD_CONTENT)).encode())
    assert files_with(sites["intranät"], pattern) == {}


def test_intranet_site_shows_intern_content_and_skyddad_metadata(sites):
    # The positive control: the canaries are there where they may be, so the scans above
    # would have found them.
    intranat = sites["intranät"]
    hits = set().union(*files_with(intranat, re.compile(rb"KANARIE-[A-Z0-9-]+")).values())
    assert {h.decode() for h in hits} >= {
        "KANARIE-INTERN-TITEL",
        "KANARIE-INTERN-TEXT",
        "KANARIE-INTERN-SIDA-TEXT",
        "KANARIE-INTERN-KONTAKT",
        "KANARIE-INTERN-V1-TEXT",
        "KANARIE-INTERN-V2-TEXT",
        "KANARIE-INTERN-VERSION-TITEL",
        TIMELINE_VERSION_CANARIES["skyddad_titel"],
        *INTRANAT_MAY_SHOW,
    }
    page = (intranat / "anvisningar" / "kanarie-skyddad-id" / "index.html").read_text()
    assert "Innehållet i anvisningen är skyddat" in page
    assert "Intranät" in (intranat / "index.html").read_text()


def test_hela_programmet_holds_no_withheld_canary(sites):
    """The public PDF has no trace of the intern or skyddad anvisning, the intranet's
    none of the skyddad one's content; both say what they may (the positive control)."""
    publik = pdf_text(sites["publik"] / "hela-programmet.pdf", info=True)
    intranat = pdf_text(sites["intranät"] / "hela-programmet.pdf", info=True)
    assert "Hela programmet" in publik and "Anvisning för krisledning" in publik
    assert not re.findall("kanarie", publik, re.IGNORECASE)
    assert [c for c in SKYDDAD_CONTENT if c in intranat] == []
    assert "KANARIE-INTERN-TITEL" in intranat and "KANARIE-INTERN-TEXT" in intranat
    assert "KANARIE-SKYDDAD-TITEL" in intranat
    page = (sites["publik"] / "hela-programmet" / "index.html").read_text()
    assert not re.findall("kanarie", page, re.IGNORECASE)


def test_kept_versions_of_an_intern_anvisning_are_on_the_intranet_only(sites):
    # Version 1 was öppen, version 2 intern; the anvisning is intern now, so neither is
    # public (the scan above finds no canary), and the intranet has both in full.
    folder = sites["intranät"] / "anvisningar" / "kanarie-intern-id"
    for version in (1, 2):
        page = (folder / f"version-{version}" / "index.html").read_text()
        assert f"KANARIE-INTERN-V{version}-TEXT" in page
        assert f"KANARIE-INTERN-V{version}-TITEL, version {version}" in page
    for version in (2, 3):
        assert (folder / f"version-{version}" / "andringar" / "index.html").is_file()
    assert not (sites["publik"] / "anvisningar" / "kanarie-intern-id").exists()


def test_a_version_of_a_skyddad_anvisning_is_metadata_only_on_the_intranet(sites):
    folder = sites["intranät"] / "anvisningar" / "kanarie-skyddad-id"
    page = (folder / "version-1" / "index.html").read_text()
    assert "KANARIE-SKYDDAD-V1-TITEL, version 1" in page
    assert "Innehållet i anvisningen är skyddat" in page
    assert "KANARIE-SKYDDAD-V1-TEXT" not in page
    # No comparison of texts the intranet does not get: the table says why.
    assert not (folder / "version-2").exists()
    current = (folder / "index.html").read_text()
    assert "Texten är skyddad" in current


def test_feeds_carry_each_anvisning_and_version_to_the_audience_it_is_for(sites):
    def feeds(site: Path) -> dict[str, str]:
        return {p.name: p.read_text(encoding="utf-8") for p in site.glob("andringar*.xml")}

    publik, intranat = feeds(sites["publik"]), feeds(sites["intranät"])
    bromma = "andringar-organ-bromma-stadsdelsnamnd.xml"
    assert bromma in publik and "andringar-alla.xml" in publik
    assert {name for name, text in publik.items() if CANARY.search(text.encode())} == set()
    assert "Anvisning för krisledning" in publik["andringar-alla.xml"]
    # The positive control: on the intranet, Bromma's feed has the intern anvisning and
    # the intern version that apply to it; the skyddad one is there by its title only.
    assert "KANARIE-INTERN-TITEL" in intranat[bromma]
    assert "KANARIE-VERSION-TITEL" in intranat[bromma]
    assert "KANARIE-VERSION-TITEL" not in intranat["andringar-organ-socialnamnden.xml"]
    assert "KANARIE-SKYDDAD-TITEL" in intranat["andringar-alla.xml"]


def test_attachments_of_withheld_documents_are_not_copied(sites):
    for malgrupp in ("intranät", "publik"):
        site = sites[malgrupp]
        assert not (site / "anvisningar" / "kanarie-skyddad-id" / "bilaga.txt").exists()
        assert not (site / "anvisningar" / "kanarie-skyddad-id/analys.pdf").exists()
    assert not (sites["publik"] / "anvisningar" / "kanarie-intern-id" / "bild.png").exists()
    assert (sites["intranät"] / "anvisningar" / "kanarie-intern-id" / "bild.png").exists()
    assert not list(sites["publik"].rglob("*.md"))


def test_links_to_withheld_documents_become_plain_text(sites):
    page = (sites["publik"] / "oppen-sida" / "index.html").read_text()
    assert "den interna anvisningen (ej publicerad)" in page
    assert "den skyddade (ej publicerad)" in page
    krisledning = (sites["publik"] / "anvisningar" / "krisledning" / "index.html").read_text()
    assert "den interna (ej publicerad)" in krisledning


def test_page_linked_only_from_an_intern_anvisning_has_no_trace_of_it(sites):
    page = (sites["publik"] / "oppen-sida" / "index.html").read_text()
    assert "Hänvisningar hit" not in page
    krisledning = (sites["publik"] / "anvisningar" / "krisledning" / "index.html").read_text()
    assert "intern-sida" not in krisledning


def test_counts_on_the_public_site_leave_withheld_documents_out(sites):
    index = json.loads((sites["publik"] / "api" / "v1" / "index.json").read_text())
    # krisledning, krisledning-gammal and oppen-med-tidigare-versioner
    assert index["antal"]["anvisningar"] == 3
    assert index["malgrupp"] == "publik"


def test_page_twins_hold_what_their_page_may_show(sites):
    """A `sida` twin (views/tvillingar.py) is made from the page's sanitised HTML: the
    intern page has one on the intranet only, with its text, and no public twin holds a
    canary (the scan of every file above covers them too; this one names the twins)."""
    publik, intranat = sites["publik"], sites["intranät"]
    twins = sorted((publik / "api" / "v1" / "sidor").rglob("*.json"))
    assert twins and not [t for t in twins if re.search(rb"(?i)kanarie", t.read_bytes())], (
        "a public page twin holds a canary"
    )
    assert not (publik / "api" / "v1" / "sidor" / "intern-sida.json").exists()
    listed = {e["url"] for e in api_json(publik, "sidor.json")["sidor"]}
    assert not [u for u in listed if "intern-sida" in u or "kanarie" in u]
    intern = api_json(intranat, "sidor/intern-sida.json")
    assert "KANARIE-INTERN-SIDA-TEXT" in intern["text_html"]
    # The skyddad anvisning's twin on the intranet is its metadata-only document.
    assert api_json(intranat, "anvisningar/kanarie-skyddad-id.json")["text_html"] is None


# Kept earlier versions: published no more openly than the anvisning or the version -------


def api_json(site: Path, path: str) -> dict:
    return json.loads((site / "api" / "v1" / path).read_text(encoding="utf-8"))


def test_no_public_json_holds_a_withheld_version(sites):
    publik = sites["publik"]
    assert not list((publik / "api" / "v1").rglob("versioner"))
    krisledning = api_json(publik, "anvisningar/krisledning.json")
    # Its version 1 is intern: the public site lists only the version it may show.
    assert [v["version"] for v in krisledning["versioner"]] == [2]
    index = api_json(publik, "index.json")
    assert index["antal"]["anvisningsversioner"] == 0
    assert not [d for d in index["dokument"] if d["typ"] == "anvisningsversion"]


def test_intranet_json_has_intern_versions_in_full_and_skyddad_ones_without_text(sites):
    intranat = sites["intranät"]
    intern = api_json(intranat, "anvisningar/kanarie-intern-id/versioner/1.json")
    assert "KANARIE-INTERN-V1-TEXT" in intern["text_markdown"]
    assert intern["aktuell_version"]["json_url"].endswith("anvisningar/kanarie-intern-id.json")
    skyddad = api_json(intranat, "anvisningar/kanarie-skyddad-id/versioner/1.json")
    assert skyddad["text_markdown"] is None and skyddad["text_html"] is None
    assert (skyddad["atkomst"], skyddad["diarienummer"], skyddad["historik"]) == (
        "skyddad",
        None,
        [],
    )
    oppen = api_json(intranat, "anvisningar/krisledning/versioner/1.json")
    assert oppen["atkomst"] == "intern"
    listed = {d["url"] for d in api_json(intranat, "index.json")["dokument"]}
    for document in (intern, skyddad, oppen):
        assert document["json_url"] in listed


# The yearly follow-up: an intern and a skyddad report, and an intern indicator ----------


def words(canaries) -> set[str]:
    """Each canary's first word: ASCII, so it survives any escaping (the JSON writes å as
    \\u00e5, HTML may break a space), and unique to its field."""
    return {canary.split()[0] for canary in canaries}


SKYDDAD_REPORT = words(REPORT_CANARIES["skyddad"])
INTERN_FOLLOW_UP = words(REPORT_CANARIES["intern"]) | words(INDICATOR_CANARIES)


def hits(site: Path, wanted: set[str]) -> dict[str, set[str]]:
    """The files of `site` holding any of `wanted`, with the ones each holds."""
    pattern = re.compile("|".join(map(re.escape, sorted(wanted))).encode())
    found = files_with(site, pattern)
    return {path: {w.decode() for w in ws} for path, ws in found.items()}


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"))


def test_skyddad_report_is_in_no_file_of_either_build(sites):
    for malgrupp in ("intranät", "publik"):
        assert hits(sites[malgrupp], SKYDDAD_REPORT) == {}, malgrupp


def test_intern_report_and_indicator_are_in_no_file_of_the_public_build(sites):
    publik = sites["publik"]
    assert hits(publik, INTERN_FOLLOW_UP) == {}
    assert [p for p in publik.rglob("*") if "kanarie" in p.name.casefold()] == []


def test_intranet_shows_the_intern_report_and_indicator_where_readers_and_programs_look(sites):
    # The positive control of the two scans above.
    found = hits(sites["intranät"], INTERN_FOLLOW_UP)
    assert set().union(*found.values()) == INTERN_FOLLOW_UP
    report, indicator = words(REPORT_CANARIES["intern"]), words(INDICATOR_CANARIES)
    for path, expected in {
        "uppfoljning/2024/index.html": report,
        "api/v1/uppfoljning.json": report,
        "search/search_index.json": report | indicator,
        "uppfoljning/oversikt/index.html": indicator,
        "api/v1/indikatorer.json": indicator,
    }.items():
        assert found.get(path, set()) >= expected, path
    assert "KANARIE-INDIKATOR-NAMN" in found["uppfoljning/diagram/kanarie-intern.svg"]
    assert "KANARIE-INDIKATOR-NAMN" in found["uppfoljning/indikatorer.csv"]
    # The skyddad report is there as the fact of submission only.
    year = (sites["intranät"] / "uppfoljning" / "2024" / "index.html").read_text()
    assert "Skyddad – innehållet publiceras inte" in year


def test_public_follow_up_data_hold_only_open_reports_and_indicators(sites):
    whole = check(sites["projekt"]).model
    names = {o.id: o.namn for o in whole.organ}
    every = {(y.ar, r.organ): r.atkomst for y in whole.uppfoljning for r in y.rapporter}
    open_reports = {key for key, atkomst in every.items() if atkomst == "öppen"}
    assert open_reports and set(every.values()) == {"öppen", "intern", "skyddad"}
    api = sites["publik"] / "api" / "v1"

    data = json.loads((api / "uppfoljning.json").read_text(encoding="utf-8"))
    reports = [(y["ar"], r) for y in data["uppfoljningsar"] for r in y["rapporter"]]
    assert {(ar, r["organ"]["id"]) for ar, r in reports} == open_reports
    assert {r["atkomst"] for _, r in reports} == {"öppen"}
    rows = read_csv(sites["publik"] / "uppfoljning" / "rapportering.csv")
    assert sorted((int(r["År"]), r["Organ"]) for r in rows) == sorted(
        (ar, names[organ]) for ar, organ in open_reports
    )
    assert {r["Åtkomst"] for r in rows} == {"öppen"}

    open_indicators = {i.id for i in whole.indikatorer if i.atkomst == "öppen"}
    assert open_indicators < {i.id for i in whole.indikatorer}
    listed = json.loads((api / "indikatorer.json").read_text(encoding="utf-8"))["indikatorer"]
    assert {i["id"] for i in listed} == open_indicators
    shown = {r["Indikator"] for r in read_csv(sites["publik"] / "uppfoljning" / "indikatorer.csv")}
    assert shown == {i.namn for i in whole.indikatorer if i.id in open_indicators}
    charts = {p.stem for p in (sites["publik"] / "uppfoljning" / "diagram").glob("*.svg")}
    assert charts == open_indicators


@pytest.fixture
def run_scan(styrdok_cli):
    """`styrdok lackor` on a built site, in a separate process."""

    def scan_site(site: Path, project: Path, malgrupp: str):
        return styrdok_cli("lackor", str(site), "--malgrupp", malgrupp, "--rot", str(project))

    return scan_site


def test_scanner_finds_no_leak_in_either_build(sites, run_scan):
    for malgrupp in ("intranät", "publik"):
        result = run_scan(sites[malgrupp], sites["projekt"], malgrupp)
        assert result.returncode == 0, result.stdout


def test_scanner_reports_the_intranet_site_as_leaking_if_published_to_everyone(sites, run_scan):
    result = run_scan(sites["intranät"], sites["projekt"], "publik")
    assert result.returncode == 1
    assert "titeln på intern anvisning 'kanarie-intern-id': 'KANARIE-INTERN-TITEL'" in result.stdout
    assert "en risk i intern rapport från 'kommunstyrelsen' för 2024" in result.stdout
    assert "namnet på intern indikator 'kanarie-intern'" in result.stdout
    assert "text ur intern version 1 av anvisningen 'kanarie-intern-id'" in result.stdout


def test_the_real_public_build_leaks_nothing(tmp_path, mkdocs_build):
    from styrdok.core.pipeline import check_project
    from styrdok.core.project import Project

    site = tmp_path / "site-publik"
    result = mkdocs_build(REPO / "mkdocs.yml", site, "publik")
    assert result.returncode == 0, result.stderr
    whole = check_project(Project.at(REPO)).model
    assert scan(site, forbidden(whole, select(whole, "publik"))) == []
    internal = [a for a in whole.anvisningar if a.atkomst != "öppen"]
    assert internal, "the content has intern or skyddad anvisningar to keep out"
    for anvisning in internal:
        assert not (site / "anvisningar" / anvisning.id).exists()


def test_open_titles_an_intern_text_lists_are_no_leak_in_the_public_build(tmp_path, mkdocs_build):
    # The intern text's two links, read on as one passage, were its "text" in the
    # public navigation on every page, and the public build could not be published.
    project = make_project(tmp_path / "projekt")
    intern_list_of_open_links(project)
    whole = check(project).model
    site = tmp_path / "site-publik"
    result = mkdocs_build(project / "mkdocs.yml", site, "publik")
    assert result.returncode == 0, result.stderr
    navigation = (site / "index.html").read_text(encoding="utf-8")
    assert all(titel in navigation for titel in LINKED_TITLES)
    assert scan(site, forbidden(whole, select(whole, "publik"))) == []
    assert not (site / "anvisningar" / "skolrutiner").exists()


def test_earlier_versions_are_in_the_timeline_only_where_their_level_allows(sites):
    """An öppen anvisning whose version 1 was skyddad and version 2 intern: the public
    timeline has version 3 alone, and says that older versions are not on the site; the
    intranet has all three."""
    timelines = {
        malgrupp: json.loads((sites[malgrupp] / "api" / "v1" / "tidslinje.json").read_text())
        for malgrupp in ("intranät", "publik")
    }

    def versions(malgrupp: str) -> list[int]:
        (entry,) = (
            a
            for a in timelines[malgrupp]["anvisningar"]
            if a["id"] == "oppen-med-tidigare-versioner"
        )
        return [v["version"] for v in entry["versioner"]]

    assert versions("intranät") == [1, 2, 3]
    assert versions("publik") == [3]
    page = (sites["publik"] / "anvisningar" / "vad-gallde" / "index.html").read_text()
    assert "versionerna före version 3 finns inte här" in page
    assert "publiceras inte här" in page
