"""Where the source lives: the folders of a styrdok repository.

Which files in them are of which kind is said once, in `kinds`."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from styrdok.core.kinds import page_kind


@dataclass(frozen=True)
class Project:
    root: Path
    docs_dir: Path
    data_dir: Path
    schema_dir: Path

    @classmethod
    def at(cls, root: Path) -> Project:
        root = root.resolve()
        return cls(root, root / "docs", root / "data", root / "schema")

    def display(self, path: Path) -> str:
        """A path as editors see it: relative to the repository, with forward slashes."""
        # abspath first: a symbolic link is named as written, not by its target.
        written = Path(os.path.abspath(path))
        if written.is_relative_to(self.root):
            return written.relative_to(self.root).as_posix()
        # Resolved only if needed: it asks the file system about every folder on the way.
        # A symbolic link loop cannot be resolved: the name as written will do.
        with contextlib.suppress(OSError, RuntimeError, ValueError):
            return path.resolve().relative_to(self.root).as_posix()
        return path.as_posix()

    def page_kind(self, path: Path) -> str:
        """The name of the kind of page at `path`: `anvisning` for docs/anvisningar/<id>.md,
        otherwise `sida`."""
        return page_kind(path.relative_to(self.docs_dir)).name


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` that holds mkdocs.yml or data/."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() or (folder / "data").is_dir():
            return folder
    return start
