"""The leak scan on the source (forbidden/sources.py): what the scan after the build
would refuse, reported by the check with file and line and without a skyddad text."""

from __future__ import annotations

from pathlib import Path

from helpers import check
from helpers.invalid import ANVISNING
from helpers.leak_cases import SKYDDAD_TEXT, SKYDDAT_DIARIENUMMER, skyddad_quoted_in_history


def leaks(project: Path) -> list:
    return [p for p in check(project).problems if p.code == "lacka"]


def test_the_valid_project_has_no_leak(project: Path) -> None:
    assert leaks(project) == []


def test_a_skyddad_case_number_and_text_are_refused_for_both_sites_without_being_shown(
    project: Path,
) -> None:
    line = skyddad_quoted_in_history(project)
    found = leaks(project)
    assert {(p.path, p.position.line) for p in found} == {(ANVISNING, line)}
    assert all("intranätet och den publika webbplatsen" in p.message for p in found)
    what = " ".join(p.message for p in found)
    assert "diarienumret för skyddad anvisning 'trygghet-i-bromma'" in what
    assert "text ur skyddad anvisning" in what
    # The editor is told what it collides with, never the skyddad wording itself.
    assert SKYDDAT_DIARIENUMMER not in what and SKYDDAD_TEXT[:30] not in what


def test_an_intern_address_on_an_oppen_page_is_a_leak_for_the_public_site_only(
    project: Path,
) -> None:
    # The intern anvisning's address, not a link, at the end of an öppen page.
    page = project / "docs/index.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\nAdressen är\nanvisningar/trygghet-i-bromma.\n",
        encoding="utf-8",
    )
    lines = page.read_text(encoding="utf-8").splitlines()
    (found,) = leaks(project)
    assert (found.path, found.position.line) == ("docs/index.md", len(lines))
    assert "på den publika webbplatsen men" in found.message
    assert "'anvisningar/trygghet-i-bromma'" in found.message


def test_a_link_to_a_withheld_page_is_the_link_rules_not_a_leak(project: Path) -> None:
    # The build makes the link plain text marked 'ej publicerad': nothing leaks.
    page = project / "docs/index.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\nSe [Bromma](anvisningar/trygghet-i-bromma.md).\n",
        encoding="utf-8",
    )
    assert leaks(project) == []
