"""The link rule (core/rules/links.py) and the anchors it computes, held to the renderer."""

from __future__ import annotations

import time
from pathlib import Path

import markdown
import pytest

from styrdok.core.reading.bodies import scan
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
    # toc takes the element's text: a link's words, not its address; no image.
    "Se [kamerabevakning](kamerabevakning.md)",
    "Läs [mer][r]",
    "Se <https://example.com>",
    "Bild ![alt text](bild.png) här",
    "Länk [`kod`](x.md) {#egen-lank}",
    "P&aring; <b>plats</b>",
    "a\\_b",
    # attr_list wants a blank before {, and a quoted value's words are not ids.
    "Rubrik{#ingen-id}",
    'Rubrik med titel {title="se #inte-id"}',
]


def rendered_ids(text: str) -> set[str]:
    """The ids Python-Markdown gives, with the extensions mkdocs.yml configures."""
    md = markdown.Markdown(
        extensions=["toc", "attr_list", "md_in_html", "admonition", "pymdownx.details"]
    )
    html = md.convert(text)
    import re

    return set(re.findall(r'id="([^"]+)"', html))


def test_anchors_are_the_ids_the_renderer_gives() -> None:
    text = "\n\n".join(f"## {h}" for h in HEADINGS) + '\n\n<div id="ruta" markdown>x</div>\n'
    text += "\n[r]: kamerabevakning.md\n"
    assert anchors(text) == rendered_ids(text)


def test_headings_inside_admonitions_are_anchors() -> None:
    text = (
        '!!! note "Obs"\n    ## Inne\n\n    text\n\n    !!! tip\n        ### Djupt\n\n'
        '??? info "Mer"\n    ## Inne\n\nStycke.\n\n    ## Kod, inte rubrik\n\n## Inne\n'
    )
    assert anchors(text) == rendered_ids(text) == {"inne", "inne_1", "inne_2", "djupt"}


@pytest.mark.parametrize(
    "text",
    [
        "## a" + " " * 100_000 + "x\n",
        "## " + "{:" * 100_000 + "\n",
        "Text " + "{: " * 100_000 + "\n",
        "Text " + "{x" * 100_000 + "\n",
    ],
    ids=["blanka-i-rubrik", "klamrar-i-rubrik", "klamrar-i-stycke", "klamrar-utan-slut"],
)
def test_hostile_braces_cost_linear_time(text: str) -> None:
    # A file may be 1 MiB (core/limits.py); an expression that starts again at every {
    # took minutes on 200 kB of them.
    started = time.process_time()
    anchors(text)
    scan(text)
    assert time.process_time() - started < 2


def test_an_id_in_raw_html_does_not_number_a_heading() -> None:
    # toc numbers headings while raw HTML is stashed away: both get "syfte".
    text = '<span id="syfte"></span>\n\n## Syfte\n'
    assert anchors(text) == rendered_ids(text) == {"syfte"}


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


def test_a_page_with_errors_in_its_front_matter_still_has_its_text_judged(project: Path) -> None:
    # One round of the check names every problem of the file, not a new list per fix.
    page = project / ANVISNING
    text = page.read_text(encoding="utf-8")
    text = text.replace("status: gällande", "status: Gällande", 1)
    page.write_text(text + "\n# Rubrik\n\nSe [x](finns-inte.md).\n", encoding="utf-8")
    codes = {p.code for p in check(project).problems if p.path == ANVISNING}
    assert {"ogiltigt-varde", "rubrik-niva-1", "lank-saknas"} <= codes


def test_a_link_to_a_page_with_errors_is_not_called_missing(project: Path) -> None:
    gammal = project / "docs/anvisningar/krisledning-gammal.md"
    gammal.write_text(
        gammal.read_text(encoding="utf-8").replace("status: upphävd", "status: Upphävd", 1),
        encoding="utf-8",
    )
    add_text(project, ANVISNING, "\nSe [den gamla](krisledning-gammal.md#syfte).\n")
    problems = check(project).problems
    assert any(p.path.endswith("krisledning-gammal.md") for p in problems)
    assert not [p for p in problems if p.code.startswith(("lank", "ankare"))]
