"""The promise to editors: what `styrdok check` passes, both builds pass, and what the
build refuses, the check has said first in Swedish with file and line.

Every broken file in tests/data/invalid is placed in the valid project as EXPECTED says.
Where the check finds no error, both audiences are built in full and must pass. Where it
finds errors, the files of the rules that judge links and YAML style (the build's own
refusals before these rules existed) are built for both audiences: the build must fail
and say the check's message at its file and line. The other rules stop the build in the
plugin's first step, the same `check_project`, which tests/core/test_pipeline.py covers.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from helpers import TODAY, check, make_project
from helpers.invalid import EXPECTED, REPORTED_IN, place
from helpers.processes import SOURCE

pytestmark = pytest.mark.slow

MALGRUPPER = ("intranät", "publik")
# The rules whose problems MkDocs, the gate or a lint would refuse on their own.
BUILD_RULES = ("lank-", "ankare-", "yaml-stil")


def build(project: Path, malgrupp: str) -> subprocess.CompletedProcess[str]:
    config, site = project / "mkdocs.yml", project / f"site-{malgrupp}"
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        check=False,
        env={
            "NO_MKDOCS_2_WARNING": "1",
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "PYTHONPATH": SOURCE,
            "STYRDOK_MALGRUPP": malgrupp,
            "STYRDOK_REFERENSDATUM": TODAY.isoformat(),
        },
    )


def test_check_and_both_builds_agree_on_every_broken_file(tmp_path: Path) -> None:
    cases: list[tuple[str, Path, list[str]]] = []
    for name, (target, code, line) in sorted(EXPECTED.items()):
        project = make_project(tmp_path / name.replace(".", "-"))
        place(project, name)
        errors = check(project, TODAY).errors
        if errors and not code.startswith(BUILD_RULES):
            continue
        shown = REPORTED_IN.get(name, target)
        cases.append((name, project, [f"{shown}:{line}:"] if errors else []))
    jobs = [(name, project, wanted, m) for name, project, wanted in cases for m in MALGRUPPER]
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        results = list(pool.map(lambda job: (job, build(job[1], job[3])), jobs))
    disagreements = []
    for (name, _, wanted, malgrupp), result in results:
        output = result.stdout + result.stderr
        if not wanted and result.returncode != 0:
            disagreements.append(f"{name} ({malgrupp}): check ren, bygget stoppade:\n{output}")
        elif wanted and result.returncode == 0:
            disagreements.append(f"{name} ({malgrupp}): check hittade fel, bygget gick igenom")
        elif wanted and not all(
            w in output and ("fel:" in output or "varning:" in output) for w in wanted
        ):
            disagreements.append(f"{name} ({malgrupp}): bygget nämner inte {wanted}:\n{output}")
    assert not disagreements, "\n\n".join(disagreements)
    # The corpus really holds both kinds.
    assert any(w for _, _, w in cases) and any(not w for _, _, w in cases)
