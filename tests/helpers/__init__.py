"""Helpers the tests share: where things are, the small valid project and the check.

A package, not a test file: pytest does not collect it, and it is importable because
pyproject.toml sets `pythonpath = ["tests"]`. Fixtures are in the conftest.py files;
tests/README.md says what is where.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from styrdok.adapters.macro_check import check_site
from styrdok.core.pipeline import Outcome
from styrdok.core.project import Project
from styrdok.select import STANDARD_MALGRUPP, Publication, select

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent
DATA = TESTS / "data"
VALID = DATA / "valid"
INVALID = DATA / "invalid"
# A fixed day, so review-date warnings do not depend on when the tests run.
TODAY = date(2026, 1, 1)


def make_project(dest: Path) -> Path:
    """A copy of the small valid project, with the repository's schemas."""
    shutil.copytree(VALID, dest)
    shutil.copytree(REPO / "schema", dest / "schema")
    shutil.copy(REPO / ".yamllint.yml", dest / ".yamllint.yml")
    return dest


def edit(project: Path, path: str, old: str, new: str) -> None:
    """Replace `old`, which must occur exactly once, in the project's file `path`."""
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path, old)
    file.write_text(text.replace(old, new), encoding="utf-8")


def decide_trygghet_i_bromma(project: Path) -> None:
    """The small project's utkast trygghet-i-bromma decided on 2025-12-01, in force from
    2026-03-01: after TODAY, so on TODAY it is beslutad but does not yet apply."""
    edit(
        project,
        "docs/anvisningar/trygghet-i-bromma.md",
        "status: utkast\n",
        "status: gällande\nbeslutsdatum: 2025-12-01\nbeslutad_av: bromma-stadsdelsnamnd\n"
        "giltig_fran: 2026-03-01\nrevideras_senast: 2028-03-01\n",
    )


def check(root: Path, today: date = TODAY) -> Outcome:
    return check_site(Project.at(root), today)


def publication_of(root: Path, malgrupp: str = STANDARD_MALGRUPP) -> Publication:
    """What a project publishes for an audience; its check must pass."""
    outcome = check(root)
    assert outcome.ok, outcome.problems
    return select(outcome.model, malgrupp, TODAY)
