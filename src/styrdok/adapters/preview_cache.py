"""What the preview (`styrdok forhandsgranska`) keeps from one rebuild to the next.

The preview rebuilds the whole site in one long-running process on every save. Most of
what a rebuild computes is the same as last time: the compiled theme templates and the
HTML of every page whose Markdown did not change, and what the gate found in every
page whose bytes did not change (adapters/gate.py, GateCache). They are kept here, keyed by
everything they are computed from, so a hit gives exactly what computing it again
would (tests/adapters/test_preview_cache.py tests each key, and
tests/adapters/test_preview_rebuild.py compares a rebuild with a fresh build).

Nothing here is used by `styrdok bygg` or `mkdocs build`: a build that publishes
computes everything once, from the source.
"""

from __future__ import annotations

import copy
import hashlib
import logging
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemLoader
from jinja2.bccache import Bucket
from markdown import Extension
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from styrdok.adapters.gate import GateCache

Render = Callable[[MkDocsConfig, Files], None]

# Where "Hela programmet" links its PDF in a real build. Making the PDF is most of a
# rebuild's time, and no editor needs it to see a save.
PDF_NOTICE = (
    '<p class="sd-forhandsgranskning">Förhandsgranskningen gör ingen PDF. '
    "PDF-filen görs när webbplatsen byggs på riktigt (styrdok bygg).</p>"
)


class TemplateCache(BytecodeCache):
    """Jinja's compiled templates, in memory. Jinja checks each against its source's
    checksum before using it, so an edited template is compiled again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}
        self._listings: dict[str, list[str]] = {}

    def install(self, env: Environment, project: Path) -> None:
        """Use this cache in `env`, and list each installed theme's files once.

        MkDocs lists every file of the theme (Material's has thousands of icons) on
        every build. An installed theme does not change while the preview runs; the
        project's own theme folder (overrides/), below `project`, is listed each time."""
        env.bytecode_cache = self
        loader = env.loader
        if not isinstance(loader, FileSystemLoader):
            return
        listings = self._listings

        def list_templates() -> list[str]:
            found: set[str] = set()
            for folder in loader.searchpath:
                if Path(folder).resolve().is_relative_to(project):
                    found.update(FileSystemLoader(folder).list_templates())
                    continue
                if folder not in listings:
                    listings[folder] = FileSystemLoader(folder).list_templates()
                found.update(listings[folder])
            return sorted(found)

        loader.list_templates = list_templates  # type: ignore[method-assign]

    def install_theme(self, theme: Any, project: Path) -> None:
        """Use this cache in every environment `theme` makes from now on. MkDocs makes
        its first before any plugin sees one (to list the theme's files), and the
        plugin another (site_files): wrapped here, when the config is loaded, both
        list the installed themes' files once a preview, not twice a rebuild."""
        get_env = theme.get_env

        def cached_get_env() -> Environment:
            env = get_env()
            self.install(env, project)
            return env

        theme.get_env = cached_get_env

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


@dataclass(frozen=True)
class _Rendered:
    """What Page.render leaves on the page (MkDocs 1.6), with files by their source path."""

    content: str
    toc: TableOfContents
    title: str | None
    present_anchor_ids: frozenset[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None


class _Warnings(logging.Handler):
    """Counts MkDocs' warnings while a page renders: under --strict each one fails the
    build, so a page that gave one is rendered again next time, to say it again."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class _Generations:
    """Values by key, kept while the last or the current rebuild used them."""

    def __init__(self) -> None:
        self._current: dict[str, Any] = {}
        self._last: dict[str, Any] = {}

    def begin(self) -> None:
        # A rebuild that failed half-way did not get to `end`: what it and the one
        # before it used is kept.
        self._last, self._current = {**self._last, **self._current}, {}

    def end(self) -> None:
        self._last = {}

    def get(self, key: str) -> Any:
        found = self._current.get(key)
        if found is None:
            found = self._last.get(key)
            if found is not None:
                self._current[key] = found
        return found

    def put(self, key: str, value: Any) -> None:
        self._current[key] = value


def _digest(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()


class PageCache:
    """Each page's rendered HTML (Markdown → HTML, MkDocs' link checks) from the last
    rebuild, for the pages whose input did not change.

    A page's key is its Markdown as the plugins left it, its file's addresses, and the
    build's key: every file's addresses (links are resolved against them), the Markdown
    extensions and their settings, MkDocs' link validation settings, and what the
    caller adds (the audience's withheld pages, read by the withheld-links extension).
    Only pages kept in the last rebuild are kept, so the cache does not grow."""

    def __init__(self) -> None:
        self._kept = _Generations()
        self._build = ""
        self.hits = 0
        self.misses = 0

    def begin(
        self, config: MkDocsConfig, files: Files, known: type[Extension], extra: Hashable
    ) -> None:
        """Start a rebuild with these files; `known` is the only Extension instance
        class among the Markdown extensions whose state `extra` describes. With any
        other instance the build key cannot be known, and nothing is kept."""
        self._kept.begin()
        self.hits = self.misses = 0
        extensions = []
        for extension in config.markdown_extensions:
            if isinstance(extension, str):
                extensions.append(extension)
            elif type(extension) is known:
                extensions.append(f"<{known.__qualname__}>")
            else:
                self._build = ""
                return
        addresses = sorted(
            (f.src_uri, f.dest_uri, f.url, str(f.inclusion), f.is_documentation_page())
            for f in files
        )
        build = (
            extensions,
            repr(config.mdx_configs),
            repr(config.validation),
            config.use_directory_urls,
            config.docs_dir,
            addresses,
            repr(extra),
        )
        self._build = _digest(*build)

    def end(self) -> None:
        """The rebuild is over: what it did not use is dropped."""
        self._kept.end()

    def _key(self, page: Page) -> str:
        file = page.file
        return _digest(self._build, file.src_uri, file.dest_uri, file.url, page.markdown or "")

    def render(self, page: Page, render: Render) -> Render:
        """Page.render that takes the page's HTML from the last rebuild when it can."""

        def cached_render(config: MkDocsConfig, files: Files) -> None:
            if not self._build:
                render(config, files)
                return
            key = self._key(page)
            kept = self._kept.get(key)
            if kept is not None and _restore(page, kept, files):
                self.hits += 1
                return
            self.misses += 1
            warnings = _Warnings()
            logger = logging.getLogger("mkdocs")
            logger.addHandler(warnings)
            try:
                render(config, files)
            finally:
                logger.removeHandler(warnings)
            if not warnings.count:
                self._kept.put(key, _kept(page))

        return cached_render


def _kept(page: Page) -> _Rendered:
    links = page.links_to_anchors
    return _Rendered(
        content=page.content or "",
        # Copied: the plugin escapes the table of contents in place afterwards.
        toc=copy.deepcopy(page.toc),
        title=page._title_from_render,
        present_anchor_ids=(
            frozenset(page.present_anchor_ids) if page.present_anchor_ids is not None else None
        ),
        links_to_anchors=(
            {f.src_uri: dict(found) for f, found in links.items()} if links is not None else None
        ),
    )


def _restore(page: Page, kept: _Rendered, files: Files) -> bool:
    """Put `kept` on the page; False if a file it links to is not among `files`."""
    links = None
    if kept.links_to_anchors is not None:
        links = {}
        for src, found in kept.links_to_anchors.items():
            target = files.get_file_from_path(src)
            if target is None:
                return False
            links[target] = dict(found)
    page.content = kept.content
    page.toc = copy.deepcopy(kept.toc)
    page._title_from_render = kept.title
    page.present_anchor_ids = (
        set(kept.present_anchor_ids) if kept.present_anchor_ids is not None else None
    )
    if links is not None:
        page.links_to_anchors = links
    return True


def _toc_key(items: Iterable[AnchorLink]) -> tuple[object, ...]:
    return tuple((item.id, item.url, _toc_key(item.children)) for item in items)


class SearchCache:
    """The search index's entries for each page (Material's search plugin parses the
    page's HTML again for them), keyed by everything its SearchIndex reads of the page:
    the HTML, the address, the table of contents' ids and addresses, the title, and
    the front matter's title, tags and search settings."""

    def __init__(self) -> None:
        self._entries = _Generations()
        self.hits = 0

    def begin(self, index: Any) -> None:
        """Start a rebuild whose search index (a material SearchIndex) is `index`."""
        self._entries.begin()
        self.hits = 0
        add = index.add_entry_from_context

        def cached_add(page: Page) -> None:
            meta = page.meta
            key = _digest(
                page.content,
                page.url,
                _toc_key(page.toc),
                str(page.title),
                repr((meta.get("title"), meta.get("tags"), meta.get("search"))),
            )
            kept = self._entries.get(key)
            if kept is not None:
                self.hits += 1
                index.entries.extend(copy.deepcopy(kept))
                return
            first = len(index.entries)
            add(page)
            self._entries.put(key, copy.deepcopy(index.entries[first:]))

        index.add_entry_from_context = cached_add

    def end(self) -> None:
        self._entries.end()


@dataclass
class PreviewCaches:
    """Everything the preview keeps between rebuilds, handed to each build's plugin."""

    templates: TemplateCache
    pages: PageCache
    search: SearchCache
    gate: GateCache

    @classmethod
    def new(cls) -> PreviewCaches:
        return cls(TemplateCache(), PageCache(), SearchCache(), GateCache())

    def end(self) -> None:
        """A rebuild succeeded: what it did not use is dropped."""
        self.pages.end()
        self.search.end()
