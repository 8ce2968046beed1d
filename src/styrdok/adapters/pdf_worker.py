"""The PDF of Hela programmet rendered on the second core while the build goes on.

WeasyPrint takes as long as the rest of what follows MkDocs' rendering together (the
JSON API, the search lemmas, the gate), and none of those reads the PDF's bytes: the
PDF is rendered in a forked process and written by this one when `finish` is called,
before the gate lists the tree. The worker only computes bytes; it writes nothing, so
a worker left behind by a killed build can never put a file into a folder being
removed. It stops when the build process dies (Linux: PR_SET_PDEATHSIG), and an error
in it is the same Swedish message as rendering here would give.
"""

from __future__ import annotations

import multiprocessing
import os
from multiprocessing.connection import Connection
from pathlib import Path

from mkdocs.exceptions import PluginError

from styrdok.adapters import pdf
from styrdok.adapters.workers import can_fork as _can_fork
from styrdok.adapters.workers import die_with_parent, end


def _render_into(out: Connection, html: str, site: Path, seconds: float) -> None:
    die_with_parent()
    try:
        try:
            outcome: tuple[bool, bytes | str] = (True, pdf.render(html, site, seconds))
        except PluginError as exc:
            outcome = (False, str(exc))
        except Exception as exc:  # a bug: said, not lost with the worker's exit status
            outcome = (
                False,
                f"styrdok: hela-programmet.pdf kunde inte göras ({type(exc).__name__}: {exc}). "
                "Det är ett fel i verktyget, inte i texten: visa meddelandet för förvaltaren.",
            )
        out.send(outcome)
    except (KeyboardInterrupt, BrokenPipeError):
        # Ctrl+C reaches the whole process group, the build process says what happened.
        pass
    finally:
        out.close()
        # No atexit handlers or finalisers of the build process run twice.
        os._exit(0)


class Pending:
    """A PDF being rendered, to be written to `target` by `finish`."""

    def __init__(self, html: str, site: Path, target: Path, seconds: float) -> None:
        self.target = target
        self._written = False
        self._inline: tuple[str, Path, float] | None = None
        self._process = None
        self._result: Connection | None = None
        if not _can_fork():
            # Where processes are not forked the worker would import the build anew.
            self._inline = (html, site, seconds)
            return
        context = multiprocessing.get_context("fork")
        self._result, sent = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_render_into, args=(sent, html, site, seconds), daemon=True
        )
        self._process.start()
        sent.close()

    def write_if_ready(self) -> None:
        """Write the PDF now if the worker has sent it, without waiting: written while the
        templates still render, `styrdok bygg`'s early scan reads it on the other core
        instead of after the build (the PDF is the scan's slowest file)."""
        if self._written or self._result is None:
            return
        try:
            ready = self._result.poll()
        except (OSError, ValueError):
            return  # `finish` says what went wrong
        if ready:
            self.finish()

    def finish(self) -> None:
        """Wait for the PDF and write it, unless written already; PluginError if it could
        not be made."""
        if self._written:
            return
        self._written = True
        if self._inline is not None:
            html, site, seconds = self._inline
            pdf.write(html, site, self.target, seconds)
            return
        assert self._result is not None and self._process is not None
        try:
            ok, value = self._result.recv()
        except EOFError:
            self._process.join()
            raise PluginError(
                "styrdok: PDF:en av hela programmet kunde inte skapas: processen som "
                f"skapade den avslutades (kod {self._process.exitcode})"
            ) from None
        finally:
            self.stop()
        if not ok:
            raise PluginError(str(value))
        try:
            self.target.write_bytes(bytes(value))
        except OSError as exc:
            raise PluginError(
                f"styrdok: PDF:en av hela programmet kunde inte skapas: {exc or type(exc).__name__}"
            ) from exc

    def stop(self) -> None:
        """End the worker if it still runs (an error or an interrupt elsewhere)."""
        if self._process is not None:
            end(self._process)
            self._process = None
        if self._result is not None:
            self._result.close()
            self._result = None


def start(html: str, site: Path, target: Path, seconds: float = pdf.PDF_SECONDS) -> Pending:
    """Begin rendering `html` (see pdf.render) in a worker process."""
    return Pending(html, site, target, seconds)
