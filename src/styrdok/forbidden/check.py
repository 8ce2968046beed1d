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
from styrdok.select import MALGRUPPER, Publication, select


def checked(
    project: Project,
    today: date | None = None,
    *,
    now: date | None = None,
    leaks: bool = True,
) -> tuple[Outcome, dict[str, Publication]]:
    """All problems of the project, as `core.pipeline.check_project` finds them, and
    every string the leak scan after either build would refuse, at its source line
    (unless `leaks` is False: `styrdok bygg` looks for those in its own process while
    MkDocs builds); with what selection gives each audience on `today`, for checks
    that need it too."""
    outcome = check_source(project, today, now=now)
    if outcome.model is None:
        return outcome, {}
    day = today or date.today()
    publications = {malgrupp: select(outcome.model, malgrupp, day) for malgrupp in MALGRUPPER}
    if not leaks:
        return outcome, publications
    leaks_found = check_leaks(project, outcome.model, publications)
    return Outcome(sorted_problems([*outcome.problems, *leaks_found]), outcome.model), publications


def check_project(
    project: Project, today: date | None = None, *, now: date | None = None
) -> Outcome:
    """The problems `checked` finds."""
    return checked(project, today, now=now)[0]
