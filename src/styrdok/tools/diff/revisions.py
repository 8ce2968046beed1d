"""Reading a revision of the source: the working tree, or a git revision extracted into
a temporary folder, loaded with the same core as `styrdok check`.

All of `styrdok diff`'s git and file-system work is here, so the comparison itself stays
pure.
"""

from __future__ import annotations

import hashlib
import subprocess
import tempfile
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from styrdok.core.model import Model
from styrdok.core.pipeline import check_project
from styrdok.core.project import Project
from styrdok.tools.diff.fields import rubriker

ARBETSKATALOG = "den här grenen"
# What the core reads from a revision; anything else is left in git.
KALLDELAR = ("data", "docs", "schema", "mkdocs.yml")


class RevisionError(Exception):
    """A revision that cannot be read. The message is Swedish and meant for the user."""


@dataclass(frozen=True)
class Source:
    """One revision's source as a model, with the errors found loading it: how many,
    and how many in each file. `model` is empty when `har_modell` is false: the source
    could not be linked at all, so nothing of it can be compared."""

    etikett: str
    model: Model
    fel: int
    felfiler: Mapping[str, int] = field(default_factory=dict)
    har_modell: bool = True
    # Per kind, the Swedish name of each field, from this revision's schemas.
    rubriker: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # Each declared attachment (its path below docs/) and a hash of its content: a
    # replaced picture or PDF is a change readers see, though no text changed.
    bilagor: Mapping[str, str] = field(default_factory=dict)


def empty_model() -> Model:
    return Model((), (), (), (), (), ())


def load_source(root: Path, rev: str | None) -> Source:
    """The working tree at `root` (rev None) or git revision `rev` of the repository."""
    if rev is None:
        return _load(Project.at(root), ARBETSKATALOG)
    return load_revision(root, rev)


def load_revision(root: Path, rev: str) -> Source:
    """Revision `rev`, extracted with `git archive` into a temporary folder and loaded."""
    if not rev or rev.startswith("-"):
        raise RevisionError(f"ogiltig revision '{rev}'")
    root = root.resolve()
    found = _git(["rev-parse", "--show-toplevel"], root)
    if found.returncode != 0:
        raise RevisionError(f"mappen {root} ligger inte i ett git-förråd")
    top = Path(found.stdout.decode().strip()).resolve()
    try:
        prefix = root.relative_to(top)
    except ValueError as exc:
        raise RevisionError(f"mappen {root} ligger inte i git-förrådet {top}") from exc
    commit = _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], top)
    if commit.returncode != 0:
        raise RevisionError(
            f"okänd revision '{rev}' – finns den i förrådet? "
            "(En grund klon i CI kan behöva hämta den först, t.ex. med git fetch.)"
        )
    sha = commit.stdout.decode().strip()
    wanted = [(prefix / part).as_posix() for part in KALLDELAR]
    listed = _git(["ls-tree", "--name-only", sha, "--", *wanted], top)
    present = listed.stdout.decode().splitlines() if listed.returncode == 0 else []
    with tempfile.TemporaryDirectory(prefix="styrdok-diff-") as tmp:
        if present:
            archive = _git(["archive", "--format=tar", sha, "--", *present], top)
            if archive.returncode != 0:
                raise RevisionError(
                    f"kunde inte läsa revision '{rev}': {archive.stderr.decode().strip()}"
                )
            subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        return _load(Project.at(Path(tmp) / prefix), etikett(rev))


def etikett(rev: str) -> str:
    """How a revision is named in the report: `origin/main` as `main`."""
    return rev.removeprefix("origin/")


def _git(args: Sequence[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError as exc:
        raise RevisionError("programmet git finns inte") from exc


def _load(project: Project, label: str) -> Source:
    try:
        outcome = check_project(project)
    except Exception as exc:  # an older source format than this core can link
        raise RevisionError(
            f"källan i {label} kan inte läsas av den här versionen av styrdok "
            f"({type(exc).__name__}: {exc}); jämför med en nyare revision"
        ) from exc
    model = outcome.model if outcome.model is not None else empty_model()
    return Source(
        label,
        model,
        len(outcome.errors),
        felfiler=dict(Counter(p.path for p in outcome.errors)),
        har_modell=outcome.model is not None,
        rubriker=rubriker(project.schema_dir),
        bilagor=_attachment_hashes(project, model),
    )


def _attachment_hashes(project: Project, model: Model) -> dict[str, str]:
    found: dict[str, str] = {}
    for entry in (*model.anvisningar, *model.versioner, *model.sidor):
        for path in entry.bilagor:
            try:
                found[path] = hashlib.sha256((project.docs_dir / path).read_bytes()).hexdigest()
            except OSError:
                continue  # the check has said what is wrong with it
    return found
