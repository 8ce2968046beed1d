"""Problems found in the source: one value type, collected, never raised.

Every check returns problems; nothing prints or exits while checking. The Swedish
wording lives in `messages`, so a problem is made from a rule code and the values
the message needs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    FEL = "fel"
    VARNING = "varning"


@dataclass(frozen=True, order=True)
class Position:
    """1-based line and column in a source file."""

    line: int = 1
    column: int = 1


@dataclass(frozen=True)
class Problem:
    code: str
    severity: Severity
    path: str
    position: Position
    message: str
    hint: str | None = None

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.position.line, self.position.column, self.code)

    def __str__(self) -> str:
        text = (
            f"{self.path}:{self.position.line}:{self.position.column}: "
            f"{self.severity}: {self.message}"
        )
        if self.hint:
            text += f" – {self.hint}"
        return text


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    # The message breaks ties: a set's order changes with the hash seed, and the same
    # source must give the same report on every run.
    return sorted(set(problems), key=lambda p: (*p.sort_key(), p.message))
