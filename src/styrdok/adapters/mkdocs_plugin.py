"""The MkDocs plugin: a thin shell that runs the core and hands its results to MkDocs.

on_config runs the same check as `styrdok check` and stops the build on any error, so
nothing half-checked is published. The files MkDocs gets are built from the selected
publication alone (an allow-list): the published pages with the text selection handed
over, the generated pages, the attachments of documents published in full, and the
theme's own files. MkDocs never reads a page from docs/, so a file the core does not
know (another extension, a symbolic link, an undeclared attachment) cannot be published.
Every rendered body is sanitised; every title and summary reaches the theme escaped;
after the build, the gate reads the whole tree back before it may be published.
"""

from __future__ import annotations

import logging
import posixpath
import signal
import threading
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup, escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from styrdok.adapters import macros as macro_module
from styrdok.adapters.gate import CONTENT_END, CONTENT_START, check_tree
from styrdok.adapters.render import WithheldLinks, clean_page_html
from styrdok.adapters.templating import MacroError, render
from styrdok.core import addresses, sanitize
from styrdok.core.pipeline import check_project
from styrdok.core.project import Project
from styrdok.core.report import summary
from styrdok.select import MALGRUPPER, STANDARD_MALGRUPP, Publication, select
from styrdok.views.api import API_DIR, Urls, documents, publish
from styrdok.views.backlinks import references
from styrdok.views.crossref import GeneratedPage, generate
from styrdok.views.export import forteckning_csv
from styrdok.views.feed import andringar_atom
from styrdok.views.pages import anvisning_sida, split_rendered

log = logging.getLogger("mkdocs.plugins.styrdok")

# Files MkDocs and its search plugin write after the pages, besides our own API.
BUILD_OUTPUTS = frozenset({"sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "404.html"})
# Markdown extensions and plugins that would let page text reach the disk or a template
# engine outside the sandbox.
REFUSED_EXTENSIONS = frozenset({"pymdownx.snippets"})
REFUSED_PLUGINS = frozenset({"macros"})


def _without(nav, withheld: frozenset[str]):
    """The nav configuration without entries for pages that are not published."""
    if nav is None:
        return None
    if isinstance(nav, str):
        return None if nav in withheld else nav
    if isinstance(nav, dict):
        kept = {title: _without(value, withheld) for title, value in nav.items()}
        kept = {title: value for title, value in kept.items() if value not in (None, [])}
        return kept or None
    kept = [_without(item, withheld) for item in nav]
    return [item for item in kept if item not in (None, [])]


# MkDocs reads "key: value" lines at the top of a page without YAML front matter as
# metadata and removes them from the text; a fixed front matter of ours prevents that.
FRONT_MATTER = "---\nstyrdok: sida\n---\n"


def _content(text: str) -> str:
    return FRONT_MATTER + text


def _safe(text: str | None) -> Markup | None:
    """Text from the data as the theme may print it: escaped once. Markup keeps Jinja's
    `| e` from escaping it again, and `| striptags` from undoing it where it matters."""
    return None if text is None else escape(text)


def _safe_toc(items: list[AnchorLink]) -> None:
    """The theme prints a TOC entry's title and `#id` unescaped: both are made safe."""
    for item in items:
        item.title = Markup(sanitize.text(item.title))
        item.id = escape(item.id)
        _safe_toc(item.children)


# Seconds one page may take to render. Python-Markdown is quadratic on some inputs (many
# unclosed brackets); a hostile text must stop the build, not hold it for hours.
PAGE_SECONDS = 30


class _PageTooSlow(Exception):
    pass


def _guarded_render(page: Page, fil: str, seconds: float) -> Callable[..., None]:
    """Page.render that ends in a Swedish message, not a traceback or a hang."""
    render_page = page.render

    def render_within_limits(config: MkDocsConfig, files: Files) -> None:
        timer = threading.current_thread() is threading.main_thread()
        if timer:
            previous = signal.signal(signal.SIGALRM, _too_slow)
            signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            render_page(config, files)
        except _PageTooSlow:
            raise PluginError(
                f"styrdok: {fil}: fel: sidan tog mer än {seconds:g} sekunder att bygga – "
                "förenkla eller dela upp texten (mycket många [, ( eller * i rad gör den "
                "långsam att läsa)."
            ) from None
        except RecursionError:
            raise PluginError(
                f"styrdok: {fil}: fel: texten är för djupt nästlad för att byggas (listor, citat "
                "eller * och _ i hundratal i rad) – förenkla den."
            ) from None
        finally:
            if timer:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)

    return render_within_limits


def _too_slow(signum, frame) -> None:
    raise _PageTooSlow


class _OnlyOurMessage(logging.Filter):
    """MkDocs logs "Error reading page 'x':" in English before our own Swedish message
    about the same page; that line says nothing more, so it is left out."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (
            message.startswith(("Error reading page", "Error building page"))
            and message.endswith(":")
        )


def refuse_quiet_logging() -> None:
    """`mkdocs build --strict -q` raises the log level above warnings, so strict mode
    counts none and a build with broken links passes: refuse to build that way."""
    if logging.getLogger("mkdocs").getEffectiveLevel() > logging.WARNING:
        raise PluginError(
            "styrdok: bygget får inte tystas (-q): varningar måste synas och stoppa bygget. "
            "Bygg utan -q."
        )


class StyrdokConfig(base.Config):
    data_dir = c.Type(str, default="data")
    schema_dir = c.Type(str, default="schema")
    # Set per build: mkdocs.yml reads it from STYRDOK_MALGRUPP (`make build-publik`).
    malgrupp = c.Choice(MALGRUPPER, default=STANDARD_MALGRUPP)
    # The pages (below docs/) whose {{ … }} calls the macros: a developer's decision.
    makrosidor = c.ListOfItems(c.Type(str), default=[])
    # Seconds one page may take to render before the build stops.
    sekunder_per_sida = c.Type((int, float), default=PAGE_SECONDS)


class StyrdokPlugin(BasePlugin[StyrdokConfig]):
    publication: Publication | None = None
    project: Project | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        refuse_quiet_logging()
        build_log = logging.getLogger("mkdocs.commands.build")
        if not any(isinstance(f, _OnlyOurMessage) for f in build_log.filters):
            build_log.addFilter(_OnlyOurMessage())
        refused = [e for e in config.markdown_extensions if e in REFUSED_EXTENSIONS]
        refused += [p for p in config.plugins if p in REFUSED_PLUGINS]
        if refused:
            raise PluginError(
                f"styrdok: {', '.join(refused)} får inte användas: det låter sidornas text "
                "läsa filer eller köra mallkod. Ta bort det ur mkdocs.yml."
            )
        root = Path(config.config_file_path).parent.resolve()
        project = Project(
            root=root,
            # Not resolved: a docs/ that is itself a symbolic link must be seen as one.
            docs_dir=Path(config.docs_dir).absolute(),
            data_dir=(root / self.config.data_dir).resolve(),
            schema_dir=(root / self.config.schema_dir).resolve(),
        )
        self.project = project
        if not config.site_url:
            # Every JSON document and feed entry carries an absolute address.
            raise PluginError(
                "styrdok: site_url saknas i mkdocs.yml – API:t och flödet behöver webbplatsens adress."
            )
        outcome = check_project(project)
        # Warnings (a passed review date) must not stop publication under --strict, so
        # they are logged as information.
        for found in outcome.warnings:
            log.info(str(found))
        if not outcome.ok or outcome.model is None:
            for found in outcome.errors:
                log.error(str(found))
            raise PluginError(
                f"styrdok: {summary(outcome.problems)} – webbplatsen byggdes inte. "
                "Rätta felen ovan; 'styrdok check' visar samma lista."
            )
        self.publication = pub = select(outcome.model, self.config.malgrupp)
        # The header and the title say which audience the site was built for.
        config.site_name = f"{config.site_name} · {pub.malgrupp_namn}"
        config.nav = _without(config.nav, pub.undanhallna)
        self.references = references(pub)
        self.generated: dict[str, GeneratedPage] = {
            page.sida: page for page in generate(pub, date.today())
        }
        self.texts: dict[str, str] = {}
        self._api_examples: dict | None = None
        self.withheld_links = WithheldLinks(pub.withholds)
        config.markdown_extensions.append(self.withheld_links)  # type: ignore[arg-type]
        unknown = [p for p in self.config.makrosidor if pub.sida(p) is None]
        unknown = [p for p in unknown if p not in pub.undanhallna]
        if unknown:
            raise PluginError(
                f"styrdok: makrosidor i mkdocs.yml nämner sidor som inte finns: {', '.join(unknown)}"
            )
        return config

    def macros(self, here: str) -> Mapping[str, Callable[..., str]]:
        """The macros page `here` (below docs/) may call: developer code in `adapters/macros.py`."""
        return macro_module.macros(self, here)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """The files of the site, built from the publication; what MkDocs found in docs/
        is not used."""
        assert self.publication is not None and self.project is not None
        pub = self.publication
        site = Files([])
        site.add_files_from_theme(config.theme.get_env(), config)
        theme_paths = {f.src_uri for f in site}

        destinations: dict[str, str] = {f.dest_uri: f.src_uri for f in site}

        def add(file: File, edit: str | None = None) -> None:
            clash = site.get_file_from_path(file.src_uri) or destinations.get(file.dest_uri)
            if clash is not None:
                other = clash if isinstance(clash, str) else clash.src_uri
                kind = "temat" if other in theme_paths else "webbplatsen"
                raise PluginError(
                    f"styrdok: docs/{file.src_uri} får samma adress som {other}, som {kind} "
                    "skapar. Byt namn på filen."
                )
            # The theme prints the edit address unescaped; the path is quoted for it.
            file.edit_uri = quote(edit) if edit else None
            destinations[file.dest_uri] = file.src_uri
            site.append(file)

        for sida in pub.model.sidor:
            add(File.generated(config, sida.sida, content=_content(sida.text)), sida.sida)
        for anvisning in pub.anvisningar:
            text = anvisning_sida(
                pub, anvisning, anvisning.text, self.references.get(anvisning.sida, ())
            )
            edit = None if anvisning.sida in pub.bara_metadata else anvisning.sida
            add(File.generated(config, anvisning.sida, content=_content(text)), edit)
        for page in self.generated.values():
            add(File.generated(config, page.sida, content=page.text))
        add(File.generated(config, addresses.FORTECKNING_CSV, content=forteckning_csv(pub)))
        docs = self.project.docs_dir
        for path in sorted(pub.bilagor):
            source = docs / path
            # The check refuses links; this is the same rule where the bytes are read.
            if (
                source.is_symlink()
                or not source.is_file()
                or not source.resolve().is_relative_to(docs)
            ):
                raise PluginError(f"styrdok: bilagan docs/{path} är inte en vanlig fil i docs/")
            add(File.generated(config, path, abs_src_path=str(source)))
        page_paths = {f.src_uri: f.url for f in site.documentation_pages()}
        self.urls = Urls(config.site_url, page_paths.__getitem__)
        author = config.site_author or config.site_name
        feed = andringar_atom(pub, self.urls, config.site_name, author)
        add(File.generated(config, addresses.ANDRINGAR_ATOM, content=feed))
        self.expected = {f.dest_uri for f in site}
        # A page written where a file is (andringar.xml/index.html beside andringar.xml).
        for dest in sorted(self.expected):
            parent = posixpath.dirname(dest)
            while parent:
                if parent in self.expected:
                    raise PluginError(
                        f"styrdok: docs/{destinations[dest]} skulle hamna i {parent}, som är en fil "
                        "på webbplatsen. Byt namn på filen."
                    )
                parent = posixpath.dirname(parent)
        return site

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        src = page.file.src_uri
        sida = self.publication.sida(src) if self.publication else None
        fil = sida.fil if sida else f"docs/{src}"
        if src in self.generated:
            fil = f"den genererade sidan {src}"
        page.render = _guarded_render(  # type: ignore[method-assign]
            page, fil, self.config.sekunder_per_sida
        )
        return page

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Put the pages of each fokusområde and målområde below their section's index page."""
        assert self.publication is not None
        children = {
            addresses.FOKUSOMRADEN: [
                addresses.fokusomrade(f.id) for f in self.publication.fokusomraden
            ],
            addresses.MALOMRADEN: [addresses.malomrade(m.id) for m in self.publication.malomraden],
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

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder) -> None:
        # `mkdocs serve` watches docs/ by itself; the data and schemas are source too.
        if self.project is not None:
            for folder in (self.project.data_dir, self.project.schema_dir):
                if folder.is_dir():
                    server.watch(str(folder))

    def _meta(self, src: str, parsed: Mapping[str, Any]) -> dict[str, Any]:
        """What the theme may read about a page, from the model, never from front matter."""
        assert self.publication is not None
        pub = self.publication
        anvisning = pub.anvisning_for_sida(src)
        if anvisning is not None:
            return {"title": _safe(anvisning.titel), "description": _safe(anvisning.sammanfattning)}
        sida = pub.sida(src)
        if sida is not None:
            meta: dict[str, Any] = {"title": _safe(sida.titel)}
            if sida.beskrivning:
                meta["description"] = _safe(sida.beskrivning)
            if sida.dolj:
                meta["hide"] = list(sida.dolj)
            search: dict[str, Any] = {}
            if sida.sok_uteslut:
                search["exclude"] = True
            if sida.sok_vikt is not None:
                search["boost"] = sida.sok_vikt
            if search:
                meta["search"] = search
            return meta
        generated = self.generated.get(src)
        if generated is not None:
            meta = {"title": _safe(generated.titel)}
            # Generated front matter is ours; only the search weight is taken from it.
            if isinstance(parsed.get("search"), dict):
                meta["search"] = {"boost": parsed["search"].get("boost")}
            return meta
        return {}

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        assert self.publication is not None
        src = page.file.src_uri
        page.meta = self._meta(src, page.meta)
        self.withheld_links.page = src
        if src in self.config.makrosidor:
            sida = self.publication.sida(src)
            # MkDocs drops the blank lines after the front matter; count them back.
            first = sida.text_rad + len(sida.text) - len(sida.text.lstrip("\n")) if sida else 1
            fil = sida.fil if sida else f"docs/{src}"
            try:
                return render(markdown, self.macros(src))
            except MacroError as exc:
                raise PluginError(f"styrdok: {fil}:{first + exc.line - 1}: fel: {exc}") from None
        return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        assert self.publication is not None
        src = page.file.src_uri
        withholds = self.publication.withholds
        if self.publication.anvisning_for_sida(src) is not None:
            # Head, text and foot are sanitised once each; the text is also the JSON's.
            head, text, foot = split_rendered(html)
            text = clean_page_html(text, src, withholds)
            self.texts[src] = text.strip() + "\n"
            cleaned = clean_page_html(head, src, withholds) + text
            cleaned += clean_page_html(foot, src, withholds)
        else:
            cleaned = clean_page_html(html, src, withholds)
        _safe_toc(page.toc.items)
        # The markers let the gate find the sanitised body inside the theme's page.
        return f"{CONTENT_START}\n{cleaned}\n{CONTENT_END}"

    def api_examples(self) -> dict:
        """The JSON documents without rendered text, made once for the API guide's examples."""
        if self._api_examples is None:
            assert self.publication is not None
            self._api_examples = documents(self.publication, self.urls, {})
        return self._api_examples

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the JSON API (it needs every anvisning's rendered text), then let the
        gate read the whole tree back."""
        assert self.publication is not None and self.project is not None
        site = Path(config.site_dir)
        try:
            publish(
                self.publication,
                self.urls,
                self.texts,
                self.project.schema_dir / API_DIR,
                site / API_DIR,
            )
        except (OSError, ValueError) as exc:
            # A published schema is missing or broken: a fault in the repository, not the content.
            raise PluginError(f"styrdok: API:t kunde inte skrivas: {exc}") from exc
        breaches = check_tree(
            site,
            self.expected | BUILD_OUTPUTS,
            (f"{API_DIR}/",),
            urlsplit(config.site_url).path or "/",
        )
        if breaches:
            for breach in breaches:
                log.error(f"styrdok: {breach}")
            raise PluginError(
                f"styrdok: {len(breaches)} fel i den byggda webbplatsen – den får inte publiceras."
            )
