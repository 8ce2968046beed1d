"""Every other page rendered by a worker (adapters/page_worker): the same site, byte for
byte, and the same messages in the same order as rendering every page in one process."""

from __future__ import annotations

import filecmp
import logging
from pathlib import Path
from types import SimpleNamespace

import pytest

from styrdok.adapters import page_worker

from helpers import make_project

ANVISNINGAR = "docs/anvisningar"

pytestmark = pytest.mark.skipif(not page_worker.can_fork(), reason="forks a worker")


def one_core(project: Path) -> Path:
    """A copy of the project's config that renders every page in the MkDocs process."""
    config = project / "mkdocs.yml"
    serial = project / "mkdocs.en-karna.yml"
    serial.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - styrdok:\n", "  - styrdok:\n      sidor_parallellt: false\n"
        ),
        encoding="utf-8",
    )
    assert "sidor_parallellt: false" in serial.read_text(encoding="utf-8")
    return serial


def same_trees(a: Path, b: Path) -> None:
    left = sorted(p.relative_to(a).as_posix() for p in a.rglob("*"))
    right = sorted(p.relative_to(b).as_posix() for p in b.rglob("*"))
    assert left == right
    files = [name for name in left if (a / name).is_file()]
    _, mismatch, errors = filecmp.cmpfiles(a, b, files, shallow=False)
    assert (mismatch, errors) == ([], [])


def messages(stderr: str, site: Path) -> list[str]:
    # The build's duration differs from one build to the next, and so does its folder.
    return [
        line.replace(str(site), "SITE")
        for line in stderr.splitlines()
        if not line.rstrip().endswith(("seconds", "sekunder"))
    ]


def with_each_anvisning(project: Path, add: str) -> None:
    for page in sorted((project / ANVISNINGAR).glob("*.md")):
        if page.name == "index.md":
            continue
        page.write_text(page.read_text(encoding="utf-8") + "\n" + add + "\n", encoding="utf-8")


@pytest.mark.parametrize("malgrupp", ["intranät", "publik"])
def test_the_site_is_the_same_bytes_with_the_worker(tmp_path, mkdocs_build, malgrupp):
    project = make_project(tmp_path / "projekt")
    parallel = mkdocs_build(project / "mkdocs.yml", tmp_path / "parallellt", malgrupp)
    serial = mkdocs_build(one_core(project), tmp_path / "en-karna", malgrupp)
    assert parallel.returncode == serial.returncode == 0, parallel.stderr + serial.stderr
    same_trees(tmp_path / "parallellt", tmp_path / "en-karna")
    assert messages(parallel.stderr, tmp_path / "parallellt") == messages(
        serial.stderr, tmp_path / "en-karna"
    )


def test_warnings_from_pages_the_worker_rendered_stop_the_build_the_same_way(
    tmp_path, mkdocs_build
):
    # A link to a page that does not exist in every anvisning: MkDocs warns while it
    # renders each, in the worker for every other one, and --strict must count them all.
    project = make_project(tmp_path / "projekt")
    # Several on one page: each is logged, as a record of its own.
    with_each_anvisning(
        project, " ".join(f"Se [saknad {i}](saknad-sida-{i}.md#avsnitt)." for i in range(5))
    )
    parallel = mkdocs_build(project / "mkdocs.yml", tmp_path / "parallellt")
    serial = mkdocs_build(one_core(project), tmp_path / "en-karna")
    assert parallel.returncode != 0 and serial.returncode != 0
    assert parallel.stderr.count("saknad-sida-4.md") == serial.stderr.count("saknad-sida-4.md") > 1
    assert messages(parallel.stderr, tmp_path / "parallellt") == messages(
        serial.stderr, tmp_path / "en-karna"
    )
    assert "Traceback" not in parallel.stderr


def test_a_page_the_worker_fails_on_is_said_as_without_it(tmp_path, mkdocs_build):
    # Nesting Python-Markdown cannot render: whichever process meets it, the message is the
    # Swedish one of rendering it here, once.
    project = make_project(tmp_path / "projekt")
    with_each_anvisning(project, "*" * 2500 + "x" + "*" * 2500)
    parallel = mkdocs_build(project / "mkdocs.yml", tmp_path / "parallellt")
    serial = mkdocs_build(one_core(project), tmp_path / "en-karna")
    assert parallel.returncode != 0 and serial.returncode != 0
    assert "för djupt nästlad" in parallel.stderr
    assert messages(parallel.stderr, tmp_path / "parallellt") == messages(
        serial.stderr, tmp_path / "en-karna"
    )
    assert "Traceback" not in parallel.stderr


def test_another_plugins_page_hook_means_no_worker():
    ours, other = object(), object()
    bound = SimpleNamespace(__self__=ours)
    foreign = SimpleNamespace(__self__=other)
    config = SimpleNamespace(plugins=SimpleNamespace(events={"page_markdown": [bound]}))
    assert page_worker.only_our_page_hooks(config, ours)  # type: ignore[arg-type]
    config.plugins.events["page_content"] = [bound, foreign]
    assert not page_worker.only_our_page_hooks(config, ours)  # type: ignore[arg-type]


def test_the_worker_keeps_every_record_once():
    # A record reaches the capture from each logger with a handler that it passes; records
    # made one after the other may share an address once the last is freed.
    capture = page_worker._Capture()
    parent, child = logging.getLogger("styrdok-test"), logging.getLogger("styrdok-test.barn")
    saved = parent.handlers, child.handlers, parent.propagate
    parent.handlers, child.handlers, parent.propagate = [capture], [capture], False
    try:
        for i in range(50):
            child.warning("varning %d", i)
    finally:
        parent.handlers, child.handlers, parent.propagate = saved
    assert [r["msg"] for r in capture.records] == [f"varning {i}" for i in range(50)]
    assert all(r["args"] is None for r in capture.records)
