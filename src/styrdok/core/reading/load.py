"""Read the project's source files into documents that remember where every value was written.

The loader decides once how a file is read, so nothing later has to care: bytes are
checked here (empty, binary, not UTF-8; a UTF-8 BOM and CRLF line ends are accepted),
YAML is read by `safe_yaml`, pages are split by `front_matter`, which files below
docs/ may exist is `inventory`'s and which in a folder of data/ is `folders`'. Nothing here raises for anything an editor can write;
it returns problems.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from styrdok.core.kinds import DATA_FILES, DATA_FOLDERS, NAMED, Kind
from styrdok.core.limits import MAX_FILE_BYTES
from styrdok.core.messages import SHAPES, describe, problem, size_text, unreadable_yaml
from styrdok.core.problems import Position, Problem
from styrdok.core.project import Project
from styrdok.core.reading.folders import folder_files
from styrdok.core.reading.front_matter import read_page
from styrdok.core.reading.inventory import Inventory, inventory
from styrdok.core.reading.modeline import check_modeline
from styrdok.core.reading.safe_yaml import parse_yaml
from styrdok.core.reading.source import SourceDocument, where_begins


@dataclass
class Loaded:
    documents: list[SourceDocument]
    problems: list[Problem]
    # Files below docs/ that are not pages (paths below docs/): attachments, if declared.
    filer: list[str] = field(default_factory=list)
    filstorlek: dict[str, int] = field(default_factory=dict)


def load_project(project: Project) -> Loaded:
    """Every source file of the project: the data files, the files of the folders in data/
    (one entry each) and the Markdown pages."""
    loaded = Loaded([], [])
    if not project.data_dir.is_symlink():
        load_data_files(project, loaded)
        load_data_folders(project, loaded)
    for folder in (project.docs_dir, project.data_dir):
        if folder.is_symlink():
            loaded.problems.append(
                problem("symbolisk-lank", project.display(folder), Position(), namn=folder.name)
            )
    found = inventory(project.docs_dir) if not project.docs_dir.is_symlink() else Inventory()
    for path in found.pages:
        doc, problems = load_file(path, project.display(path), project.page_kind(path))
        loaded.documents.append(replace(doc, sida=path.relative_to(project.docs_dir).as_posix()))
        loaded.problems.extend(problems)
    for path, code, values in found.refused:
        loaded.problems.append(problem(code, project.display(path), Position(), **values))
    loaded.filer, loaded.filstorlek = found.files, found.sizes
    return loaded


def load_data_files(project: Project, loaded: Loaded) -> None:
    """The data files every project has, and a problem for any other YAML file in data/."""
    for name, kind in DATA_FILES.items():
        path = project.data_dir / name
        if path.is_symlink():
            # Never read: its target could be any file on the build machine, and a
            # message quoting it would reach the pull request's log.
            loaded.problems.append(
                problem("symbolisk-lank", project.display(path), Position(), namn=name)
            )
        elif not path.is_file():
            loaded.problems.append(problem("datafil-saknas", project.display(path), Position()))
        else:
            doc, problems = load_file(path, project.display(path), kind)
            loaded.documents.append(doc)
            loaded.problems.extend(problems)
    if not project.data_dir.is_dir():
        return
    for path in sorted(project.data_dir.iterdir()):
        if path.suffix in (".yml", ".yaml") and path.name not in DATA_FILES:
            loaded.problems.append(
                problem(
                    "okand-datafil",
                    project.display(path),
                    Position(),
                    namn=path.name,
                    kanda=", ".join(DATA_FILES),
                )
            )


def load_data_folders(project: Project, loaded: Loaded) -> None:
    """The files of each folder in data/ that holds one entry per file, if it exists."""
    for kind in DATA_FOLDERS.values():
        found = folder_files(project.data_dir, kind.data_folder)
        for path in found.entries:
            doc, problems = load_file(path, project.display(path), kind.name)
            loaded.documents.append(doc)
            loaded.problems.extend(problems)
        for path, code, values in found.refused:
            loaded.problems.append(problem(code, project.display(path), Position(), **values))


def load_file(path: Path, display: str, kind: str) -> tuple[SourceDocument, list[Problem]]:
    """A document of the kind named `kind` from a file; a file above MAX_FILE_BYTES is
    refused without being read."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return SourceDocument(display, kind, None, source=path), [too_large(display, size)]
        with path.open("rb") as handle:
            # Never more than the limit, even if the file grows after stat. Asking for
            # the size first: a read of MAX_FILE_BYTES allocates that much for each file.
            raw = handle.read(size + 1)
            if len(raw) > size:
                raw += handle.read(MAX_FILE_BYTES + 1 - len(raw))
    except OSError as exc:
        return SourceDocument(display, kind, None, source=path), [
            unreadable_yaml(display, Position(), "fil", detalj=str(exc))
        ]
    doc, problems = load_bytes(raw, display, kind)
    return replace(doc, source=path), problems


def load_bytes(raw: bytes, display: str, kind: str) -> tuple[SourceDocument, list[Problem]]:
    """A document of the kind named `kind` from the bytes of a file."""
    empty = SourceDocument(display, kind, None)
    if len(raw) > MAX_FILE_BYTES:
        return empty, [too_large(display, len(raw))]
    text, problems = decode(raw, display)
    if text is None:
        return empty, problems
    of_kind = NAMED[kind]
    if of_kind.is_list:
        return read_data_file(text, display, of_kind)
    if of_kind.single:
        return _read_yaml(text, display, of_kind, dict, "enkel datafil")
    if of_kind.data_folder:
        return read_data_entry(text, display, of_kind)
    return read_page(text, display, of_kind)


def read_data_file(text: str, display: str, kind: Kind) -> tuple[SourceDocument, list[Problem]]:
    """A data file: one YAML list, an entry per item."""
    return _read_yaml(text, display, kind, list, "datafil")


def read_data_entry(text: str, display: str, kind: Kind) -> tuple[SourceDocument, list[Problem]]:
    """A file of a folder in data/: one YAML mapping, the entry."""
    return _read_yaml(text, display, kind, dict, "datapost")


def _read_yaml(
    text: str, display: str, kind: Kind, shape: type, shape_name: str
) -> tuple[SourceDocument, list[Problem]]:
    """A YAML file whose top level must be of `shape` (SHAPES[shape_name] words it)."""
    empty = SourceDocument(display, kind.name, None)
    data, node, problems = parse_yaml(text, display, 0)
    if problems:
        return empty, problems
    if not isinstance(data, shape):
        where = Position() if node is None else Position(node.start_mark.line + 1, 1)
        return empty, [
            problem("fel-struktur", display, where, faktiskt=describe(data), **SHAPES[shape_name])
        ]
    doc = SourceDocument(display, kind.name, data, text, **where_begins(node, 0))
    return doc, check_modeline(text, display, kind, 1)


def too_large(display: str, size: int) -> Problem:
    return problem(
        "for-stor-fil",
        display,
        Position(),
        storlek=size_text(size),
        grans=size_text(MAX_FILE_BYTES),
    )


def decode(raw: bytes, display: str) -> tuple[str | None, list[Problem]]:
    """The text of a file, with line ends made \\n, or None and why it cannot be read."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [problem("teckenkodning", display, Position(), kolumn=1)]
    if b"\x00" in raw:
        return None, [problem("binar-fil", display, Position())]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, [problem("teckenkodning", display, Position(line, column), kolumn=column)]
    if not text.strip():
        return None, [problem("tom-fil", display, Position())]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []
