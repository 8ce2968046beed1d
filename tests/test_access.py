"""Access levels end to end: one source, an intranet build and a public build, and a
canary in every field and body of every intern and skyddad document, looked for in
every byte of both sites."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from styrdok.select import Visning, select, visning
from styrdok.tools.leaks import Leak, forbidden, scan

from conftest import build, check, make_project

INTERN = """---
id: kanarie-intern-id
titel: KANARIE-INTERN-TITEL
sammanfattning: KANARIE-INTERN-SAMMANFATTNING
fokusomraden: [krisberedskap]
ansvarig: socialnamnden
galler_for:
  organ: [bromma-stadsdelsnamnd]
status: gällande
atkomst: intern
beslutsdatum: 2024-01-10
beslutad_av: kommunstyrelsen
giltig_fran: 2024-02-01
revideras_senast: 2028-01-01
version: 1
diarienummer: KANARIEINTERNDNR 2024/1
kontakt:
  funktion: KANARIE-INTERN-KONTAKT
  epost: kanarie-intern@example.se
bilagor: [kanarie-intern-id/bild.png]
---

KANARIE-INTERN-TEXT står i brödtexten, med en länk till [en öppen sida](../oppen-sida.md)
som bara den här anvisningen länkar till, och en bild: ![diagram](kanarie-intern-id/bild.png)
"""

SKYDDAD = """---
id: kanarie-skyddad-id
titel: KANARIE-SKYDDAD-TITEL
sammanfattning: KANARIE-SKYDDAD-SAMMANFATTNING
fokusomraden: [krisberedskap]
ansvarig: kommunstyrelsen
galler_for: alla
status: gällande
atkomst: skyddad
beslutsdatum: 2024-01-10
beslutad_av: kommunstyrelsen
giltig_fran: 2024-02-01
revideras_senast: 2028-01-01
version: 1
diarienummer: KANARIESKYDDADDNR 2024/2
rattslig_grund: [sakerhetsskyddslagen]
kontakt:
  funktion: KANARIE-SKYDDAD-KONTAKT
bilagor: [kanarie-skyddad-id/bilaga.txt, kanarie-skyddad-id/analys.pdf]
---

KANARIE-SKYDDAD-TEXT står i brödtexten och får aldrig nå webbplatsen. Se [bilagan](kanarie-skyddad-id/bilaga.txt)
och [analysen](kanarie-skyddad-id/analys.pdf).
"""

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


def add_canaries(project: Path) -> None:
    docs = project / "docs"
    (docs / "anvisningar" / "kanarie-intern-id.md").write_text(INTERN, encoding="utf-8")
    (docs / "anvisningar" / "kanarie-skyddad-id.md").write_text(SKYDDAD, encoding="utf-8")
    (docs / "anvisningar" / "kanarie-skyddad-id").mkdir()
    (docs / "anvisningar" / "kanarie-skyddad-id" / "bilaga.txt").write_text(
        "KANARIE-SKYDDAD-BILAGA\n"
    )
    (docs / "anvisningar" / "kanarie-skyddad-id/analys.pdf").write_bytes(
        b"%PDF-1.4 KANARIE-SKYDDAD-PDF"
    )
    (docs / "anvisningar" / "kanarie-intern-id").mkdir()
    (docs / "anvisningar" / "kanarie-intern-id" / "bild.png").write_bytes(
        b"\x89PNG\r\n\x1a\n KANARIE-INTERN-BILD"
    )
    (docs / "intern-sida.md").write_text(
        "---\ntitle: KANARIE-INTERN-SIDA-TITEL\natkomst: intern\n---\n\n# Intern\n\n"
        "KANARIE-INTERN-SIDA-TEXT och en länk till [krisledningen](anvisningar/krisledning.md).\n",
        encoding="utf-8",
    )
    (docs / "oppen-sida.md").write_text(
        "---\natkomst: öppen\n---\n\n# Öppen sida\n\nSidan länkar till [den interna anvisningen]"
        "(anvisningar/kanarie-intern-id.md) och [den skyddade](anvisningar/kanarie-skyddad-id.md).\n",
        encoding="utf-8",
    )
    krisledning = docs / "anvisningar" / "krisledning.md"
    krisledning.write_text(
        krisledning.read_text(encoding="utf-8") + "\nJämför [den interna](kanarie-intern-id.md).\n",
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("atkomst")
    project = make_project(root / "projekt")
    add_canaries(project)
    assert check(project).ok, check(project).problems
    built = {}
    for malgrupp in ("intranät", "publik"):
        site = root / f"site-{malgrupp}"
        result = build(project / "mkdocs.yml", site, malgrupp)
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


def run_scan(site: Path, project: Path, malgrupp: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "styrdok.tools.cli",
            "lackor",
            str(site),
            "--malgrupp",
            malgrupp,
            "--rot",
            str(project),
        ],
        capture_output=True,
        text=True,
        check=False,
    )


def test_scanner_finds_no_leak_in_either_build(sites):
    for malgrupp in ("intranät", "publik"):
        result = run_scan(sites[malgrupp], sites["projekt"], malgrupp)
        assert result.returncode == 0, result.stdout


def test_scanner_reports_the_intranet_site_as_leaking_if_published_to_everyone(sites):
    result = run_scan(sites["intranät"], sites["projekt"], "publik")
    assert result.returncode == 1
    assert "titeln på intern anvisning 'kanarie-intern-id': 'KANARIE-INTERN-TITEL'" in result.stdout


def test_scanner_reports_file_and_canary(tmp_path, project):
    add_canaries(project)
    whole = check(project).model
    strings = forbidden(whole, select(whole, "publik"))
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "sida.html").write_text("<p>Om KANARIE-INTERN-SAMMANFATTNING</p>")
    (site / "data.json").write_text(
        '{"x": "KANARIE-SKYDDAD-TEXT står i brödtexten och får aldrig nå"}'
    )
    (site / "ren.html").write_text("<p>Inget här.</p>")
    leaks = scan(site, strings)
    assert {(leak.fil, leak.text) for leak in leaks} == {
        ("a/sida.html", "KANARIE-INTERN-SAMMANFATTNING"),
        ("data.json", "KANARIE-SKYDDAD-TEXT står i brödtexten och får aldrig nå"),
    }
    assert str(Leak("a/b.html", "titeln", "X")) == "a/b.html: innehåller titeln: 'X'"


def test_scanner_sees_through_html_entities_and_json_escapes(tmp_path):
    strings = {"KANARIE-INTERN-TITEL": "titeln"}
    (tmp_path / "a.html").write_text("<p>KANARIE&#45;INTERN&#45;TITEL</p>")
    (tmp_path / "b.json").write_text('{"t": "KANARIE\\u002dINTERN-TITEL"}')
    (tmp_path / "c.html").write_text("<p>Något annat</p>")
    assert {leak.fil for leak in scan(tmp_path, strings)} == {"a.html", "b.json"}


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


def test_the_real_public_build_leaks_nothing(tmp_path):
    from styrdok.core.pipeline import check_project
    from styrdok.core.project import Project

    from conftest import REPO

    site = tmp_path / "site-publik"
    result = build(REPO / "mkdocs.yml", site, "publik")
    assert result.returncode == 0, result.stderr
    whole = check_project(Project.at(REPO)).model
    assert scan(site, forbidden(whole, select(whole, "publik"))) == []
    internal = [a for a in whole.anvisningar if a.atkomst != "öppen"]
    assert internal, "the content has intern or skyddad anvisningar to keep out"
    for anvisning in internal:
        assert not (site / "anvisningar" / anvisning.id).exists()
