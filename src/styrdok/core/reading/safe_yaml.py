"""YAML read safely: composed with the safe loader, every failure a problem with a line.

Composing keeps line and column marks and is linear even with aliases (an alias is the
anchored node again); what is not linear is writing the values out. So aliases are
measured against `limits` before any value is built, and a file over the limits gives
no data for anything to expand.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from styrdok.core.limits import MAX_ALIAS_VALUES, MAX_ALIASES, MAX_DEPTH
from styrdok.core.messages import (
    YAML_PARSER_MESSAGES,
    number_text,
    problem,
    shorten,
    unreadable_yaml,
)
from styrdok.core.problems import Position, Problem
from styrdok.core.reading.yaml_values import ValueBuilder, too_deep

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TAB_INDENT = re.compile(r"^ *\t")
# What the parser was reading when it failed, for errors found only lines later: the
# place to report is where that began (the opening quote, the key), not the end.
_STARTED_HERE = frozenset(
    {
        "while scanning a quoted scalar",
        "while scanning a simple key",
        "while parsing a flow sequence",
        "while parsing a flow mapping",
    }
)
# `titel:Anvisning`: a field name and its value with no space between, which YAML reads
# as one word that lacks its colon.
_NO_SPACE_AFTER_COLON = re.compile(r"^(?P<key>\s*(?:- )?[\w-]+):(?P<value>\S.*)$")
# The value each limit's rule names.
_LIMITS: dict[str, object] = {
    "yaml-hanvisningar": MAX_ALIASES,
    "yaml-expansion": number_text(MAX_ALIAS_VALUES),
    "yaml-djup": MAX_DEPTH,
}


def parse_yaml(text: str, display: str, offset: int) -> tuple[Any, yaml.Node | None, list[Problem]]:
    """Values and root node of one YAML document; `offset` is the number of lines before it."""
    tabs = [
        problem("tabb", display, Position(number + 1 + offset, line.index("\t") + 1))
        for number, line in enumerate(text.split("\n"))
        if _TAB_INDENT.match(line)
    ]
    if tabs:
        return None, None, tabs
    node, problems = compose(text, display, offset)
    if node is None:
        return None, None, problems
    shared = "*" in text  # an alias is written *name
    if shared:
        found = alias_problem(text, display, offset)
        if found is not None:
            return None, None, [found]
    builder = ValueBuilder(display, offset, shared=shared)
    try:
        data = builder.build(node)
    except RecursionError:
        # Not reached with MAX_DEPTH far below the recursion limit; kept as a last guard.
        builder.problems.append(too_deep(display, Position(1 + offset, 1)))
    return (None if builder.problems else data), node, builder.problems


def compose(text: str, display: str, offset: int) -> tuple[yaml.Node | None, list[Problem]]:
    """The root node, or None with the reason (no problems for an empty document)."""
    try:
        return yaml.compose(text, Loader=SafeLoader), []
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context in _STARTED_HERE and exc.context_mark:
            mark = exc.context_mark
        position = Position(mark.line + 1 + offset, mark.column + 1) if mark else Position()
        if "maximum nesting depth" in str(exc.problem):
            # libyaml's own limit (1000 levels), far above ours: the same rule.
            return None, [too_deep(display, position)]
        if exc.context == "while scanning a simple key" and mark:
            lines = text.splitlines()
            line = lines[mark.line] if mark.line < len(lines) else ""
            glued = _NO_SPACE_AFTER_COLON.match(line)
            if glued:
                fixed = f"{glued['key']}: {glued['value']}".strip()
                return None, [unreadable_yaml(display, position, "blanksteg", rad=shorten(fixed))]
        return None, [syntax_problem(display, position, exc)]
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1 + offset
        return None, [
            unreadable_yaml(display, Position(line, 1), "tecken", tecken=repr(exc.character))
        ]
    except RecursionError:
        # The pure-Python composer recurses per level; libyaml stops at 1000 by itself.
        return None, [too_deep(display, Position(1 + offset, 1))]
    except yaml.YAMLError as exc:
        where = Position(1 + offset, 1)
        return None, [unreadable_yaml(display, where, "parser", detalj=shorten(str(exc), 200))]


def syntax_problem(display: str, position: Position, exc: yaml.MarkedYAMLError) -> Problem:
    """The parser's complaint in Swedish, or in its own words if it is not a known one.

    What the parser was reading (its context: a quoted value) says more than what it
    found (the end of the file), so the context is looked up first."""
    english = " ".join(filter(None, [exc.context, exc.problem]))
    detail = next(
        (
            sv
            for part in (exc.context, exc.problem)
            if part
            for en, sv in YAML_PARSER_MESSAGES
            if en in part
        ),
        None,
    )
    if detail is None:
        return unreadable_yaml(display, position, "okant-syntaxfel", engelska=english)
    return unreadable_yaml(display, position, "parser", detalj=detail)


def alias_problem(text: str, display: str, offset: int) -> Problem | None:
    """The first alias past MAX_ALIASES, MAX_ALIAS_VALUES or MAX_DEPTH, or None.

    One pass over the parser's events, so the alias's own line is known (a composed
    alias is the anchored node, with the anchor's line).
    """
    meter = AliasMeter()
    try:
        for event in yaml.parse(text, Loader=SafeLoader):
            broken = meter.add(event)
            if broken is not None:
                mark = event.start_mark
                where = Position(mark.line + 1 + offset, mark.column + 1)
                return problem(broken, display, where, max=_LIMITS[broken])
    except yaml.YAMLError:
        # Composing the same text has succeeded, so this is not expected; the builder
        # still reports cycles and depth.
        return None
    return None


class AliasMeter:
    """What the aliases of one document add up to, event by event.

    Each anchor's size and height are remembered when it closes, so an alias costs one
    lookup and the pass stays linear however the anchors nest.
    """

    def __init__(self) -> None:
        self.sizes: dict[str, int] = {}  # anchor -> values it stands for, aliases written out
        self.heights: dict[str, int] = {}  # anchor -> levels of lists and mappings in it
        self.open: list[list[Any]] = []  # per open list or mapping: [anchor, size, height]
        self.aliases = 0
        self.added = 0

    def add(self, event: yaml.Event) -> str | None:
        """Count one event; the rule of the limit an alias breaks, or None."""
        if isinstance(event, yaml.CollectionStartEvent):
            if event.anchor is not None:
                # An alias to a value still open is a cycle, which the builder reports.
                self.sizes.pop(event.anchor, None)
                self.heights.pop(event.anchor, None)
            self.open.append([event.anchor, 1, 1])
            return None
        if isinstance(event, yaml.CollectionEndEvent):
            anchor, size, height = self.open.pop()
            self.remember(anchor, size, height)
        elif isinstance(event, yaml.ScalarEvent):
            size, height = 1, 0
            self.remember(event.anchor, size, height)
        elif isinstance(event, yaml.AliasEvent):
            size = self.sizes.get(event.anchor, 1)
            height = self.heights.get(event.anchor, 0)
            broken = self.alias(size, height)
            if broken is not None:
                return broken
        else:
            return None
        if self.open:
            parent = self.open[-1]
            parent[1] += size
            parent[2] = max(parent[2], height + 1)
        return None

    def remember(self, anchor: str | None, size: int, height: int) -> None:
        if anchor is not None:
            self.sizes[anchor], self.heights[anchor] = size, height

    def alias(self, size: int, height: int) -> str | None:
        self.aliases += 1
        self.added += size
        if self.aliases > MAX_ALIASES:
            return "yaml-hanvisningar"
        if self.added > MAX_ALIAS_VALUES:
            return "yaml-expansion"
        if len(self.open) + height > MAX_DEPTH:
            return "yaml-djup"
        return None
