"""The files MkDocs gets, built from the publication alone (an allow-list), and the API
written after the build.

MkDocs never reads a page from docs/: the published pages come with the text selection
handed over (the anvisningar, their kept earlier versions, the other pages), then the
generated pages, the CSV, the attachments of documents published
in full, the feed, and the theme's own files. A file the core does not know (another
extension, a symbolic link, an undeclared attachment) therefore cannot be published.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from styrdok.core import addresses
from styrdok.core.reading.inventory import API_FOLDER
from styrdok.select import Publication
from styrdok.views.anvisning_page import anvisning_sida
from styrdok.views.api_files import Dokumentsamling, api_file_stream
from styrdok.views.blocks import GeneratedPage
from styrdok.views.export import forteckning_csv
from styrdok.views.feed import Taggar, feed_files
from styrdok.views.indikatorer import diagram_files
from styrdok.views.katalog import Installning
from styrdok.views.licens import STANDARD, Licens
from styrdok.views.tvillingar import Sidtext
from styrdok.views.uppfoljning_export import indikatorer_csv, rapportering_csv, risker_csv
from styrdok.views.urls import API_DIR, OPENAPI, SCHEMAS, Urls
from styrdok.views.version_page import version_sida

# The theme's Swedish lunr file, which overrides/ replaces with a wrapper that loads it
# under this name (overrides/assets/javascripts/lunr/min/lunr.sv.min.js).
LUNR_SV = "assets/javascripts/lunr/min/lunr.sv.min.js"
LUNR_SV_MATERIAL = "assets/javascripts/lunr/min/lunr.sv.material.min.js"

# MkDocs reads "key: value" lines at the top of a page without YAML front matter as
# metadata and removes them from the text; a fixed front matter of ours prevents that.
FRONT_MATTER = "---\nstyrdok: sida\n---\n"


@dataclass(frozen=True)
class Site:
    files: Files
    urls: Urls
    # Every path below site/ a file of ours is written to: the gate allows nothing else.
    expected: frozenset[str]


class _Collector:
    """Files, each at an address no other file (ours or the theme's) has."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config
        self.files = Files([])
        self.files.add_files_from_theme(config.theme.get_env(), config)
        self.theme_paths = {f.src_uri for f in self.files}
        self.destinations: dict[str, str] = {f.dest_uri: f.src_uri for f in self.files}

    def add(self, file: File, edit: str | None = None) -> None:
        clash = self.files.get_file_from_path(file.src_uri) or self.destinations.get(file.dest_uri)
        if clash is not None:
            other = clash if isinstance(clash, str) else clash.src_uri
            kind = "temat" if other in self.theme_paths else "webbplatsen"
            raise PluginError(
                f"styrdok: docs/{file.src_uri} får samma adress som {other}, som {kind} "
                "skapar. Byt namn på filen."
            )
        # The theme prints the edit address unescaped; the path is quoted for it.
        file.edit_uri = quote(edit) if edit else None
        self.destinations[file.dest_uri] = file.src_uri
        self.files.append(file)

    def page(self, sida: str, text: str, edit: str | None = None) -> None:
        self.add(File.generated(self.config, sida, content=FRONT_MATTER + text), edit)

    def generated(self, path: str, content: str | bytes) -> None:
        self.add(File.generated(self.config, path, content=content))

    def attachment(self, docs: Path, path: str) -> None:
        source = docs / path
        # The check refuses links; this is the same rule where the bytes are read.
        if source.is_symlink() or not source.is_file() or not source.resolve().is_relative_to(docs):
            raise PluginError(f"styrdok: bilagan docs/{path} är inte en vanlig fil i docs/")
        self.add(File.generated(self.config, path, abs_src_path=str(source)))

    def refuse_files_as_folders(self) -> None:
        """A page written where a file is (andringar.xml/index.html beside andringar.xml)."""
        written = set(self.destinations)
        for dest in sorted(written):
            parent = posixpath.dirname(dest)
            while parent:
                if parent in written:
                    raise PluginError(
                        f"styrdok: docs/{self.destinations[dest]} skulle hamna i {parent}, som "
                        "är en fil på webbplatsen. Byt namn på filen."
                    )
                parent = posixpath.dirname(parent)

    def refuse_api_folder(self) -> None:
        """A file of the theme's folders at an address of the API. The check refuses such
        a file in docs/; the API is written before MkDocs copies the static files (the
        plugin's on_env), so this is what keeps one from replacing an API file."""
        for file in self.files:
            api = API_FOLDER.match(file.dest_uri)
            if api is not None:
                raise PluginError(
                    f"styrdok: {file.src_uri} skulle hamna i {api.group()}, där bara API:t "
                    "får ligga. Byt namn på filen."
                )


def site(
    config: MkDocsConfig,
    pub: Publication,
    docs: Path,
    references: Mapping[str, tuple[tuple[str, str], ...]],
    generated: Mapping[str, GeneratedPage],
    today: date,
    taggar: Taggar,
) -> Site:
    """Every file of the site but the API, and the addresses the pages got."""
    found = _Collector(config)
    for sida in pub.model.sidor:
        found.page(sida.sida, sida.text, edit=sida.sida)
    for anvisning in pub.anvisningar:
        text = anvisning_sida(pub, anvisning, anvisning.text, references.get(anvisning.sida, ()))
        edit = None if anvisning.sida in pub.bara_metadata else anvisning.sida
        found.page(anvisning.sida, text, edit)
    for version in pub.model.versioner:
        # A kept version is a record of what applied: the site offers no edit link to it.
        found.page(version.sida, version_sida(pub, version))
    for page in generated.values():
        found.generated(page.sida, page.text)
    found.generated(addresses.RAPPORTERING_CSV, rapportering_csv(pub, today))
    found.generated(addresses.RISKER_CSV, risker_csv(pub))
    found.generated(addresses.INDIKATORER_CSV, indikatorer_csv(pub))
    for path, svg in diagram_files(pub).items():
        found.generated(path, svg)
    for path in sorted(pub.bilagor):
        found.attachment(docs, path)
    page_paths = {f.src_uri: f.url for f in found.files.documentation_pages()}
    urls = Urls(config.site_url, page_paths.__getitem__)
    # After the pages: its url and json_url columns are the pages' addresses.
    found.generated(addresses.FORTECKNING_CSV, forteckning_csv(pub, urls))
    author = config.site_author or config.site_name
    for path, atom in feed_files(pub, urls, config.site_name, author, taggar).items():
        found.generated(path, atom)
    found.add(_theme_original(config, LUNR_SV, LUNR_SV_MATERIAL))
    found.refuse_files_as_folders()
    found.refuse_api_folder()
    return Site(found.files, urls, frozenset(f.dest_uri for f in found.files))


def _theme_original(config: MkDocsConfig, path: str, dest: str) -> File:
    """The theme's own `path` (not custom_dir's override of it), published as `dest`."""
    custom = config.theme.custom_dir
    for folder in config.theme.dirs:
        if folder != custom and (Path(folder) / path).is_file():
            return File.generated(config, dest, abs_src_path=str(Path(folder) / path))
    raise PluginError(f"styrdok: temat saknar {path}, som sökningen på svenska bygger på")


def write_api(
    pub: Publication,
    urls: Urls,
    html: Mapping[str, str],
    schema_dir: Path,
    site_dir: Path,
    licens: Licens = STANDARD,
    katalog: Installning | None = None,
    pages: Mapping[str, Sidtext] | None = None,
    samling: Dokumentsamling | None = None,
) -> None:
    """Read the API's schemas from the repository and write the API below site/api/v1/,
    with the public build's DCAT-AP-SE record when `katalog` is given; `pages` is what the
    build captured of every HTML page, for the pages' twins."""
    source = schema_dir / API_DIR
    schemas = {kind: _json(source / name) for kind, name in SCHEMAS.items()}
    openapi = _json(source / OPENAPI) if (source / OPENAPI).is_file() else None
    # One file at a time: the API's bytes are never all in memory at once.
    stream = api_file_stream(
        pub, urls, html, schemas, openapi, licens, katalog, pages, samling=samling
    )
    for path, data in stream:
        target = site_dir / API_DIR / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def _json(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))
