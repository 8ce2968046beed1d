"""One source file as read: its values, the YAML nodes they came from, and any Markdown.

Every later stage points at lines through this, so a problem names where the value
was written, not where it ended up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from styrdok.core.problems import Position


@dataclass(frozen=True)
class SourceDocument:
    """One source file: its values, the YAML nodes they came from, and any Markdown body.

    Not `views.api.JsonDocument`, which is what the site publishes about a model object.
    """

    path: str
    kind: str  # the name of its kind (`kinds.Kind.name`), e.g. anvisning
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

    def locate(self, where: Sequence[str | int] = (), *, key: bool = False) -> Position:
        """Position of the value at `where` (or of its key), falling back to the nearest parent."""
        return self.position(self.node_at(where, key=key))

    def position(self, node: yaml.Node | None) -> Position:
        """Where `node` begins in the file; the document's first line if there is none."""
        if node is None:
            return Position(1 + self.line_offset, 1)
        mark = node.start_mark
        return Position(mark.line + 1 + self.line_offset, mark.column + 1)
