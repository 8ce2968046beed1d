"""Editing YAML as text, by the positions the project's own YAML reader gives, so that
every comment, every other line and the file's line ends keep their bytes (a YAML
dumper would drop the comments). Shared by the commands that change editors' files.
"""

from __future__ import annotations

from collections.abc import Sequence

import yaml

from styrdok.core.problems import Problem, Severity
from styrdok.tools.scaffold import ScaffoldError


def refuse_broken(problems: Sequence[Problem], display: str, tolerated: str) -> None:
    """Refuse to edit a file with errors: an edit by line needs a file that reads as
    meant. `tolerated` is the rule the command itself leaves or fixes."""
    errors = [
        p
        for p in problems
        if p.path == display and p.severity is Severity.FEL and p.code != tolerated
    ]
    if errors:
        first = errors[0]
        more = f" (och {len(errors) - 1} fel till)" if len(errors) > 1 else ""
        raise ScaffoldError(
            f"{display} klarar inte styrdok check (rad {first.position.line}: "
            f"{first.message}{more}) – kör styrdok check, rätta felen i filen och försök "
            "sedan igen"
        )


def usual_line_end(lines: list[str]) -> str:
    """The line end most lines of the file have, so new lines match them."""
    counts = {"\r\n": 0, "\r": 0, "\n": 0}
    for line in lines:
        for end in counts:
            if line.endswith(end):
                counts[end] += 1
                break
    return max(counts, key=lambda end: (counts[end], end == "\n"))


def last_line(node: yaml.Node, lines: list[str]) -> int:
    """The last line (0-based) that holds something of `node`. A block collection ends
    where its last value ends, so comment lines after it stay outside; a block scalar's
    end mark is past the blank lines that follow it."""
    block = isinstance(node, yaml.MappingNode | yaml.SequenceNode) and not node.flow_style
    if block and node.value:
        last = node.value[-1]
        return last_line(last[1] if isinstance(last, tuple) else last, lines)
    end = node.end_mark
    line = end.line if end.column > 0 else end.line - 1
    line = min(line, len(lines) - 1)
    while line > node.start_mark.line and not lines[line].strip():
        line -= 1
    return line
