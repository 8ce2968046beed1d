"""Every kind of source file, in one table: where its files are, its schema, how its
entries are identified and which of their fields refer to other kinds.

A kind's entries are in one of five shapes: a data file in data/ holding a YAML list
(`data_file`), a data file holding one mapping, the kind's only entry (`data_file` with
`single`), a folder in data/ with one YAML file per entry (`data_folder`), a
folder below docs/ with one Markdown page per entry (`docs_folder`), or the kept earlier
versions of another kind's pages, docs/<folder>/<id>/version-<n>.md (`versions_of`).

The loader, the schema check and the linker all read this table, so they cannot
disagree about a kind. Adding a kind of data is a row here plus what no table can
supply: its schema in schema/, its class and attribute in `model.Model`, and a builder
in `builders.BUILDERS` that makes the model object from a valid entry.

A kind is keyed by the model's attribute (`anvisningar`). Documents carry the kind's
`name` instead, the name of its schema (`anvisning` for schema/anvisning.schema.json):
that name is visible, as the schema's file name here and on the published API
(api/schema/anvisning.schema.json), and it is what `load_file` and `Schemas.validators`
are given by tools and tests.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePath, PurePosixPath
from types import MappingProxyType

from styrdok.core import addresses


@dataclass(frozen=True)
class Ids:
    """How entries of a kind are identified, and how messages speak of them."""

    # An entry as messages name it: "id 'x' används redan av organet i …".
    noun: str
    # The rule for a reference to an id that no entry of the kind has; None while no
    # field of any kind refers to the kind.
    unknown: str | None = None
    # Ids that would give an entry the address of a page the site makes itself.
    reserved: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Folder:
    """A folder in data/ holding one YAML file per entry, each file one mapping, named
    after one of the entry's fields (data/uppfoljning/2024.yml holds `ar: 2024`).

    The folder is optional: a project without it has no entries of the kind."""

    path: str  # below data/, e.g. uppfoljning
    stem: str  # a regular expression a file's name without .yml must match in full
    field: str  # the entry's field that names the file
    form: str  # how messages describe a right file name
    mismatch: str  # the rule for an entry whose field is not its file's name
    # The most files read: each is a page or a chart, and a pull request could add
    # thousands. Those above it are refused (`for-manga-filer`), not read.
    max_files: int = 200


@dataclass(frozen=True)
class Kind:
    key: str  # the attribute of `model.Model` that holds the kind's objects
    schema: str  # the file in schema/ every document of the kind must satisfy
    # Where the files are (one of the three): one file in data/ holding a YAML list
    # with one entry per item; a folder below docs/ with one Markdown page per entry,
    # whose front matter is one YAML mapping ("" is docs/ itself: every page no other
    # kind claims); or a folder in data/ with one YAML mapping per file.
    data_file: str | None = None
    docs_folder: str | None = None
    data_folder: Folder | None = None
    # The data file holds one mapping, the kind's only entry (a statement about the
    # site, not a list of things), instead of a list.
    single: bool = False
    # The key of the kind whose earlier versions these pages are.
    versions_of: str | None = None
    ids: Ids | None = None  # None: entries have no ids, and nothing refers to them
    # Field -> key of the kind whose ids it holds. A field holds one id or a list of
    # ids; "a[].b" is field b of each item of list a, "a.b" field b of mapping a.
    references: Mapping[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """What one document of the kind is called: its schema's name, e.g. `anvisning`."""
        return self.schema.removesuffix(".schema.json")

    @property
    def is_list(self) -> bool:
        """A data file holds a list of entries; a page's front matter is one entry."""
        return self.data_file is not None and not self.single

    @property
    def where(self) -> str:
        """Where editors find the kind's entries, as messages name it."""
        if self.data_file:
            return f"data/{self.data_file}"
        if self.data_folder:
            return f"data/{self.data_folder.path}/"
        if self.versions_of:
            return f"docs/{KINDS[self.versions_of].docs_folder}/<id>/"
        return f"docs/{self.docs_folder}/"


def page_names(*pages: str) -> frozenset[str]:
    """The ids the site's own pages take, e.g. `index` for organ/index.md."""
    return frozenset(PurePosixPath(page).stem for page in pages)


# In the order the data files are listed in messages.
KINDS: Mapping[str, Kind] = MappingProxyType(
    {
        kind.key: kind
        for kind in (
            Kind(
                "program",
                "program.schema.json",
                data_file="program.yml",
                ids=Ids("programmet", "okant-program"),
                references={
                    "beslutad_av": "organ",
                    "forslag_av": "organ",
                    "beredd_av": "organ",
                    "ansvar[].organ": "organ",
                    "ersatter": "program",
                    "ersatt_av": "program",
                },
            ),
            Kind(
                "malomraden",
                "malomraden.schema.json",
                data_file="malomraden.yml",
                ids=Ids("målområdet", "okant-malomrade", page_names(addresses.MALOMRADEN)),
                references={"program": "program"},
            ),
            Kind(
                "fokusomraden",
                "fokusomraden.schema.json",
                data_file="fokusomraden.yml",
                ids=Ids("fokusområdet", "okant-fokusomrade", page_names(addresses.FOKUSOMRADEN)),
                references={"program": "program", "malomraden": "malomraden"},
            ),
            Kind(
                "organ",
                "organ.schema.json",
                data_file="organ.yml",
                ids=Ids("organet", "okant-organ", page_names(addresses.ORGAN, addresses.SAMTLIGA)),
                references={"moderbolag": "organ", "underordnat": "organ"},
            ),
            Kind(
                "forfattningar",
                "forfattningar.schema.json",
                data_file="forfattningar.yml",
                ids=Ids("författningen", "okand-forfattning"),
            ),
            Kind(
                "anvisningar",
                "anvisning.schema.json",
                docs_folder="anvisningar",
                ids=Ids(
                    "anvisningen",
                    "okand-anvisning",
                    page_names(
                        addresses.FORTECKNING,
                        addresses.NYTT_OCH_ANDRAT,
                        addresses.SKA_REVIDERAS,
                        addresses.UPPHAVDA,
                        addresses.VAD_GALLDE,
                    ),
                ),
                references={
                    "fokusomraden": "fokusomraden",
                    "ansvarig": "organ",
                    "beslutad_av": "organ",
                    "ersatter": "anvisningar",
                    "rattslig_grund": "forfattningar",
                    "galler_for.organ": "organ",
                },
            ),
            Kind(
                "uppfoljning",
                "uppfoljning.schema.json",
                data_folder=Folder(
                    "uppfoljning",
                    r"[0-9]{4}",
                    "ar",
                    "året med fyra siffror och .yml, t.ex. 2024.yml",
                    "ar-filnamn",
                    # ar is 2000–2100.
                    max_files=101,
                ),
                # A year is named by its file (`ar`), not by an id; nothing refers to it.
                references={
                    "rapporter[].organ": "organ",
                    "rapporter[].risker[].fokusomraden": "fokusomraden",
                },
            ),
            Kind(
                "indikatorer",
                "indikator.schema.json",
                data_folder=Folder(
                    "indikatorer",
                    r"[a-z0-9]+(-[a-z0-9]+)*",
                    "id",
                    "indikatorns id och .yml, t.ex. otrygghet-kvall.yml",
                    "indikator-filnamn",
                ),
                ids=Ids("indikatorn"),
                references={"fokusomraden": "fokusomraden"},
            ),
            Kind(
                "versioner",
                "anvisningsversion.schema.json",
                versions_of="anvisningar",
                # A version names its anvisning by `id`: a reference, not an id of its own.
                references={
                    "id": "anvisningar",
                    "fokusomraden": "fokusomraden",
                    "ansvarig": "organ",
                    "beslutad_av": "organ",
                    "ersatter": "anvisningar",
                    "rattslig_grund": "forfattningar",
                    "galler_for.organ": "organ",
                },
            ),
            # The site's own accessibility statement (lag 2018:1937, MDFFS 2019:2).
            Kind(
                "tillganglighet",
                "tillganglighet.schema.json",
                data_file="tillganglighet.yml",
                single=True,
            ),
            Kind("sidor", "sida.schema.json", docs_folder=""),
        )
    }
)

# The same kinds, by the name their documents carry.
NAMED: Mapping[str, Kind] = MappingProxyType({kind.name: kind for kind in KINDS.values()})
# Data file name -> kind name, and kind name -> schema file: for tools and tests that
# start from a file.
DATA_FILES: Mapping[str, str] = MappingProxyType(
    {kind.data_file: kind.name for kind in KINDS.values() if kind.data_file}
)
# Folder below data/ -> the kind whose entries are its files.
DATA_FOLDERS: Mapping[str, Kind] = MappingProxyType(
    {kind.data_folder.path: kind for kind in KINDS.values() if kind.data_folder}
)
SCHEMA_FILES: Mapping[str, str] = MappingProxyType(
    {kind.name: kind.schema for kind in KINDS.values()}
)
# Folders below docs/ whose pages are entries; their subfolders hold attachments.
ENTRY_FOLDERS: tuple[str, ...] = tuple(
    kind.docs_folder for kind in KINDS.values() if kind.docs_folder
)


def page_kind(rel: PurePath) -> Kind:
    """The kind of the page at `rel` below docs/: docs/<folder>/<id>.md is an entry of
    the kind with that folder (its index.md is a page of its own),
    docs/<folder>/<id>/version-<n>.md an earlier version of the entry, anything else a page."""
    for kind in KINDS.values():
        if rel.parts == (kind.docs_folder, rel.name) and rel.name != "index.md":
            return kind
    if is_version_page(rel.as_posix()):
        return VERSION_KINDS[rel.parts[0]]
    return next(kind for kind in KINDS.values() if kind.docs_folder == "")


# Entry folder below docs/ -> the kind of the earlier versions of its entries.
VERSION_KINDS: Mapping[str, Kind] = MappingProxyType(
    {KINDS[k.versions_of].docs_folder: k for k in KINDS.values() if k.versions_of}
)
_VERSION_PAGE = re.compile(r"([a-z0-9-]+)/([a-z0-9][a-z0-9-]*)/version-([1-9][0-9]{0,3})\.md")


def is_version_page(rel: str) -> bool:
    """Whether `rel` (below docs/) is where an entry's earlier version is kept."""
    match = _VERSION_PAGE.fullmatch(rel)
    return match is not None and match.group(1) in VERSION_KINDS


def version_page(folder: str, id: str, version: int) -> str:
    """Where version `version` of entry `id` of the kind in `folder` is kept, below docs/."""
    return f"{folder}/{id}/version-{version}.md"
