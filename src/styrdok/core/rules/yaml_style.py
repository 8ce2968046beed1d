"""The YAML style of the data files, as the repository's lint enforces it: yamllint with
the repository's own .yamllint.yml (run by pre-commit and the tests), here in the check
so that what passes `styrdok check` passes the lint too, and its findings read in Swedish.

The data files are read again as text: yamllint needs the comments and the spacing,
which the model has forgotten. Rules the check already reports in its own words
(key-duplicates as dubblett-nyckel, anchors and syntax as ogiltig-yaml) are left out.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path

import yaml
from yamllint import decoder, linter
from yamllint.config import YamlLintConfig, YamlLintConfigError

from styrdok.core.limits import MAX_FILE_BYTES
from styrdok.core.messages import YAML_STYLE, yaml_style
from styrdok.core.problems import Position, Problem
from styrdok.core.project import Project
from styrdok.core.reading.safe_yaml import syntax_problem
from styrdok.core.reading.source import SourceDocument

CONFIG = ".yamllint.yml"
# Reported by the check's own rules, in its own words.
REPORTED_ELSEWHERE = frozenset({"key-duplicates", "anchors"})
_DISABLE_FILE = re.compile(r"^#\s*yamllint disable-file\s*$")
# yamllint's own parse (pure Python) refuses some text libyaml, the loader's, reads: a
# tab after a colon, `!` or `>` followed by a tab. Its finding has this rule.
SYNTAX = "syntax"
# The YAML files below data/ the loader does not read but yamllint does (a hidden file,
# a folder no kind names), read here with the loader's limits: at most this many.
MAX_OTHER_FILES = 100


@lru_cache(maxsize=8)
def _config(path: Path, mtime: float) -> YamlLintConfig | None:
    try:
        return YamlLintConfig(file=str(path))
    except (YamlLintConfigError, OSError):
        return None


def check_yaml_style(
    project: Project,
    documents: Sequence[SourceDocument],
    unreadable: frozenset[str] = frozenset(),
) -> Iterator[Problem]:
    """yamllint's findings in every data file the loader read, but those in `unreadable`
    (files it refused, whose style is not the editor's first problem). The files are the
    loader's, so its limits (how many, how large, no symbolic links) hold here too."""
    source = project.root / CONFIG
    if not source.is_file():
        return
    config = _config(source, source.stat().st_mtime)
    if config is None:
        return
    read = {doc.path for doc in documents if doc.source is not None}
    files = [
        (doc.path, doc.source)
        for doc in documents
        if doc.path.startswith("data/") and doc.source is not None and doc.path not in unreadable
    ]
    files += _other_files(project, config, read | unreadable)
    for display, path in files:
        text = _text(path)
        if text is None:
            continue  # the loader reports a file it cannot read
        for line, column, rule, desc in _lint(text, config):
            if rule == SYNTAX:
                error = _syntax_error(text)
                if error is not None:
                    yield syntax_problem(display, Position(line, column), error)
            else:
                yield yaml_style(display, Position(line, column), rule, desc)


def _text(path: Path) -> str | None:
    """A file's text as yamllint's command line reads it: its own bytes, decoded by its
    byte order mark, line ends as they are (a lone CR is one line to yamllint)."""
    try:
        if path.is_symlink() or path.stat().st_size > MAX_FILE_BYTES:
            return None
        text = decoder.auto_decode(path.read_bytes())
    except (OSError, UnicodeDecodeError, LookupError):
        return None
    if "\0" in text or not text.strip():
        return None
    # yamllint's command line drops a byte order mark before it reads; so does this.
    return text.removeprefix("\ufeff")


def _other_files(
    project: Project, config: YamlLintConfig, known: set[str] | frozenset[str]
) -> list[tuple[str, Path]]:
    """The files `yamllint data` lints that the loader left alone (hidden files, folders
    of data/ no kind names): not followed through symbolic links, at most MAX_OTHER_FILES."""
    found: list[tuple[str, Path]] = []
    if not project.data_dir.is_dir() or project.data_dir.is_symlink():
        return found
    for root, folders, names in os.walk(project.data_dir):
        folders.sort()
        for name in sorted(names):
            path = Path(root) / name
            rel = path.relative_to(project.root).as_posix()
            if rel in known or path.is_symlink() or not config.is_yaml_file(rel):
                continue
            if config.is_file_ignored(rel):
                continue
            found.append((project.display(path), path))
            if len(found) >= MAX_OTHER_FILES:
                return found
    return found


@lru_cache(maxsize=512)
def _lint(text: str, config: YamlLintConfig) -> tuple[tuple[int, int, str, str], ...]:
    """yamllint's findings in one text. Kept per text: yamllint parses in pure Python
    and is most of the check's time, while the data files rarely change between two
    checks in one process (the preview's rebuilds, the tests)."""
    if _DISABLE_FILE.match(text.split("\n", 1)[0]):
        return ()  # as yamllint's own run() honours it
    # Not linter.get_cosmetic_problems alone: its scan stops silently at text its
    # pure-Python scanner refuses and libyaml (the loader) reads, while run() reports it.
    # So the syntax error is merged in as run() does; tests/core/rules/test_yaml_style.py
    # holds the two to each other.
    error = _syntax_error(text)
    syntax = None if error is None or error.problem_mark is None else error.problem_mark
    found: list[tuple[int, int, str, str]] = []
    for problem in linter.get_cosmetic_problems(text, config, None):
        if syntax is not None and _merged_at(syntax, problem.line, problem.column):
            found.append((syntax.line + 1, syntax.column + 1, SYNTAX, _desc(error)))
            syntax = None
            continue
        if problem.rule is not None and problem.rule not in REPORTED_ELSEWHERE:
            found.append((problem.line, problem.column, problem.rule, problem.desc))
    if syntax is not None:
        found.append((syntax.line + 1, syntax.column + 1, SYNTAX, _desc(error)))
    return tuple(found)


def _merged_at(mark: yaml.Mark, line: int, column: int) -> bool:
    """Where run() puts its syntax error in place of a finding: at the first one whose
    line and column are both at least the error's."""
    return mark.line + 1 <= line and mark.column + 1 <= column


def _desc(error: yaml.MarkedYAMLError | None) -> str:
    return f"syntax error: {error.problem if error else ''} (syntax)"


@lru_cache(maxsize=512)
def _syntax_error(text: str) -> yaml.MarkedYAMLError | None:
    """yamllint's syntax check (linter.get_syntax_error), with the parser's own error."""
    try:
        for _ in yaml.parse(text, Loader=yaml.BaseLoader):
            pass
    except yaml.MarkedYAMLError as exc:
        return exc
    return None


def translated_rules() -> frozenset[str]:
    return frozenset(YAML_STYLE)
