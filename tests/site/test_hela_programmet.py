""" "Hela programmet" and its PDF in the real builds of both audiences: the PDF opens,
says its title and language, is tagged, and holds every anvisning in force of its
audience and none it does not get. (Withheld canaries: site/test_access.py.)"""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from styrdok.core.pipeline import check_project
from styrdok.core.project import Project
from styrdok.select import select
from styrdok.tools.leaks import forbidden, scan

from helpers import REPO
from helpers.pdf import flat, pdf_text

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def sites(built_site: Path, built_publik_site: Path) -> dict[str, Path]:
    return {"intranät": built_site, "publik": built_publik_site}


@pytest.mark.parametrize("malgrupp", ["intranät", "publik"])
def test_the_pdf_has_title_language_tags_and_every_anvisning_in_force(sites, malgrupp):
    site = sites[malgrupp]
    assert (site / "hela-programmet" / "index.html").is_file()
    reader = pypdf.PdfReader(io.BytesIO((site / "hela-programmet.pdf").read_bytes()))
    whole = check_project(Project.at(REPO)).model
    pub = select(whole, malgrupp)
    name = {"intranät": "Intranät", "publik": "Publik webb"}[malgrupp]
    title = reader.metadata.title
    assert title.startswith("Hela programmet – ") and title.endswith(f" · {name}")
    assert pub.program is not None and pub.program.titel in title
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "sv"
    assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"]
    text = pdf_text(site / "hela-programmet.pdf")
    in_force = [a for a in pub.anvisningar if pub.giltighet(a).i_kraft]
    assert len(in_force) >= 5
    missing = [a.titel for a in in_force if flat(a.titel) not in text]
    assert not missing
    published = {a.id for a in pub.anvisningar}
    withheld = [a for a in whole.anvisningar if a.id not in published]
    if malgrupp == "publik":
        assert withheld, "the real content has intern or skyddad anvisningar"
    assert [a.titel for a in withheld if flat(a.titel) in text] == []
    # The programme text is in it, and the scan that `styrdok bygg` runs finds nothing.
    assert "Bakgrund och syfte" in text
    assert scan(site, forbidden(whole, pub)) == []


def test_the_page_links_its_pdf_and_every_part_from_its_table_of_contents(built_site):
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser((built_site / "hela-programmet" / "index.html").read_text())
    assert tree.css_first('a[href="../hela-programmet.pdf"]').text() == "Ladda ner som PDF"
    toc = [a.attributes["href"] for a in tree.css(".sd-innehallsforteckning a")]
    assert len(toc) >= 10
    for anchor in toc:
        assert tree.css_first(f"[id='{anchor[1:]}']") is not None, anchor
