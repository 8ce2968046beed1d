"""Reading a built site: every file, through the reader the check shares
(`forbidden.files`), with one `Matcher` for all the strings the audience must not see.

A site of thousands of anvisningar is hundreds of megabytes of views to fold and read as
words, and its PDF is read by pypdf in pure Python: the files are read on every core, in
chunks of a fixed size, and the leaks of each chunk put back in the order of the files,
so what is reported is the same as reading them one after the other. `scan_again` is
the same scan reusing, for a file whose bytes have not changed (by SHA-256), what an
earlier scan found in it: `styrdok bygg` reads the site while MkDocs writes it (`early`).
"""

from __future__ import annotations

import os
import signal
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from styrdok.adapters.workers import die_with_parent
from styrdok.core.addresses import HELA_PROGRAMMET_PDF
from styrdok.forbidden.files import Leak, Unreadable, contents, found_in
from styrdok.forbidden.matcher import Matcher

# Files per chunk: small enough that both cores stay busy to the end, large enough that
# handing a chunk to a worker costs nothing beside reading it.
CHUNK = 48
# At most this many processes read the site (the machines that build it have two cores).
MAX_WORKERS = 2
# pypdf reads a PDF's text at about a hundredth of the speed the rest of the site is
# read (15 s for the 1 MB hela-programmet.pdf at 2,000 anvisningar, about half that since
# its glyph runs are compacted (forbidden.files), 35 s for the other 270 MB): a chunk's share of the work is guessed from its bytes with that weight, and
# the largest chunks are handed out first so that no core is left with the PDF at the end.
_PDF_WEIGHT = 100


@dataclass(frozen=True)
class Reader:
    """What a worker needs to report a file's leaks: the matcher and the strings."""

    matcher: Matcher
    strings: Mapping[str, str]
    order: Mapping[str, int]

    @classmethod
    def of(cls, strings: Mapping[str, str]) -> Reader:
        return cls(Matcher(strings), strings, {string: i for i, string in enumerate(strings)})

    def leaks_of(self, fil: str, name: str, data: bytes) -> list[Leak]:
        """The leaks of one file, a function of its path and its bytes alone: what the
        early scan (`early`) relies on to reuse a result for the same bytes."""
        leaks: list[Leak] = []
        # The build's own PDF, at the place only the build writes to (the gate refuses
        # any file the publication did not make).
        own = fil == HELA_PROGRAMMET_PDF
        for label, views in contents(fil, name, data, built_pdf=own):
            if isinstance(views, Unreadable):
                leaks.append(views)
                continue
            found = found_in(self.matcher, views)
            leaks += [
                Leak(label, self.strings[s], s) for s in sorted(found, key=self.order.__getitem__)
            ]
        return leaks

    def leaks(self, files: Sequence[tuple[str, Path]]) -> list[list[Leak]]:
        """The leaks of each file, in the order of `files`."""
        return [self.leaks_of(fil, path.name, path.read_bytes()) for fil, path in files]


# The reader of a worker process, set once when it starts: the matcher is built (or,
# where processes are forked, inherited) once per worker, not sent with every chunk.
_reader: Reader | None = None


def _start(reader: Reader) -> None:
    global _reader
    _reader = reader
    die_with_parent()
    # Ctrl+C reaches the whole process group: `styrdok bygg` stops the workers and says
    # so in Swedish, a worker's own traceback would be English noise.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _leaks_in_chunk(files: Sequence[tuple[str, Path]]) -> list[list[Leak]]:
    assert _reader is not None, "_start runs before any chunk"
    return _reader.leaks(files)


def file_weight(path: Path) -> int:
    """A guess at the work of reading a file: its bytes, a PDF's weighted."""
    return path.stat().st_size * (_PDF_WEIGHT if path.suffix.lower() == ".pdf" else 1)


def _weight(files: Sequence[tuple[str, Path]]) -> int:
    return sum(file_weight(path) for _, path in files)


def workers() -> int:
    """The processes to read a site with: one per core this process may use, at most
    MAX_WORKERS."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(MAX_WORKERS, cores or 1))


def site_files(site: Path) -> list[tuple[str, Path]]:
    """Every file the scan reads below `site`, as (path as reported, path), in the order
    it reports them: regular files and symlinks to them, not into linked folders."""
    paths = sorted(p for p in site.rglob("*") if p.is_file())
    return [(path.relative_to(site).as_posix(), path) for path in paths]


def scan(site: Path, strings: Mapping[str, str], processes: int | None = None) -> list[Leak]:
    """Every file below `site` that contains one of `strings`, once per string found,
    in the order of the files and then of `strings`. Read by `processes` processes
    (default: `workers()`); a site of one chunk is read in this one."""
    by_file = _read(Reader.of(strings), site_files(site), processes)
    return [leak for leaks in by_file for leak in leaks]


@dataclass(frozen=True)
class Scanned:
    """What a scan found in one file, and the SHA-256 of exactly the bytes it read."""

    sha256: str
    leaks: tuple[Leak, ...]


def scan_again(
    site: Path,
    strings: Mapping[str, str],
    earlier: Mapping[str, Scanned],
    hashes: Mapping[str, str],
    processes: int | None = None,
) -> list[Leak]:
    """`scan(site, strings, processes)`, reusing what an earlier scan found in a file
    wherever it read the same bytes as the file now holds.

    `hashes` maps a file (as reported) to the SHA-256 of the bytes it holds now, in the
    tree `site` will be scanned as (the manifest's, written after the build ended); a
    file it does not name, or whose hash differs from the earlier one, or that the
    earlier scan did not read, is read now. This is exactly `scan`: the files are listed
    and ordered by the same `site_files`, a file's leaks are a function of its path and
    its bytes alone (`Reader.leaks_of`), and equal SHA-256 means equal bytes. What
    `earlier` holds for files that no longer exist is never looked at.
    """
    files = site_files(site)
    reused: dict[str, tuple[Leak, ...]] = {}
    for fil, _ in files:
        seen = earlier.get(fil)
        if seen is not None and hashes.get(fil) == seen.sha256:
            reused[fil] = seen.leaks
    fresh = iter(_read(Reader.of(strings), [f for f in files if f[0] not in reused], processes))
    by_file = [reused[fil] if fil in reused else next(fresh) for fil, _ in files]
    return [leak for leaks in by_file for leak in leaks]


def _read(
    reader: Reader, files: Sequence[tuple[str, Path]], processes: int | None
) -> list[list[Leak]]:
    """The leaks of each of `files`, in their order, read on `processes` processes."""
    chunks = [files[i : i + CHUNK] for i in range(0, len(files), CHUNK)]
    processes = workers() if processes is None else processes
    if processes <= 1 or len(chunks) <= 1:
        return [leaks for chunk in chunks for leaks in reader.leaks(chunk)]
    by_weight = sorted(range(len(chunks)), key=lambda i: -_weight(chunks[i]))
    pool = ProcessPoolExecutor(processes, initializer=_start, initargs=(reader,))
    try:
        futures = {i: pool.submit(_leaks_in_chunk, chunks[i]) for i in by_weight}
        # In the order of the files, whatever order the chunks were read in.
        return [leaks for i in range(len(chunks)) for leaks in futures[i].result()]
    finally:
        # After an error or an interrupt (`styrdok bygg` stopped) the chunks not yet
        # read are dropped rather than waited for.
        pool.shutdown(cancel_futures=True)
