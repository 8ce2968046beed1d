"""The built site as a reader meets it: every link resolves, every anvisning is reachable
from the förteckning, its fokusområden and every organ it applies to, and the
navigation holds sections, not every page. (The CSV download: views/test_export.py.)"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from helpers.html import Page, read_html


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link points at, or None for other hosts and mailto."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("#"):
        return None
    base = page.parent.relative_to(site).as_posix()
    target = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
    path = site / target
    if href.split("#")[0].endswith("/") or path.is_dir():
        path = path / "index.html"
    return path, parts.fragment


@pytest.fixture(scope="module")
def pages(built_site) -> dict[Path, Page]:
    return {path: read_html(path) for path in built_site.rglob("*.html")}


def page_of(site: Path, sida: str) -> Path:
    return site / sida.removesuffix(".md").removesuffix("index") / "index.html"


def links_from(site: Path, parsed: Page, page: Path) -> set[Path]:
    found = set()
    for href in parsed.hrefs():
        target = resolve(site, page, href)
        if target:
            found.add(target[0].resolve())
    return found


def test_no_internal_link_is_broken(built_site, pages):
    broken = []
    for page, parsed in pages.items():
        if page.name == "404.html":
            continue  # served for any address, so it links with absolute paths
        for href in parsed.hrefs():
            target = resolve(built_site, page, href)
            if target is None:
                continue
            path, fragment = target
            if not path.exists():
                broken.append(f"{page.relative_to(built_site)} → {href}")
            elif fragment and path.suffix == ".html" and fragment not in pages[path].ids:
                broken.append(f"{page.relative_to(built_site)} → {href} (ankaret saknas)")
    assert broken == []


def test_every_anvisning_is_reachable_from_the_forteckning_or_the_repealed_list(
    built_site, pages, repo_publication
):
    forteckning = built_site / "anvisningar" / "index.html"
    upphavda = built_site / "anvisningar" / "upphavda" / "index.html"
    reachable = links_from(built_site, pages[forteckning], forteckning)
    reachable |= links_from(built_site, pages[upphavda], upphavda)
    for anvisning in repo_publication.anvisningar:
        assert page_of(built_site, anvisning.sida).resolve() in reachable, anvisning.id


def test_every_current_anvisning_is_reachable_from_each_of_its_fokusomraden(
    built_site, pages, repo_publication
):
    for anvisning in repo_publication.anvisningar:
        if anvisning.status == "upphävd":
            continue
        for fokus_id in anvisning.fokusomraden:
            page = built_site / "fokusomraden" / fokus_id / "index.html"
            assert page_of(built_site, anvisning.sida).resolve() in links_from(
                built_site, pages[page], page
            )


def test_every_current_anvisning_is_reachable_from_every_organ_it_applies_to(
    built_site, pages, repo_publication
):
    samtliga = built_site / "organ" / "samtliga" / "index.html"
    common = links_from(built_site, pages[samtliga], samtliga)
    for organ in repo_publication.organ:
        page = built_site / "organ" / organ.id / "index.html"
        direct = links_from(built_site, pages[page], page)
        for anvisning in repo_publication.anvisningar:
            if anvisning.status == "upphävd" or not anvisning.galler_for.omfattar(organ):
                continue
            target = page_of(built_site, anvisning.sida).resolve()
            via_common = samtliga.resolve() in direct and target in common
            assert target in direct or via_common, (organ.id, anvisning.id)


def test_every_organ_fokusomrade_and_malomrade_has_a_page(built_site, repo_publication):
    for organ in repo_publication.organ:
        assert (built_site / "organ" / organ.id / "index.html").is_file()
    for fokus in repo_publication.fokusomraden:
        assert (built_site / "fokusomraden" / fokus.id / "index.html").is_file()
    for malomrade in repo_publication.malomraden:
        assert (built_site / "malomraden" / malomrade.id / "index.html").is_file()


def test_navigation_holds_sections_not_every_page(built_site, pages, repo_publication):
    listed = set()
    for page, parsed in pages.items():
        if page.name == "404.html":
            continue
        for href in parsed.hrefs(nav=True):
            target = resolve(built_site, page, href)
            if target:
                listed.add(target[0].resolve().parent.relative_to(built_site.resolve()).as_posix())
    for anvisning in repo_publication.anvisningar:
        assert f"anvisningar/{anvisning.id}" not in listed
    for organ in repo_publication.organ:
        assert f"organ/{organ.id}" not in listed
    # The same nav on every page; Material adds the current page's toc (# links) to it.
    sizes = {
        len([h for h in parsed.hrefs(nav=True) if not h.startswith("#")])
        for parsed in pages.values()
    }
    assert max(sizes) - min(sizes) <= 1


def test_forteckning_table_works_without_javascript(built_site, repo_publication):
    html = (built_site / "anvisningar" / "index.html").read_text()
    table = re.search(r'<div class="sd-forteckning"[^>]*>(.*?)</div>', html, re.S).group(1)
    current = [a for a in repo_publication.anvisningar if a.status != "upphävd"]
    assert table.count("<tr>") == len(current) + 1


def test_search_ranks_generated_pages_below_the_anvisningar(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    boosts = {}
    for doc in index["docs"]:
        boosts.setdefault(doc["location"].split("#")[0], doc.get("boost", 1))
    assert boosts["organ/bromma-stadsdelsnamnd/"] < 1
    assert boosts["fokusomraden/forebygga-brott/"] < 1
    assert boosts["anvisningar/kamerabevakning/"] == 1


def test_search_leaves_out_what_every_page_repeats_but_keeps_each_pages_title_and_text(
    built_site,
):
    docs = json.loads((built_site / "search" / "search_index.json").read_text())["docs"]
    entries = {doc["location"]: doc for doc in docs}
    # The same notice on every example page, the programme's notice on its pages.
    assert not any("Den här anvisningen är exempeltext" in doc["text"] for doc in docs)
    notice = "Programmets innehåll visas som det beslutades"
    assert [doc["location"] for doc in docs if notice in doc["text"]] == [
        "#trygghets-och-sakerhetsprogrammet"  # the start page's box
    ]
    html = (built_site / "anvisningar" / "kamerabevakning" / "index.html").read_text()
    assert "Den här anvisningen är exempeltext" in html
    # Versions, backlinks and a diff's text: each is another page's entry.
    anvisningar = [location for location in entries if location.startswith("anvisningar/")]
    assert "anvisningar/kamerabevakning/#syfte" in anvisningar
    for location in anvisningar:
        assert not location.endswith(("#versioner", "#hanvisningar-hit")), location
    assert "anvisningar/kamerabevakning/version-2/andringar/#texten" not in entries
    assert "anvisningar/kamerabevakning/version-2/andringar/#uppgifter-som-andrades" in entries
    # The page's own title, summary and text stay.
    page = entries["anvisningar/kamerabevakning/#anvisning-for-kamerabevakning"]
    assert page["title"] == "Anvisning för kamerabevakning"
    assert "innan de börjar kamerabevaka" in page["text"]
    assert "anvisningar/kamerabevakning/#syfte" in entries
    assert "anvisningar/kamerabevakning/#versionshistorik" in entries


def test_generated_pages_have_no_edit_link(built_site):
    html = (built_site / "organ" / "socialnamnden" / "index.html").read_text()
    assert 'rel="edit"' not in html
    assert (
        'rel="edit"' in (built_site / "anvisningar" / "kamerabevakning" / "index.html").read_text()
    )


def test_anvisning_page_shows_backlinks_from_other_texts(built_site, repo_publication):
    from styrdok.views.backlinks import references

    refs = references(repo_publication)
    for sida, sources in refs.items():
        html = page_of(built_site, sida).read_text()
        assert "Hänvisningar hit" in html
        assert len(sources) >= 1
