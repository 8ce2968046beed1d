"""Scanning a site while MkDocs writes it: purely an optimisation of the scan after it.

`styrdok bygg` builds in a child process, and this process, once it has checked the
source, has little to do until the child exits. `EarlyScan` looks at the build folder
every so often and hands each file that has appeared, and has not been touched for
`SETTLE_NS`, to one worker process of low priority (MkDocs and its PDF worker decide when
the build ends, so they come first). For each file the worker keeps the SHA-256 of
exactly the bytes it read and the leaks it found in them (`reading.Scanned`). A file is
handed out once; nothing found here is ever reported.

Why the result is exact: once the build has ended and the manifest has hashed the final
tree, `reading.scan_again` lists that tree as `scan` does and takes an early result only
for a file whose final SHA-256 is the SHA-256 of the bytes read early, which (a file's
leaks being a function of its path and bytes alone) is what reading it again would
find; every other file is read then. So a file read half-written, rewritten, deleted or
added after, one the worker failed on or never reached, and the manifests themselves,
all fall to the final pass, and what it reports is `scan(site, strings)` of the final
tree. Whatever goes wrong here (an exception, a file that vanished, a worker killed)
only leaves files out of `scanned`: it is caught, and the early scan stops.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Iterator, Mapping
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path
from types import TracebackType

from styrdok.tools.leaks.reading import CHUNK, Reader, Scanned, file_weight

# A file untouched for this long is most likely written whole (MkDocs writes a page in
# one call); one read before that would only be read again.
SETTLE_NS = 500_000_000
# Seconds between looks at the folder while the build runs.
PAUSE = 0.25
# Seconds between two listings of the folder (about 20 ms at 5,000 files): new files are
# looked for even while others wait, so the PDF, written last, jumps the queue.
LOOK_SECONDS = 1.0
# Batches handed to the worker at a time: one being read while the next waits, so the
# worker is never idle between two looks, and little is left to wait for at the end.
IN_FLIGHT = 2
# A batch's weight (bytes, the PDF weighted as in `reading`): about half a second's work.
BATCH_WEIGHT = 4 << 20
# How long `finish` waits for a batch in flight: a worker that died (killed for memory)
# leaves its batch unanswered in a `multiprocessing.Pool`, and then the final pass reads
# it. The slowest batch, hela-programmet.pdf at 4,000 anvisningar, takes about 20 s.
FINISH_SECONDS = 120
# The worker's niceness: it reads with what the build leaves over.
NICENESS = 10

_reader: Reader | None = None


def _start(reader: Reader) -> None:
    global _reader
    _reader = reader
    # The parent stops the worker (Pool.terminate, SIGTERM) when the build ends or is
    # interrupted; Ctrl+C reaches the whole process group and is the parent's to handle.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(OSError, AttributeError):
        os.nice(NICENESS)


def _scan_batch(files: list[tuple[str, Path]]) -> list[tuple[str, Scanned]]:
    assert _reader is not None, "_start runs before any batch"
    scanned = []
    for fil, path in files:
        try:
            data = path.read_bytes()
            leaks = _reader.leaks_of(fil, path.name, data)
        except Exception:  # A file not scanned now is scanned at the end
            continue
        scanned.append((fil, Scanned(hashlib.sha256(data).hexdigest(), tuple(leaks))))
    return scanned


def _regular_files(folder: Path, prefix: str = "") -> Iterator[tuple[str, Path]]:
    """The files below `folder` as `scan` would see them now, in no particular order.
    (`os.scandir` knows a file from a folder without a `stat` per file.)"""
    with os.scandir(folder) as found:
        for entry in found:
            fil = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):
                yield from _regular_files(Path(entry.path), fil + "/")
            elif entry.is_file():
                yield fil, Path(entry.path)


class EarlyScan:
    """Reads the files of `site` as they appear, on one low-priority worker; `step` while
    the build runs, then `finish` for what was read (see the module docstring)."""

    def __init__(self, site: Path, strings: Mapping[str, str]) -> None:
        self.site = site
        self.scanned: dict[str, Scanned] = {}
        self._reader = Reader.of(strings)
        self._known: set[str] = set()
        self._waiting: deque[tuple[str, Path]] = deque()
        self._in_flight: list[AsyncResult[list[tuple[str, Scanned]]]] = []
        self._pool: Pool | None = None
        self._stopped = False
        self._looked = -LOOK_SECONDS

    def __enter__(self) -> EarlyScan:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def step(self) -> None:
        """Take in what the worker has read and hand it the files that are ready."""
        if self._stopped:
            return
        try:
            self._collect(wait=False)
            if time.monotonic() - self._looked >= LOOK_SECONDS:
                self._looked = time.monotonic()
                self._look()
            while self._waiting and len(self._in_flight) < IN_FLIGHT:
                self._hand_out()
        except Exception:  # An optimisation only: the final pass reads it all
            self.close()

    def finish(self) -> dict[str, Scanned]:
        """Wait for the batches in flight (the build has ended, so nothing competes with
        them), stop the worker and return what was read, by file."""
        if not self._stopped:
            with contextlib.suppress(Exception):
                self._collect(wait=True)
        self.close()
        return self.scanned

    def close(self) -> None:
        """Stop the worker now, whatever it is reading; what it has not returned is lost."""
        self._stopped = True
        self._in_flight = []
        if self._pool is not None:
            pool, self._pool = self._pool, None
            pool.terminate()
            pool.join()

    def _look(self) -> None:
        now = time.time_ns()
        for fil, path in _regular_files(self.site):
            if fil in self._known:
                continue
            try:
                settled = now - path.stat().st_mtime_ns >= SETTLE_NS
            except OSError:
                continue
            if settled:
                self._known.add(fil)
                # The PDF first: the longest read of the site, and the one the final pass
                # cannot share between processes.
                if path.suffix.lower() == ".pdf":
                    self._waiting.appendleft((fil, path))
                else:
                    self._waiting.append((fil, path))

    def _hand_out(self) -> None:
        batch: list[tuple[str, Path]] = []
        weight = 0
        while self._waiting and weight < BATCH_WEIGHT and len(batch) < CHUNK:
            fil, path = self._waiting.popleft()
            batch.append((fil, path))
            with contextlib.suppress(OSError):
                weight += file_weight(path)
        if self._pool is None:
            self._pool = multiprocessing.Pool(1, initializer=_start, initargs=(self._reader,))
        self._in_flight.append(self._pool.apply_async(_scan_batch, (batch,)))

    def _collect(self, wait: bool) -> None:
        left = []
        for result in self._in_flight:
            if wait or result.ready():
                self.scanned.update(result.get(FINISH_SECONDS))
            else:
                left.append(result)
        self._in_flight = left
