"""No English in anything an editor can make the tools print: argparse's usage, help and
errors, MkDocs' build and preview, running outside the repository."""

from __future__ import annotations

import io
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from styrdok.tools.cli import main

from helpers import edit
from helpers.processes import SOURCE

# Words of argparse's and MkDocs' English output. "argument" alone is Swedish too.
ENGLISH = re.compile(
    r"\b(usage|error|options?|arguments|required|unrecognized|invalid|choose from|aborted"
    r"|warnings?|doc file|contains|not found|traceback|building|built|documentation|serving"
    r"|expected|help message|did you mean|cleaning|reloading|detected|browser)\b"
    r"|\b(INFO|WARNING|ERROR)\b",
    re.IGNORECASE,
)


def english_in(text: str) -> list[str]:
    return [m.group(0) for m in ENGLISH.finditer(text) if m.group(0) not in ("Info",)]


COMMANDS = [
    [],
    ["check"],
    ["lackor"],
    ["diff"],
    ["ny"],
    ["ny", "anvisning"],
    ["ny", "version"],
    ["ny", "lagesbild"],
    ["bygg"],
    ["verifiera"],
    ["gallde"],
    ["forhandsgranska"],
]
# Commands that run as given (all their arguments are optional): no "missing" case.
RUN_AS_GIVEN = (["check"], ["forhandsgranska"])
BAD_VALUES = [
    ["okant-kommando"],
    ["check", "--format", "xml"],
    ["check", "--format"],
    ["check", "--idag", "igår"],
    ["check", "--idag", "2025-13-01"],
    ["bygg", "--malgrupp", "alla", "--till", "site"],
    ["gallde", "--datum", "i morgon"],
    ["gallde", "--datum", "2025-01-01", "--format", "pdf"],
    ["ny", "lagesbild", "--organ", "socialnamnden", "--ar", "tjugofem"],
    ["ny", "skrivelse"],
    ["ny", "anvisning", "--titel"],
    ["lackor", "site", "--malgrupp", "alla"],
    ["diff", "a", "b", "c"],
    ["forhandsgranska", "--malgrupp", "alla"],
]


def run(argv: list[str], capsys) -> tuple[int, str]:
    try:
        code = main(argv)
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else 1
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_is_swedish(command, capsys):
    code, out = run([*command, "-h"], capsys)
    assert code == 0
    assert out.startswith("Användning: styrdok")
    assert "flaggor:" in out and "visa den här hjälptexten och avsluta" in out
    assert english_in(out) == [], out


@pytest.mark.parametrize("command", [c for c in COMMANDS if c not in RUN_AS_GIVEN], ids=" ".join)
def test_a_missing_argument_is_named_in_swedish(command, capsys):
    code, out = run(command, capsys)
    assert code == 2
    assert "fel: det här måste anges: " in out, out
    assert f"Skriv 'styrdok{''.join(' ' + c for c in command)} -h' för hjälp." in out
    assert english_in(out) == [], out


@pytest.mark.parametrize("command", COMMANDS[1:], ids=" ".join)
def test_an_unknown_option_is_named_in_swedish(command, capsys):
    code, out = run([*command, "--okand"], capsys)
    assert code == 2
    assert "fel: " in out, out  # a missing argument may be named first
    assert english_in(out) == [], out


@pytest.mark.parametrize("argv", BAD_VALUES, ids=" ".join)
def test_a_bad_value_is_explained_in_swedish(argv, project, monkeypatch, capsys):
    monkeypatch.chdir(project)
    code, out = run(argv, capsys)
    assert code == 2
    assert "fel: " in out, out
    assert english_in(out) == [], out


def test_the_choices_are_listed_in_swedish(capsys):
    _, out = run(["bygg", "--malgrupp", "alla", "--till", "site"], capsys)
    assert "--malgrupp: okänt val 'alla' (välj ett av 'intranät', 'publik')" in out


def test_argparse_is_swedish_only_for_our_parser(capsys):
    import argparse

    run(["check", "--okand"], capsys)
    other = argparse.ArgumentParser(prog="annat")
    assert other.format_usage().startswith("usage: ")


NEEDS_THE_REPOSITORY = [
    ["check"],
    ["gallde", "--datum", "2025-01-01"],
    ["ny", "anvisning", "--titel", "Anvisning för test", "--fokusomrade", "forebygga-brott"],
    ["ny", "version", "krisledning"],
    ["ny", "lagesbild", "--organ", "socialnamnden", "--ar", "2025"],
    ["lackor", "."],
    ["bygg", "--till", "site"],
    ["forhandsgranska"],
]


@pytest.mark.parametrize("argv", NEEDS_THE_REPOSITORY, ids=" ".join)
def test_outside_the_repository_says_where_to_go(argv, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code, out = run(argv, capsys)
    assert code == 2
    assert "är inte förrådet" in out and "Gå till förrådets mapp" in out, out
    assert english_in(out) == [], out
    assert list(tmp_path.iterdir()) == []  # nothing was made there


def test_a_folder_given_with_rot_that_is_no_repository_is_named(tmp_path, capsys):
    code, out = run(["check", "--rot", str(tmp_path)], capsys)
    assert code == 2
    assert f"mappen {tmp_path} är inte förrådet" in out


def test_ctrl_c_ends_without_a_traceback(project, monkeypatch, capsys):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("styrdok.tools.cli.check_site", interrupted)
    code, out = run(["check", "--rot", str(project)], capsys)
    assert code == 130
    assert out.strip() == "styrdok: avbrutet."


# --- mkdocs.yml that MkDocs cannot load, and addresses that cannot be used ---------------


@pytest.mark.parametrize(
    ("added", "expected"),
    [
        ("nav: [\n", r"^mkdocs\.yml:\d+:1: fel: YAML-koden går inte att läsa: en \[ eller \{"),
        ("theme: {name: finns-inte}\n", r"^mkdocs\.yml:1:1: fel: inställningen 'theme' är fel"),
    ],
    ids=["yaml", "installning"],
)
def test_a_broken_mkdocs_yml_is_said_once_in_swedish(project, tmp_path, capsys, added, expected):
    from styrdok.adapters.mkdocs_run import NOT_BUILT, run_build, run_serve

    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + added, encoding="utf-8")
    for start in (
        lambda out: run_build(config, tmp_path / "site", out),
        lambda out: run_serve(config, f"127.0.0.1:{_free_port()}", out),
    ):
        out = io.StringIO()
        assert start(out) == NOT_BUILT
        said = out.getvalue() + capsys.readouterr().err
        assert re.search(expected, said, re.M), said
        assert len(re.findall(r"^mkdocs\.yml:", said, re.M)) == 1, said
        assert "Traceback" not in said and "styrdok: webbplatsen byggdes inte" in said
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("address", ["127.0.0.1:99999", "127.0.0.1:0", "localhost", "[::1]:8766"])
def test_a_port_that_cannot_be_is_refused_before_building(project, address):
    from styrdok.adapters.mkdocs_run import USAGE, run_serve

    out = io.StringIO()
    assert run_serve(project / "mkdocs.yml", address, out) == USAGE
    assert out.getvalue().startswith(f"styrdok: fel: adressen '{address}' ska skrivas som")


# --- MkDocs, in a separate process --------------------------------------------------------

BROKEN_LINKS = (
    "\nSe [saknas](finns-inte.md), [fel avsnitt](krisledning.md#finns-inte) "
    "och [från roten](/anvisningar/krisledning.md).\n"
)


def test_a_build_with_broken_links_fails_in_swedish_with_file_and_line(
    project, tmp_path, styrdok_cli
):
    page = project / "docs/anvisningar/index.md"
    page.write_text(page.read_text(encoding="utf-8") + BROKEN_LINKS, encoding="utf-8")
    line = len(page.read_text(encoding="utf-8").splitlines())
    result = styrdok_cli("bygg", "--rot", str(project), "--till", str(tmp_path / "site"))
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert re.search(rf"^docs/anvisningar/index\.md:{line}:\d+: fel: .*finns-inte\.md", out, re.M)
    assert not (tmp_path / "site").exists()
    assert english_in(out) == [], out


def test_a_good_build_prints_no_english(project, tmp_path, styrdok_cli):
    result = styrdok_cli("bygg", "--rot", str(project), "--till", str(tmp_path / "site"))
    out = result.stdout + result.stderr
    assert result.returncode == 0, out
    assert "styrdok: webbplatsen byggdes på " in out
    assert english_in(out) == [], out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Output:
    """The lines a process prints, read as they come."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        self._thread = threading.Thread(target=self._read, args=(process,), daemon=True)
        self._thread.start()

    def _read(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            self.lines.append(line)

    def wait_for(self, text: str, after: int = 0, seconds: float = 60) -> int:
        """The number of lines read once a line after the first `after` holds `text`."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            for number, line in enumerate(self.lines[after:], start=after):
                if text in line:
                    return number + 1
            time.sleep(0.1)
        raise AssertionError(f"'{text}' never came:\n{self.text}")

    @property
    def text(self) -> str:
        return "".join(self.lines)


def _title(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        page = response.read().decode("utf-8")
    found = re.search(r"<title>([^<]*)", page)
    assert found is not None
    return found.group(1)


@pytest.mark.slow
def test_the_preview_keeps_the_last_good_site_after_a_broken_save(project):
    port = _free_port()
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "styrdok.tools.cli", "forhandsgranska"),
            *("--rot", str(project), "--adress", f"127.0.0.1:{port}"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": SOURCE, "PYTHONUNBUFFERED": "1"},
    )
    output = Output(process)
    try:
        seen = output.wait_for(f"förhandsgranskningen finns på http://127.0.0.1:{port}/test/")
        url = f"http://127.0.0.1:{port}/test/anvisningar/krisledning/"
        good = _title(url)
        source = project / "docs/anvisningar/krisledning.md"
        text = source.read_text(encoding="utf-8")
        broken = re.sub(r"(?m)^status: .*$", "status: trasig", text, count=1)
        assert broken != text
        source.write_text(broken, encoding="utf-8")
        seen = output.wait_for("webbplatsen kunde inte byggas", seen)
        assert re.search(r"docs/anvisningar/krisledning\.md:\d+:\d+: fel: 'trasig'", output.text), (
            output.text
        )
        assert _title(url) == good  # the last good site is still served
        fixed = re.sub(r"(?m)^titel: .*$", "titel: Anvisning om en ny rubrik", text, count=1)
        source.write_text(fixed, encoding="utf-8")
        output.wait_for("byggd igen", seen)
        assert _title(url).startswith("Anvisning om en ny rubrik")
    finally:
        process.send_signal(signal.SIGINT)
        code = process.wait(timeout=30)
    output._thread.join(timeout=10)
    assert code == 0, output.text
    assert "förhandsgranskningen avslutades" in output.text
    assert english_in(output.text) == [], output.text


def _page(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


@pytest.mark.slow
def test_the_preview_shows_a_saved_title_on_every_page_that_depends_on_it(project):
    # The rebuild keeps what did not change (adapters/preview_cache): the pages generated
    # from the anvisning, and its JSON, must all be rebuilt with it.
    port = _free_port()
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "styrdok.tools.cli", "forhandsgranska"),
            *("--rot", str(project), "--adress", f"127.0.0.1:{port}"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": SOURCE, "PYTHONUNBUFFERED": "1"},
    )
    output = Output(process)
    base = f"http://127.0.0.1:{port}/test/"
    dependent = (
        "anvisningar/krisledning/",
        "anvisningar/",
        "fokusomraden/krisberedskap/",
        "organ/kommunstyrelsen/",
        "api/v1/anvisningar/krisledning.json",
    )
    try:
        seen = output.wait_for(f"förhandsgranskningen finns på {base}")
        new = "Anvisning för krisledning och stabsläge"
        assert all(new not in _page(base + page) for page in dependent)
        edit(
            project,
            "docs/anvisningar/krisledning.md",
            "titel: Anvisning för krisledning\n",
            f"titel: {new}\n",
        )
        output.wait_for("byggd igen", seen)
        assert [page for page in dependent if new not in _page(base + page)] == []
        # No PDF in the preview, and no link to one: the page says why.
        whole = _page(base + "hela-programmet/")
        assert "Förhandsgranskningen gör ingen PDF" in whole and ".pdf" not in whole
    finally:
        process.terminate()
        process.wait(timeout=30)
    output._thread.join(timeout=10)
    assert english_in(output.text) == [], output.text


@pytest.mark.slow
def test_a_preview_stopped_with_sigterm_leaves_no_built_site_behind(project, tmp_path):
    # The built intranet site is in a temporary folder; SIGTERM (timeout, a closed
    # terminal) must remove it as Ctrl+C does.
    port = _free_port()
    temp = tmp_path / "tmp"
    temp.mkdir()
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "styrdok.tools.cli", "forhandsgranska"),
            *("--rot", str(project), "--adress", f"127.0.0.1:{port}"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": SOURCE, "TMPDIR": str(temp)},
    )
    output = Output(process)
    try:
        output.wait_for("förhandsgranskningen finns på")
        assert list(temp.glob("styrdok-forhandsgranskning-*"))
    finally:
        process.terminate()
        process.wait(timeout=30)
    output._thread.join(timeout=10)
    assert not list(temp.glob("styrdok-forhandsgranskning-*")), output.text
    assert "Traceback" not in output.text
