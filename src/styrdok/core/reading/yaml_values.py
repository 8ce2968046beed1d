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
STR_TAG = "tag:yaml.org,2002:str"


def too_deep(display: str, position: Position) -> Problem:
    return problem("yaml-djup", display, position, max=MAX_DEPTH)


class ValueBuilder:
    """Builds the values of one document; what it cannot build is in `problems`."""

    def __init__(self, display: str, offset: int, *, shared: bool = True) -> None:
        self.display = display
        self.offset = offset
        # Without an alias (no `*` in the text) no node is reached twice, so nothing is
        # remembered and no cycle can occur: `tree` builds in one tight pass.
        self.shared = shared
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
        if not self.shared:
            return self.tree(node, 0)
        key = id(node)
        if key in self.built:
            return self.built[key]
        if key in self.active:
            self.problems.append(problem("yaml-cirkel", self.display, self.position(node)))
            return None
        nested = not isinstance(node, yaml.ScalarNode)
        if nested and self.depth >= MAX_DEPTH:
            return self.past_limit(node)
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

    def past_limit(self, node: yaml.Node) -> None:
        """A list or mapping nested deeper than MAX_DEPTH: built as None."""
        # Said once: a wide structure past the limit would give one per value.
        if not self.too_deep:
            self.too_deep = True
            self.problems.append(too_deep(self.display, self.position(node)))

    def tree(self, node: yaml.Node, depth: int) -> Any:
        """The value of `node` below `depth` lists and mappings, in a document without
        aliases: the same values and problems as `build`, in the same order, without
        remembering what was built (nothing is reached twice)."""
        if isinstance(node, yaml.ScalarNode):
            if node.tag == STR_TAG:
                # What the constructor would return; most values are text.
                return self.text(node, node.value)
            return self.scalar(node)
        if depth >= MAX_DEPTH:
            return self.past_limit(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.tree(item, depth + 1) for item in node.value]
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            name = self.key(node, key_node, mapping)
            if name is not None:
                mapping[name] = self.tree(value_node, depth + 1)
        return mapping

    def mapping(self, node: yaml.MappingNode) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            name = self.key(node, key_node, mapping)
            if name is not None:
                mapping[name] = self.build(value_node)
        return mapping

    def key(
        self, node: yaml.MappingNode, key_node: yaml.Node, mapping: dict[str, Any]
    ) -> str | None:
        """The field name `key_node` gives in `node`, or None and why it is not one."""
        if key_node.tag == MERGE_TAG or not isinstance(key_node, yaml.ScalarNode):
            self.problems.append(problem("ogiltig-nyckel", self.display, self.position(key_node)))
            return None
        name: str = key_node.value
        if name in mapping:
            self.problems.append(
                problem(
                    "dubblett-nyckel",
                    self.display,
                    self.position(key_node),
                    nyckel=shorten(name),
                    forsta_rad=self.position(first_key(node, name)).line,
                )
            )
            return None
        return name

    def text(self, node: yaml.ScalarNode, value: str) -> str | None:
        """A text value, or None if it hides a control character."""
        hidden = INVISIBLE.search(value)
        if hidden:
            code = f"U+{ord(hidden.group()):04X}"
            self.problems.append(
                problem("styrtecken", self.display, self.position(node), tecken=code)
            )
            return None
        return value

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
            return self.text(node, value)
        if isinstance(value, float) and not math.isfinite(value):
            # .inf and .nan pass number checks in the schemas (nan compares false with
            # every bound) and make the search index invalid JSON.
            return self.unreadable(node, "inget-tal", varde=shorten(node.value))
        return value

    def unreadable(self, node: yaml.Node, reason: str, **values: object) -> None:
        """Report a value that cannot be read; it is built as None."""
        self.problems.append(unreadable_yaml(self.display, self.position(node), reason, **values))


def first_key(node: yaml.MappingNode, name: str) -> yaml.Node:
    """The first key of `node` that is the field name `name` (a duplicate's first)."""
    return next(
        key
        for key, _ in node.value
        if isinstance(key, yaml.ScalarNode) and key.tag != MERGE_TAG and key.value == name
    )
