"""The MkDocs plugin: a thin shell that runs the core and hands its results to MkDocs.

on_config runs the same check as `styrdok check` and stops the build on any error, so
nothing half-checked is published. The selected publication is kept for the pages and
for macros.py; nothing here reads source files or decides what is published.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .pages import anvisning_sidhuvud
from .pipeline import check_project
from .project import Project
from .report import summary
from .select import MALGRUPPER, STANDARD_MALGRUPP, Publication, select

log = logging.getLogger("mkdocs.plugins.styrdok")


class StyrdokConfig(base.Config):
    data_dir = c.Type(str, default="data")
    schema_dir = c.Type(str, default="schema")
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
        return config

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
            return markdown
        # The front matter of an anvisning is data, not MkDocs settings: replace it with
        # what the theme needs.
        page.meta = {"title": anvisning.titel, "description": anvisning.sammanfattning}
        return anvisning_sidhuvud(self.publication, anvisning) + "\n" + markdown
