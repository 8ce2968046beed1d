from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from styrdok.pipeline import Outcome, check_project
from styrdok.project import Project

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
VALID = DATA / "valid"
INVALID = DATA / "invalid"
# A fixed day, so review-date warnings do not depend on when the tests run.
TODAY = date(2026, 1, 1)


def make_project(dest: Path) -> Path:
    """A copy of the small valid project, with the repository's schemas and macros."""
    shutil.copytree(VALID, dest)
    shutil.copytree(REPO / "schema", dest / "schema")
    shutil.copy(REPO / "macros.py", dest / "macros.py")
    return dest


def check(root: Path, today: date = TODAY) -> Outcome:
    return check_project(Project.at(root), today)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "projekt")
