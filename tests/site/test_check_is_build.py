"""The promise to editors: what `styrdok check` passes, both builds pass, and what the
build refuses, the check has said first in Swedish with file and line.

Every broken file in tests/data/invalid is placed in the valid project as EXPECTED says.
Where the check finds no error, both audiences are built in full and must pass. Where it
finds errors, the files of the rules that judge links and YAML style (the build's own
refusals before these rules existed) are built for both audiences: the build must fail
and say the check's message at its file and line. The other rules stop the build in the
plugin's first step, the same `check_site`, which tests/core/test_pipeline.py covers.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from styrdok.forbidden.sources import SITE_NAMES
from styrdok.select import MALGRUPPER
from styrdok.tools.publish import leaks_in

from helpers import TODAY, check, make_project
from helpers.invalid import EXPECTED, REPORTED_IN, place
from helpers.leak_cases import attach, make_bromma_skyddad, pdf, skyddad_quoted_in_history
from helpers.processes import SOURCE

pytestmark = pytest.mark.slow

# The rules whose problems MkDocs, the gate or a lint would refuse on their own.
BUILD_RULES = ("lank-", "ankare-", "yaml-stil", "makrosida")


def build(
    project: Path,
    malgrupp: str,
    runner: list[str] | None = None,
    site: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    config, site = project / "mkdocs.yml", site or project / f"site-{malgrupp}"
    runner = runner or ["-m", "mkdocs"]
    return subprocess.run(
        [sys.executable, *runner, "build", "--strict", "-f", str(config), "-d", str(site)],
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


# The build as it was before the check predicted leaks: the plugin runs the core's check
# only, so the site is built and the leak scan after it has the last word.
CORE_CHECK_BUILD = (
    "import sys\n"
    "import styrdok.forbidden.check as checking\n"
    "checking.check_leaks = lambda *args: []\n"
    "from mkdocs.__main__ import cli\n"
    "sys.exit(cli())\n"
)


# What the check says the scan after the build would refuse: a string an audience must
# not see, and an attachment it cannot read through.
LEAK_RULES = ("lacka", "bilaga-olasbar")


def leak_cases(tmp_path: Path) -> list[tuple[str, Path]]:
    cases = []
    for name in sorted(n for n in EXPECTED if n.startswith("lacka--")):
        project = make_project(tmp_path / name.replace(".", "-"))
        place(project, name)
        cases.append((name, project))
    project = make_project(tmp_path / "skyddad-i-historik")
    skyddad_quoted_in_history(project)
    cases.append(("skyddad-i-historik", project))
    # Attachments are published as they are: the scan reads them whole, the check too.
    project = make_project(tmp_path / "skyddad-titel-i-pdf")
    make_bromma_skyddad(project)
    attach(project, pdf("Jämför med Lokal trygghetsmätning i Bromma."))
    cases.append(("skyddad-titel-i-pdf", project))
    project = make_project(tmp_path / "pdf-med-losenord")
    attach(project, pdf("Inget hemligt här.", password="hemligt"))
    cases.append(("pdf-med-losenord", project))
    cases.append(("giltigt", make_project(tmp_path / "giltigt")))
    return cases


def test_the_leak_scan_after_the_build_refuses_what_the_check_reported(tmp_path: Path) -> None:
    disagreements = []
    for name, project in leak_cases(tmp_path):
        found = [p for p in check(project, TODAY).problems if p.code in LEAK_RULES]
        for malgrupp in MALGRUPPER:
            named = [p for p in found if SITE_NAMES[malgrupp] in p.message]
            site = project / f"site-core-{malgrupp}"
            result = build(project, malgrupp, ["-c", CORE_CHECK_BUILD], site)
            if result.returncode != 0:
                disagreements.append(f"{name} ({malgrupp}): bygget stoppade:\n{result.stderr}")
                continue
            scanned = leaks_in(project, site, malgrupp)
            if bool(named) != bool(scanned):
                disagreements.append(
                    f"{name} ({malgrupp}): check {[str(p) for p in named]}, "
                    f"läckkontrollen {[str(leak) for leak in scanned]}"
                )
            # With the prediction, the build itself stops at the check's file and line.
            if named:
                refused = build(project, malgrupp)
                where = f"{named[0].path}:{named[0].position.line}:"
                if refused.returncode == 0 or where not in refused.stdout + refused.stderr:
                    disagreements.append(f"{name} ({malgrupp}): bygget nämner inte {where}")
    assert not disagreements, "\n\n".join(disagreements)
