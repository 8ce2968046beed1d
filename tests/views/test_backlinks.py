"""Backlinks: which texts link to a page (views/backlinks.py)."""

from __future__ import annotations

import pytest

from styrdok.views.backlinks import link_targets, references

from helpers import publication_of


@pytest.mark.parametrize(
    ("sida", "text", "expected"),
    [
        ("index.md", "[a](anvisningar/x.md)", {"anvisningar/x.md"}),
        (
            "anvisningar/y.md",
            "[a](x.md#del) och [b](../index.md)",
            {"anvisningar/x.md", "index.md"},
        ),
        ("a/b.md", '[a](<../c.md> "titel")', {"c.md"}),
        ("index.md", "[a](https://example.se/x.md) [b](/abs.md) [c](bild.png)", set()),
    ],
)
def test_link_targets_resolve_relative_markdown_links(sida, text, expected):
    assert link_targets(sida, text) == expected


def test_backlinks_come_from_anvisningar_and_hand_written_pages(project):
    page = project / "docs" / "index.md"
    page.write_text(page.read_text() + "\nSe [krisledningen](anvisningar/krisledning.md#syfte).\n")
    doc = project / "docs" / "anvisningar" / "trygghet-i-bromma.md"
    doc.write_text(doc.read_text() + "\nJämför [krisledning](krisledning.md).\n")
    refs = references(publication_of(project))
    assert refs["anvisningar/krisledning.md"] == (
        ("anvisningar/trygghet-i-bromma.md", "Lokal trygghetsmätning i Bromma"),
        ("index.md", "Start"),
    )


def test_what_an_earlier_version_linked_to_is_no_backlink(project):
    version = project / "docs" / "anvisningar" / "krisledning" / "version-1.md"
    version.write_text(version.read_text() + "\nJämför [Bromma](../trygghet-i-bromma.md).\n")
    refs = references(publication_of(project))
    assert "anvisningar/trygghet-i-bromma.md" not in refs
