"""The YAML style of the data files, as the repository's lint enforces it: yamllint with
the repository's own .yamllint.yml (run by pre-commit and the tests), here in the check
so that what passes `styrdok check` passes the lint too, and its findings read in Swedish.

The data files are read again as text: yamllint needs the comments and the spacing,
which the model has forgotten. Rules the check already reports in its own words
(key-duplicates as dubblett-nyckel, anchors and syntax as ogiltig-yaml) are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path

from yamllint import linter
from yamllint.config import YamlLintConfig, YamlLintConfigError

from styrdok.core.messages import YAML_STYLE, yaml_style
from styrdok.core.problems import Position, Problem
from styrdok.core.project import Project
from styrdok.core.reading.source import SourceDocument

CONFIG = ".yamllint.yml"
# Reported by the check's own rules, in its own words.
REPORTED_ELSEWHERE = frozenset({"key-duplicates", "anchors"})
_DISABLE_FILE = re.compile(r"^#\s*yamllint disable-file\s*$")


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
    for doc in documents:
        if not doc.path.startswith("data/") or doc.source is None or doc.path in unreadable:
            continue
        try:
            text = doc.source.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the loader reports a file it cannot read
        if "\0" in text or not text.strip():
            continue
        # yamllint's command line drops a byte order mark before it reads; so does this.
        for line, column, rule, desc in _lint(text.removeprefix("\ufeff"), config):
            yield yaml_style(doc.path, Position(line, column), rule, desc)


@lru_cache(maxsize=512)
def _lint(text: str, config: YamlLintConfig) -> tuple[tuple[int, int, str, str], ...]:
    """yamllint's findings in one text. Kept per text: yamllint parses in pure Python
    and is most of the check's time, while the data files rarely change between two
    checks in one process (the preview's rebuilds, the tests)."""
    if _DISABLE_FILE.match(text.split("\n", 1)[0]):
        return ()  # as yamllint's own run() honours it
    # Not linter.run(): it parses the whole file once more only to report a syntax
    # error, and the loader has already read this file without one (files it refused
    # are not linted). tests/core/rules/test_yaml_style.py holds the two to each other.
    return tuple(
        (found.line, found.column, found.rule, found.desc)
        for found in linter.get_cosmetic_problems(text, config, None)
        if found.rule is not None and found.rule not in REPORTED_ELSEWHERE
    )


def translated_rules() -> frozenset[str]:
    return frozenset(YAML_STYLE)
