"""The editor guide's examples, as the tool produces them.

An example of output in CONTRIBUTING.md is a fenced block after a marker naming its
case, `<!-- exempel: namn -->` (the comment is not published). Each case is an edit of
a copy of the repository and a command; the block must show the command's output for
the lines about the edited file. `regenerate` writes the current output into the guide:

    PYTHONPATH=tests:src .venv/bin/python -m helpers.guide

so a change of wording in messages.py is one command away from the guide.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from styrdok.tools import cli

from helpers import REPO, TODAY

GUIDE = REPO / "CONTRIBUTING.md"
# What a copy of the repository needs for the check and the build.
SOURCE = ("data", "docs", "schema", "overrides", "mkdocs.yml", "CONTRIBUTING.md")

EXAMPLE = re.compile(
    r"^<!-- exempel: (?P<namn>[a-z0-9-]+) -->\n(?P<fence>```)[a-z]*\n(?P<text>.*?)^(?P=fence)$",
    re.MULTILINE | re.DOTALL,
)
KAMERA = "docs/anvisningar/kamerabevakning.md"


@dataclass(frozen=True)
class Case:
    """An edit of one file (each `old` occurs exactly once) and the command to run."""

    args: tuple[str, ...] = ("check", "--idag", TODAY.isoformat())
    fil: str | None = KAMERA
    edits: tuple[tuple[str, str], ...] = ()


CASES: dict[str, Case] = {
    "fokusomrade-stavfel": Case(
        edits=(("fokusomraden:\n  - forebygga-brott\n", "fokusomraden:\n  - forebyga-brott\n"),)
    ),
    "kolon-i-text": Case(
        edits=(("andring: Anvisningen beslutades.", "andring: Beslut: anvisningen antogs"),)
    ),
    "oppen-sakerhetsskydd": Case(
        edits=(("  - dataskyddslagen\n", "  - dataskyddslagen\n  - sakerhetsskyddslagen\n"),)
    ),
    "revideras-passerat": Case(
        edits=(("revideras_senast: 2028-03-31", "revideras_senast: 2025-12-31"),)
    ),
    "ny-anvisning-okant-fokusomrade": Case(
        args=(
            "ny",
            "anvisning",
            "--titel",
            "Anvisning för inbrottsskydd i stadens lokaler",
            "--fokusomrade",
            "forebyga-brott",
        ),
        fil=None,
    ),
}


def copy_repository(dest: Path) -> Path:
    """The repository's source as an editor has it, in `dest`."""
    dest.mkdir(parents=True)
    for name in SOURCE:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, dest / name)
        else:
            shutil.copy2(source, dest / name)
    return dest


def examples(guide: str) -> dict[str, str]:
    """The guide's examples by case name (a name used twice is an error)."""
    found: dict[str, str] = {}
    for match in EXAMPLE.finditer(guide):
        assert match["namn"] not in found, f"exemplet {match['namn']} står två gånger"
        found[match["namn"]] = match["text"]
    return found


def normalised(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def run(case: Case, root: Path) -> str:
    """The output (stdout and stderr) of `case` on the copy at `root`, for the guide."""
    if case.fil is not None:
        path = root / case.fil
        text = path.read_text(encoding="utf-8")
        for old, new in case.edits:
            assert text.count(old) == 1, f"{case.fil}: '{old}' står inte en gång"
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    output = io.StringIO()
    with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
        cli.main([*case.args, "--rot", str(root)])
    lines = output.getvalue().splitlines()
    if case.fil is not None:
        lines = [line for line in lines if line.startswith(f"{case.fil}:")]
    return "\n".join(lines) + "\n"


def output_of(name: str, scratch: Path) -> str:
    return run(CASES[name], copy_repository(scratch / name))


def regenerate(scratch: Path) -> str:
    """The guide with every example replaced by the output its case gives now."""
    guide = GUIDE.read_text(encoding="utf-8")

    def replaced(match: re.Match[str]) -> str:
        head = match.group(0)[: match.start("text") - match.start(0)]
        return f"{head}{output_of(match['namn'], scratch)}{match['fence']}"

    return EXAMPLE.sub(replaced, guide)


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        GUIDE.write_text(regenerate(Path(folder)), encoding="utf-8")
    print(f"skrev exemplen i {GUIDE}", file=sys.stderr)
