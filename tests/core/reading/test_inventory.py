"""The inventory of docs/: what the loader reads as pages, sees as files and refuses
(core/inventory.py). The attacks on it: site/test_trust_boundary.py."""

from __future__ import annotations

from styrdok.core.reading.inventory import inventory


def test_the_loader_reads_only_md_and_sees_everything_else(tmp_path):
    docs = tmp_path / "docs"
    (docs / "a").mkdir(parents=True)
    (docs / "sida.md").write_text("x")
    (docs / "a" / "b.mkd").write_text("x")
    (docs / "a" / "c.pdf").write_text("x")
    (docs / ".git").mkdir()
    (docs / ".git" / "config").write_text("x")
    found = inventory(docs)
    assert [p.name for p in found.pages] == ["sida.md"]
    assert found.files == ["a/c.pdf"]
    assert [code for _, code, _ in found.refused] == ["fel-filandelse"]
