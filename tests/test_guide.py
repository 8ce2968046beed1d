"""The editor guide, followed literally: its examples of output are what the tool says
(helpers/guide.py), its `styrdok ny …` commands work on the repository and leave both
sites buildable, and it names every option of every command.

After a change of wording: `PYTHONPATH=tests:src .venv/bin/python -m helpers.guide`
rewrites the examples in CONTRIBUTING.md.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import io
import re
import shlex
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from styrdok.core.pipeline import check_project
from styrdok.core.project import Project
from styrdok.select import select
from styrdok.tools import cli
from styrdok.tools.leaks import forbidden, published_sources, scan

from helpers import guide

GUIDE = guide.GUIDE.read_text(encoding="utf-8")
EXAMPLES = guide.examples(GUIDE)


def test_every_case_is_shown_in_the_guide_and_every_example_has_a_case():
    assert set(EXAMPLES) == set(guide.CASES)


@pytest.mark.parametrize("name", sorted(guide.CASES))
def test_the_guide_shows_what_the_tool_says(name, tmp_path):
    produced = guide.output_of(name, tmp_path)
    assert guide.normalised(produced), f"fallet {name} ger ingen utdata"
    assert guide.normalised(EXAMPLES[name]) == guide.normalised(produced), (
        "exemplet i CONTRIBUTING.md stämmer inte med vad programmet skriver; kör "
        "PYTHONPATH=tests:src .venv/bin/python -m helpers.guide"
    )


def test_a_changed_message_is_noticed(tmp_path):
    # The control: an example that differs from the output in one word is caught.
    produced = guide.output_of("fokusomrade-stavfel", tmp_path)
    assert guide.normalised(produced.replace("okänt", "okända")) != guide.normalised(produced)


def test_regenerating_the_examples_changes_nothing(tmp_path):
    assert guide.regenerate(tmp_path) == GUIDE


# The guide's `styrdok ny …` commands, run as written.

NY = re.compile(r"^(?:\.venv/bin/)?styrdok ny .*$", re.MULTILINE)


def new_commands() -> list[list[str]]:
    blocks = re.findall(r"^\s*```sh\n(.*?)^\s*```", GUIDE, re.MULTILINE | re.DOTALL)
    return [shlex.split(line)[1:] for block in blocks for line in NY.findall(block.strip())]


def test_the_guide_has_an_example_of_each_new_command():
    kinds = {args[1] for args in new_commands()}
    assert kinds == {"anvisning", "version", "lagesbild"}


def run_new_commands(root: Path, monkeypatch) -> Iterator[tuple[list[str], int, str]]:
    monkeypatch.chdir(root)
    for args in new_commands():
        output = io.StringIO()
        with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
            code = cli.main(args)
        yield args, code, output.getvalue()


def test_following_the_guide_leaves_nothing_the_public_guide_leaks(tmp_path, monkeypatch):
    """The commands use today's date, as for the editor; so does the check here."""
    root = guide.copy_repository(tmp_path / "forrad")
    before = {p.name for p in (root / "docs" / "anvisningar").glob("*.md")}
    for args, code, output in run_new_commands(root, monkeypatch):
        assert code == 0, f"styrdok {' '.join(args)}: {output}"
    made = {p.stem for p in (root / "docs" / "anvisningar").glob("*.md")} - {
        n.removesuffix(".md") for n in before
    }
    assert made, "the guide's `styrdok ny anvisning` made no anvisning"
    outcome = check_project(Project.at(root), date.today())
    # The guide says next to fill in the placeholders the commands leave, which the check
    # holds up until then; nothing else may be wrong.
    others = [str(p) for p in outcome.errors if not p.code.startswith("platshallare")]
    assert others == [] and outcome.model is not None
    whole = outcome.model
    strings = forbidden(whole, select(whole, "publik", date.today()), published_sources(root))
    # The control: the new intern anvisningar are among what the public site must not show.
    assert {f'"{made_id}"' for made_id in made} <= strings.keys()
    # The guide is published on the public site ('För redaktörer'), as text and in the
    # search index: nothing in it may be what the scan refuses.
    site = tmp_path / "site-publik"
    (site / "for-redaktorer").mkdir(parents=True)
    (site / "for-redaktorer" / "index.html").write_text(
        f"<html><body><pre>{html.escape(GUIDE)}</pre></body></html>", encoding="utf-8"
    )
    assert [str(leak) for leak in scan(site, strings)] == []


@pytest.mark.slow
def test_after_the_guides_new_anvisning_the_public_site_still_builds(tmp_path, styrdok_cli):
    # An intern draft whose title is the guide's example: the public build, which shows
    # the guide, must not take the example for a leak (issue 14).
    root = guide.copy_repository(tmp_path / "forrad")
    for args in [a for a in new_commands() if a[1] == "anvisning"]:
        result = styrdok_cli(*args, cwd=root)
        assert result.returncode == 0, result.stdout + result.stderr
    result = styrdok_cli(
        "bygg", "--malgrupp", "publik", "--till", str(tmp_path / "site-publik"), cwd=root
    )
    assert result.returncode == 0, result.stdout + result.stderr


# Every option of every command is named in the guide.


def options(parser: argparse.ArgumentParser, command: str = "styrdok") -> Iterator[tuple[str, str]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            # An alias (`förhandsgranska`) shares its parser with the name the guide uses.
            seen: set[int] = set()
            for name, sub in action.choices.items():
                if id(sub) not in seen:
                    seen.add(id(sub))
                    yield from options(sub, f"{command} {name}")
        else:
            for option in action.option_strings:
                if option.startswith("--") and option != "--help":
                    yield command, option


OPTIONS = sorted(set(options(cli.parser())))


@pytest.mark.parametrize(("command", "option"), OPTIONS, ids=[f"{c}-{o}" for c, o in OPTIONS])
def test_every_option_of_every_command_is_in_the_guide(command, option):
    assert re.search(rf"`{command}\b", GUIDE), f"CONTRIBUTING.md nämner inte `{command}`"
    assert f"`{option}" in GUIDE, f"CONTRIBUTING.md nämner inte {command} {option}"
