"""The whole check that `styrdok check` and the MkDocs plugin run: the core's, then
the leak scan on the source (`sources`), which needs each audience's publication and so
cannot run in the core."""

from __future__ import annotations

from datetime import date

from styrdok.core.pipeline import Outcome
from styrdok.core.pipeline import check_project as check_source
from styrdok.core.problems import sorted_problems
from styrdok.core.project import Project
from styrdok.forbidden.sources import check_leaks


def check_project(
    project: Project, today: date | None = None, *, now: date | None = None
) -> Outcome:
    """All problems of the project, as `core.pipeline.check_project` finds them, and
    every string the leak scan after either build would refuse, at its source line."""
    outcome = check_source(project, today, now=now)
    if outcome.model is None:
        return outcome
    leaks = check_leaks(project, outcome.model)
    return Outcome(sorted_problems([*outcome.problems, *leaks]), outcome.model)
