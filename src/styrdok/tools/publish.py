"""Publish a site: build it aside, scan it, record a manifest, then swap it into place.

`styrdok bygg` is what `make build` and `make build-publik` run. The published folder
only ever holds a complete build that passed `mkdocs build --strict` and the leak scan,
and it carries a manifest (`SHA256SUMS`, `MANIFEST.json`) that `styrdok verifiera` and
`sha256sum -c` check. The build date comes from SOURCE_DATE_EPOCH (MkDocs honours it for
the sitemap), taken from the last commit when the caller does not set it, so two
checkouts of the same commit build the same bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType

from styrdok.core.pipeline import check_project
from styrdok.core.project import Project
from styrdok.core.report import as_text
from styrdok.select import select
from styrdok.tools.leaks import Leak, forbidden, published_sources, scan

SUMS = "SHA256SUMS"
MANIFEST = "MANIFEST.json"
# Neither manifest lists itself or the other: each is written after the files it describes.
MANIFEST_FILES = frozenset({SUMS, MANIFEST})
FORMAT = 1

_SUM_LINE = re.compile(r"^([0-9a-f]{64}) [ *](.+)$")


class PublishError(Exception):
    """A failure with a Swedish message for the user; the published site is untouched."""


class UsageError(PublishError):
    """Wrong arguments or environment (exit status 2)."""


@dataclass(frozen=True, order=True)
class Entry:
    path: str
    size: int
    sha256: str


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


# --- Manifest ---------------------------------------------------------------------------


def entries(site: Path) -> list[Entry]:
    """Every file below `site` but the manifests, sorted by path (code point order)."""
    found = []
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        if rel in MANIFEST_FILES:
            continue
        # sha256sum escapes such names in a way few other tools read; no site needs them.
        if "\n" in rel or "\r" in rel or "\\" in rel:
            raise PublishError(
                f"filnamnet {rel!r} innehåller radbrytning eller omvänt snedstreck och kan inte stå i manifestet"
            )
        with path.open("rb") as stream:
            digest = hashlib.file_digest(stream, "sha256").hexdigest()
        found.append(Entry(rel, path.stat().st_size, digest))
    return sorted(found)


def sums_text(listed: list[Entry]) -> str:
    """`sha256sum -c` format: hash, two spaces, path."""
    return "".join(f"{e.sha256}  {e.path}\n" for e in listed)


def manifest_text(listed: list[Entry], malgrupp: str, epoch: int) -> str:
    document = {
        "format": FORMAT,
        "malgrupp": malgrupp,
        "source_date_epoch": epoch,
        "antal": len(listed),
        "storlek": sum(e.size for e in listed),
        "filer": [{"sokvag": e.path, "storlek": e.size, "sha256": e.sha256} for e in listed],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write_manifest(site: Path, malgrupp: str, epoch: int) -> list[Entry]:
    listed = entries(site)
    # Bytes, not text mode: the same file on every platform (no CRLF).
    (site / SUMS).write_bytes(sums_text(listed).encode("utf-8"))
    (site / MANIFEST).write_bytes(manifest_text(listed, malgrupp, epoch).encode("utf-8"))
    return listed


@dataclass
class Verification:
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    checked: int = 0
    malgrupp: str | None = None

    @property
    def ok(self) -> bool:
        return not (self.missing or self.extra or self.changed or self.problems)

    def lines(self, site: Path) -> Iterator[str]:
        yield from (f"{site}: {p}" for p in self.problems)
        yield from (f"{site}/{p}: saknas" for p in self.missing)
        yield from (f"{site}/{p}: finns inte i manifestet" for p in self.extra)
        yield from (f"{site}/{p}: ändrad" for p in self.changed)
        if self.ok:
            yield f"{site}: alla {self.checked} filer stämmer med manifestet (målgrupp {self.malgrupp})"
        else:
            yield (
                f"{site}: stämmer inte med manifestet: {len(self.missing)} saknas, "
                f"{len(self.extra)} extra, {len(self.changed)} ändrade"
                + (f", {len(self.problems)} fel i manifestet" if self.problems else "")
            )


def _read_sums(path: Path) -> dict[str, str]:
    listed: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        match = _SUM_LINE.match(line)
        if match is None:
            raise PublishError(f"{path}:{number}: raden följer inte formatet för sha256sum")
        listed[match.group(2)] = match.group(1)
    return listed


def _read_manifest(path: Path) -> tuple[str | None, dict[str, Entry]]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        if document.get("format") != FORMAT:
            raise PublishError(f"{path}: okänt format {document.get('format')!r}")
        listed = {
            f["sokvag"]: Entry(f["sokvag"], int(f["storlek"]), f["sha256"])
            for f in document["filer"]
        }
        return document.get("malgrupp"), listed
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise PublishError(f"{path}: kan inte läsa manifestet ({exc})") from exc


def verify(site: Path, malgrupp: str | None = None) -> Verification:
    """Compare the files below `site` with its manifests."""
    outcome = Verification()
    try:
        sums = _read_sums(site / SUMS)
        outcome.malgrupp, listed = _read_manifest(site / MANIFEST)
    except FileNotFoundError as exc:
        outcome.problems.append(f"manifestet saknas: {exc.filename}")
        return outcome
    except (OSError, UnicodeDecodeError) as exc:
        outcome.problems.append(f"kan inte läsa manifestet: {exc}")
        return outcome
    except PublishError as exc:
        outcome.problems.append(str(exc))
        return outcome
    if sums != {p: e.sha256 for p, e in listed.items()}:
        outcome.problems.append(f"{SUMS} och {MANIFEST} listar inte samma filer och summor")
    if malgrupp is not None and outcome.malgrupp != malgrupp:
        outcome.problems.append(
            f"webbplatsen är byggd för målgrupp {outcome.malgrupp}, inte {malgrupp}"
        )
    try:
        actual = {e.path: e for e in entries(site)}
    except OSError as exc:
        outcome.problems.append(f"kan inte läsa {exc.filename}: {exc.strerror}")
        return outcome
    outcome.missing = sorted(set(listed) - set(actual))
    outcome.extra = sorted(set(actual) - set(listed))
    outcome.changed = sorted(p for p in set(listed) & set(actual) if listed[p] != actual[p])
    outcome.checked = len(actual)
    return outcome


# --- Build and swap ---------------------------------------------------------------------


def leaks_in(root: Path, site: Path, malgrupp: str) -> list[Leak]:
    """The same scan as `styrdok lackor`: what the audience must not see, found in `site`."""
    outcome = check_project(Project.at(root))
    if outcome.model is None or not outcome.ok:
        # The plugin checked the same source moments ago; a change since then is an error.
        raise PublishError("källan har fel:\n" + as_text(outcome.problems).rstrip())
    whole = outcome.model
    # The editor guide is shown on the site but is not in the model: a withheld title
    # that it quotes as an example must not count as a leak.
    return scan(site, forbidden(whole, select(whole, malgrupp), published_sources(root)))


def check_target(root: Path, target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target} finns och är ingen mapp")
    if target == root or root.is_relative_to(target):
        raise UsageError(f"{target} är förrådet självt eller en mapp ovanför det")
    if target.is_relative_to(root / "docs"):
        raise UsageError(f"{target} ligger i docs/; bygg till en mapp utanför källan")


def _interrupt(signum: int, frame: FrameType | None) -> None:
    # A cancelled CI job gets SIGTERM: turn it into an exception so the finally blocks
    # below remove the temporary folder instead of leaving it behind.
    raise KeyboardInterrupt


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM raises KeyboardInterrupt while the block runs (main thread only)."""
    try:
        previous = signal.signal(signal.SIGTERM, _interrupt)
    except ValueError:  # Only the main thread may set handlers; then no clean-up on TERM.
        yield
        return
    try:
        yield
    finally:
        # None: the handler was not set from Python; the default is the closest match.
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)


def _mode_for(target: Path) -> int:
    """The folder mode the new site gets: the old site's, or what the umask allows.

    mkdtemp makes the folder readable only by its owner; a web server running as
    another user could not read the site after the swap.
    """
    if target.is_dir():
        return target.stat().st_mode & 0o7777
    mask = os.umask(0)
    os.umask(mask)
    return 0o777 & ~mask


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Serialise swaps in `folder`: two builds at once must not rename the same site."""
    try:
        import fcntl
    except ImportError:  # Not POSIX: no lock, the renames are still each atomic.
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def swap(new: Path, target: Path) -> None:
    """Put the finished build `new` where `target` is, keeping the old one until it is.

    Each rename is atomic on one filesystem, which is why `new` is made next to
    `target`. If the process dies:
    - before the first rename: `target` is the old site; `new` (`.site.bygge-*`) is
      left over and can be removed (`make clean` does);
    - between the two renames: `target` is missing for that instant and both the old
      site (`.site.gammal-*`) and the new one (`.site.bygge-*`) are complete on disk;
      the next `styrdok bygg` puts a new site in place and removes the stale backup, or
      an operator renames either one back by hand;
    - after the second rename: `target` is the new site; the backup is removed by the
      next build.
    """
    parent = target.parent
    backup = parent / new.name.replace(".bygge-", ".gammal-", 1)
    with _locked(parent):
        had_old = target.exists()
        if had_old:
            target.rename(backup)
        try:
            new.rename(target)
        except OSError:
            if had_old:
                backup.rename(target)
            raise
        # Under the lock no other build is between its renames, so every backup here is
        # finished with: ours, or one a killed build left.
        for stale in parent.glob(f".{target.name}.gammal-*"):
            shutil.rmtree(stale, ignore_errors=True)


def build(root: Path, target: Path, malgrupp: str, env: Mapping[str, str]) -> tuple[int, str]:
    """Build, scan and publish `root`'s site for `malgrupp` into `target`.

    Returns the build date used and where it came from. Raises PublishError on any
    failure; `target` is then exactly as it was and no temporary folder is left.
    """
    root = root.resolve()
    target = target.resolve()
    config = root / "mkdocs.yml"
    if not config.is_file():
        raise UsageError(f"{config} finns inte")
    check_target(root, target)
    epoch, origin = source_date_epoch(root, env)
    build_env = {**env, "STYRDOK_MALGRUPP": malgrupp, "SOURCE_DATE_EPOCH": str(epoch)}
    target.parent.mkdir(parents=True, exist_ok=True)
    with _sigterm_as_interrupt():
        _build_and_swap(root, config, target, malgrupp, epoch, build_env)
    return epoch, origin


def _build_and_swap(
    root: Path, config: Path, target: Path, malgrupp: str, epoch: int, env: Mapping[str, str]
) -> None:
    new = Path(tempfile.mkdtemp(prefix=f".{target.name}.bygge-", dir=target.parent))
    try:
        # A separate process keeps MkDocs' and the plugins' global state out of ours and
        # runs exactly what `mkdocs build --strict` runs.
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)]
        result = subprocess.run(
            [*command, "-d", str(new)],
            cwd=root,
            env=env,
            check=False,
        )
        if result.returncode != 0:
            raise PublishError(f"mkdocs build avslutades med status {result.returncode}")
        # The manifest is written before the scan, so the scan also reads every file
        # name (an address can give away a withheld anvisning too).
        write_manifest(new, malgrupp, epoch)
        found = leaks_in(root, new, malgrupp)
        if found:
            raise PublishError(
                f"{len(found)} läckor för målgrupp {malgrupp}:\n"
                + "\n".join(str(leak) for leak in found)
            )
        new.chmod(_mode_for(target))
        swap(new, target)
    finally:
        shutil.rmtree(new, ignore_errors=True)
