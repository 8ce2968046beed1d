"""The plugin's side of "Hela programmet" (adapters/hela_programmet.py): the titles the
theme hands over, escaped once as Markup, reach the table of contents as the text they
are, not escaped again."""

from __future__ import annotations

from datetime import date
from html import escape as as_html_text
from types import SimpleNamespace

from markupsafe import escape

from styrdok.adapters import theme
from styrdok.adapters.hela_programmet import Sammanstallning
from styrdok.core import addresses
from styrdok.views.hela_programmet import Del, Innehall

TITEL = 'Risk & sårbarhet "<i>nu</i>"'


def page(src: str, url: str, title):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src), url=url, title=title)


def assembled() -> Sammanstallning:
    innehall = Innehall((), (Del("anvisningar/risk.md", True),), ())
    pub = SimpleNamespace(
        program=None, malgrupp_namn="Intranät", dag=date(2026, 1, 1), withholds=lambda p: False
    )
    config = SimpleNamespace(site_url="https://intranat.example.se/", site_name="Programmet")
    hela = Sammanstallning(innehall, pub, config, make_pdf=False)
    hela.keep(page(addresses.HELA_PROGRAMMET, "hela-programmet/", "Hela programmet"), "<h1>H</h1>")
    # As the theme gives it (theme.page_meta): Markup, escaped once.
    hela.keep(page("anvisningar/risk.md", "anvisningar/risk/", escape(TITEL)), "<p>Text</p>")
    return hela


def test_a_title_with_markup_characters_is_escaped_once_in_the_table_of_contents():
    html = assembled().page_html()
    once = as_html_text(TITEL, quote=False)
    assert f'<a href="#del-anvisningar_risk">{once}</a>' in html, html
    assert "&amp;amp;" not in html


def test_the_sidebar_shows_the_same_text():
    toc = assembled().toc()
    theme.safe_toc(toc.items)  # as the plugin hands it to the theme
    (_, anvisningar) = toc.items
    (entry,) = anvisningar.children
    assert str(entry.title) == as_html_text(TITEL, quote=False)
