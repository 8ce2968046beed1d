"""Python in a separate process: `mkdocs build` and the `styrdok` command.

Tests do not call these directly: they ask for the fixtures `mkdocs_build` and
`styrdok_cli` (tests/conftest.py), which mark them slow. `python_command` lets the
conftest refuse a Python subprocess in a test that is not marked slow.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import styrdok

# The source the tests import (a worktree's src/ given on PYTHONPATH, or the editable
# install's): the processes import the same, not whatever the virtual environment
# was installed from.
SOURCE = str(Path(styrdok.__file__).resolve().parents[1])


def mkdocs_build(
    config: Path, site: Path, malgrupp: str = "intranät", pdf: bool = False
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` in a separate process, as `make build` runs it. A test
    project (tests/data/valid) writes hela-programmet.pdf only with `pdf`, as it costs
    time in every build; the repository's mkdocs.yml always writes it."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        check=False,
        env={
            "NO_MKDOCS_2_WARNING": "1",
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": SOURCE,
            "STYRDOK_MALGRUPP": malgrupp,
            "STYRDOK_PDF": "true" if pdf else "false",
        },
    )


def styrdok_cli(
    *args: str, cwd: Path | None = None, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`styrdok <args>` in a separate process (the environment is inherited unless given;
    PYTHONPATH is SOURCE either way, so that a relative one survives another `cwd`)."""
    return subprocess.run(
        [sys.executable, "-m", "styrdok.tools.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        env={**(os.environ if env is None else env), "PYTHONPATH": SOURCE},
    )


def python_command(args: Any) -> bool:
    """Whether a command given to subprocess starts Python (the interpreter, or a script of
    the virtual environment such as `mkdocs` or `styrdok`)."""
    if isinstance(args, bytes):
        args = args.decode()
    if isinstance(args, str):
        args = args.split()  # a command line for the shell
    if isinstance(args, Path):
        args = [args]
    if not isinstance(args, Sequence) or not args:
        return False
    first = args[0].decode() if isinstance(args[0], bytes) else str(args[0])
    program = Path(first)
    if first == sys.executable or program.name.startswith("python"):
        return True
    return program.name in {"mkdocs", "styrdok", "pytest", "pre-commit", "yamllint"}
