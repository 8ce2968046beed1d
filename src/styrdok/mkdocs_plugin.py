"""The MkDocs plugin: a thin shell that runs the core and hands its results to MkDocs.

on_config runs the same check as `styrdok check` and stops the build on any error, so
nothing half-checked is published. The selected publication is kept for the pages,
the generated cross-reference pages and macros.py; nothing here reads source files or
decides what is published.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from . import addresses
from .api import API_DIR, Urls, documents, publish
from .backlinks import references
from .crossref import GeneratedPage, generate
from .export import forteckning_csv
from .feed import andringar_atom
from .links import unlink_withheld
from .pages import anvisning_sida, rendered_text
from .pipeline import check_project
from .project import Project
from .report import summary
from .select import MALGRUPPER, STANDARD_MALGRUPP, Publication, select

log = logging.getLogger("mkdocs.plugins.styrdok")


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


class StyrdokConfig(base.Config):
    data_dir = c.Type(str, default="data")
    schema_dir = c.Type(str, default="schema")
    # Set per build: mkdocs.yml reads it from STYRDOK_MALGRUPP (`make build-publik`).
    malgrupp = c.Choice(MALGRUPPER, default=STANDARD_MALGRUPP)


class StyrdokPlugin(BasePlugin[StyrdokConfig]):
    publication: Publication | None = None
    project: Project | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent.resolve()
        project = Project(
            root=root,
            docs_dir=Path(config.docs_dir).resolve(),
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
        self.publication = select(outcome.model, self.config.malgrupp)
        # The header and the title say which audience the site was built for.
        config.site_name = f"{config.site_name} · {self.publication.malgrupp_namn}"
        config.nav = _without(config.nav, self.publication.undanhallna)
        self.references = references(self.publication)
        self.generated: list[GeneratedPage] = generate(self.publication, date.today())
        self.texts: dict[str, str] = {}
        self._api_examples: dict | None = None
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.publication is not None
        # MkDocs would copy or render every file in docs/: what selection left out, and
        # the attachments of documents whose content is not published, never reach site/.
        for src_uri in sorted(self.publication.withheld_files(f.src_uri for f in files)):
            files.remove(files.get_file_from_path(src_uri))
        # A skyddad anvisning keeps its address, but its source is never read.
        for src_uri in sorted(self.publication.bara_metadata):
            found = files.get_file_from_path(src_uri)
            if found is not None:
                files.remove(found)
                files.append(File.generated(config, src_uri, content=""))
        generated = [(page.sida, page.text) for page in self.generated]
        generated.append((addresses.FORTECKNING_CSV, forteckning_csv(self.publication)))
        for sida, text in generated:
            if files.get_file_from_path(sida) is not None:
                raise PluginError(
                    f"styrdok: docs/{sida} finns redan, men webbplatsen skapar den sidan själv. "
                    "Ta bort eller byt namn på filen."
                )
            files.append(File.generated(config, sida, content=text))
        page_paths = {f.src_uri: f.url for f in files.documentation_pages()}
        self.urls = Urls(config.site_url, page_paths.__getitem__)
        author = config.site_author or config.site_name
        feed = andringar_atom(self.publication, self.urls, config.site_name, author)
        files.append(File.generated(config, addresses.ANDRINGAR_ATOM, content=feed))
        return files

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

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        assert self.publication is not None
        anvisning = self.publication.anvisning_for_sida(page.file.src_uri)
        if anvisning is None:
            return unlink_withheld(page.file.src_uri, markdown, self.publication.withholds)
        # The front matter of an anvisning is data, not MkDocs settings: replace it with
        # what the theme needs.
        page.meta = {"title": anvisning.titel, "description": anvisning.sammanfattning}
        # The text comes from the publication, never from the file MkDocs read.
        return anvisning_sida(
            self.publication, anvisning, anvisning.text, self.references.get(anvisning.sida, ())
        )

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        assert self.publication is not None
        if self.publication.anvisning_for_sida(page.file.src_uri) is not None:
            self.texts[page.file.src_uri] = rendered_text(html)
        return html

    def api_examples(self) -> dict:
        """The JSON documents without rendered text, made once for the API guide's examples."""
        if self._api_examples is None:
            assert self.publication is not None
            self._api_examples = documents(self.publication, self.urls, {})
        return self._api_examples

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the JSON API: it needs every anvisning's rendered text."""
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
