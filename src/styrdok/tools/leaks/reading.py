"""Reading a built site: every file, through the reader the check shares
(`forbidden.files`), with one `Matcher` for all the strings the audience must not see.

A site of thousands of anvisningar is hundreds of megabytes of views to fold and read as
words, and its PDF is read by pypdf in pure Python: the files are read on every core, in
chunks of a fixed size, and the leaks of each chunk put back in the order of the files,
so what is reported is the same as reading them one after the other.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

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
class _Reader:
    """What a worker needs to report a file's leaks: the matcher and the strings."""

    matcher: Matcher
    strings: Mapping[str, str]
    order: Mapping[str, int]

    def leaks(self, files: Sequence[tuple[str, Path]]) -> list[Leak]:
        leaks: list[Leak] = []
        for fil, path in files:
            # The build's own PDF, at the place only the build writes to (the gate
            # refuses any file the publication did not make).
            own = fil == HELA_PROGRAMMET_PDF
            for label, views in contents(fil, path.name, path.read_bytes(), built_pdf=own):
                if isinstance(views, Unreadable):
                    leaks.append(views)
                    continue
                found = found_in(self.matcher, views)
                leaks += [
                    Leak(label, self.strings[s], s)
                    for s in sorted(found, key=self.order.__getitem__)
                ]
        return leaks


# The reader of a worker process, set once when it starts: the matcher is built (or,
# where processes are forked, inherited) once per worker, not sent with every chunk.
_reader: _Reader | None = None


def _start(reader: _Reader) -> None:
    global _reader
    _reader = reader


def _leaks_in_chunk(files: Sequence[tuple[str, Path]]) -> list[Leak]:
    assert _reader is not None, "_start runs before any chunk"
    return _reader.leaks(files)


def _weight(files: Sequence[tuple[str, Path]]) -> int:
    return sum(
        path.stat().st_size * (_PDF_WEIGHT if path.suffix.lower() == ".pdf" else 1)
        for _, path in files
    )


def workers() -> int:
    """The processes to read a site with: one per core this process may use, at most
    MAX_WORKERS."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(MAX_WORKERS, cores or 1))


def scan(site: Path, strings: Mapping[str, str], processes: int | None = None) -> list[Leak]:
    """Every file below `site` that contains one of `strings`, once per string found,
    in the order of the files and then of `strings`. Read by `processes` processes
    (default: `workers()`); a site of one chunk is read in this one."""
    reader = _Reader(Matcher(strings), strings, {string: i for i, string in enumerate(strings)})
    paths = sorted(p for p in site.rglob("*") if p.is_file())
    files = [(path.relative_to(site).as_posix(), path) for path in paths]
    chunks = [files[i : i + CHUNK] for i in range(0, len(files), CHUNK)]
    processes = workers() if processes is None else processes
    if processes <= 1 or len(chunks) <= 1:
        return [leak for chunk in chunks for leak in reader.leaks(chunk)]
    by_weight = sorted(range(len(chunks)), key=lambda i: -_weight(chunks[i]))
    pool = ProcessPoolExecutor(processes, initializer=_start, initargs=(reader,))
    try:
        futures = {i: pool.submit(_leaks_in_chunk, chunks[i]) for i in by_weight}
        # In the order of the files, whatever order the chunks were read in.
        return [leak for i in range(len(chunks)) for leak in futures[i].result()]
    finally:
        # After an error or an interrupt (`styrdok bygg` stopped) the chunks not yet
        # read are dropped rather than waited for.
        pool.shutdown(cancel_futures=True)
