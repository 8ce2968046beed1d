"""Values in front matter that a ` #` cuts short.

In YAML, ` #` starts a comment, so `titel: Kamerabevakning #2 (ny)` has the title
"Kamerabevakning" and the rest vanishes without a word. A comment written on purpose
looks like one: two spaces, then `# ` and the words (`beslutsdatum: 2019-05-02  # KS §4`,
as the repository's files write them); anything else after a value in a page's front
matter (`#2`, `KS 2025/298 #3`) is taken for text that was cut, and reported. Data files
are left alone: they have comments on purpose (data/program.yml explains its fields).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from styrdok.core.messages import problem, shorten
from styrdok.core.problems import Position, Problem

# Two or more blanks, #, a blank: a comment as the repository's files write one.
_DELIBERATE = re.compile(r"^[ \t]{2,}#([ \t]|$)")


def cut_values(front: str, node: yaml.Node | None, display: str, offset: int) -> list[Problem]:
    """A warning for each unquoted value on whose line a ` #` comment follows."""
    if node is None or (" #" not in front and "\t#" not in front):
        # What follows a value on its line begins with a blank and then #.
        return []
    lines = front.split("\n")
    found = []
    for scalar in _plain_scalars(node):
        end = scalar.end_mark
        if end.line >= len(lines):
            continue
        rest = lines[end.line][end.column :]
        if (
            rest.lstrip().startswith("#")
            and rest[:1] in (" ", "\t")
            and not _DELIBERATE.match(rest)
        ):
            written = lines[end.line][scalar.start_mark.column :].strip()
            found.append(
                problem(
                    "kommentar-i-varde",
                    display,
                    Position(
                        end.line + 1 + offset, end.column + 1 + len(rest) - len(rest.lstrip())
                    ),
                    bort=shorten(rest.strip()),
                    citerat=shorten(written.replace('"', '\\"')),
                )
            )
    return found


def _plain_scalars(node: yaml.Node) -> Iterator[yaml.ScalarNode]:
    """The unquoted values (not field names) in the tree, each once."""
    stack: list[yaml.Node] = [node]
    seen: set[int] = set()
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, yaml.MappingNode):
            stack.extend(value for _, value in current.value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        elif isinstance(current, yaml.ScalarNode) and not current.style and current.value:
            yield current
