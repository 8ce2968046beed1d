"""The macro pages are checked by `styrdok check` as the build renders them."""

from __future__ import annotations

from pathlib import Path

import pytest

from styrdok.adapters.macro_check import makrosidor_of

from helpers import check

INDEX = "docs/index.md"


def add_call(project: Path, call: str) -> int:
    page = project / INDEX
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + call + "\n"
    page.write_text(text, encoding="utf-8")
    return text.count("\n")


@pytest.mark.parametrize(
    ("call", "words"),
    [
        ('{% include "anvisningar/krisledning.md" %}', "{% … %} är det inte"),
        ("{{ okant_makro() }}", "okänt makro 'okant_makro'"),
        ("{{ malomraden_lista(1) }}", "fel antal värden"),
        ('{{ organ_lista("namnd") }}', "okänd organtyp 'namnd'"),
        ('{{ anvisningar_tabell(fokusomrade="finns-inte") }}', "okänt fokusområde"),
        ('{{ api_exempel("anvisning", "x", 1, 2) }}', "fel antal värden"),
        ("{{ forteckning() | upper }}", "bara makroanrop"),
    ],
)
def test_what_stops_the_build_on_a_macro_page_stops_the_check(project, call, words):
    line = add_call(project, call)
    (found,) = [p for p in check(project).problems if p.code == "makrosida"]
    assert (found.path, found.position.line) == (INDEX, line)
    assert words in found.message


def test_a_page_that_is_not_a_macro_page_may_show_braces(project):
    (project / "docs/om.md").write_text(
        "---\natkomst: öppen\ntitle: Om\n---\n\n# Om\n\n{% include 'x' %} {{ okant() }}\n",
        encoding="utf-8",
    )
    outcome = check(project)
    assert outcome.ok, outcome.problems
    assert not [p for p in outcome.problems if p.code == "makrosida"]


def test_the_macro_pages_are_read_from_mkdocs_yml_with_its_tags(project):
    assert "index.md" in makrosidor_of(project / "mkdocs.yml")
    assert makrosidor_of(project / "finns-inte.yml") == ()


@pytest.mark.parametrize(
    "text",
    [
        "plugins:\n  - styrdok:\n      makrosidor: 5\n",
        "plugins:\n  - styrdok:\n      makrosidor: index.md\n",
        "x: " + "[" * 5000 + "]" * 5000 + "\n",
    ],
    ids=["a number", "one name, not a list", "deeply nested"],
)
def test_a_hostile_mkdocs_yml_gives_no_macro_pages_and_no_traceback(
    tmp_path: Path, text: str
) -> None:
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    assert makrosidor_of(tmp_path / "mkdocs.yml") == ()
