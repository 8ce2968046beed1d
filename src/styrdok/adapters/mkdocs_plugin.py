"""The MkDocs plugin: wiring only. Each hook hands over to the module that does the work.

on_config runs the same check as `styrdok check` and stops the build on any error, so
nothing half-checked is published, then selects the publication for the audience. The
files MkDocs gets come from that publication alone (`site_files`); every rendered body
is sanitised (`render`), every title reaches the theme escaped (`theme`), and after the
build the gate reads the whole tree back before it may be published (`gate`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from styrdok.adapters import (
    contact,
    guard,
    hela_programmet,
    nav,
    page_worker,
    pdf_worker,
    search_lemmas,
    site_files,
    theme,
    theme_markup,
)
from styrdok.adapters import macros as macro_module
from styrdok.adapters.gate import CONTENT_END, CONTENT_START, check_tree
from styrdok.adapters.macro_check import check_site
from styrdok.adapters.preview_cache import PDF_NOTICE, PreviewCaches
from styrdok.adapters.render import WithheldAddresses, WithheldLinks, clean_page_html
from styrdok.adapters.templating import MacroError, render
from styrdok.core.giltighet import dag
from styrdok.core.model import Model
from styrdok.core.project import Project
from styrdok.core.report import summary
from styrdok.forbidden.sources import forget_forms
from styrdok.select import MALGRUPPER, STANDARD_MALGRUPP, Publication, select
from styrdok.views import (
    aktualitet,
    api_files,
    feed,
    jsonld,
    program_notice,
    sitemap,
    tillganglighet,
    tvillingar,
    uppfoljning_pages,
    version_diff,
)
from styrdok.views import hela_programmet as hela_programmet_view
from styrdok.views import katalog as katalog_view
from styrdok.views import licens as licens_view
from styrdok.views.anvisning_page import split_rendered
from styrdok.views.backlinks import references
from styrdok.views.blocks import GeneratedPage
from styrdok.views.crossref import generate
from styrdok.views.urls import API_DIR, Urls, api_path

log = logging.getLogger("mkdocs.plugins.styrdok")

# Files MkDocs and its search plugin write after the pages, besides our own API.
BUILD_OUTPUTS = frozenset(
    {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "404.html", search_lemmas.LEMMAN}
)


class StyrdokConfig(base.Config):
    data_dir = c.Type(str, default="data")
    schema_dir = c.Type(str, default="schema")
    # Set per build: mkdocs.yml reads it from STYRDOK_MALGRUPP (`make build-publik`).
    malgrupp = c.Choice(MALGRUPPER, default=STANDARD_MALGRUPP)
    # The pages (below docs/) whose {{ … }} calls the macros: a developer's decision.
    makrosidor = c.ListOfItems(c.Type(str), default=[])
    # The day validity is decided for (YYYY-MM-DD); empty: the day of the build. Set it
    # (STYRDOK_REFERENSDATUM) for a reproducible build or to see the site as of a day.
    # MkDocs reads an !ENV value as YAML, so a date arrives as a date.
    # 20261201 arrives as a number: accepted here, so the message is ours and Swedish.
    referensdatum = c.Type((str, date, int), default="")
    # Seconds one page may take to render before the build stops.
    sekunder_per_sida = c.Type((int, float), default=guard.PAGE_SECONDS)
    # Every other page's content rendered on the second core (adapters/page_worker); the
    # same bytes either way. Off: one core, as MkDocs alone.
    sidor_parallellt = c.Type(bool, default=True)
    # The date in the feeds' tag: URIs (RFC 4151; YYYY, YYYY-MM or YYYY-MM-DD): a day on
    # which the city held the host of site_url. Never change it on a running site: every
    # id would change and readers would see every entry again.
    taggdatum = c.Type(str, default=feed.TAGGDATUM)
    # Whether to write hela-programmet.pdf. The real site always does (its mkdocs.yml
    # does not set this); the test project reads it from STYRDOK_PDF, which tests of
    # other things switch off, as it costs time in every build.
    pdf = c.Type(bool, default=True)
    # Whether the check before the build also looks for withheld strings in the sources
    # the audience publishes. `styrdok bygg` switches it off (STYRDOK_KALLANS_LACKOR):
    # it runs that part of the check itself while MkDocs builds, on the other core, and
    # scans the built site after; `mkdocs build` and the preview keep it.
    kallans_lackor = c.Type(bool, default=True)
    # Where readers report accessibility problems and ask for content in an accessible
    # form (the tillgänglighetsredogörelse links to it): a mailto: or https: address the
    # installation sets (STYRDOK_TILLGANGLIGHET_KONTAKT).
    tillganglighet_kontakt = c.Type(str, default="")
    # The licence of the published data (index.json, the CSV pages, the DCAT record): an
    # SPDX id or URI of a known licence, or an https address of other terms; empty: CC0.
    licens = c.Type(str, default="")
    # The e-mail address (mailto:) the public build's DCAT-AP-SE record gives for
    # questions about the data; empty: tillganglighet_kontakt, if that is a mailto:.
    katalog_kontakt = c.Type(str, default="")


def reference_date(given: str | date | int) -> date:
    """The build's reference date: `given` (YYYY-MM-DD), or today when it is empty.
    mkdocs.yml's !ENV reads 2026-01-01 as a YAML date, so a date is accepted too."""
    if isinstance(given, datetime):
        return given.date()
    if isinstance(given, date):
        return given
    given = str(given)
    if not given.strip():
        return date.today()
    try:
        return dag(given)
    except ValueError:
        raise PluginError(
            f"styrdok: referensdatum (STYRDOK_REFERENSDATUM) ska vara ett datum som "
            f"2026-12-01, inte '{given}'."
        ) from None


def contact_address(given: str) -> str:
    """The accessibility statement's reporting address, if it is one a reader can use:
    mailto: with an e-mail address, or an https: address with a host."""
    try:
        return contact.reporting_address(given)
    except ValueError as exc:
        raise PluginError(f"styrdok: tillganglighet_kontakt i mkdocs.yml {exc}") from None


def data_licence(given: str) -> licens_view.Licens:
    """The licence of the published data, if `given` names one (views/licens)."""
    try:
        return licens_view.licens(given)
    except ValueError as exc:
        raise PluginError(f"styrdok: licens i mkdocs.yml {exc}") from None


def catalogue_contact(given: str, fallback: str) -> str:
    """The DCAT record's contact: a mailto: address, `given` or else `fallback`."""
    option = "katalog_kontakt" if given.strip() else "tillganglighet_kontakt"
    value = (given if given.strip() else fallback).strip()
    try:
        address = contact.reporting_address(value)
    except ValueError as exc:
        raise PluginError(f"styrdok: {option} i mkdocs.yml {exc}") from None
    if not address.lower().startswith("mailto:"):
        raise PluginError(
            f"styrdok: {option} i mkdocs.yml ska vara en e-postadress (mailto:namn@exempel.se) "
            "för katalogposten till dataportal.se, som kräver en e-postadress till den som "
            "svarar på frågor om data. Ange katalog_kontakt (STYRDOK_KATALOG_KONTAKT)."
        )
    return address


class StyrdokPlugin(BasePlugin[StyrdokConfig]):
    # Made in on_config, once per build, and only read afterwards.
    project: Project | None = None
    publication: Publication | None = None
    references: Mapping[str, tuple[tuple[str, str], ...]]
    generated: dict[str, GeneratedPage]
    today: date
    withheld_links: WithheldLinks
    withheld_addresses: WithheldAddresses
    taggar: feed.Taggar
    # Per page below docs/: its own feeds for its head, and its day for sitemap.xml.
    page_feeds: Mapping[str, tuple[tuple[str, str], ...]]
    lastmod: Mapping[str, date]
    # The notice on the pages that present the programme when it is not simply in force.
    programme_notice: str | None
    programme_pages: frozenset[str]
    # Made in on_files, once the pages have their addresses.
    urls: Urls
    expected: frozenset[str]
    # Filled while pages render: the sanitised text of each anvisning and each kept
    # earlier version (by its page below docs/), for their JSON documents.
    texts: dict[str, str]
    # Filled while pages render: every page's title and sanitised HTML, for its JSON twin.
    page_texts: dict[str, tvillingar.Sidtext]
    # The Git host a public site must not link to from the theme (theme.without_repository).
    internal_hosts: frozenset[str] = frozenset()
    _api_dokument: api_files.Dokumentsamling | None = None
    # "Hela programmet": what it holds, and those pages as rendered (adapters/hela_programmet).
    hela: hela_programmet.Sammanstallning
    # Its PDF while another core renders it: begun once the pages' contents are all
    # rendered and the static files copied, written in on_post_build.
    _pdf: pdf_worker.Pending | None = None
    _pdf_begun = False
    # The worker rendering every other page's content while MkDocs renders the rest, what
    # it rendered of the pages taken from it so far, and (in the worker) what
    # on_page_content kept of the page last rendered.
    _page_worker: page_worker.Worker | None = None
    _taken: dict[str, page_worker.Kept]
    _kept_last: tuple[str, page_worker.Kept] | None = None
    # The data's licence, and on the public build what its DCAT-AP-SE record needs.
    licens: licens_view.Licens = licens_view.STANDARD
    katalog: katalog_view.Installning | None = None
    # Set by the preview (mkdocs_run.Preview), never by mkdocs.yml: what it keeps between
    # rebuilds. A preview makes no PDF (the page says so); see preview_cache.
    preview: PreviewCaches | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        guard.refuse_quiet_logging()
        guard.keep_only_our_message()
        guard.refuse_unsafe_config(config)
        if not config.site_url:
            # Every JSON document and feed entry carries an absolute address.
            raise PluginError(
                "styrdok: site_url saknas i mkdocs.yml – API:t och flödet behöver webbplatsens adress."
            )
        self.project = self._project(config)
        if self.preview is not None:
            self.config.pdf = False
            self.config.kallans_lackor = True  # nothing after the preview's build scans it
            self.preview.templates.install_theme(config.theme, self.project.root)
        # One day for the whole build: the pages, the JSON, the CSV and the feeds say the same.
        self.today = today = reference_date(self.config.referensdatum)
        self.publication = pub = select(
            self._checked_model(self.project, today), self.config.malgrupp, today
        )
        # The header and the title say which audience the site was built for.
        config.site_name = f"{config.site_name} · {pub.malgrupp_namn}"
        self.internal_hosts = (
            theme.without_repository(config) if pub.malgrupp == "publik" else frozenset()
        )
        # Every page says for which day it tells what applies (overrides/main.html), and
        # from which day, by the data, that may no longer be so.
        next_change = aktualitet.nasta_andring(pub)
        config.extra["styrdok_referensdatum"] = today.isoformat()
        config.extra["styrdok_nasta_andring"] = next_change.isoformat() if next_change else ""
        self.programme_notice = program_notice.notice(pub)
        self.programme_pages = program_notice.programme_pages(pub)
        config.nav = nav.without(config.nav, pub.undanhallna)
        try:
            self.taggar = feed.Taggar.for_site(config.site_url, self.config.taggdatum, pub.malgrupp)
        except ValueError:
            raise PluginError(
                f"styrdok: taggdatum ska vara ett datum som 2026 eller 2026-12-01, inte "
                f"'{self.config.taggdatum}', och site_url ska ha ett värdnamn."
            ) from None
        self.page_feeds = feed.page_feeds(pub)
        self.lastmod = sitemap.lastmod(pub)
        self.references = references(pub)
        self.licens = data_licence(self.config.licens)
        self.katalog = (
            katalog_view.Installning(
                catalogue_contact(self.config.katalog_kontakt, self.config.tillganglighet_kontakt),
                bool(self.config.pdf),
            )
            if pub.malgrupp == "publik"
            else None
        )
        # The start page links the record (overrides/main.html).
        config.extra["styrdok_katalog"] = (
            api_path(katalog_view.KATALOG) if self.katalog is not None else ""
        )
        pages = [*generate(pub, today), *uppfoljning_pages.generate(pub, today, self.licens)]
        pages += version_diff.generate(pub)
        pages.append(hela_programmet_view.sida(pub))
        self.hela = hela_programmet.Sammanstallning(
            hela_programmet_view.innehall(pub), pub, config, bool(self.config.pdf)
        )
        self._stop_pdf()
        if self.preview is not None:
            self.hela.utan_pdf = PDF_NOTICE
            # Listed before this plugin in mkdocs.yml: its index exists by now.
            search = config.plugins.get("material/search")
            if search is not None and hasattr(search, "search_index"):
                self.preview.search.begin(search.search_index)
        statement = tillganglighet.page(pub, contact_address(self.config.tillganglighet_kontakt))
        pages += [statement] if statement else []
        self.generated = {page.sida: page for page in pages}
        self.texts = {}
        self.page_texts = {}
        self._taken = {}
        self._api_dokument = None
        self.withheld_links = WithheldLinks(pub.withholds)
        self.withheld_addresses = WithheldAddresses(pub.withholds)
        config.markdown_extensions.append(self.withheld_links)  # type: ignore[arg-type]
        unknown = [p for p in self.config.makrosidor if pub.sida(p) is None]
        unknown = [p for p in unknown if p not in pub.undanhallna]
        if unknown:
            raise PluginError(
                f"styrdok: makrosidor i mkdocs.yml nämner sidor som inte finns: {', '.join(unknown)}"
            )
        return config

    def _project(self, config: MkDocsConfig) -> Project:
        root = Path(config.config_file_path).parent.resolve()
        return Project(
            root=root,
            # Not resolved: a docs/ that is itself a symbolic link must be seen as one.
            docs_dir=Path(config.docs_dir).absolute(),
            data_dir=(root / self.config.data_dir).resolve(),
            schema_dir=(root / self.config.schema_dir).resolve(),
        )

    def _checked_model(self, project: Project, today: date) -> Model:
        outcome = check_site(
            project, today, self.config.makrosidor, leaks=self.config.kallans_lackor
        )
        # Warnings (a passed review date) must not stop publication under --strict, so
        # they are logged as information.
        for found in outcome.warnings:
            log.info(str(found))
        if self.preview is None:
            forget_forms()
        if not outcome.ok or outcome.model is None:
            for found in outcome.errors:
                log.error(str(found))
            raise PluginError(
                f"styrdok: {summary(outcome.problems)} – webbplatsen byggdes inte. "
                "Rätta felen ovan; 'styrdok check' visar samma lista."
            )
        return outcome.model

    def macros(self, here: str) -> Mapping[str, Callable[..., str]]:
        """The macros page `here` (below docs/) may call: developer code in `macros`."""
        return macro_module.macros(self, here)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """The files of the site, built from the publication; what MkDocs found in docs/
        is not used."""
        assert self.publication is not None and self.project is not None
        built = site_files.site(
            config,
            self.publication,
            self.project.docs_dir,
            self.references,
            self.generated,
            self.today,
            self.taggar,
        )
        self.urls, self.expected = built.urls, built.expected
        if self.preview is not None:
            withheld = (
                sorted(self.publication.undanhallna),
                sorted(self.publication.undanhallna_bilagor),
            )
            self.preview.pages.begin(config, built.files, WithheldLinks, withheld)
        return built.files

    def on_env(self, env, /, *, config: MkDocsConfig, files: Files):
        if self.preview is not None:
            assert self.project is not None
            self.preview.templates.install(env, self.project.root)
        # Every page is rendered: the worker has sent all it will.
        self._stop_page_worker()
        # MkDocs calls this once every page's content is rendered and before any template:
        # the API has all it needs (every anvisning's text). Written now rather than after
        # the build, `styrdok bygg`'s early scan reads its files on the other core while
        # the templates render, instead of after MkDocs has ended.
        self._write_api(Path(config.site_dir))
        return env

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        src = page.file.src_uri
        sida = self.publication.sida(src) if self.publication else None
        fil = sida.fil if sida else f"docs/{src}"
        if src in self.generated:
            fil = f"den genererade sidan {src}"
        if self.preview is not None:
            page.render = self.preview.pages.render(page, page.render)  # type: ignore[method-assign]
        page.render = guard.guarded_render(  # type: ignore[method-assign]
            page, fil, self.config.sekunder_per_sida
        )
        if self._page_worker is not None and src in self._page_worker.mine:
            page.render = self._rendered_by_worker(page, page.render)  # type: ignore[method-assign]
        return page

    def _rendered_by_worker(
        self, page: Page, render_here: Callable[[MkDocsConfig, Files], None]
    ) -> Callable[[MkDocsConfig, Files], None]:
        """Page.render taking the worker's rendering of `page`, or rendering it here if
        the worker has none (page_worker)."""

        def render(config: MkDocsConfig, files: Files) -> None:
            worker = self._page_worker
            kept = worker.take(page) if worker is not None else None
            if kept is None:
                render_here(config, files)
            else:
                self._taken[page.file.src_uri] = kept

        return render

    def on_nav(self, nav_: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        assert self.publication is not None
        nested = nav.nest_generated(nav_, files, self.publication)
        # The last hook before MkDocs renders the pages: the worker begins now. The macro
        # pages stay here (their macros read what this process has made once).
        self._stop_page_worker()
        self._taken = {}
        if self.preview is None and self.config.sidor_parallellt:
            self._page_worker = page_worker.start(
                config, files, self, frozenset(self.config.makrosidor), self._kept_of
            )
        return nested

    def _kept_of(self, src: str) -> page_worker.Kept:
        # In the worker, after on_page_content has run for `src`; a failed assertion
        # fails the page in the worker, which is then rendered in the MkDocs process.
        if self._kept_last is None or self._kept_last[0] != src:
            raise RuntimeError(f"on_page_content kept nothing of {src}")
        return self._kept_last[1]

    def _stop_page_worker(self) -> None:
        if self._page_worker is not None:
            self._page_worker.stop()
        self._page_worker = None

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder) -> None:
        # `mkdocs serve` watches docs/ by itself; the data and schemas are source too.
        if self.project is not None:
            for folder in (self.project.data_dir, self.project.schema_dir):
                if folder.is_dir():
                    server.watch(str(folder))

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        assert self.publication is not None
        src = page.file.src_uri
        page.meta = theme.page_meta(self.publication, self.generated, src, page.meta)
        page.meta.update(
            theme.feeds_and_lastmod(self.page_feeds.get(src, ()), self.lastmod.get(src))
        )
        page.meta.update(theme.linked_data(jsonld.for_page(self.publication, self.urls, src)))
        page.meta.update(theme.twin(api_path(tvillingar.tvilling(self.publication, src).path)))
        self.withheld_links.page = src
        if src in self.config.makrosidor:
            sida = self.publication.sida(src)
            # MkDocs drops the blank lines after the front matter; count them back.
            first = sida.text_rad + len(sida.text) - len(sida.text.lstrip("\n")) if sida else 1
            fil = sida.fil if sida else f"docs/{src}"
            try:
                markdown = render(markdown, self.macros(src))
            except MacroError as exc:
                raise PluginError(f"styrdok: {fil}:{first + exc.line - 1}: fel: {exc}") from None
        # After the macros, so nothing from the data in the notice is read as a call;
        # before rendering, so it is sanitised with the rest of the page.
        if self.programme_notice and src in self.programme_pages:
            markdown = program_notice.with_notice(markdown, self.programme_notice)
        return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        assert self.publication is not None
        src = page.file.src_uri
        pub = self.publication
        taken = self._taken.pop(src, None)
        if taken is not None:
            # Rendered and sanitised by the worker, its TOC made safe there too.
            self._keep(page, taken)
            return html

        def clean(part: str) -> str:
            return clean_page_html(part, src, pub.withholds, self.withheld_addresses)

        json_text = None
        if pub.anvisning_for_sida(src) is not None or pub.version_for_sida(src) is not None:
            # Head, text and foot are sanitised once each; the text is also the JSON's.
            head, text, foot = split_rendered(html)
            text = clean(text)
            json_text = text.strip() + "\n"
            # "Hela programmet" takes the head and the text, not the foot (versions, backlinks).
            printed = clean(head) + text
            cleaned = printed + clean(foot)
        else:
            cleaned = printed = clean(html)
        page_text = tvillingar.sidtext(pub, self.generated, src, cleaned.strip() + "\n")
        kept = page_worker.Kept(json_text, page_text, printed)
        self._kept_last = (src, kept)
        self._keep(page, kept)
        theme.safe_toc(page.toc.items)
        # The markers let the gate find the sanitised body inside the theme's page.
        return f"{CONTENT_START}\n{cleaned}\n{CONTENT_END}"

    def _keep(self, page: Page, kept: page_worker.Kept) -> None:
        src = page.file.src_uri
        if kept.text is not None:
            self.texts[src] = kept.text
        self.page_texts[src] = kept.page_text
        self.hela.keep(page, kept.printed)

    def on_page_context(self, context, /, *, page: Page, config: MkDocsConfig, nav: Navigation):
        # Every page's content is rendered before any template, and MkDocs has copied the
        # static files (the print stylesheet, images) just before the first: the PDF can
        # be rendered on the other core while the templates are.
        if self._pdf is None and not self._pdf_begun:
            self._pdf_begun = True
            self._pdf = self.hela.start_pdf(Path(config.site_dir))
        # The document can be assembled from them now. Search has indexed the short page already.
        if page.file.src_uri == self.hela.sida:
            page.content = f"{CONTENT_START}\n{self.hela.page_html()}\n{CONTENT_END}"
            page.toc = self.hela.toc()
            theme.safe_toc(page.toc.items)
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        # The page is written and indexed; its body lives on in page_texts (and "Hela
        # programmet"), so MkDocs need not keep a second copy of every page to the end.
        # Emptied, not None: Page.title (read for the nav of every later page) takes
        # None for "not read yet" and would then fall back to other sources.
        page.content = ""
        page.markdown = ""
        if self._pdf is not None:
            self._pdf.write_if_ready()
        return theme_markup.valid_toggles(output, page.file.dest_uri)

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        # The theme's own pages (404.html) have the same toggles; sitemap.xml has none.
        if template_name.endswith(".html"):
            return theme_markup.valid_toggles(output_content, template_name)
        return output_content

    def api_dokument(self) -> api_files.Dokumentsamling:
        """The build's JSON documents, made once: for the API guide's examples while the
        pages render, and for publishing the API after."""
        if self._api_dokument is None:
            assert self.publication is not None
            self._api_dokument = api_files.Dokumentsamling(self.publication, self.urls)
        return self._api_dokument

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the search lemmas and the PDF, then let the gate read the whole tree
        back (the JSON API is written by then: on_env)."""
        try:
            self._post_build(Path(config.site_dir), config)
        finally:
            self._stop_pdf()

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_page_worker()
        self._stop_pdf()

    def _stop_pdf(self) -> None:
        if self._pdf is not None:
            self._pdf.stop()
        self._pdf, self._pdf_begun = None, False

    def _write_api(self, site: Path) -> None:
        assert self.publication is not None and self.project is not None
        try:
            site_files.write_api(
                self.publication,
                self.urls,
                self.texts,
                self.project.schema_dir,
                site,
                self.licens,
                self.katalog,
                self.page_texts,
                self.api_dokument(),
            )
        except (OSError, ValueError) as exc:
            # A published schema is missing or broken: a fault in the repository, not the content.
            raise PluginError(f"styrdok: API:t kunde inte skrivas: {exc}") from exc
        # Written: the documents and the texts they were made from are not needed again
        # (MkDocs keeps the plugin, and with it these, until the process ends).
        self._api_dokument = None
        self.texts, self.page_texts = {}, {}

    def _post_build(self, site: Path, config: MkDocsConfig) -> None:
        # The search plugin, listed before ours, has written its index by now.
        index = site / "search" / "search_index.json"
        if index.is_file():
            (site / search_lemmas.LEMMAN).write_bytes(search_lemmas.lemma_file(index.read_bytes()))
        # Before the gate, so that it and the leak scan see the PDF too. Begun with the
        # first template; a build without pages begins it here.
        if self._pdf is None and not self._pdf_begun:
            self._pdf_begun = True
            self._pdf = self.hela.start_pdf(site)
        if self._pdf is not None:
            self._pdf.finish()
        written = self.hela.pdf_files()
        breaches = check_tree(
            site,
            self.expected | BUILD_OUTPUTS | written,
            (f"{API_DIR}/",),
            urlsplit(config.site_url).path or "/",
            self.internal_hosts,
            # The preview reads its hundred pages in this process, with what the last
            # rebuild found in the pages it did not change.
            cache=self.preview.gate if self.preview is not None else None,
        )
        if breaches:
            for breach in breaches:
                log.error(f"styrdok: {breach}")
            raise PluginError(
                f"styrdok: {len(breaches)} fel i den byggda webbplatsen – den får inte publiceras."
            )
        if self.preview is not None:
            self.preview.end()
