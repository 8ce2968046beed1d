"""Fixtures every test may use, and the `slow` marker (tests/README.md).

A test is slow if it builds a site, runs a browser or starts Python in a subprocess. It
gets the marker from the fixtures it uses, directly or through other fixtures: asking
for one in SLOW_FIXTURES is the way to build or spawn, so the marker cannot be forgotten.
A test that starts Python in a subprocess some other way and is not marked slow fails
(`_only_slow_tests_start_python`). The property tests, slow for their hundreds of
examples, are marked in their module.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import mkdocs.config
import pytest
from hypothesis import settings

from styrdok.core.pipeline import check_project
from styrdok.core.project import Project
from styrdok.select import Publication, select
from styrdok.views.urls import API_DIR

from helpers import REPO, check, make_project, processes

# The same examples on every run, so a property test cannot pass here and fail in CI by
# chance; a failure it finds is reproducible from the test alone.
settings.register_profile("styrdok", derandomize=True, database=None)
settings.load_profile("styrdok")

# Fixtures that build a site, drive a browser or start the styrdok command in a process.
SLOW_FIXTURES = frozenset({"mkdocs_build", "styrdok_cli", "built_site", "browser"})


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # tryfirst: before `-m "not slow"` deselects by marker.
    for item in items:
        if SLOW_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _only_slow_tests_start_python(request: pytest.FixtureRequest, monkeypatch) -> None:
    """Python in a subprocess costs a second or more: such a test must be marked slow."""
    if request.node.get_closest_marker("slow"):
        return
    popen = subprocess.Popen

    class Refusing(popen):  # type: ignore[misc, valid-type]
        def __init__(self, args: Any, *rest: Any, **options: Any) -> None:
            if processes.python_command(args):
                pytest.fail(
                    f"{request.node.nodeid} starts Python in a subprocess ({args!r}) but is "
                    "not marked slow: use the fixture mkdocs_build or styrdok_cli, or mark "
                    "it @pytest.mark.slow (tests/README.md)",
                    pytrace=False,
                )
            super().__init__(args, *rest, **options)

    monkeypatch.setattr(subprocess, "Popen", Refusing)


# The small valid project (tests/data/valid) ----------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "projekt")


@pytest.fixture
def publication(project: Path) -> Publication:
    """What the small project publishes on the intranet."""
    return select(check(project).model)


@pytest.fixture(scope="session")
def repo_publication() -> Publication:
    """What the repository's real content publishes on the intranet."""
    return select(check_project(Project.at(REPO)).model)


# Processes: each marks the tests that use it slow ----------------------------------------


@pytest.fixture(scope="session")
def mkdocs_build() -> Callable[..., subprocess.CompletedProcess[str]]:
    """`mkdocs_build(config, site, malgrupp="intranät")`: `mkdocs build --strict` in a
    separate process, as `make build` runs it."""
    return processes.mkdocs_build


@pytest.fixture(scope="session")
def styrdok_cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """`styrdok_cli(*args, cwd=None, env=None)`: the styrdok command in a separate process."""
    return processes.styrdok_cli


# The repository's real site, built once for all tests that read it -----------------------


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, mkdocs_build) -> Path:
    site = tmp_path_factory.mktemp("bygge") / "site"
    result = mkdocs_build(REPO / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def built_publik_site(tmp_path_factory, mkdocs_build) -> Path:
    """The repository's real site built for the public (malgrupp publik), once per run."""
    site = tmp_path_factory.mktemp("bygge-publik") / "site"
    result = mkdocs_build(REPO / "mkdocs.yml", site, "publik")
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def site_url() -> str:
    """site_url as mkdocs.yml sets it for a build without STYRDOK_SITE_URL (as built_site)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("STYRDOK_SITE_URL", raising=False)
        url = mkdocs.config.load_config(str(REPO / "mkdocs.yml")).site_url
    assert url and url.endswith("/"), url
    return url


@pytest.fixture(scope="session")
def site_file(built_site: Path, site_url: str) -> Callable[[str], Path]:
    """The file in the built site that an absolute URL on the site names."""

    def path_of(url: str) -> Path:
        url = url.split("#", 1)[0]
        assert url.startswith(site_url), f"{url} is not on the site {site_url}"
        path = built_site / url[len(site_url) :]
        return path / "index.html" if url.endswith("/") else path

    return path_of


@pytest.fixture(scope="session")
def api_dir(built_site: Path) -> Path:
    return built_site / API_DIR


@pytest.fixture(scope="session")
def api_index(api_dir: Path) -> dict[str, Any]:
    """The built site's api/v1/index.json."""
    return json.loads((api_dir / "index.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def api_anvisningar(api_index: dict[str, Any], site_file) -> list[dict[str, Any]]:
    """The list in the built site's anvisningar.json."""
    listed = next(e for e in api_index["dokument"] if e["typ"] == "anvisningar")
    return json.loads(site_file(listed["url"]).read_text(encoding="utf-8"))["anvisningar"]
