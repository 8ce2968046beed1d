"""The YAML style of the data files, as the repository's lint enforces it: yamllint with
the repository's own .yamllint.yml (run by pre-commit and the tests), here in the check
so that what passes `styrdok check` passes the lint too, and its findings read in Swedish.

The data files are read again as text: yamllint needs the comments and the spacing,
which the model has forgotten. Rules the check already reports in its own words
(key-duplicates as dubblett-nyckel, anchors and syntax as ogiltig-yaml) are left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from yamllint import linter
from yamllint.config import YamlLintConfig, YamlLintConfigError

from styrdok.core.messages import YAML_STYLE, yaml_style
from styrdok.core.problems import Position, Problem
from styrdok.core.project import Project

CONFIG = ".yamllint.yml"
# Reported by the check's own rules, in its own words.
REPORTED_ELSEWHERE = frozenset({"key-duplicates", "anchors"})


@lru_cache(maxsize=8)
def _config(path: Path, mtime: float) -> YamlLintConfig | None:
    try:
        return YamlLintConfig(file=str(path))
    except (YamlLintConfigError, OSError):
        return None


def data_files(project: Project) -> list[Path]:
    found = [*project.data_dir.rglob("*.yml"), *project.data_dir.rglob("*.yaml")]
    return sorted(p for p in found if p.is_file() and not p.is_symlink())


def check_yaml_style(
    project: Project, unreadable: frozenset[str] = frozenset()
) -> Iterator[Problem]:
    """yamllint's findings in every data file but those in `unreadable` (files the loader
    already refused, whose style is not the editor's first problem)."""
    source = project.root / CONFIG
    if not source.is_file():
        return
    config = _config(source, source.stat().st_mtime)
    if config is None:
        return
    for path in data_files(project):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the loader reports a file it cannot read
        if "\0" in text:
            continue
        shown = project.display(path)
        if shown in unreadable or not text.strip():
            continue
        # yamllint's command line drops a byte order mark before it reads; so does this.
        text = text.removeprefix("\ufeff")
        for found in linter.run(text, config, shown):
            if found.rule is None or found.rule in REPORTED_ELSEWHERE:
                continue
            yield yaml_style(shown, Position(found.line, found.column), found.rule, found.desc)


def translated_rules() -> frozenset[str]:
    return frozenset(YAML_STYLE)
