"""Half the pages' content rendered on the second core, while MkDocs renders the rest.

MkDocs renders every page's Markdown (and runs the page hooks) before it writes any page,
on one core; in `styrdok bygg` the other core is idle all that time (BENCHMARKS.md). So
after `on_nav` the plugin forks a worker that does, for every other page, exactly what
MkDocs' own loop does (`mkdocs.commands.build._populate_page`: our page hooks, Markdown,
MkDocs' link and anchor handling) and sends back what that leaves on the page and in
the plugin: `Rendered`. When the MkDocs process reaches such a page, the page's
`render` takes the worker's result instead of rendering (`Worker.take`): the log
records the worker's rendering made are logged here at that point, so `--strict`
counts the same warnings in the same order, and the plugin's `on_page_content` keeps
the worker's result instead of computing it again. The build's output is the same
bytes; `tests/site/test_page_worker.py` compares the two.

The worker is only ever a shortcut: a page it failed on (an error, a page too slow, a
result it could not send), a worker that died or was never started, and every page
after that, the MkDocs process renders itself, so what goes wrong there is said as it
would be without the worker. It writes nothing, stops when the build process dies
(PR_SET_PDEATHSIG) and is stopped when the build ends. Only our own plugin may hook the
page phase (Material's search does not): another plugin's hooks would run in the worker
and their effects be lost, so with one there is no worker.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import queue
import signal
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from styrdok.adapters.workers import can_fork, die_with_parent, end

# The page events MkDocs' loop runs (`_populate_page`, `Page.read_source`), and `nav`,
# whose hooks after ours would change what the worker was forked with.
PAGE_EVENTS = ("nav", "pre_page", "page_read_source", "page_markdown", "page_content")
# MkDocs logs this when a page fails; the MkDocs process, rendering the page itself, logs
# its own.
_FAILED = "Error reading page '"


@dataclass(frozen=True)
class Kept:
    """What the plugin's on_page_content keeps of a page besides its content: the
    anvisning's text for the JSON (None on other pages), the page's text for its twin,
    and what "Hela programmet" takes of it."""

    text: str | None
    page_text: Any
    printed: str


@dataclass(frozen=True)
class Rendered:
    """What rendering a page left on it (MkDocs' Page.render and the page hooks)."""

    src: str
    content: str
    toc: TableOfContents
    title_from_render: str | None
    present_anchor_ids: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None
    kept: Kept
    records: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class _Failed:
    src: str


def only_our_page_hooks(config: MkDocsConfig, ours: object) -> bool:
    """Whether every page-phase hook of the build is a method of the plugin `ours`."""
    for event in PAGE_EVENTS:
        for method in config.plugins.events.get(event, []):
            if getattr(method, "__self__", None) is not ours:
                return False
    return True


def pages_of(files: Files) -> list[File]:
    """The pages in the order MkDocs' build loop renders them."""
    return list(files.documentation_pages(inclusion=InclusionLevel.is_included))


class _Capture(logging.Handler):
    """The worker's log records, as dicts a pipe can carry, each once."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[dict[str, Any]] = []
        # A record reaches the capture once from each logger it propagates through, one
        # call after the other: the one last seen is the only one to compare with.
        self._last: logging.LogRecord | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if record is self._last:
            return
        self._last = record
        fields = dict(record.__dict__)
        fields["msg"], fields["args"] = record.getMessage(), None
        fields["exc_info"] = fields["exc_text"] = None
        self.records.append(fields)


def _capture_logging() -> _Capture:
    """Every handler of every logger replaced by one capture (the worker prints nothing)."""
    capture = _Capture()
    loggers = [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]
    for logger in loggers:
        if isinstance(logger, logging.Logger) and logger.handlers:
            logger.handlers = [capture]
    if not logging.getLogger().handlers:
        logging.getLogger().handlers = [capture]
    return capture


def _work(
    out: Connection,
    config: MkDocsConfig,
    files: Files,
    mine: Sequence[str],
    keep_of: Callable[[str], Kept],
) -> None:
    # Sent from a thread of its own: a send blocks until the build process reads the
    # result, which it does only when it reaches the page, and the worker goes on meanwhile.
    waiting: queue.SimpleQueue[Rendered | _Failed | None] = queue.SimpleQueue()
    sender = threading.Thread(target=_send_all, args=(out, waiting), daemon=True)
    try:
        # Ctrl+C is the build process's to tell (blocked from before the fork until now).
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        die_with_parent()
        from mkdocs.commands.build import _populate_page

        capture = _capture_logging()
        _records_from_render_on(capture)
        sender.start()
        wanted = set(mine)
        for file in pages_of(files):
            if file.page is None and file.inclusion.is_not_in_nav():
                Page(None, file, config)  # as MkDocs' loop does
            if file.src_uri not in wanted:
                continue
            page = file.page
            assert page is not None
            try:
                _populate_page(page, config, files)
                waiting.put(_rendered(page, keep_of(file.src_uri), capture))
            except Exception:
                waiting.put(_Failed(file.src_uri))
                break
            # What the build process gets is sent; the worker needs it no more.
            page.content = page.markdown = None
    except BaseException:  # whatever it was, the build process renders the rest
        pass
    finally:
        waiting.put(None)
        with contextlib.suppress(BaseException):
            if sender.is_alive():
                sender.join()
        with contextlib.suppress(OSError):
            out.close()
        # No atexit handlers or finalisers of the build process run twice.
        os._exit(0)


def _records_from_render_on(capture: _Capture) -> None:
    """Only what rendering and on_page_content log is sent: the MkDocs process runs the
    hooks before rendering (on_pre_page, reading the source, on_page_markdown) for
    every page itself, and logs what they log."""
    render = Page.render

    def render_captured(page: Page, config: MkDocsConfig, files: Files) -> None:
        capture.records = []
        render(page, config, files)

    Page.render = render_captured  # type: ignore[method-assign]  # in the worker only


def _send_all(out: Connection, waiting: queue.SimpleQueue[Rendered | _Failed | None]) -> None:
    while (item := waiting.get()) is not None:
        try:
            out.send(item)
        except (OSError, ValueError):
            return  # the build process has stopped listening
        except Exception:  # a result that cannot be pickled: that page is rendered there
            with contextlib.suppress(Exception):
                out.send(_Failed(item.src))
            return


def _rendered(page: Page, kept: Kept, capture: _Capture) -> Rendered:
    assert page.content is not None
    links = page.links_to_anchors
    return Rendered(
        src=page.file.src_uri,
        content=page.content,
        toc=page.toc,
        title_from_render=page._title_from_render,
        present_anchor_ids=page.present_anchor_ids,
        links_to_anchors=(
            {to.src_uri: dict(anchors) for to, anchors in links.items()} if links else links
        ),
        kept=kept,
        records=tuple(r for r in capture.records if not str(r["msg"]).startswith(_FAILED)),
    )


class Worker:
    """The worker rendering `mine` (pages by src_uri, in build order)."""

    def __init__(
        self,
        config: MkDocsConfig,
        files: Files,
        mine: Sequence[str],
        keep_of: Callable[[str], Kept],
    ) -> None:
        self.mine = frozenset(mine)
        self._files = files
        context = multiprocessing.get_context("fork")
        self._result, sent = context.Pipe(duplex=False)
        self._process: Any = context.Process(
            target=_work, args=(sent, config, files, list(mine), keep_of), daemon=True
        )
        # A Ctrl+C between the fork and the worker's ignoring it would print a traceback.
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self._process.start()
        except BaseException:
            self._result.close()
            raise
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
            sent.close()
        self._alive = True

    def take(self, page: Page) -> Kept | None:
        """Put the worker's rendering of `page` on it and log its records; the plugin's
        part of it, or None: the worker has no result for it, render it here."""
        src = page.file.src_uri
        if not self._alive or src not in self.mine:
            return None
        # The results come in build order, which is the order MkDocs asks for them.
        found = self._receive()
        if not isinstance(found, Rendered) or found.src != src:
            self.stop()
            return None
        page.content = found.content
        page.toc = found.toc
        page._title_from_render = found.title_from_render
        page.present_anchor_ids = found.present_anchor_ids
        if found.links_to_anchors is not None:
            page.links_to_anchors = {
                self._files.get_file_from_path(to): anchors  # type: ignore[misc]
                for to, anchors in found.links_to_anchors.items()
            }
        for fields in found.records:
            logging.getLogger(fields["name"]).handle(logging.makeLogRecord(fields))
        return found.kept

    def _receive(self) -> Rendered | _Failed | None:
        try:
            return self._result.recv()
        except Exception:  # a worker gone (EOF), a pipe closed, a result not read back
            return None  # the page is rendered here

    def stop(self) -> None:
        """End the worker if it still runs; every page not yet taken is rendered here."""
        self._alive = False
        if self._process is not None:
            end(self._process)
            self._process = None
        with contextlib.suppress(OSError):
            self._result.close()


def start(
    config: MkDocsConfig,
    files: Files,
    ours: object,
    leave: frozenset[str],
    keep_of: Callable[[str], Kept],
) -> Worker | None:
    """The worker for every other page (none of `leave`), or None where there can be none."""
    if not can_fork() or not only_our_page_hooks(config, ours):
        return None
    pages = [f.src_uri for f in pages_of(files) if f.src_uri not in leave]
    mine = pages[1::2]
    if not mine:
        return None
    try:
        return Worker(config, files, mine, keep_of)
    except OSError:
        return None  # no process to be had (EAGAIN, ENOMEM, EMFILE): all rendered here
