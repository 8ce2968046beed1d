"""Which files in a folder of data/ (`kinds.Folder`) are entries, and what is refused.

Only a file named as the folder's kind says (data/uppfoljning/2024.yml) is read; any
other name, a subfolder or a symbolic link is refused with a rule code, so a misnamed
file is reported rather than silently left out. Hidden files (.DS_Store) are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from styrdok.core.kinds import Folder


@dataclass
class FolderFiles:
    entries: list[Path] = field(default_factory=list)
    # (path, rule code, the values its message needs)
    refused: list[tuple[Path, str, dict[str, str]]] = field(default_factory=list)


def folder_files(data_dir: Path, folder: Folder) -> FolderFiles:
    """The entry files of `folder` below `data_dir`, sorted; none if it does not exist."""
    found = FolderFiles()
    where = data_dir / folder.path
    if where.is_symlink():
        found.refused.append((where, "symbolisk-lank", {"namn": f"{folder.path}/"}))
        return found
    if not where.is_dir():
        return found
    stem = re.compile(folder.stem)
    for path in sorted(where.iterdir()):
        name = f"{folder.path}/{path.name}"
        if path.name.startswith("."):
            continue
        if path.is_symlink():
            found.refused.append((path, "symbolisk-lank", {"namn": name}))
        elif path.is_file() and path.suffix == ".yml" and stem.fullmatch(path.stem):
            if len(found.entries) < folder.max_files:
                found.entries.append(path)
            else:
                values = {
                    "namn": path.name,
                    "mapp": f"data/{folder.path}/",
                    "max": str(folder.max_files),
                }
                found.refused.append((path, "for-manga-filer", values))
        else:
            values = {"namn": path.name, "mapp": f"data/{folder.path}/", "form": folder.form}
            found.refused.append((path, "fel-filnamn", values))
    return found
