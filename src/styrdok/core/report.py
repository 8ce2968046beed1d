"""Reporters: the collected problems as text for people or JSON for tools."""

from __future__ import annotations

import json

from styrdok.core.problems import Problem, Severity


def summary(problems: list[Problem]) -> str:
    errors = sum(1 for p in problems if p.severity is Severity.FEL)
    warnings = len(problems) - errors
    return f"{errors} fel, {warnings} {'varning' if warnings == 1 else 'varningar'}"


def as_text(problems: list[Problem]) -> str:
    lines = [str(p) for p in problems]
    lines.append(summary(problems))
    return "\n".join(lines) + "\n"


def as_json(problems: list[Problem]) -> str:
    payload = {
        "problem": [
            {
                "regel": p.code,
                "allvarlighet": str(p.severity),
                "fil": p.path,
                "rad": p.position.line,
                "kolumn": p.position.column,
                "meddelande": p.message,
                "tips": p.hint,
            }
            for p in problems
        ],
        "antal_fel": sum(1 for p in problems if p.severity is Severity.FEL),
        "antal_varningar": sum(1 for p in problems if p.severity is Severity.VARNING),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
