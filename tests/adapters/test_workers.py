"""What every forked worker does first (adapters/workers.py): a worker whose parent has
died already by then ends at once, since the kernel would not tell it any more."""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from pathlib import Path

import pytest

from styrdok.adapters import workers

pytestmark = pytest.mark.skipif(not workers.can_fork(), reason="forks workers")


def _worker(marker: str, wait: float) -> None:
    time.sleep(wait)  # the parent is gone by now
    workers.die_with_parent()
    Path(marker).write_text("lever", encoding="utf-8")


def _parent(marker: str, wait: float) -> None:
    context = multiprocessing.get_context("fork")
    context.Process(target=_worker, args=(marker, wait)).start()
    os._exit(0)  # without waiting for its worker


def test_a_worker_whose_parent_died_first_ends(tmp_path: Path):
    marker = tmp_path / "markör"
    context = multiprocessing.get_context("fork")
    parent = context.Process(target=_parent, args=(str(marker), 0.5))
    parent.start()
    parent.join()
    time.sleep(1.5)
    assert not marker.exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl")
def test_a_worker_whose_parent_lives_goes_on(tmp_path: Path):
    marker = tmp_path / "markör"
    context = multiprocessing.get_context("fork")
    worker = context.Process(target=_worker, args=(str(marker), 0.0))
    worker.start()
    worker.join()
    assert marker.read_text(encoding="utf-8") == "lever"
