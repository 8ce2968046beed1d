"""The navigation: without the pages an audience does not get, and with the pages of
each fokusområde and målområde below their section's index page."""

from __future__ import annotations

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from styrdok.core import addresses
from styrdok.select import Publication


def without(nav, withheld: frozenset[str]):
    """The nav configuration without entries for pages that are not published."""
    if nav is None:
        return None
    if isinstance(nav, str):
        return None if nav in withheld else nav
    if isinstance(nav, dict):
        kept = {title: without(value, withheld) for title, value in nav.items()}
        kept = {title: value for title, value in kept.items() if value not in (None, [])}
        return kept or None
    kept = [without(item, withheld) for item in nav]
    return [item for item in kept if item not in (None, [])]


def nest_generated(nav: Navigation, files: Files, pub: Publication) -> Navigation:
    """Put the pages of each fokusområde and målområde below their section's index page.
    The year pages of the follow-up are not in the nav, which every page repeats: their
    number grows with the years, and the overview links each of them."""
    children = {
        addresses.FOKUSOMRADEN: [addresses.fokusomrade(f.id) for f in pub.fokusomraden],
        addresses.MALOMRADEN: [addresses.malomrade(m.id) for m in pub.malomraden],
    }
    pages = list(nav.pages)
    for index_sida, child_sidor in children.items():
        index = next((p for p in pages if p.file.src_uri == index_sida), None)
        if index is None:
            continue
        section = index.parent if isinstance(index.parent, Section) else None
        added = [files.get_file_from_path(s).page for s in child_sidor]
        added = [p for p in added if isinstance(p, Page)]
        if section is None or not added:
            continue
        for page in added:
            page.parent = section
        section.children.extend(added)
        at = pages.index(index) + 1
        pages[at:at] = added
    for before, page, after in zip([None, *pages[:-1]], pages, [*pages[1:], None], strict=True):
        page.previous_page, page.next_page = before, after
    nav.pages = pages
    return nav
