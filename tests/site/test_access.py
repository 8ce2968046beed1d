"""Access levels end to end: one source, an intranet build and a public build, and a
canary in every field and body of every intern and skyddad document, looked for in
every byte of both sites."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from styrdok.select import select
from styrdok.tools.leaks import forbidden, scan

from helpers import REPO, check, make_project
from helpers.canaries import add_canaries

# Shown on the intranet: a skyddad anvisning's title and contact, everything intern.
INTRANAT_MAY_SHOW = {"KANARIE-SKYDDAD-TITEL", "KANARIE-SKYDDAD-KONTAKT"}
SKYDDAD_CONTENT = {
    "KANARIE-SKYDDAD-SAMMANFATTNING",
    "KANARIESKYDDADDNR",
    "KANARIE-SKYDDAD-TEXT",
    "KANARIE-SKYDDAD-BILAGA",
    "KANARIE-SKYDDAD-PDF",
}
CANARY = re.compile(rb"kanarie", re.IGNORECASE)


@pytest.fixture(scope="module")
def sites(tmp_path_factory, mkdocs_build) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("atkomst")
    project = make_project(root / "projekt")
    add_canaries(project)
    assert check(project).ok, check(project).problems
    built = {}
    for malgrupp in ("intranät", "publik"):
        site = root / f"site-{malgrupp}"
        result = mkdocs_build(project / "mkdocs.yml", site, malgrupp)
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


def test_intranet_site_contains_no_skyddad_content(sites):
    pattern = re.compile("|".join(sorted(SKYDDAD_CONTENT)).encode())
    assert files_with(sites["intranät"], pattern) == {}


def test_intranet_site_shows_intern_content_and_skyddad_metadata(sites):
    # The positive control: the canaries are there where they may be, so the scans above
    # would have found them.
    intranat = sites["intranät"]
    hits = set().union(*files_with(intranat, re.compile(rb"KANARIE-[A-Z-]+")).values())
    assert {h.decode() for h in hits} >= {
        "KANARIE-INTERN-TITEL",
        "KANARIE-INTERN-TEXT",
        "KANARIE-INTERN-SIDA-TEXT",
        "KANARIE-INTERN-KONTAKT",
        *INTRANAT_MAY_SHOW,
    }
    page = (intranat / "anvisningar" / "kanarie-skyddad-id" / "index.html").read_text()
    assert "Innehållet i anvisningen är skyddat" in page
    assert "Intranät" in (intranat / "index.html").read_text()


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
    import json

    index = json.loads((sites["publik"] / "api" / "v1" / "index.json").read_text())
    assert index["antal"]["anvisningar"] == 2  # krisledning and krisledning-gammal
    assert index["malgrupp"] == "publik"


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
