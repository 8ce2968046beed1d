"""Publish a site: build it aside, scan it, record a manifest, then swap it into place.

`styrdok bygg` is what `make build` and `make build-publik` run. While MkDocs builds in
its own process, this one checks the source and works out what the scan must not find
(for the build's reference day), and then reads the files MkDocs has written as they
appear (`tools/leaks/early`), so the second core is not idle. After the build the scan
reads again only what the early reading did not see as it is now (by SHA-256, from the
manifest), and reports exactly what scanning the finished tree would. The published folder
only ever holds a complete build that passed `mkdocs build --strict` and the leak scan,
and it carries a manifest (`SHA256SUMS`, `MANIFEST.json`) that `styrdok verifiera` and
`sha256sum -c` check. The build date comes from SOURCE_DATE_EPOCH (MkDocs honours it for
the sitemap), taken from the last commit when the caller does not set it, so two
checkouts of the same commit build the same bytes.

The modules: `manifest` (writing and verifying the manifest), `swap` (putting the build
in place) and `errors`; this one runs the build and names the build date.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from datetime import UTC, date, datetime
from pathlib import Path

from styrdok.adapters.mkdocs_run import sigterm_as_interrupt
from styrdok.core.giltighet import dag
from styrdok.core.pipeline import check_project
from styrdok.core.project import Project
from styrdok.core.report import as_text
from styrdok.forbidden.check import check_project as check_with_leaks
from styrdok.forbidden.sources import forget_forms
from styrdok.select import select
from styrdok.tools.leaks import Leak, forbidden, published_sources, scan
from styrdok.tools.leaks.early import PAUSE, EarlyScan
from styrdok.tools.leaks.reading import scan_again
from styrdok.tools.publish.errors import PublishError, UsageError
from styrdok.tools.publish.manifest import (
    MANIFEST,
    MANIFEST_FILES,
    SUMS,
    Entry,
    Verification,
    entries,
    verify,
    write_manifest,
)
from styrdok.tools.publish.swap import mode_for, swap

# `styrdok bygg` and `styrdok verifiera` are one family: the CLI and the tests reach the
# manifest and the swap through this package.
__all__ = [
    "MANIFEST",
    "MANIFEST_FILES",
    "SUMS",
    "Entry",
    "PublishError",
    "UsageError",
    "Verification",
    "build",
    "check_target",
    "entries",
    "leaks_in",
    "reference_date",
    "source_date_epoch",
    "swap",
    "verify",
    "write_manifest",
]

# --- Build date -------------------------------------------------------------------------


def source_date_epoch(root: Path, env: Mapping[str, str]) -> tuple[int, str]:
    """The build date as seconds since 1970 (UTC), and where it came from, in Swedish.

    The caller's SOURCE_DATE_EPOCH wins (https://reproducible-builds.org/specs/source-date-epoch/).
    Otherwise the committer date of HEAD: the same for every clone of a commit. Without
    git history (a copied folder, a ZIP download) there is no such date, so today at
    00:00 UTC is used: MkDocs only uses the day, so builds on the same day still agree.
    """
    given = env.get("SOURCE_DATE_EPOCH")
    if given is not None:
        if not given.isdigit():
            raise UsageError(
                f"SOURCE_DATE_EPOCH måste vara ett heltal (sekunder sedan 1970-01-01 UTC), inte '{given}'"
            )
        return int(given), "SOURCE_DATE_EPOCH"
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        result = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        )
        if result.returncode == 0 and result.stdout.strip().isdigit():
            return int(result.stdout.strip()), "senaste incheckningen"
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return int(today.timestamp()), "dagens datum, ingen git-historik"


def reference_date(env: Mapping[str, str]) -> tuple[date, str]:
    """The day the site tells what applies on, and where it came from, in Swedish:
    STYRDOK_REFERENSDATUM if set (a reproducible build, or the site as of a day), else
    today. Decided here, once, and handed to the build, so the pages and the manifest
    name the same day even if the build runs past midnight."""
    given = env.get("STYRDOK_REFERENSDATUM", "").strip()
    if not given:
        return date.today(), "dagens datum"
    try:
        return dag(given), "STYRDOK_REFERENSDATUM"
    except ValueError:
        raise UsageError(
            f"STYRDOK_REFERENSDATUM ska vara ett datum som 2026-12-01, inte '{given}'"
        ) from None


# --- Build and swap ---------------------------------------------------------------------


def leaks_in(root: Path, site: Path, malgrupp: str, day: date | None = None) -> list[Leak]:
    """The same scan as `styrdok lackor`: what the audience must not see, found in `site`,
    judged for the reference day `day` the site was built for (default: today)."""
    return scan(site, _withheld_from(root, malgrupp, day))


def _withheld_from(
    root: Path, malgrupp: str, day: date | None, source_leaks: bool = False
) -> dict[str, str]:
    """What the site built from `root` for `malgrupp` on `day` must not contain; with
    `source_leaks`, the source is refused if the check finds such a string in it.

    Which documents an audience gets does not depend on the day (selection chooses by
    access level alone; the day only picks the programme the pages present, which
    `forbidden` does not read), but the scan judges the publication that was built."""
    # `styrdok bygg` asks for the sources' leaks: the plugin in the MkDocs process leaves
    # those to this one (STYRDOK_KALLANS_LACKOR). The rest is judged again here, from
    # the source as this process reads it.
    outcome = (check_with_leaks if source_leaks else check_project)(Project.at(root), day)
    # What the leak check remembered is not needed again (and the scan's workers would
    # inherit it).
    forget_forms()
    if outcome.model is None or not outcome.ok:
        raise PublishError("källan har fel:\n" + as_text(outcome.problems).rstrip())
    whole = outcome.model
    # The editor guide is shown on the site but is not in the model: a withheld title
    # that it quotes as an example must not count as a leak.
    return forbidden(whole, select(whole, malgrupp, day), published_sources(root))


def check_target(root: Path, target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target} finns och är ingen mapp")
    if target == root or root.is_relative_to(target):
        raise UsageError(f"{target} är förrådet självt eller en mapp ovanför det")
    if target.is_relative_to(root / "docs"):
        raise UsageError(f"{target} ligger i docs/; bygg till en mapp utanför källan")
    # The swap replaces the target whole: a mistyped --till must never be a folder of
    # source (data/, schema/, …) or one that holds what looks like source anywhere.
    inside = target.relative_to(root).parts[:1] if target.is_relative_to(root) else ()
    if set(inside) & SOURCE_FOLDERS or (target.is_dir() and _holds_source(target)):
        raise UsageError(
            f"{target} innehåller källfiler och skulle ersättas helt; bygg till en tom mapp "
            "eller till en tidigare byggd webbplats"
        )


# Folders of a styrdok repository that hold source, never a built site.
SOURCE_FOLDERS = frozenset(
    {"data", "schema", "overrides", "src", "tests", "benchmarks", ".git", ".github", ".ci"}
)
_SOURCE_SUFFIXES = frozenset({".md", ".yml", ".yaml", ".py", ".toml"})


def _holds_source(folder: Path) -> bool:
    """Whether a folder has files no build writes: Markdown, YAML, Python, a repository."""
    for path in folder.rglob("*"):
        if path.name in (".git", "mkdocs.yml") or path.suffix.lower() in _SOURCE_SUFFIXES:
            return True
    return False


def build(root: Path, target: Path, malgrupp: str, env: Mapping[str, str]) -> tuple[int, str, date]:
    """Build, scan and publish `root`'s site for `malgrupp` into `target`.

    Returns the build date used and where it came from, and the reference date. Raises
    PublishError on any failure; `target` is then exactly as it was and no temporary
    folder is left.
    """
    root = root.resolve()
    target = target.resolve()
    config = root / "mkdocs.yml"
    if not config.is_file():
        raise UsageError(f"{config} finns inte")
    check_target(root, target)
    epoch, origin = source_date_epoch(root, env)
    day, _ = reference_date(env)
    build_env = {
        **env,
        "STYRDOK_MALGRUPP": malgrupp,
        "SOURCE_DATE_EPOCH": str(epoch),
        "STYRDOK_REFERENSDATUM": day.isoformat(),
        # The sources' leaks are looked for here, while MkDocs builds (_withheld_from).
        "STYRDOK_KALLANS_LACKOR": "false",
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    with sigterm_as_interrupt():
        _build_and_swap(root, config, target, malgrupp, (epoch, day), build_env)
    return epoch, origin, day


def _build_and_swap(
    root: Path,
    config: Path,
    target: Path,
    malgrupp: str,
    dates: tuple[int, date],
    env: Mapping[str, str],
) -> None:
    new = Path(tempfile.mkdtemp(prefix=f".{target.name}.bygge-", dir=target.parent))
    try:
        with contextlib.ExitStack() as stack:
            # A separate process keeps MkDocs' and the plugins' global state out of ours.
            # It runs what `mkdocs build --strict` runs, with the log in Swedish (mkdocs_run).
            command = [
                sys.executable,
                "-m",
                "styrdok.adapters.mkdocs_run",
                "build",
                "-f",
                str(config),
            ]
            child = stack.enter_context(
                subprocess.Popen([*command, "-d", str(new)], cwd=root, env=env)
            )
            early: EarlyScan | None = None
            try:
                # MkDocs builds on one core: what the scan looks for is worked out from
                # the source on the other meanwhile, and then the files MkDocs has
                # written are read (purely ahead of time: the scan after the build
                # reads again every file whose bytes differ). The check's error is told
                # after the build's, as when it ran after the build.
                try:
                    withheld, problem = _withheld_from(root, malgrupp, dates[1], True), None
                except PublishError as exc:
                    withheld, problem = {}, exc
                if problem is None:
                    early = stack.enter_context(EarlyScan(new, withheld))
                returncode = _wait_reading(child, early)
            except BaseException:
                # An interrupt (Ctrl+C, SIGTERM) or an error here stops the build too (and
                # the early scan's worker, as the stack unwinds).
                child.kill()
                raise
            if returncode != 0:
                # The sources' leaks are not in the MkDocs process's list: said here too.
                also = f"\n{problem}" if problem is not None else ""
                raise PublishError(f"bygget misslyckades, se felen ovan{also}")
            if problem is not None:
                raise problem
            # The manifest is written before the scan, so the scan also reads every file
            # name (an address can give away a withheld anvisning too). Its hashes of the
            # final tree say which early results still hold.
            listed = write_manifest(new, malgrupp, *dates)
            assert early is not None
            earlier = early.finish()
            found = scan_again(new, withheld, earlier, {e.path: e.sha256 for e in listed})
        if found:
            raise PublishError(
                f"{len(found)} läckor för målgrupp {malgrupp}:\n"
                + "\n".join(str(leak) for leak in found)
            )
        new.chmod(mode_for(target))
        swap(new, target)
    finally:
        shutil.rmtree(new, ignore_errors=True)


def _wait_reading(child: subprocess.Popen[bytes], early: EarlyScan | None) -> int:
    """Wait for the build to end, reading what it has written meanwhile."""
    if early is None:
        return child.wait()
    while True:
        try:
            return child.wait(timeout=PAUSE)
        except subprocess.TimeoutExpired:
            early.step()
