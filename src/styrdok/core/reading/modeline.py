"""The schema modeline: `# yaml-language-server: $schema=<path>` at the top of a file.

VS Code's YAML extension validates a file against the schema the modeline names, with
the path relative to the file. A wrong path validates against nothing (or the wrong
schema) without a word, so an editor believes a file is right that the check rejects.
The path that is right follows from where the file is: an earlier version of an
anvisning lies one folder deeper than the anvisning itself.
"""

from __future__ import annotations

import posixpath
import re

from styrdok.core.kinds import Kind
from styrdok.core.messages import problem, shorten
from styrdok.core.problems import Position, Problem

MODELINE = "# yaml-language-server: $schema="
_WRITTEN = re.compile(r"^#\s*yaml-language-server\s*:\s*\$schema=(?P<path>\S*)")


def schema_path(display: str, kind: Kind) -> str:
    """The schema's path relative to the file at `display` (relative to the repository)."""
    return posixpath.relpath(f"schema/{kind.schema}", posixpath.dirname(display) or ".")


def check_modeline(text: str, display: str, kind: Kind, first_line: int) -> list[Problem]:
    """A warning if the comment lines that open `text` name a schema path that is wrong.

    `first_line` is the line of the file `text` starts on. No modeline is no problem."""
    for number, line in enumerate(text.split("\n")):
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        written = _WRITTEN.match(stripped)
        if written is None:
            continue
        right = schema_path(display, kind)
        if written["path"] == right:
            return []
        return [
            problem(
                "fel-modeline",
                display,
                Position(first_line + number, 1),
                skrivet=shorten(written["path"]) or "ingenting",
                rad=f"{MODELINE}{right}",
            )
        ]
    return []
