"""The whole check, from files to model: load, validate, link, integrity.

The CLI and the MkDocs plugin both call `check_project`, so `styrdok check` and
`mkdocs build --strict` report the same problems in the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .attachments import check_attachments
from .integrity import check_model
from .link import link
from .load import load_project
from .messages import problem
from .model import Model
from .problems import Position, Problem, Severity, sorted_problems
from .project import Project
from .schema import SchemaFileError, Schemas
from .text_rules import check_texts, scan_texts


@dataclass(frozen=True)
class Outcome:
    problems: list[Problem]
    model: Model | None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.FEL]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.VARNING]

    @property
    def ok(self) -> bool:
        return not self.errors


def check_project(project: Project, today: date | None = None) -> Outcome:
    today = today or date.today()
    try:
        schemas = Schemas(project.schema_dir)
    except SchemaFileError as exc:
        found = problem(
            "schemafil", project.display(project.schema_dir), Position(), detalj=str(exc)
        )
        return Outcome([found], None)
    loaded = load_project(project)
    validations = [schemas.validate(doc) for doc in loaded.documents]
    model, link_problems = link(loaded.documents, validations)
    scans = scan_texts(model)
    problems = [
        *loaded.problems,
        *(p for v in validations for p in v.problems),
        *link_problems,
        *check_model(model, today),
        *check_texts(model, scans),
        *check_attachments(
            model, loaded.filer, scans, project.display(project.docs_dir), loaded.filstorlek
        ),
    ]
    return Outcome(sorted_problems(problems), model)
