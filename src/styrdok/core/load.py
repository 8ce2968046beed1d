"""Read source files into documents that remember where every value was written.

The loader decides once how YAML is read, so nothing later has to care:
- bytes are checked (empty, binary, not UTF-8); a UTF-8 BOM and CRLF line ends are accepted;
- YAML is composed into nodes with the safe loader, keeping line and column marks;
- values are built from the nodes: dates stay strings (JSON Schema checks them), keys
  stay the text that was written (`no:` is the key "no", not False), duplicate keys are
  problems instead of being merged silently, and shared anchors are built once.
Nothing here raises for anything an editor can write; it returns problems.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from styrdok.core.messages import problem
from styrdok.core.problems import Position, Problem
from styrdok.core.project import DATA_FILES, Project

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
MERGE_TAG = "tag:yaml.org,2002:merge"
YAML_HINT = (
    "Kontrollera indraget (två mellanslag per nivå), att kolon följs av ett mellanslag "
    "och att text som innehåller : eller # står inom citattecken."
)

# Limits on what one source file may cost. Anyone who can open a pull request can make
# CI read a file, so reading, checking and describing a file must cost time and memory
# linear in its size, and the size itself is limited.
#
# The largest real source file is data/organ.yml at about 13 kB (benchmarks/corpus.py
# with --organ-factor 10 gives about 130 kB); an anvisning is a few kB. 1 MiB is far
# above any text an editor writes and far below what hurts CI.
MAX_FILE_BYTES = 1024 * 1024
# A YAML alias (*namn) repeats the anchored value; nested anchors multiply, so nine
# lines can stand for a billion values ("billion laughs"). No source file here needs
# aliases at all, so the limits only have to leave room for a few small shared lists.
MAX_ALIASES = 100
# Values that aliases add when written out, counting each use of an anchor in full.
MAX_ALIAS_VALUES = 100_000
# Levels of lists and mappings, aliases written out. Real files nest at most 5 deep;
# the schema validator and Python's repr recurse, so this also keeps them off the stack.
MAX_DEPTH = 50
# How much of a value an editor sees in a message: enough to recognise it.
MAX_SHOWN = 60


@dataclass(frozen=True)
class Document:
    """One source file: its values, the YAML nodes they came from, and any Markdown body."""

    path: str
    kind: str
    data: Any
    node: yaml.Node | None = None
    line_offset: int = 0
    body: str = ""
    source: Path | None = field(default=None, compare=False)
    # For pages: the path below docs/, as MkDocs names the page (e.g. anvisningar/x.md).
    sida: str | None = None
    # The line of the file where the Markdown text begins (after the front matter).
    body_line: int = 1

    def node_at(self, where: Sequence[str | int], *, key: bool = False) -> yaml.Node | None:
        """The node of the value at `where` (or of its key), or the nearest parent's."""
        node = self.node
        if node is None:
            return None
        for index, step in enumerate(where):
            last = index == len(where) - 1
            child = None
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(step):
                        child = key_node if key and last else value_node
                        break
            elif (
                isinstance(node, yaml.SequenceNode)
                and isinstance(step, int)
                and 0 <= step < len(node.value)
            ):
                child = node.value[step]
            if child is None:
                break
            node = child
        return node

    def scalar_text(self, where: Sequence[str | int]) -> str | None:
        """The text as written for a scalar value, e.g. 2010:59 which YAML reads as a number."""
        node = self.node_at(where)
        return node.value if isinstance(node, yaml.ScalarNode) and where else None

    def locate(self, where: Sequence[str | int] = (), *, key: bool = False) -> Position:
        """Position of the value at `where` (or of its key), falling back to the nearest parent."""
        node = self.node_at(where, key=key)
        if node is None:
            return Position(1 + self.line_offset, 1)
        mark = node.start_mark
        return Position(mark.line + 1 + self.line_offset, mark.column + 1)


@dataclass
class Loaded:
    documents: list[Document]
    problems: list[Problem]
    # Files below docs/ that are not pages (paths below docs/): attachments, if declared.
    filer: list[str] = field(default_factory=list)
    filstorlek: dict[str, int] = field(default_factory=dict)


def load_project(project: Project) -> Loaded:
    """Every source file of the project: the data files and the Markdown pages."""
    documents: list[Document] = []
    problems: list[Problem] = []
    for name, kind in DATA_FILES.items():
        path = project.data_dir / name
        if project.data_dir.is_symlink():
            break
        if path.is_symlink():
            # Never read: its target could be any file on the build machine, and a
            # message quoting it would reach the pull request's log.
            problems.append(problem("symbolisk-lank", project.display(path), Position(), namn=name))
            continue
        if not path.is_file():
            problems.append(problem("datafil-saknas", project.display(path), Position()))
            continue
        doc, found = load_file(path, project.display(path), kind)
        documents.append(doc)
        problems.extend(found)
    if project.data_dir.is_dir() and not project.data_dir.is_symlink():
        for path in sorted(project.data_dir.iterdir()):
            if path.suffix in (".yml", ".yaml") and path.name not in DATA_FILES:
                problems.append(
                    problem(
                        "okand-datafil",
                        project.display(path),
                        Position(),
                        namn=path.name,
                        kanda=", ".join(DATA_FILES),
                    )
                )
    for folder in (project.docs_dir, project.data_dir):
        if folder.is_symlink():
            problems.append(
                problem("symbolisk-lank", project.display(folder), Position(), namn=folder.name)
            )
    found_docs = inventory(project.docs_dir) if not project.docs_dir.is_symlink() else Inventory()
    for path in found_docs.pages:
        doc, found = load_file(path, project.display(path), project.page_kind(path))
        documents.append(replace(doc, sida=path.relative_to(project.docs_dir).as_posix()))
        problems.extend(found)
    for path, code, values in found_docs.refused:
        problems.append(problem(code, project.display(path), Position(), **values))
    return Loaded(documents, problems, found_docs.files, found_docs.sizes)


# What MkDocs would render as Markdown (utils.markdown_extensions), in any case: only
# the lower-case .md is a page here, so nothing can be rendered that the loader skipped.
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn"})
PAGE_PATH = re.compile(r"([a-z0-9][a-z0-9_-]*/)*[a-z0-9][a-z0-9_-]*\.md")


@dataclass
class Inventory:
    """Everything below docs/: pages to load, other files, and entries that are refused."""

    pages: list[Path] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    sizes: dict[str, int] = field(default_factory=dict)
    refused: list[tuple[Path, str, dict[str, str]]] = field(default_factory=list)


def inventory(docs_dir: Path) -> Inventory:
    """Walk docs/ without following symbolic links: every entry is a page, another file
    (an attachment if a document declares it), or refused with a rule code.

    Hidden files and folders (.DS_Store, .git) are skipped: nothing publishes them."""
    found = Inventory()
    if not docs_dir.is_dir():
        return found
    for folder, subfolders, names in os.walk(docs_dir, followlinks=False):
        base = Path(folder)
        for name in sorted(subfolders):
            if (base / name).is_symlink():
                found.refused.append((base / name, "symbolisk-lank", {"namn": name}))
        subfolders[:] = sorted(
            n for n in subfolders if not n.startswith(".") and not (base / n).is_symlink()
        )
        for name in sorted(names):
            path = base / name
            rel = path.relative_to(docs_dir).as_posix()
            if path.is_symlink():
                found.refused.append((path, "symbolisk-lank", {"namn": rel}))
            elif name.startswith(".") or not path.is_file():
                continue
            elif path.suffix == ".md" and not PAGE_PATH.fullmatch(rel):
                # The path becomes the page's address and its edit link: plain words only.
                found.refused.append((path, "ogiltigt-filnamn", {"namn": rel}))
            elif path.suffix == ".md" and rel.startswith("anvisningar/") and rel.count("/") > 1:
                # An anvisning's folder holds its attachments; a page there would be
                # published under an address that names the anvisning.
                found.refused.append((path, "sida-i-bilagemapp", {"namn": rel}))
            elif path.suffix == ".md":
                found.pages.append(path)
            elif path.suffix.lower() in MARKDOWN_SUFFIXES:
                found.refused.append(
                    (path, "fel-filandelse", {"namn": rel, "andelse": path.suffix})
                )
            else:
                found.files.append(rel)
                found.sizes[rel] = path.stat().st_size
    found.pages.sort()
    found.files.sort()
    # x.md and x/index.md are both published at x/: one would silently replace the other.
    addresses: dict[str, Path] = {}
    for path in sorted(found.pages, key=lambda p: (p.stem == "index", p)):
        rel = path.relative_to(docs_dir).as_posix().removesuffix(".md")
        address = (
            rel.removesuffix("index").rstrip("/") if rel.endswith(("/index", "index")) else rel
        )
        if address in addresses:
            other = addresses[address].relative_to(docs_dir).as_posix()
            found.refused.append((path, "samma-adress", {"namn": rel + ".md", "annan": other}))
        else:
            addresses[address] = path
    refused = {path for path, code, _ in found.refused if code == "samma-adress"}
    found.pages = [p for p in found.pages if p not in refused]
    return found


def load_file(path: Path, display: str, kind: str) -> tuple[Document, list[Problem]]:
    """A document from a file; a file above MAX_FILE_BYTES is refused without being read."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return Document(display, kind, None, source=path), [too_large(display, size)]
        with path.open("rb") as handle:
            # Never more than the limit, even if the file grows after stat.
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return Document(display, kind, None, source=path), [
            problem("ogiltig-yaml", display, Position(), detalj=str(exc), rad="")
        ]
    doc, problems = load_bytes(raw, display, kind)
    return replace(doc, source=path), problems


def load_bytes(raw: bytes, display: str, kind: str) -> tuple[Document, list[Problem]]:
    """A document from the bytes of a file; `kind` says whether it is YAML or Markdown."""
    empty = Document(display, kind, None)
    if len(raw) > MAX_FILE_BYTES:
        return empty, [too_large(display, len(raw))]
    text, problems = decode(raw, display)
    if text is None:
        return empty, problems
    if kind in ("anvisning", "sida"):
        return load_markdown(text, display, kind)
    data, node, problems = parse_yaml(text, display, 0)
    if problems:
        return empty, problems
    if not isinstance(data, list):
        return empty, [
            problem(
                "fel-struktur",
                display,
                Position() if node is None else Position(node.start_mark.line + 1, 1),
                vad="filen",
                forvantat="en lista med poster som var och en börjar med '- '",
                faktiskt=describe(data),
                rad="Se de andra datafilerna för hur en post ser ut.",
            )
        ]
    return Document(display, kind, data, node), []


def too_large(display: str, size: int) -> Problem:
    return problem(
        "for-stor-fil",
        display,
        Position(),
        storlek=size_text(size),
        grans=size_text(MAX_FILE_BYTES),
    )


def size_text(count: int) -> str:
    """Bytes as an editor reads them: exact, with megabytes when it is that big."""
    exact = f"{count:,}".replace(",", " ") + " byte"
    if count < 1024 * 1024:
        return exact
    return f"{exact} ({count / (1024 * 1024):.1f} MB)".replace(".", ",")


def decode(raw: bytes, display: str) -> tuple[str | None, list[Problem]]:
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


def load_markdown(text: str, display: str, kind: str) -> tuple[Document, list[Problem]]:
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        if kind == "anvisning":
            return Document(display, kind, None, body=text), [
                problem("frontmatter-saknas", display, Position())
            ]
        return Document(display, kind, {}, body=text), []
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if closing is None:
        return Document(display, kind, None), [
            problem("frontmatter-oavslutad", display, Position())
        ]
    front = "\n".join(lines[1:closing])
    body = "\n".join(lines[closing + 1 :])
    body_line = closing + 2
    if not front.strip():
        return Document(display, kind, {}, None, 1, body, body_line=body_line), []
    data, node, problems = parse_yaml(front, display, 1)
    if problems:
        return Document(display, kind, None, body=body), problems
    if not isinstance(data, dict):
        return Document(display, kind, None, body=body), [
            problem(
                "fel-struktur",
                display,
                Position(2, 1),
                vad="front matter",
                forvantat="fält med värden, en per rad (namn: värde)",
                faktiskt=describe(data),
                rad="Skriv t.ex. titel: Min anvisning på en egen rad.",
            )
        ]
    return Document(display, kind, data, node, 1, body, body_line=body_line), []


def parse_yaml(text: str, display: str, offset: int) -> tuple[Any, yaml.Node | None, list[Problem]]:
    """Values and root node of one YAML document; `offset` is the number of lines before it."""
    tabs = [
        problem("tabb", display, Position(number + 1 + offset, line.index("\t") + 1))
        for number, line in enumerate(text.split("\n"))
        if re.match(r"^ *\t", line)
    ]
    if tabs:
        return None, None, tabs
    try:
        node = yaml.compose(text, Loader=SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        position = Position(mark.line + 1 + offset, mark.column + 1) if mark else Position()
        if "maximum nesting depth" in str(exc.problem):
            # libyaml's own limit (1000 levels), far above ours: the same rule.
            return None, None, [too_deep(display, position)]
        return None, None, [yaml_problem(display, position, exc)]
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1 + offset
        detail = f"tecknet {exc.character!r} är inte tillåtet i YAML"
        return (
            None,
            None,
            [problem("ogiltig-yaml", display, Position(line, 1), detalj=detail, rad=YAML_HINT)],
        )
    except RecursionError:
        # The pure-Python composer recurses per level; libyaml stops at 1000 by itself.
        return None, None, [too_deep(display, Position(1 + offset, 1))]
    except yaml.YAMLError as exc:
        detail = shorten(str(exc), 200)
        return (
            None,
            None,
            [
                problem(
                    "ogiltig-yaml", display, Position(1 + offset, 1), detalj=detail, rad=YAML_HINT
                )
            ],
        )
    if node is None:
        return None, None, []
    # Composing is linear even with aliases (an alias is the anchored node again); what
    # is not is everything that writes the values out. So aliases are measured before a
    # value is built, and a file over the limits gives no data for anything to expand.
    if "*" in text:
        found = alias_problem(text, display, offset)
        if found is not None:
            return None, None, [found]
    builder = _Builder(display, offset)
    try:
        data = builder.build(node)
    except RecursionError:
        # Not reached with MAX_DEPTH far below the recursion limit; kept as a last guard.
        builder.problems.append(too_deep(display, Position(1 + offset, 1)))
    return (None if builder.problems else data), node, builder.problems


def too_deep(display: str, position: Position) -> Problem:
    return problem("yaml-djup", display, position, max=MAX_DEPTH)


def alias_problem(text: str, display: str, offset: int) -> Problem | None:
    """The first alias past MAX_ALIASES, MAX_ALIAS_VALUES or MAX_DEPTH, or None.

    One pass over the parser's events, so the alias's own line is known (a composed
    alias is the anchored node, with the anchor's line). Each anchor's size and height
    are remembered when it closes, so an alias costs one lookup and the pass stays
    linear however the anchors nest.
    """
    sizes: dict[str, int] = {}  # anchor -> values it stands for, its aliases written out
    heights: dict[str, int] = {}  # anchor -> levels of lists and mappings in it
    open_: list[list[Any]] = []  # per open list or mapping: [anchor, size, height]
    aliases = added = 0
    try:
        for event in yaml.parse(text, Loader=SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                if event.anchor is not None:
                    # An alias to a value still open is a cycle, which the builder reports.
                    sizes.pop(event.anchor, None)
                    heights.pop(event.anchor, None)
                open_.append([event.anchor, 1, 1])
                continue
            if isinstance(event, yaml.CollectionEndEvent):
                anchor, size, height = open_.pop()
                if anchor is not None:
                    sizes[anchor], heights[anchor] = size, height
            elif isinstance(event, yaml.ScalarEvent):
                size, height = 1, 0
                if event.anchor is not None:
                    sizes[event.anchor], heights[event.anchor] = 1, 0
            elif isinstance(event, yaml.AliasEvent):
                mark = event.start_mark
                where = Position(mark.line + 1 + offset, mark.column + 1)
                size = sizes.get(event.anchor, 1)
                height = heights.get(event.anchor, 0)
                aliases += 1
                added += size
                if aliases > MAX_ALIASES:
                    return problem("yaml-hanvisningar", display, where, max=MAX_ALIASES)
                if added > MAX_ALIAS_VALUES:
                    return problem(
                        "yaml-expansion",
                        display,
                        where,
                        max=f"{MAX_ALIAS_VALUES:,}".replace(",", " "),
                    )
                if len(open_) + height > MAX_DEPTH:
                    return too_deep(display, where)
            else:
                continue
            if open_:
                parent = open_[-1]
                parent[1] += size
                parent[2] = max(parent[2], height + 1)
    except yaml.YAMLError:
        # Composing the same text has succeeded, so this is not expected; the builder
        # still reports cycles and depth.
        return None
    return None


# Parser messages (English, from PyYAML) and what they mean for an editor.
_YAML_MESSAGES: list[tuple[str, str]] = [
    (
        "cannot start any token",
        "ett tecken som inte får inleda ett värde – sätt värdet inom citattecken",
    ),
    (
        "mapping values are not allowed",
        "ett kolon på fel ställe – saknas ett mellanslag efter kolon, eller behöver texten citattecken?",
    ),
    ("could not find expected ':'", "ett kolon saknas efter fältnamnet"),
    ("did not find expected '-' indicator", "en rad i listan är felaktigt indragen"),
    ("did not find expected key", "indraget stämmer inte med raderna ovanför"),
    ("expected <block end>", "indraget stämmer inte med raderna ovanför"),
    ("expected a single document", "filen innehåller flera YAML-dokument (mer än en rad ---)"),
    ("found undefined alias", "hänvisningen med * går till ett ankare (&) som inte finns"),
    (
        "found unexpected end of stream",
        "texten tar slut mitt i ett värde – stängs alla citattecken och parenteser?",
    ),
    ("found unknown escape character", "ett okänt tecken efter \\ inom citattecken"),
    ("while parsing a flow", "en [ eller { stängs aldrig"),
    ("while scanning a quoted scalar", "ett citattecken stängs aldrig"),
    ("while scanning a simple key", "ett kolon saknas efter fältnamnet"),
    (
        "while scanning an alias",
        "ett * som inte följs av ett ankarnamn – sätt värdet inom citattecken",
    ),
    (
        "while scanning an anchor",
        "ett & som inte följs av ett ankarnamn – sätt värdet inom citattecken",
    ),
    ("while scanning a directive", "en rad som börjar med % – sätt värdet inom citattecken"),
    ("while scanning a block scalar", "ett flerradigt värde (| eller >) är felaktigt skrivet"),
]


def yaml_problem(display: str, position: Position, exc: yaml.MarkedYAMLError) -> Problem:
    english = " ".join(filter(None, [exc.context, exc.problem]))
    detail = next((sv for en, sv in _YAML_MESSAGES if en in english), None)
    if detail is None:
        detail = f"syntaxfel ({english})"
    return problem("ogiltig-yaml", display, position, detalj=detail, rad=YAML_HINT)


class _Builder:
    """Builds Python values from composed nodes, reporting what the plain loader would hide."""

    def __init__(self, display: str, offset: int) -> None:
        self.display = display
        self.offset = offset
        self.problems: list[Problem] = []
        self.constructor = yaml.constructor.SafeConstructor()
        self.built: dict[int, Any] = {}
        self.active: set[int] = set()
        # Lists and mappings open around the node being built; aliases are measured
        # before building (alias_problem), so this is the depth as written.
        self.depth = 0
        self.too_deep = False

    def position(self, node: yaml.Node) -> Position:
        return Position(node.start_mark.line + 1 + self.offset, node.start_mark.column + 1)

    def build(self, node: yaml.Node) -> Any:
        key = id(node)
        if key in self.built:
            return self.built[key]
        if key in self.active:
            self.problems.append(problem("yaml-cirkel", self.display, self.position(node)))
            return None
        nested = not isinstance(node, yaml.ScalarNode)
        if nested and self.depth >= MAX_DEPTH:
            # Said once: a wide structure past the limit would give one per value.
            if not self.too_deep:
                self.too_deep = True
                self.problems.append(too_deep(self.display, self.position(node)))
            return None
        self.active.add(key)
        self.depth += nested
        try:
            value = self._build(node)
        finally:
            self.active.discard(key)
            self.depth -= nested
        self.built[key] = value
        return value

    def _build(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item) for item in node.value]
        mapping: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == MERGE_TAG or not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(
                    problem("ogiltig-nyckel", self.display, self.position(key_node))
                )
                continue
            name = key_node.value
            where = self.position(key_node)
            if name in mapping:
                self.problems.append(
                    problem(
                        "dubblett-nyckel",
                        self.display,
                        where,
                        nyckel=shorten(name),
                        forsta_rad=first_line[name],
                    )
                )
                continue
            first_line[name] = where.line
            mapping[name] = self.build(value_node)
        return mapping

    def scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag == TIMESTAMP_TAG:
            return node.value
        try:
            value = self.constructor.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError:
            # A tag such as !!python/name: the safe loader refuses it; say so in Swedish.
            self.problems.append(
                problem(
                    "ogiltig-yaml",
                    self.display,
                    self.position(node),
                    detalj=f"taggen '{shorten(node.tag.replace('tag:yaml.org,2002:', '!!'), 60)}' "
                    "är inte tillåten",
                    rad="Ta bort taggen (det som börjar med !) och skriv bara värdet.",
                )
            )
            return None
        except (yaml.YAMLError, ValueError, TypeError) as exc:
            self.problems.append(
                problem(
                    "ogiltig-yaml",
                    self.display,
                    self.position(node),
                    detalj=f"värdet '{shorten(node.value)}' går inte att läsa "
                    f"({shorten(str(exc), 200)})",
                    rad="Sätt värdet inom citattecken.",
                )
            )
            return None
        if isinstance(value, float) and not math.isfinite(value):
            # .inf and .nan pass number checks in the schemas (nan compares false with
            # every bound) and make the search index invalid JSON.
            self.problems.append(
                problem(
                    "ogiltig-yaml",
                    self.display,
                    self.position(node),
                    detalj=f"värdet '{shorten(node.value)}' är inget vanligt tal",
                    rad="Skriv ett tal med siffror, t.ex. 2 eller 0.5.",
                )
            )
            return None
        return value


def describe(value: Any, written: str | None = None) -> str:
    """How a value's type reads in Swedish, for messages; `written` is the text in the file.

    Lists and mappings are named, never written out, and text is shortened: a message
    must not grow with the value (an alias can make a short file stand for a huge one).
    """
    if written is not None:
        written = shorten(written)
    if value is None:
        return "tomt"
    if isinstance(value, bool):
        return f"ett sanningsvärde ({written or ('true' if value else 'false')})"
    if isinstance(value, int):
        return f"ett heltal ({written or shorten(str(value))})"
    if isinstance(value, float):
        return f"ett decimaltal ({written or shorten(str(value))})"
    if isinstance(value, str):
        return f"en text ('{shorten(value)}')"
    if isinstance(value, list):
        return "en lista"
    if isinstance(value, dict):
        return "fält med värden"
    return type(value).__name__


def shorten(text: str, limit: int = MAX_SHOWN) -> str:
    """`text` on one line and at most `limit` characters, ending in … if cut."""
    # Only the start is looked at, so a megabyte of text costs no more than a word.
    head = text[: limit + 1]
    if "\n" in head or "\r" in head:
        head = " ".join(head.splitlines())
    if len(text) <= limit and len(head) <= limit:
        return head
    return head[: limit - 1].rstrip() + "…"
