from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

from styrdok.core.pipeline import Outcome, check_project
from styrdok.core.project import Project

# The same examples on every run, so a property test cannot pass here and fail in CI by
# chance; a failure it finds is reproducible from the test alone.
settings.register_profile("styrdok", derandomize=True, database=None)
settings.load_profile("styrdok")

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
VALID = DATA / "valid"
INVALID = DATA / "invalid"
# A fixed day, so review-date warnings do not depend on when the tests run.
TODAY = date(2026, 1, 1)


def make_project(dest: Path) -> Path:
    """A copy of the small valid project, with the repository's schemas."""
    shutil.copytree(VALID, dest)
    shutil.copytree(REPO / "schema", dest / "schema")
    return dest


def check(root: Path, today: date = TODAY) -> Outcome:
    return check_project(Project.at(root), today)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "projekt")


def build(config: Path, site: Path, malgrupp: str = "intranät") -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` in a separate process, as `make build` runs it."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        check=False,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "STYRDOK_MALGRUPP": malgrupp},
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The repository's real site, built once for all tests that read it."""
    site = tmp_path_factory.mktemp("bygge") / "site"
    result = build(REPO / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site
