"""The whole check, from files to model: load, validate, link, integrity, reporting.

The CLI and the MkDocs plugin both call `check_project`, so `styrdok check` and
`mkdocs build --strict` report the same problems in the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from styrdok.core.linking.linker import link, reference_ids
from styrdok.core.messages import problem
from styrdok.core.model import Model
from styrdok.core.problems import Position, Problem, Severity, sorted_problems
from styrdok.core.project import Project
from styrdok.core.reading.load import Loaded, load_project
from styrdok.core.rules.accessibility import check_accessibility
from styrdok.core.rules.attachments import check_attachments
from styrdok.core.rules.headings import check_headings
from styrdok.core.rules.history import check_history
from styrdok.core.rules.identifiers import check_identifiers
from styrdok.core.rules.indicators import check_indicators
from styrdok.core.rules.integrity import check_model
from styrdok.core.rules.links import check_links
from styrdok.core.rules.reporting import check_reporting
from styrdok.core.rules.scaffold_texts import check_scaffold_texts
from styrdok.core.rules.schema import SchemaFileError, Schemas, Validation
from styrdok.core.rules.text_rules import check_texts, rejected_texts, scan_texts
from styrdok.core.rules.versions import check_versions
from styrdok.core.rules.yaml_style import check_yaml_style


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


def _refused(problems: list[Problem]) -> frozenset[str]:
    """The files the loader could not read as YAML at all."""
    return frozenset(p.path for p in problems if p.severity is Severity.FEL)


@dataclass(frozen=True)
class Linked:
    """The project read, validated and linked into its model: what every rule and the
    leak check start from."""

    loaded: Loaded
    validations: list[Validation]
    model: Model
    link_problems: list[Problem]


def link_project(project: Project) -> Linked | Outcome:
    """The project's model, or the outcome without one when the schemas cannot be read."""
    try:
        schemas = Schemas(project.schema_dir)
    except SchemaFileError as exc:
        found = problem(
            "schemafil", project.display(project.schema_dir), Position(), detalj=str(exc)
        )
        return Outcome([found], None)
    loaded = load_project(project)
    ids = reference_ids(loaded.documents)
    validations = [schemas.validate(doc, ids) for doc in loaded.documents]
    model, link_problems = link(loaded.documents, validations)
    return Linked(loaded, validations, model, link_problems)


def rule_problems(
    project: Project, linked: Linked, today: date | None = None, *, now: date | None = None
) -> list[Problem]:
    """Every problem of the linked project as of `today`, unsorted (see check_project)."""
    now = now or date.today()
    today = today or now
    loaded, validations, model = linked.loaded, linked.validations, linked.model
    rejected = rejected_texts(loaded.documents, [v.accepts() for v in validations])
    scans = scan_texts(model, rejected)
    return [
        *loaded.problems,
        *(p for v in validations for p in v.problems),
        *linked.link_problems,
        *check_model(model, today),
        *check_reporting(model, today),
        *check_identifiers(model),
        *check_indicators(model),
        *check_versions(model),
        *check_scaffold_texts(model),
        *check_history(model, now),
        *check_accessibility(model, now),
        *check_headings(model, rejected),
        *check_texts(model, scans, rejected),
        *check_attachments(
            model, loaded.filer, scans, project.display(project.docs_dir), loaded.filstorlek
        ),
        *check_links(model, scans, loaded.filer, rejected),
        *check_yaml_style(project, loaded.documents, _refused(loaded.problems)),
    ]


def check_project(
    project: Project, today: date | None = None, *, now: date | None = None
) -> Outcome:
    """All problems of the project as of `today` (the reference day, by default the real
    day); `now` is the real day, after which no decision can be dated."""
    linked = link_project(project)
    if isinstance(linked, Outcome):
        return linked
    return Outcome(sorted_problems(rule_problems(project, linked, today, now=now)), linked.model)
