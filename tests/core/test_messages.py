"""The exact wording editors see for every rule, pinned.

tests/data/meddelanden.txt holds, for each broken file in tests/data/invalid, the line
`styrdok check` prints for it. A change of wording must change that file too, so it is
a decision and shows in review. Regenerate with:
    PYTHONPATH=tests .venv/bin/python tests/core/test_messages.py > tests/data/meddelanden.txt
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from helpers import DATA, INVALID, check, make_project
from helpers.invalid import EXPECTED, REPORTED_IN

PINNED = DATA / "meddelanden.txt"


def current_messages() -> dict[str, str]:
    found = {}
    for name, (target, code, line) in sorted(EXPECTED.items()):
        with tempfile.TemporaryDirectory() as folder:
            project = make_project(Path(folder) / "projekt")
            shutil.copy(INVALID / name, project / target)
            where = REPORTED_IN.get(name, target)
            problem = next(
                p
                for p in check(project).problems
                if (p.code, p.path, p.position.line) == (code, where, line)
            )
            found[name] = str(problem)
    return found


def pinned_messages() -> dict[str, str]:
    lines = PINNED.read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t", 1) for line in lines if line and not line.startswith("#"))


def test_every_rule_message_is_worded_as_pinned():
    current = current_messages()
    pinned = pinned_messages()
    changed = [
        f"{name}\n  nu:       {current.get(name)}\n  fastslaget: {pinned.get(name)}"
        for name in sorted(set(current) | set(pinned))
        if current.get(name) != pinned.get(name)
    ]
    assert not changed, "\n".join(changed)


def test_every_message_names_file_line_and_a_hint():
    for name, message in pinned_messages().items():
        location, _, rest = message.partition(": ")
        assert location.count(":") == 2, name
        assert " – " in rest, f"{name}: no hint"


if __name__ == "__main__":
    sys.stdout.write("# Fil i tests/data/invalid<TAB>raden som styrdok check skriver\n")
    for name, message in current_messages().items():
        sys.stdout.write(f"{name}\t{message}\n")
