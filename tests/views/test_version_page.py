"""The page of an earlier version (views/version_page.py): it cannot be taken for the
rule in force, it shows the version's own metadata and text, and it links to the other
versions; a version published as metadata only shows no text."""

from __future__ import annotations

import dataclasses

import markdown as python_markdown

from styrdok.adapters.render import clean_page_html
from styrdok.adapters.theme import page_meta
from styrdok.views.anvisning_page import TEXT_END, TEXT_START, split_rendered
from styrdok.views.version_page import version_sida
from styrdok.views.versions import VERSION_BOOST

from helpers import TODAY, publication_of
from helpers.three_versions import V2_TEXT, make_version_3


def page_of(pub, version: int) -> str:
    found = pub.version_for_sida(f"anvisningar/krisledning/version-{version}.md")
    assert found is not None
    return version_sida(pub, found)


def head_of(page: str) -> str:
    return page[: page.index(TEXT_START)]


def test_an_old_version_says_first_that_it_no_longer_applies_and_links_the_one_that_does(
    project,
):
    make_version_3(project)
    page = page_of(publication_of(project), 2)
    assert page.startswith("# Anvisning för krisledning, version 2\n")
    notice = page.split("\n\n")[2]
    assert notice == (
        '!!! danger "Version 2 gäller inte längre"\n'
        "    Den gällde 2019-06-01 – 2024-12-31. Gällande version är "
        "[version 3](../krisledning.md)."
    )


def test_the_head_is_the_versions_own_metadata(project):
    make_version_3(project)
    head = head_of(page_of(publication_of(project), 2))
    for fact in (
        "Version\n:   2",
        "Beslutad\n:   2019-05-02 av Stadsledningskontoret",
        "Giltig från\n:   2019-06-01",
        "Giltig till och med\n:   2024-12-31",
        "Ansvarig\n:   [Kommunstyrelsen](../../organ/kommunstyrelsen.md)",
        "Gäller för\n:   [Samtliga nämnder och bolagsstyrelser](../../organ/samtliga.md)",
        "Fokusområden\n:   [Bygga motståndskraft](../../fokusomraden/krisberedskap.md)",
        "(SFS 2006:544)",
        "Diarienummer\n:   KS 2019/100",
        "sd-status--upphavd",
    ):
        assert fact in head, fact
    # What belongs to the anvisning as it is now is not repeated for an old version.
    assert "Revideras senast" not in head and "KS 2024/300" not in head


def test_the_text_is_between_the_markers_and_the_versions_follow(project):
    make_version_3(project)
    page = page_of(publication_of(project), 2)
    _, text, foot = split_rendered(page)
    assert text.strip() == V2_TEXT.strip()
    assert "## Versioner" in foot
    assert "| Version 2 (den här sidan) |" in foot
    assert "[Version 1](version-1.md)" in foot
    assert "[Version 3 (nuvarande)](../krisledning.md)" in foot
    assert "[Ändringar från version 1](version-2/andringar.md)" in foot
    assert "[Ändringar från version 2](version-3/andringar.md)" in foot


def test_a_version_still_in_force_while_the_next_is_a_draft_says_exactly_that(project):
    make_version_3(project, status="utkast")
    page = page_of(publication_of(project), 2)
    assert (
        f'!!! info "Version 2 gäller {TODAY}"\n'
        f"    Version 2 är den version som gäller {TODAY}. [Version 3](../krisledning.md) är "
        "ett utkast och har inte beslutats."
    ) in page
    assert "sd-status--gallande" in head_of(page)
    assert "gäller inte längre" not in page


def test_a_version_in_force_until_the_next_applies_says_when_that_is(project):
    make_version_3(project, giltig_fran="2026-06-01")
    page = page_of(publication_of(project), 2)
    assert "[Version 3](../krisledning.md) är beslutad och gäller från 2026-06-01." in page
    assert "Giltig till och med\n:   2026-05-31" in page


def test_a_metadata_only_version_has_no_text_and_says_it_is_skyddad(project):
    make_version_3(project)
    doc = project / "docs" / "anvisningar" / "krisledning.md"
    doc.write_text(doc.read_text().replace("atkomst: öppen", "atkomst: skyddad"))
    pub = publication_of(project)
    page = page_of(pub, 2)
    _, text, _ = split_rendered(page)
    assert text.strip() == ""
    assert '<div class="admonition lock" data-search-exclude markdown>' in page
    assert '<p class="admonition-title">Skyddad</p>' in page
    assert "Texten beskriver" not in page and "KS 2019/100" not in page
    assert TEXT_START in page and TEXT_END in page


def test_the_theme_gets_a_title_with_the_version_and_a_lower_search_weight(project):
    make_version_3(project)
    pub = publication_of(project)
    meta = page_meta(pub, {}, "anvisningar/krisledning/version-1.md", {})
    assert meta["title"] == "Anvisning för krisledning, version 1"
    assert meta["search"] == {"boost": VERSION_BOOST}
    assert VERSION_BOOST < 0.5
    current = page_meta(pub, {}, "anvisningar/krisledning.md", {})
    assert "search" not in current


def test_a_script_or_macro_in_an_old_versions_title_is_escaped(project):
    version = project / "docs" / "anvisningar" / "krisledning" / "version-1.md"
    version.write_text(
        version.read_text().replace(
            "titel: Anvisning för krisledning", "titel: 'Krisledning <script>x</script> {{ y }}'"
        )
    )
    page = page_of(publication_of(project), 1)
    assert page.startswith(
        r"# Krisledning &lt;script&gt;x&lt;/script&gt; \{\{ y \}\}, version 1" + "\n"
    )


def test_a_script_or_macro_in_an_old_versions_text_comes_out_inert(project):
    # The check refuses a <script> in a source file; should one reach a version's text,
    # the page is still Markdown rendered and sanitised like any other, and no macro runs.
    pub = publication_of(project)
    version = pub.version_for_sida("anvisningar/krisledning/version-1.md")
    hostile = dataclasses.replace(
        version, text="<script>alert(1)</script>\n\nTexten med {{ config.site_name }}.\n"
    )
    markdown = version_sida(pub, hostile)
    html = python_markdown.Markdown(extensions=["admonition", "def_list", "md_in_html", "tables"])
    cleaned = clean_page_html(html.convert(markdown), hostile.sida, lambda p: False)
    assert "<script" not in cleaned and "alert(1)" not in cleaned
    assert "Texten med {{ config.site_name }}." in cleaned
