"""The leak scan on the source (forbidden/sources.py): what the scan after the build
would refuse, reported by the check with file and line and without a skyddad text."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from helpers import check
from helpers.invalid import ANVISNING
from helpers.leak_cases import (
    BROMMA,
    PLAN,
    SKYDDAD_TEXT,
    SKYDDAT_DIARIENUMMER,
    attach,
    make_bromma_skyddad,
    pdf,
    skyddad_quoted_in_history,
)


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


# Attachments: published as they are, so read as the scan after the build reads them.


def test_a_skyddad_title_in_a_pdf_attachment_is_a_leak_at_the_attachment(project: Path) -> None:
    make_bromma_skyddad(project)
    attach(project, pdf("Jämför med Lokal trygghetsmätning i Bromma."))
    outcome = check(project)
    (found,) = [p for p in outcome.problems if p.code == "lacka"]
    assert (found.path, found.position.line) == (PLAN, 1)
    # The title is metadata, which the intranet shows; the public site must not.
    assert found.message.startswith("texten i bilagan publiceras på den publika webbplatsen men")
    assert "titeln på skyddad anvisning 'trygghet-i-bromma'" in found.message
    assert not outcome.ok


def test_a_skyddad_text_in_a_document_in_an_archive_is_named_with_the_file_inside(
    project: Path,
) -> None:
    make_bromma_skyddad(project)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", f"<w:t>{SKYDDAD_TEXT}</w:t>")
    attach(project, out.getvalue(), "docs/anvisningar/krisledning/plan.docx")
    (found,) = leaks(project)
    assert found.path == "docs/anvisningar/krisledning/plan.docx"
    assert "i bilagan (i filen 'word/document.xml' i den)" in found.message
    assert "intranätet och den publika webbplatsen" in found.message
    # The skyddad wording itself is never repeated to the editor.
    assert SKYDDAD_TEXT[:30] not in found.message


def test_a_pdf_attachment_with_a_password_cannot_be_read_through(project: Path) -> None:
    attach(project, pdf("Inget hemligt här.", password="hemligt"))
    problems = check(project).problems
    (found,) = [p for p in problems if p.code == "bilaga-olasbar"]
    assert (found.path, found.position.line, str(found.severity)) == (PLAN, 1, "fel")
    # Öppen: both builds publish it, and the scan of each would refuse it.
    assert "intranätet och den publika webbplatsen" in found.message
    assert "skyddad med lösenord" in found.message
    assert found.hint and "utan lösenord" in found.hint
    assert leaks(project) == []


def test_a_broken_office_file_cannot_be_read_through(project: Path) -> None:
    attach(project, b"PK\x03\x04 trasig", "docs/anvisningar/krisledning/plan.docx")
    (found,) = [p for p in check(project).problems if p.code == "bilaga-olasbar"]
    assert "komprimerad men går inte att packa upp" in found.message


def test_a_clean_pdf_attachment_is_no_problem(project: Path) -> None:
    make_bromma_skyddad(project)
    attach(project, pdf("Checklista för krisledningen i Bromma."))
    outcome = check(project)
    assert outcome.ok, outcome.problems
    assert [p for p in outcome.problems if p.path == PLAN] == []


def test_an_attachment_is_read_for_the_audiences_that_publish_it(project: Path) -> None:
    # The intern Bromma's own attachment may name Bromma: the public site does not
    # publish it, and the intranet may show an intern title.
    attach(project, pdf("Lokal trygghetsmätning i Bromma"))
    bromma = project / BROMMA
    text = bromma.read_text(encoding="utf-8")
    bromma.write_text(
        text.replace("atkomst: intern\n", "atkomst: intern\nbilagor: [trygghet-i-bromma/b.pdf]\n"),
        encoding="utf-8",
    )
    (project / "docs/anvisningar/trygghet-i-bromma").mkdir()
    (project / "docs/anvisningar/trygghet-i-bromma/b.pdf").write_bytes(
        pdf("Lokal trygghetsmätning i Bromma")
    )
    found = leaks(project)
    assert [(p.path, "den publika webbplatsen" in p.message) for p in found] == [(PLAN, True)]
