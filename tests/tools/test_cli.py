"""`styrdok check`: exit codes, the line format and the JSON report."""

from __future__ import annotations

import json
import re
import shutil

from styrdok.tools.cli import main

from helpers import INVALID, REPO, VALID

LINE = r"^[^:]+:\d+:\d+: (fel|varning): .+$"


def test_the_repository_has_no_errors(styrdok_cli):
    result = styrdok_cli("check", "--rot", str(REPO))
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1].startswith("0 fel")


def test_valid_project_exits_0_and_prints_the_count(project, capsys):
    assert main(["check", "--rot", str(project), "--idag", "2026-01-01"]) == 0
    assert capsys.readouterr().out == "0 fel, 0 varningar\n"


def test_error_exits_1_with_file_line_and_column(project, capsys):
    shutil.copy(INVALID / "okant-organ--ansvarig.md", project / "docs/anvisningar/krisledning.md")
    assert main(["check", "--rot", str(project), "--idag", "2026-01-01"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(
        "docs/anvisningar/krisledning.md:7:11: fel: okänt organ 'kommunstyrelen' – Menade du 'kommunstyrelsen'?"
    )
    assert lines[-1] == "1 fel, 0 varningar"


def test_warning_alone_exits_0(project, capsys):
    shutil.copy(
        INVALID / "revision-passerad--gammalt-datum.md", project / "docs/anvisningar/krisledning.md"
    )
    assert main(["check", "--rot", str(project), "--idag", "2026-01-01"]) == 0
    out = capsys.readouterr().out
    assert ": varning: revideras_senast (2020-01-01) har passerat" in out
    assert out.endswith("0 fel, 1 varning\n")


def test_json_format_for_tools(project, capsys):
    shutil.copy(INVALID / "dubblett-id--organ.yml", project / "data/organ.yml")
    assert main(["check", "--rot", str(project), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["antal_fel"] == 1
    (found,) = report["problem"]
    assert found["regel"] == "dubblett-id"
    assert (found["fil"], found["rad"]) == ("data/organ.yml", 32)
    assert found["allvarlighet"] == "fel"


def test_every_broken_file_gives_lines_in_the_format_and_no_traceback(project, styrdok_cli):
    for broken in sorted(INVALID.iterdir()):
        target = "data/organ.yml" if broken.suffix == ".yml" else "docs/anvisningar/krisledning.md"
        shutil.copy(broken, project / target)
        result = styrdok_cli("check", "--rot", str(project))
        assert "Traceback" not in result.stderr + result.stdout, broken.name
        assert result.stderr == ""
        *problems, summary = result.stdout.splitlines()
        assert summary.endswith(("varningar", "varning"))
        for line in problems:
            assert re.match(LINE, line), line
        shutil.copy(VALID / target, project / target)


def test_root_is_found_from_a_subfolder(project, styrdok_cli):
    result = styrdok_cli("check", cwd=project / "docs" / "anvisningar")
    assert result.returncode == 0, result.stdout


def test_missing_root_folder_exits_2(tmp_path, styrdok_cli):
    result = styrdok_cli("check", "--rot", str(tmp_path / "finns-inte"))
    assert result.returncode == 2
    assert "finns inte" in result.stderr


def test_bad_date_argument_exits_2(styrdok_cli):
    result = styrdok_cli("check", "--idag", "igår")
    assert result.returncode == 2
    assert "ÅÅÅÅ-MM-DD" in result.stderr
