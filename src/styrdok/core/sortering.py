"""Swedish alphabetical order: å, ä and ö come after z, in that order."""

from __future__ import annotations

_SWEDISH = str.maketrans({"å": "z\u0001", "ä": "z\u0002", "ö": "z\u0003", "é": "e", "ü": "y"})


def svensk(text: str) -> str:
    """A sort key that puts Swedish words in dictionary order, ignoring case."""
    return text.casefold().translate(_SWEDISH)
