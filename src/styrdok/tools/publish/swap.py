"""Putting a finished build where the published site is, atomically and one build at a
time, with the folder mode a web server can read."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path


def mode_for(target: Path) -> int:
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
