"""Attachments of kept earlier versions: a version is a copy of its anvisning's page, so
it declares the anvisning's attachments as they are written there. The rules one by
one: core/test_pipeline.py and site/test_trust_boundary.py."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf

from helpers import check, make_project

ANVISNING = """---
id: med-bilaga
titel: Anvisning med bilaga
sammanfattning: En anvisning med en bilaga.
fokusomraden: [krisberedskap]
ansvarig: kommunstyrelsen
galler_for: alla
status: gällande
atkomst: öppen
beslutsdatum: 2024-01-10
beslutad_av: kommunstyrelsen
giltig_fran: 2024-02-01
revideras_senast: 2028-01-01
version: {version}
kontakt:
  funktion: Beredskapsavdelningen
bilagor: [{bilaga}]
---

Se [bilagan]({lank}).
"""


def blank_pdf() -> bytes:
    """A real PDF of one empty page: the check reads a published attachment through, as
    the leak scan after the build does, and refuses one that is not what it claims."""
    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def with_attachment(tmp_path: Path, kept_bilaga: str = "med-bilaga/plan.pdf") -> Path:
    project = make_project(tmp_path / "projekt")
    folder = project / "docs" / "anvisningar"
    (folder / "med-bilaga").mkdir()
    (folder / "med-bilaga" / "plan.pdf").write_bytes(blank_pdf())
    (folder / "med-bilaga.md").write_text(
        ANVISNING.format(version=2, bilaga="med-bilaga/plan.pdf", lank="med-bilaga/plan.pdf")
        .replace("2024-01-10", "2025-01-10")
        .replace("2024-02-01", "2025-02-01"),
        encoding="utf-8",
    )
    (folder / "med-bilaga" / "version-1.md").write_text(
        ANVISNING.format(version=1, bilaga=kept_bilaga, lank="plan.pdf"), encoding="utf-8"
    )
    return project


def test_a_kept_version_declares_its_anvisnings_attachments_as_written_there(tmp_path):
    outcome = check(with_attachment(tmp_path))
    assert outcome.ok, outcome.problems
    (version,) = outcome.model.versioner_av("med-bilaga")
    assert version.bilagor == ("anvisningar/med-bilaga/plan.pdf",)


def test_a_kept_version_may_not_declare_another_documents_attachment(tmp_path):
    project = with_attachment(tmp_path, kept_bilaga="krisledning/plan.pdf")
    (project / "docs/anvisningar/krisledning").joinpath("plan.pdf").write_bytes(b"%PDF-1.4")
    codes = {p.code for p in check(project).problems}
    assert "bilaga-fel-mapp" in codes
