"""Python values built from composed YAML nodes, reporting what the plain loader would hide.

Dates stay strings (JSON Schema checks them), keys stay the text that was written
(`no:` is the key "no", not False), duplicate keys are problems instead of being merged
silently, and a shared anchor is built once.
"""

from __future__ import annotations

import math
from typing import Any

import yaml

from styrdok.core.limits import MAX_DEPTH
from styrdok.core.messages import problem, shorten, unreadable_yaml
from styrdok.core.problems import Position, Problem
from styrdok.core.sanitize import INVISIBLE

TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
MERGE_TAG = "tag:yaml.org,2002:merge"


def too_deep(display: str, position: Position) -> Problem:
    return problem("yaml-djup", display, position, max=MAX_DEPTH)


class ValueBuilder:
    """Builds the values of one document; what it cannot build is in `problems`."""

    def __init__(self, display: str, offset: int) -> None:
        self.display = display
        self.offset = offset
        self.problems: list[Problem] = []
        self.constructor = yaml.constructor.SafeConstructor()
        self.built: dict[int, Any] = {}
        self.active: set[int] = set()
        # Lists and mappings open around the node being built; aliases are measured
        # before building (safe_yaml.alias_problem), so this is the depth as written.
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
        return self.mapping(node)

    def mapping(self, node: yaml.MappingNode) -> dict[str, Any]:
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
            tag = shorten(node.tag.replace("tag:yaml.org,2002:", "!!"), 60)
            return self.unreadable(node, "tagg", tagg=tag)
        # PyYAML's own constructors fail in other ways too: !!bool kanske is a KeyError.
        except (yaml.YAMLError, ValueError, TypeError, KeyError, IndexError, OverflowError) as exc:
            return self.unreadable(
                node, "varde", varde=shorten(node.value), orsak=shorten(str(exc), 200)
            )
        if isinstance(value, str):
            hidden = INVISIBLE.search(value)
            if hidden:
                code = f"U+{ord(hidden.group()):04X}"
                self.problems.append(
                    problem("styrtecken", self.display, self.position(node), tecken=code)
                )
                return None
        if isinstance(value, float) and not math.isfinite(value):
            # .inf and .nan pass number checks in the schemas (nan compares false with
            # every bound) and make the search index invalid JSON.
            return self.unreadable(node, "inget-tal", varde=shorten(node.value))
        return value

    def unreadable(self, node: yaml.Node, reason: str, **values: object) -> None:
        """Report a value that cannot be read; it is built as None."""
        self.problems.append(unreadable_yaml(self.display, self.position(node), reason, **values))
