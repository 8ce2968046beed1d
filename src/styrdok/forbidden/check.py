"""The whole check that `styrdok check` and the MkDocs plugin run: the core's, then
the leak scan on the source (`sources`), which needs each audience's publication and so
cannot run in the core.

The leak scan needs only the linked model, and the core's rules do not change it: the
caller may have it computed beside the rules (`beside`), as `styrdok check` does on the
second core (adapters/check_worker.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from styrdok.core.pipeline import Outcome, link_project, rule_problems
from styrdok.core.problems import Problem, sorted_problems
from styrdok.core.project import Project
from styrdok.forbidden.sources import check_leaks
from styrdok.select import MALGRUPPER, Publication, select

# Starts computing a list of problems and gives a function that returns it when asked.
Beside = Callable[[Callable[[], list[Problem]]], Callable[[], list[Problem]]]


def in_turn(compute: Callable[[], list[Problem]]) -> Callable[[], list[Problem]]:
    """Computes it when asked, here: the leak scan after the rules."""
    return compute


def checked(
    project: Project,
    today: date | None = None,
    *,
    now: date | None = None,
    leaks: bool = True,
    beside: Beside = in_turn,
) -> tuple[Outcome, dict[str, Publication]]:
    """All problems of the project, as `core.pipeline.check_project` finds them, and
    every string the leak scan after either build would refuse, at its source line
    (unless `leaks` is False: `styrdok bygg` looks for those in its own process while
    MkDocs builds); with what selection gives each audience on `today`, for checks
    that need it too. `beside` runs the leak scan while the rules run."""
    linked = link_project(project)
    if isinstance(linked, Outcome):
        return linked, {}
    model = linked.model
    day = today or date.today()

    publications: dict[str, Publication] = {}

    def published() -> dict[str, Publication]:
        # Once a process: the leak scan in turn takes the rules' publications.
        if not publications:
            publications.update({m: select(model, m, day) for m in MALGRUPPER})
        return publications

    found = beside(lambda: check_leaks(project, model, published())) if leaks else None
    problems = rule_problems(project, linked, today, now=now)
    published()
    if found is not None:
        problems += found()
    return Outcome(sorted_problems(problems), model), publications


def check_project(
    project: Project, today: date | None = None, *, now: date | None = None
) -> Outcome:
    """The problems `checked` finds."""
    return checked(project, today, now=now)[0]
