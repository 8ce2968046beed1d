"""The one file outside docs/ the site shows: the editor guide, at a fixed path.

Read here only, with the rules of a source file, by the macro that shows it and by the
leak scan that must know its wording is public.
"""

from __future__ import annotations

from pathlib import Path

from styrdok.core.limits import MAX_FILE_BYTES

REDAKTORSGUIDE = "CONTRIBUTING.md"


def read_guide(root: Path) -> str:
    """CONTRIBUTING.md at the repository root, as Markdown; ValueError (in Swedish) if it
    is not a regular UTF-8 file within the size limit."""
    path = root / REDAKTORSGUIDE
    # A link could point anywhere on the build machine; only the file itself is shown.
    if path.is_symlink() or not path.is_file():
        raise ValueError(f"{REDAKTORSGUIDE} ska vara en vanlig fil i förrådets rot")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ValueError(f"{REDAKTORSGUIDE} är större än {MAX_FILE_BYTES} byte")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ValueError(f"{REDAKTORSGUIDE} är inte sparad som UTF-8") from None
