"""`styrdok check`'s leak scan on the second core (adapters/check_worker.py): the same
problems as the check in turn, and the same when the worker fails, is killed or
cannot be forked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from styrdok.adapters import check_worker, workers
from styrdok.adapters.macro_check import check_site
from styrdok.core.project import Project

from helpers import TODAY
from helpers.leak_cases import skyddad_quoted_in_history

pytestmark = pytest.mark.skipif(not workers.can_fork(), reason="forks a worker")


def _said(outcome) -> list[str]:
    return [str(p) for p in outcome.problems]


def _with_a_leak(project: Path) -> Project:
    skyddad_quoted_in_history(project)
    # And an error of the rules' own, so both sides have something to say.
    index = project / "docs/index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n[Trasig](finns-inte.md)\n")
    return Project.at(project)


def test_the_worker_finds_what_the_check_in_turn_finds(project: Path):
    here = _with_a_leak(project)
    in_turn = check_site(here, TODAY)
    ran_here: list[int] = []

    def recorded(compute):
        def there():
            ran_here.append(os.getpid())  # in the worker's memory, unless run here
            return compute()

        return check_worker.beside(there)

    beside = check_site(here, TODAY, beside=recorded)
    assert ran_here == [], "the scan ran in this process, not in the worker"
    assert _said(beside) == _said(in_turn)
    assert {p.code for p in beside.problems} >= {"lacka"}
    assert len({p.code for p in beside.problems}) > 1


def _failing_in_the_worker(failure):
    parent = os.getpid()

    def beside(compute):
        def there():
            if os.getpid() != parent:
                failure()
            return compute()

        return check_worker.beside(there)

    return beside


def _raise() -> None:
    raise RuntimeError("ett fel i arbetaren")


def _die() -> None:
    os._exit(3)


@pytest.mark.parametrize("failure", [_raise, _die], ids=["fel", "dödad"])
def test_a_worker_that_fails_leaves_the_scan_to_the_check(project: Path, failure):
    here = _with_a_leak(project)
    expected = _said(check_site(here, TODAY))
    assert _said(check_site(here, TODAY, beside=_failing_in_the_worker(failure))) == expected


def test_without_a_fork_the_scan_is_computed_when_asked(monkeypatch):
    monkeypatch.setattr(check_worker, "can_fork", lambda: False)
    computed: list[int] = []

    def compute():
        computed.append(os.getpid())
        return []

    result = check_worker.beside(compute)
    assert computed == []
    assert result() == [] and computed == [os.getpid()]


def test_no_worker_is_left_running(project: Path):
    import multiprocessing

    check_site(_with_a_leak(project), TODAY, beside=check_worker.beside)
    assert multiprocessing.active_children() == []
