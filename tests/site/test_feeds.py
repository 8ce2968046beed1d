"""The feeds and the sitemap of a built site: a test project with the repository's theme
overrides, a fixed reference date and an earlier version that applied to another organ
than the current one, built for both audiences and read back as a feed reader and a
search engine read them."""

from __future__ import annotations

import gzip
import re
import shutil
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import feedparser
import pytest

from styrdok.core import addresses

from helpers import REPO, check, make_project
from helpers.html import read_html

SITE_URL = "https://intranat.example.se/test/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# An organ name an editor writes, with what would break out of an attribute.
ODD_NAME = 'Socialnämnden "<i>x</i>" & co'


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, path
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def sites(tmp_path_factory, mkdocs_build) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("floden")
    project = make_project(root / "projekt")
    shutil.copytree(REPO / "overrides", project / "overrides")
    config = project / "mkdocs.yml"
    edit(config, "  name: material\n", "  name: material\n  custom_dir: overrides\n")
    edit(config, 'referensdatum: !ENV [STYRDOK_REFERENSDATUM, ""]', 'referensdatum: "2026-01-01"')
    edit(
        project / "docs/anvisningar/krisledning/version-1.md",
        "galler_for: alla",
        "galler_for:\n  organ: [stadsledningskontoret]",
    )
    edit(project / "data/organ.yml", "namn: Socialnämnden", f"namn: '{ODD_NAME}'")
    assert check(project).ok, check(project).problems
    built = {"projekt": project}
    for malgrupp in ("intranät", "publik"):
        site = root / f"site-{malgrupp}"
        result = mkdocs_build(config, site, malgrupp)
        assert result.returncode == 0, result.stderr
        built[malgrupp] = site
    return built


def feeds(site: Path) -> dict[str, feedparser.FeedParserDict]:
    return {
        path.name: feedparser.parse(path.read_bytes())
        for path in sorted(site.glob("andringar*.xml"))
    }


def page_of(site: Path, url: str) -> Path:
    assert url.startswith(SITE_URL), url
    path = site / url.removeprefix(SITE_URL)
    return path / "index.html" if url.endswith("/") else path


def test_every_feed_parses_and_every_entry_links_to_a_page_of_the_site(sites):
    for malgrupp in ("intranät", "publik"):
        site = sites[malgrupp]
        found = feeds(site)
        assert addresses.ANDRINGAR_ALLA_ATOM in found
        assert addresses.andringar_organ("stadsledningskontoret") in found
        for name, feed in found.items():
            assert not feed.bozo, (malgrupp, name, feed.get("bozo_exception"))
            for entry in feed.entries:
                assert page_of(site, entry.link).is_file(), (name, entry.link)
        # The earlier version is published for both, and its decision links to its page.
        every = found[addresses.ANDRINGAR_ALLA_ATOM].entries
        (first,) = [
            e for e in every if e.title.startswith("Ny anvisning beslutad, gäller från 2017")
        ]
        assert first.link == f"{SITE_URL}anvisningar/krisledning/version-1/"


def test_organ_and_fokus_pages_name_their_feed_in_the_head_and_link_it(sites):
    site = sites["intranät"]
    for sida, feed, title in (
        (
            addresses.organ("socialnamnden"),
            addresses.andringar_organ("socialnamnden"),
            f"Ändringar som gäller {ODD_NAME}",
        ),
        (
            addresses.fokusomrade("krisberedskap"),
            addresses.andringar_fokusomrade("krisberedskap"),
            "Ändringar inom Bygga motståndskraft",
        ),
    ):
        page = site / sida.removesuffix(".md") / "index.html"
        html = read_html(page)
        head = [
            (tag.attributes["href"], tag.attributes["title"])
            for tag in html.find("link")
            if tag.attributes.get("rel") == "alternate"
            and tag.attributes.get("type") == "application/atom+xml"
        ]
        assert head == [
            ("../../andringar.xml", "Ändringar i anvisningarna"),
            (f"../../{feed}", title),
        ]
        assert f"../../{feed}" in html.hrefs()
        assert (site / feed).is_file()
    raw = (site / "organ/socialnamnden/index.html").read_text(encoding="utf-8")
    assert "<i>x</i>" not in raw.split("</head>")[0]


def test_sitemap_lastmod_is_the_datas_day_and_the_gzip_the_same(sites):
    site = sites["intranät"]
    text = (site / "sitemap.xml").read_bytes()
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == text
    days = {
        url.findtext(f"{SITEMAP}loc").removeprefix(SITE_URL): url.findtext(f"{SITEMAP}lastmod")
        for url in ET.fromstring(text).findall(f"{SITEMAP}url")
    }
    # From the front matter: version 1 decided 2016-12-05, in force 2017-01-01; version 2
    # decided 2019-05-02, in force 2019-06-01; krisledning-gammal repealed 2019-06-01.
    assert days["anvisningar/krisledning/"] == "2019-06-01"
    assert days["anvisningar/krisledning/version-1/"] == "2017-01-01"
    assert days["organ/stadsledningskontoret/"] == "2017-01-01"
    assert days["organ/socialnamnden/"] == "2019-06-01"
    assert days["anvisningar/nytt-och-andrat/"] == "2019-06-01"
    # No day in the data: no lastmod, rather than the build date.
    for page in ("", "anvisningar/", "anvisningar/trygghet-i-bromma/", "organ/kommunfullmaktige/"):
        assert days[page] is None, page
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in days.values() if d)
    assert max(d for d in days.values() if d) <= date(2026, 1, 1).isoformat()


def test_ids_differ_between_the_audiences(sites):
    ids = {}
    for malgrupp in ("intranät", "publik"):
        found = feeds(sites[malgrupp])
        ids[malgrupp] = {f.feed.id for f in found.values()} | {
            e.id for f in found.values() for e in f.entries
        }
        assert all(i.startswith("tag:intranat.example.se,2026:") for i in ids[malgrupp])
    assert not ids["intranät"] & ids["publik"]
