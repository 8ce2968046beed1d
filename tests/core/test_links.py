"""The link rule (core/rules/links.py) and the anchors it computes, held to the renderer."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from styrdok.core.reading.headings import anchors, slugify

from helpers import check
from helpers.invalid import ANVISNING

HEADINGS = [
    "Syfte",
    "Så här gör ni",
    "Ändringar i version 2",
    "Vem gäller det för?",
    "Krisledning & stab",
    "Rubrik med `kod` och *betoning*",
    "Öppen – intern / skyddad",
    "Syfte",
    "Syfte_1",
    "Rubrik {#egen-id}",
    "Lag (2018:585) om skydd",
]


def rendered_ids(text: str) -> set[str]:
    """The ids Python-Markdown gives, with the extensions mkdocs.yml configures."""
    md = markdown.Markdown(extensions=["toc", "attr_list", "md_in_html"])
    html = md.convert(text)
    import re

    return set(re.findall(r'id="([^"]+)"', html))


def test_anchors_are_the_ids_the_renderer_gives() -> None:
    text = "\n\n".join(f"## {h}" for h in HEADINGS) + '\n\n<div id="ruta" markdown>x</div>\n'
    assert anchors(text) == rendered_ids(text)


@pytest.mark.parametrize("heading", HEADINGS)
def test_slugify_is_the_toc_extensions(heading: str) -> None:
    from markdown.extensions.toc import slugify as toc_slugify

    assert slugify(heading) == toc_slugify(heading, "-")


def add_text(project: Path, path: str, text: str) -> None:
    file = project / path
    file.write_text(file.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_a_link_to_an_avsnitt_of_a_skyddad_anvisning_is_an_error(project: Path) -> None:
    bromma = project / "docs/anvisningar/trygghet-i-bromma.md"
    bromma.write_text(
        bromma.read_text(encoding="utf-8").replace("atkomst: intern", "atkomst: skyddad")
        + "\n## Syfte\n\nText.\n",
        encoding="utf-8",
    )
    add_text(project, ANVISNING, "\nSe [Bromma](trygghet-i-bromma.md#syfte).\n")
    found = [p for p in check(project).problems if p.code == "ankare-skyddad"]
    assert [(p.path, p.position.line) for p in found] == [(ANVISNING, 30)]


def test_a_skyddad_texts_own_links_are_not_judged(project: Path) -> None:
    bromma = project / "docs/anvisningar/trygghet-i-bromma.md"
    bromma.write_text(
        bromma.read_text(encoding="utf-8").replace("atkomst: intern", "atkomst: skyddad")
        + "\nSe [x](finns-inte.md).\n",
        encoding="utf-8",
    )
    assert not [p for p in check(project).problems if p.code.startswith(("lank", "ankare"))]


def test_a_missing_page_suggests_the_closest(project: Path) -> None:
    add_text(project, ANVISNING, "\nSe [den gamla](krisledning-gamal.md).\n")
    (found,) = [p for p in check(project).problems if p.code == "lank-saknas"]
    assert "Menade du 'krisledning-gammal.md'?" in str(found.hint)


def test_links_to_generated_pages_pass(project: Path) -> None:
    add_text(
        project,
        ANVISNING,
        "\n[a](index.md) [b](../organ/kommunstyrelsen.md) [c](../organ/samtliga.md) "
        "[d](../fokusomraden/krisberedskap.md) [e](nytt-och-andrat.md) [f](#syfte)\n",
    )
    assert not [p for p in check(project).problems if p.code.startswith(("lank", "ankare"))]


def test_a_link_to_a_page_of_changes_only_the_intranet_has_is_an_error(project: Path) -> None:
    # An intern earlier version makes the page comparing it with version 2 intern too.
    version = project / "docs/anvisningar/krisledning/version-1.md"
    version.write_text(
        version.read_text(encoding="utf-8").replace("atkomst: öppen", "atkomst: intern"),
        encoding="utf-8",
    )
    add_text(project, ANVISNING, "\nSe [ändringarna](krisledning/version-2/andringar.md).\n")
    found = [p for p in check(project).problems if p.code.startswith(("lank", "ankare"))]
    assert [(p.code, p.path, p.position.line) for p in found] == [
        ("lank-bara-intranat", ANVISNING, 30)
    ]
    # With the version öppen again, the page is on both sites and the link passes.
    version.write_text(
        version.read_text(encoding="utf-8").replace("atkomst: intern", "atkomst: öppen"),
        encoding="utf-8",
    )
    assert not [p for p in check(project).problems if p.code.startswith(("lank", "ankare"))]
