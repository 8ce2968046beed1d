"""What a built PDF says, as the tests compare it: its streams are compressed, so a
byte scan of the file cannot see into it."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pypdf


def flat(text: str) -> str:
    """Text as compared: compatibility forms (ligatures), one space for any run."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def pdf_text(path: Path, *, info: bool = False) -> str:
    """The text of every page of the PDF at `path`, and with `info` its title too."""
    reader = pypdf.PdfReader(path)
    pages = "\n".join(page.extract_text() or "" for page in reader.pages)
    title = reader.metadata.title if info and reader.metadata else ""
    return flat(f"{pages} {title or ''}")
