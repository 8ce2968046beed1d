"""One source file as read: its values, the YAML nodes they came from, and any Markdown.

Every later stage points at lines through this, so a problem names where the value
was written, not where it ended up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from styrdok.core.problems import Position

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class SourceDocument:
    """One source file: its values, the YAML nodes they came from, and any Markdown body.

    Not `views.api.JsonDocument`, which is what the site publishes about a model object.
    The nodes are not kept from the loading: most documents never need a position, so
    they are composed again from `yaml_text` when one is asked for (`node`), except
    where each document and list entry begins (`starts`), which every model object
    records.
    """

    path: str
    kind: str  # the name of its kind (`kinds.Kind.name`), e.g. anvisning
    data: Any
    # The YAML the values were read from (a page's front matter), if they were.
    yaml_text: str | None = field(default=None, repr=False, compare=False)
    line_offset: int = 0
    body: str = ""
    source: Path | None = field(default=None, compare=False)
    # For pages: the path below docs/, as MkDocs names the page (e.g. anvisningar/x.md).
    sida: str | None = None
    # The line of the file where the Markdown text begins (after the front matter).
    body_line: int = 1
    # Where the top-level value begins, then, if it is a list, where each item does.
    starts: tuple[Position, ...] = field(default=(), compare=False)
    is_list: bool = field(default=False, compare=False)

    @cached_property
    def node(self) -> yaml.Node | None:
        """The root node of `yaml_text`, composed when first asked for."""
        if self.yaml_text is None:
            return None
        try:
            return yaml.compose(self.yaml_text, Loader=SafeLoader)
        except yaml.YAMLError:
            # Composed without error when loaded, so not expected; positions fall back
            # to the document's first line.
            return None

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

    def locate(self, where: Sequence[str | int] = (), *, key: bool = False) -> Position:
        """Position of the value at `where` (or of its key), falling back to the nearest parent."""
        if self.starts and len(where) < 2:
            # A document's or list item's own place, as node_at would find it.
            if not where:
                return self.starts[0]
            step = where[0]
            if self.is_list and isinstance(step, int) and 0 <= step < len(self.starts) - 1:
                return self.starts[step + 1]
            if self.is_list:
                return self.starts[0]
        return self.position(self.node_at(where, key=key))

    def position(self, node: yaml.Node | None) -> Position:
        """Where `node` begins in the file; the document's first line if there is none."""
        if node is None:
            return Position(1 + self.line_offset, 1)
        return node_position(node, self.line_offset)


def node_position(node: yaml.Node, offset: int) -> Position:
    """Where `node` begins in a file whose YAML starts after `offset` lines."""
    mark = node.start_mark
    return Position(mark.line + 1 + offset, mark.column + 1)


def where_begins(node: yaml.Node | None, offset: int) -> dict[str, Any]:
    """`SourceDocument.starts` and `is_list` of a document whose root is `node`."""
    if node is None:
        return {}
    is_list = isinstance(node, yaml.SequenceNode)
    items = node.value if is_list else ()
    return {
        "starts": tuple(node_position(n, offset) for n in (node, *items)),
        "is_list": is_list,
    }
