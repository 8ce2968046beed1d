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

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from .messages import problem
from .problems import Position, Problem
from .project import DATA_FILES, Project

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
MERGE_TAG = "tag:yaml.org,2002:merge"
YAML_HINT = (
    "Kontrollera indraget (två mellanslag per nivå), att kolon följs av ett mellanslag "
    "och att text som innehåller : eller # står inom citattecken."
)


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


def load_project(project: Project) -> Loaded:
    """Every source file of the project: the data files and the Markdown pages."""
    documents: list[Document] = []
    problems: list[Problem] = []
    for name, kind in DATA_FILES.items():
        path = project.data_dir / name
        if not path.is_file():
            problems.append(problem("datafil-saknas", project.display(path), Position()))
            continue
        doc, found = load_file(path, project.display(path), kind)
        documents.append(doc)
        problems.extend(found)
    if project.data_dir.is_dir():
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
    for path in markdown_files(project.docs_dir):
        doc, found = load_file(path, project.display(path), project.page_kind(path))
        documents.append(replace(doc, sida=path.relative_to(project.docs_dir).as_posix()))
        problems.extend(found)
    return Loaded(documents, problems)


def markdown_files(docs_dir: Path) -> Iterator[Path]:
    if not docs_dir.is_dir():
        return
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir)
        if not any(part.startswith(".") for part in rel.parts) and path.is_file():
            yield path


def load_file(path: Path, display: str, kind: str) -> tuple[Document, list[Problem]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Document(display, kind, None, source=path), [
            problem("ogiltig-yaml", display, Position(), detalj=str(exc), rad="")
        ]
    doc, problems = load_bytes(raw, display, kind)
    return Document(
        doc.path, doc.kind, doc.data, doc.node, doc.line_offset, doc.body, path
    ), problems


def load_bytes(raw: bytes, display: str, kind: str) -> tuple[Document, list[Problem]]:
    """A document from the bytes of a file; `kind` says whether it is YAML or Markdown."""
    empty = Document(display, kind, None)
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
    if not front.strip():
        return Document(display, kind, {}, None, 1, body), []
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
    return Document(display, kind, data, node, 1, body), []


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
        return None, None, [yaml_problem(display, position, exc)]
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1 + offset
        detail = f"tecknet {exc.character!r} är inte tillåtet i YAML"
        return (
            None,
            None,
            [problem("ogiltig-yaml", display, Position(line, 1), detalj=detail, rad=YAML_HINT)],
        )
    except (yaml.YAMLError, RecursionError) as exc:
        detail = "för djupt nästlad" if isinstance(exc, RecursionError) else str(exc)
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
    builder = _Builder(display, offset)
    try:
        data = builder.build(node)
    except RecursionError:
        builder.problems.append(
            problem(
                "ogiltig-yaml",
                display,
                Position(1 + offset, 1),
                detalj="för djupt nästlad",
                rad=YAML_HINT,
            )
        )
    return (None if builder.problems else data), node, builder.problems


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

    def position(self, node: yaml.Node) -> Position:
        return Position(node.start_mark.line + 1 + self.offset, node.start_mark.column + 1)

    def build(self, node: yaml.Node) -> Any:
        key = id(node)
        if key in self.built:
            return self.built[key]
        if key in self.active:
            self.problems.append(problem("yaml-cirkel", self.display, self.position(node)))
            return None
        self.active.add(key)
        try:
            value = self._build(node)
        finally:
            self.active.discard(key)
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
                        nyckel=name,
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
            return self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError) as exc:
            self.problems.append(
                problem(
                    "ogiltig-yaml",
                    self.display,
                    self.position(node),
                    detalj=f"värdet {node.value!r} går inte att läsa ({exc})",
                    rad="Sätt värdet inom citattecken.",
                )
            )
            return None


def describe(value: Any, written: str | None = None) -> str:
    """How a value's type reads in Swedish, for messages; `written` is the text in the file."""
    if value is None:
        return "tomt"
    if isinstance(value, bool):
        return f"ett sanningsvärde ({written or ('true' if value else 'false')})"
    if isinstance(value, int):
        return f"ett heltal ({written or value})"
    if isinstance(value, float):
        return f"ett decimaltal ({written or value})"
    if isinstance(value, str):
        return f"en text ('{value}')"
    if isinstance(value, list):
        return "en lista"
    if isinstance(value, dict):
        return "fält med värden"
    return type(value).__name__
