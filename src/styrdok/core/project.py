"""Where the source lives: the folders of a styrdok repository and the kinds of file in them."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# Structured data: file name in data/ -> kind (and schema name).
DATA_FILES: dict[str, str] = {
    "program.yml": "program",
    "malomraden.yml": "malomraden",
    "fokusomraden.yml": "fokusomraden",
    "organ.yml": "organ",
    "forfattningar.yml": "forfattningar",
}

ANVISNINGAR_DIR = "anvisningar"


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
        for candidate in (Path(os.path.abspath(path)), path.resolve()):
            try:
                return candidate.relative_to(self.root).as_posix()
            except ValueError:
                continue
        return path.as_posix()

    def page_kind(self, path: Path) -> str:
        """`anvisning` for docs/anvisningar/<id>.md, otherwise `sida`."""
        rel = path.relative_to(self.docs_dir)
        if len(rel.parts) == 2 and rel.parts[0] == ANVISNINGAR_DIR and rel.name != "index.md":
            return "anvisning"
        return "sida"


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` that holds mkdocs.yml or data/."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() or (folder / "data").is_dir():
            return folder
    return start
