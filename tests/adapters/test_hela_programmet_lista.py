""" "Hela programmet" above its bound (views/hela_programmet.MAX_TEXTER): the page and the
PDF list every anvisning in force by title, with the reason and where to read the texts,
hold no anvisning's text, and name none the audience does not get. The test project
has a handful of anvisningar, so the bound is set to none."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from selectolax.lexbor import LexborHTMLParser

from styrdok.adapters.hela_programmet import Sammanstallning
from styrdok.core import addresses
from styrdok.views.hela_programmet import innehall

from helpers import check, make_project, publication_of
from helpers.canaries import add_canaries, add_version_canaries
from helpers.pdf import flat, pdf_text

TEXT = "Anvisningens egen text som inte ska med."


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    # With the canaries: intern and skyddad anvisningar the public must not see.
    project = make_project(tmp_path_factory.mktemp("lista") / "projekt")
    add_canaries(project)
    add_version_canaries(project)
    return project


def assembled(pub, make_pdf: bool) -> Sammanstallning:
    held = innehall(pub, max_texter=0)
    config = SimpleNamespace(site_url="https://intranat.example.se/", site_name="Programmet")
    hela = Sammanstallning(held, pub, config, make_pdf=make_pdf)
    own = SimpleNamespace(file=SimpleNamespace(src_uri=addresses.HELA_PROGRAMMET))
    hela.keep(SimpleNamespace(**vars(own), url="hela-programmet/", title="H"), "<h1>H</h1>")
    for d in held.program:
        page = SimpleNamespace(file=SimpleNamespace(src_uri=d.sida), url=d.sida[:-3] + "/")
        hela.keep(SimpleNamespace(**vars(page), title=d.sida), f"<p>Programtext {d.sida}</p>")
    # Were an anvisning's page kept, its text would show: the document must not ask for it.
    for d in held.anvisningar:
        page = SimpleNamespace(file=SimpleNamespace(src_uri=d.sida), url=d.sida[:-3] + "/")
        hela.keep(SimpleNamespace(**vars(page), title=d.sida), f"<p>{TEXT}</p>")
    return hela


def in_force(pub):
    return [a for a in pub.anvisningar if pub.giltighet(a).i_kraft and pub.giltighet(a).gallande]


def test_above_the_bound_every_anvisning_in_force_is_listed_and_no_text_is_taken(project):
    pub = publication_of(project)
    held = innehall(pub, max_texter=0)
    assert held.anvisningar
    assert not held.med_texter
    assert [r.sida for r in held.lista] == [d.sida for d in held.anvisningar]
    assert held.delar == held.program
    # Below it (the default bound, a handful of anvisningar): the texts, no list.
    assert innehall(pub).med_texter and innehall(pub).lista == ()


def test_the_page_lists_them_says_why_and_links_every_section(project):
    pub = publication_of(project)
    html = assembled(pub, make_pdf=False).page_html()
    tree = LexborHTMLParser(html)
    assert TEXT not in html
    listed = [a.text() for a in tree.css("#grupp-anvisningar ~ ol a")]
    assert listed == [r.titel for r in innehall(pub, max_texter=0).lista]
    reason = tree.css_first(".sd-hela-lista").text()
    assert "högst 0 gäller" in reason and "Förteckningen över anvisningar" in reason
    assert tree.css_first(".sd-hela-lista a").attributes["href"] == "../anvisningar/"
    for a in tree.css(".sd-innehallsforteckning a"):
        assert tree.css_first(f"[id='{a.attributes['href'][1:]}']") is not None
    toc = [item.id for item in assembled(pub, make_pdf=False).toc().items]
    assert "grupp-anvisningar" in toc


@pytest.mark.parametrize("malgrupp", ["intranät", "publik"])
def test_the_pdf_has_every_title_in_force_and_no_withheld_one(project, tmp_path, malgrupp):
    pub = publication_of(project, malgrupp)
    site = tmp_path / "site"
    site.mkdir()
    assert assembled(pub, make_pdf=True).write_pdf(site) == {addresses.HELA_PROGRAMMET_PDF}
    text = pdf_text(site / addresses.HELA_PROGRAMMET_PDF)
    assert TEXT not in text
    assert "högst 0 gäller" in text
    titles = [a.titel for a in in_force(pub)]
    assert titles and [t for t in titles if flat(t) not in text] == []
    published = {a.id for a in pub.anvisningar}
    whole = check(project).model
    withheld = [a.titel for a in whole.anvisningar if a.id not in published]
    if malgrupp == "publik":
        assert withheld, "the test project has anvisningar the public does not get"
    assert [t for t in withheld if flat(t) in text] == []
    if malgrupp == "publik":
        assert "kanarie" not in text.lower()
