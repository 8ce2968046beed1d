"""`styrdok bygg` and `styrdok verifiera`: atomic publishing, the manifest, reproducibility."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from styrdok.tools import publish
from styrdok.tools.cli import main

from helpers import INVALID, make_project

# A fixed build date, so two builds agree even if they straddle midnight.
EPOCH = "1767225600"  # 2026-01-01 00:00 UTC


@pytest.fixture
def styrdok(styrdok_cli):
    """`styrdok(*args, epoch=EPOCH)`: the command in a separate process with a minimal
    environment, as `make build` runs it."""

    def run(
        *args: str, epoch: str | None = EPOCH, **extra: str
    ) -> subprocess.CompletedProcess[str]:
        env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", **extra}
        if epoch is not None:
            env["SOURCE_DATE_EPOCH"] = epoch
        return styrdok_cli(*args, env=env)

    return run


@pytest.fixture
def bygg(styrdok):
    """`bygg(project, site, malgrupp="intranät")`: `styrdok bygg` in a separate process."""

    def run(project: Path, site: Path, malgrupp: str = "intranät"):
        return styrdok("bygg", "--rot", str(project), "--till", str(site), "--malgrupp", malgrupp)

    return run


def snapshot(site: Path) -> dict[str, bytes]:
    """Every file and folder below `site` with its contents, for a byte-for-byte comparison."""
    return {
        path.relative_to(site).as_posix(): path.read_bytes() if path.is_file() else b"<mapp>"
        for path in sorted(site.rglob("*"))
    }


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".bygge-" in p.name or ".gammal-" in p.name)


@pytest.fixture
def built(project: Path, bygg) -> Path:
    """The small project with a site built and published by `styrdok bygg`."""
    result = bygg(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_build_publishes_a_site_with_a_manifest_that_verifies(project, bygg):
    site = project / "site"
    site.mkdir()
    (site / "gammal.html").write_text("från ett tidigare bygge")
    result = bygg(project, site)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert f"Publicerade {site} för målgrupp intranät" in result.stdout
    assert not (site / "gammal.html").exists()
    assert (site / "index.html").is_file()
    assert leftovers(project) == []
    # mkdtemp makes an owner-only folder; the published one follows the umask, so a web
    # server running as another user can read it.
    mask = os.umask(0)
    os.umask(mask)
    assert site.stat().st_mode & 0o777 == 0o777 & ~mask
    assert main(["verifiera", str(site), "--malgrupp", "intranät"]) == 0


def test_manifest_lists_every_file_but_itself_sorted_with_size_and_hash(built):
    manifest = json.loads((built / publish.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["format"] == 1
    assert manifest["malgrupp"] == "intranät"
    assert manifest["source_date_epoch"] == int(EPOCH)
    # Without STYRDOK_REFERENSDATUM the day of the build, the same the pages were made for.
    program = json.loads((built / "api/v1/program.json").read_text(encoding="utf-8"))
    assert manifest["referensdatum"] == program["referensdatum"]
    date.fromisoformat(manifest["referensdatum"])
    paths = [entry["sokvag"] for entry in manifest["filer"]]
    assert paths == sorted(paths)
    files = sorted(
        p.relative_to(built).as_posix()
        for p in built.rglob("*")
        if p.is_file() and p.name not in publish.MANIFEST_FILES
    )
    assert paths == files
    assert manifest["antal"] == len(files)
    for entry in manifest["filer"]:
        data = (built / entry["sokvag"]).read_bytes()
        assert entry["storlek"] == len(data)
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
    sums = (built / publish.SUMS).read_text(encoding="utf-8").splitlines()
    assert sums == [f"{e['sha256']}  {e['sokvag']}" for e in manifest["filer"]]


def test_build_hands_the_reference_date_to_the_site_and_records_it(project, styrdok):
    site = project / "site"
    result = styrdok(
        "bygg", "--rot", str(project), "--till", str(site), STYRDOK_REFERENSDATUM="2019-06-01"
    )
    assert result.returncode == 0, result.stderr
    assert "uppgifterna per 2019-06-01" in result.stdout
    manifest = json.loads((site / publish.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["referensdatum"] == "2019-06-01"
    program = json.loads((site / "api/v1/program.json").read_text(encoding="utf-8"))
    assert program["referensdatum"] == "2019-06-01"


def test_a_reference_date_that_is_not_a_date_is_refused_before_building(
    project, monkeypatch, capsys
):
    monkeypatch.setenv("STYRDOK_REFERENSDATUM", "1 juni")
    site = project / "site"
    assert main(["bygg", "--rot", str(project), "--till", str(site)]) == 2
    assert "STYRDOK_REFERENSDATUM ska vara ett datum som 2026-12-01, inte '1 juni'" in (
        capsys.readouterr().err
    )
    assert not site.exists()


@pytest.mark.skipif(shutil.which("sha256sum") is None, reason="sha256sum saknas")
def test_sha256sum_accepts_the_manifest(built):
    result = subprocess.run(
        ["sha256sum", "--check", "--strict", "--quiet", publish.SUMS],
        cwd=built,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_source_error_leaves_the_old_site_byte_for_byte_and_no_temporary_folder(built, bygg):
    project = built.parent
    before = snapshot(built)
    inode = built.stat().st_ino
    shutil.copy(
        INVALID / "okant-fokusomrade--stavfel.md", project / "docs/anvisningar/krisledning.md"
    )
    result = bygg(project, built)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"styrdok: {built} är oförändrad" in result.stderr
    assert snapshot(built) == before
    assert built.stat().st_ino == inode
    assert leftovers(project) == []


def test_leak_fails_the_build_and_leaves_the_old_site(project, bygg):
    site = project / "site-publik"
    assert bygg(project, site, "publik").returncode == 0
    before = snapshot(site)
    # A theme file MkDocs copies as it is, naming an intern anvisning: only the scan after
    # the build can catch it.
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  name: material\n" in text
    config.write_text(text.replace("  name: material\n", "  name: material\n  custom_dir: tema\n"))
    (project / "tema").mkdir()
    (project / "tema" / "anteckning.txt").write_text("Lokal trygghetsmätning i Bromma\n")
    result = bygg(project, site, "publik")
    assert result.returncode == 1, result.stderr
    assert "läckor för målgrupp publik" in result.stderr
    assert "anteckning.txt: " in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(site) == before
    assert leftovers(project) == []


def test_failed_first_build_creates_no_site(project, bygg):
    shutil.copy(
        INVALID / "okant-fokusomrade--stavfel.md", project / "docs/anvisningar/krisledning.md"
    )
    result = bygg(project, project / "site")
    assert result.returncode == 1
    assert "skapades inte" in result.stderr
    assert not (project / "site").exists()
    assert leftovers(project) == []


def test_two_copies_in_different_paths_build_identical_trees(tmp_path, bygg, monkeypatch):
    # One reference day for both builds, also when the tests run across midnight.
    monkeypatch.setenv("STYRDOK_REFERENSDATUM", "2026-01-01")
    first = make_project(tmp_path / "a")
    second = make_project(tmp_path / "en" / "mycket" / "längre" / "sökväg" / "b")
    assert bygg(first, tmp_path / "ut1" / "site").returncode == 0
    assert bygg(second, second / "site").returncode == 0
    one, two = tmp_path / "ut1" / "site", second / "site"
    assert (one / publish.SUMS).read_bytes() == (two / publish.SUMS).read_bytes()
    assert (one / publish.MANIFEST).read_bytes() == (two / publish.MANIFEST).read_bytes()
    assert snapshot(one) == snapshot(two)


def test_verifiera_reports_changed_extra_and_missing_files(built, capsys):
    (built / "index.html").write_text("ändrad", encoding="utf-8")
    (built / "extra.html").write_text("inte byggd", encoding="utf-8")
    (built / "404.html").unlink()
    assert main(["verifiera", str(built)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert f"{built}/404.html: saknas" in out
    assert f"{built}/extra.html: finns inte i manifestet" in out
    assert f"{built}/index.html: ändrad" in out
    assert out[-1] == f"{built}: stämmer inte med manifestet: 1 saknas, 1 extra, 1 ändrade"


def test_verifiera_checks_the_audience_and_the_manifest_itself(tmp_path, capsys):
    site = tmp_path / "site"
    site.mkdir()
    (site / "a.html").write_text("a")
    publish.write_manifest(site, "intranät", 0)
    assert main(["verifiera", str(site), "--malgrupp", "intranät"]) == 0
    assert main(["verifiera", str(site), "--malgrupp", "publik"]) == 1
    assert "byggd för målgrupp intranät, inte publik" in capsys.readouterr().out
    (site / publish.SUMS).write_text("0" * 64 + "  a.html\n")
    assert main(["verifiera", str(site)]) == 1
    assert "listar inte samma filer" in capsys.readouterr().out
    (site / publish.SUMS).unlink()
    assert main(["verifiera", str(site)]) == 1
    assert "manifestet saknas" in capsys.readouterr().out
    assert main(["verifiera", str(tmp_path / "finns-inte")]) == 2


def test_wrong_usage_exits_2_with_a_swedish_message(project, styrdok, bygg):
    file = project / "fil.txt"
    file.write_text("x")
    notes = project.parent / "anteckningar"
    (notes / "2026").mkdir(parents=True)
    (notes / "2026" / "mote.md").write_text("# Möte")
    for target, message in [
        (notes, "innehåller källfiler"),
        (project, "förrådet självt"),
        (project / "docs" / "site", "ligger i docs/"),
        (file, "ingen mapp"),
        # A mistyped --till must not replace the source with the site.
        (project / "data", "innehåller källfiler"),
        (project / "schema", "innehåller källfiler"),
        (project / "schema" / "ny", "innehåller källfiler"),
    ]:
        result = bygg(project, target)
        assert result.returncode == 2, target
        assert message in result.stderr
        assert "Traceback" not in result.stderr
    assert (project / "data" / "organ.yml").is_file() and (notes / "2026" / "mote.md").is_file()
    result = styrdok("bygg", "--rot", str(project), "--till", str(project / "site"), epoch="igår")
    assert result.returncode == 2
    assert "SOURCE_DATE_EPOCH måste vara ett heltal" in result.stderr
    assert styrdok("bygg", "--malgrupp", "alla", "--till", str(project / "site")).returncode == 2


@pytest.mark.skipif(shutil.which("git") is None, reason="git saknas")
def test_build_date_is_the_last_commit_unless_given(project):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(project), "GIT_CONFIG_NOSYSTEM": "1"}
    commit = {
        **env,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.se",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.se",
        "GIT_COMMITTER_DATE": "2025-03-04T05:06:07Z",
    }
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "x"]):
        subprocess.run(["git", *args], cwd=project, env=commit, check=True)
    assert publish.source_date_epoch(project, env) == (1741064767, "senaste incheckningen")
    assert publish.source_date_epoch(project, {"SOURCE_DATE_EPOCH": "12"}) == (
        12,
        "SOURCE_DATE_EPOCH",
    )


def test_build_date_without_git_is_today(tmp_path):
    epoch, origin = publish.source_date_epoch(tmp_path, {"PATH": "/usr/bin:/bin"})
    assert epoch % 86400 == 0
    assert origin == "dagens datum, ingen git-historik"


def test_swap_puts_the_old_site_back_if_the_new_one_cannot_be_moved(tmp_path):
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_text("gammal")
    with pytest.raises(OSError):
        publish.swap(tmp_path / ".site.bygge-finnsinte", target)
    assert (target / "index.html").read_text() == "gammal"
    assert leftovers(tmp_path) == []


def test_swap_removes_a_backup_a_killed_build_left(tmp_path):
    stale = tmp_path / ".site.gammal-gammalt"
    stale.mkdir()
    new = tmp_path / ".site.bygge-ny"
    new.mkdir()
    (new / "index.html").write_text("ny")
    publish.swap(new, tmp_path / "site")
    assert (tmp_path / "site" / "index.html").read_text() == "ny"
    assert leftovers(tmp_path) == []


def test_the_scan_judges_the_publication_for_the_day_the_site_was_built(project, monkeypatch):
    # `styrdok bygg` builds for STYRDOK_REFERENSDATUM; the scan must select for that day,
    # not for today.
    days = []
    real = publish.select

    def spy(whole, malgrupp, dag=None):
        days.append(dag)
        return real(whole, malgrupp, dag)

    monkeypatch.setattr(publish, "select", spy)
    site = project.parent / "site"
    site.mkdir()
    assert publish.leaks_in(project, site, "publik", date(2031, 5, 4)) == []
    assert days == [date(2031, 5, 4)]


def test_what_an_audience_must_not_see_does_not_depend_on_the_day(project):
    # Selection chooses documents by access level; the day only picks the programme the
    # pages present. So the scan's strings are the same whatever the day (passing the
    # build's day keeps it so if that ever changes).
    from styrdok.forbidden.strings import forbidden
    from styrdok.select import select

    from helpers import check

    whole = check(project).model
    for malgrupp in ("intranät", "publik"):
        by_day = {
            tuple(sorted(forbidden(whole, select(whole, malgrupp, day)).items()))
            for day in (date(2015, 1, 1), date(2020, 6, 1), date(2040, 1, 1))
        }
        assert len(by_day) == 1


def test_a_leak_in_the_source_is_refused_at_its_file_and_line(project, bygg):
    """The plugin leaves the sources' leaks to `styrdok bygg` (STYRDOK_KALLANS_LACKOR),
    which looks for them while MkDocs builds: the build is refused at the line, as
    `styrdok check` says, and nothing is published."""
    from helpers.invalid import place

    place(project, "lacka--intern-adress-i-texten.md")
    site = project / "site-publik"
    result = bygg(project, site, "publik")
    assert result.returncode == 1, result.stderr
    assert "docs/anvisningar/krisledning.md:31:1: fel: texten publiceras på den publika" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not site.exists()
    assert leftovers(project) == []
