"""What tells the preview (`styrdok forhandsgranska`) that a file was saved.

MkDocs' server looks at every watched file every half second. Here the operating
system tells of a save (inotify, FSEvents, ReadDirectoryChangesW, through watchdog), so a
rebuild starts at once; every file is looked at only where a folder cannot be watched
or when asked (`--polla`: a folder shared from another machine or a container).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from watchdog.events import (
    DirDeletedEvent,
    FileAttribEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

# How often the preview looks for saved files where the operating system cannot tell it
# (MkDocs: 0.5 s). Looking costs a few milliseconds per thousand files; a save waits
# half of it on average.
POLLING_SECONDS = 0.2
# How long the preview waits after a change for the next one before it builds (MkDocs:
# 0.1 s): an editor's save (a temporary file, then a rename) takes milliseconds.
SETTLE_SECONDS = 0.05
# What the operating system reports that is a change to a file (what a look at every
# file would see: its contents, its time stamp, its name).
CHANGES = (
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileClosedEvent,
    FileAttribEvent,
)


class Watcher:
    """What tells the preview that a file was saved: the operating system's own
    notification (inotify, FSEvents, ReadDirectoryChangesW) where it has one for every
    watched folder, so a save is seen at once, rather than MkDocs' look at every file
    each half second; that look where it has not (a folder shared from another machine or
    a container may give no notification: `polling` asks for the look from the start).

    Takes the place of the server's observer before any folder is watched, and calls
    `when_started` once the one in use has its first view of the files."""

    def __init__(self, server: LiveReloadServer, polling: bool) -> None:
        self.server = server
        self.when_started: Callable[[], None] = lambda: None
        self._scheduled: list[tuple[FileSystemEventHandler, str, bool]] = []
        polled = PollingObserver(timeout=POLLING_SECONDS)
        self._native = None if polling else _native_observer()
        self._polled = polled
        observer = self._native or polled
        self._schedule = observer.schedule
        observer.schedule = self._remember  # type: ignore[method-assign]
        observer.start = self._start  # type: ignore[method-assign]
        server.observer = observer

    def tell_of_a_change(self) -> None:
        """Have the server build again, as if a watched file had been saved."""
        for handler, path, _ in self._scheduled[:1]:
            handler.dispatch(FileModifiedEvent(path))

    def _remember(
        self, handler: FileSystemEventHandler, path: str, recursive: bool = False, **kw: object
    ) -> object:
        self._scheduled.append((handler, path, recursive))
        if self._native is not None:
            # Not a file opened or read: the build reads every source file, and each read
            # would ask for the next build.
            kw["event_filter"] = [*CHANGES, DirDeletedEvent]
            handler = _FolderGone(handler)
        return self._schedule(handler, path, recursive=recursive, **kw)  # type: ignore[arg-type]

    def _start(self) -> None:
        native = self._native
        if native is not None:
            # A folder the system cannot watch (inotify's limit on watches, a file system
            # without notification) is an error or, in some versions of watchdog, left
            # out without a word: then every folder is looked at instead.
            try:
                type(native).start(native)
            except OSError:
                pass
            else:
                if len(native.emitters) == len(self._scheduled) and not _dropped_folders(native):
                    self.when_started()
                    return
            with contextlib.suppress(RuntimeError):  # a thread that never started
                native.stop()
            for handler, path, recursive in self._scheduled:
                self._polled.schedule(handler, path, recursive=recursive)
            self.server.observer = self._polled
        PollingObserver.start(self._polled)
        self.when_started()


def watched_paths(config: MkDocsConfig, config_file: Path) -> list[str]:
    """What the preview watches: docs/, mkdocs.yml and what it lists under `watch`, and
    data/ and schema/, the rest of the source the plugin reads."""
    watched = [config.docs_dir, config.config_file_path, *config.watch]
    source = Path(config_file).resolve().parent
    watched += [str(source / f) for f in ("data", "schema") if (source / f).is_dir()]
    return watched


def files_as_they_are(paths: Sequence[str]) -> dict[str, tuple[int, int]]:
    """Every file below `paths` (or the file itself) with its time stamp and size."""
    found: dict[str, tuple[int, int]] = {}

    def note(path: str) -> None:
        with contextlib.suppress(OSError):
            stat = os.stat(path)
            found[path] = (stat.st_mtime_ns, stat.st_size)

    for path in paths:
        if not os.path.isdir(path):
            note(path)
            continue
        for top, _, names in os.walk(path):
            for name in names:
                note(os.path.join(top, name))
    return found


class _FolderGone(FileSystemEventHandler):
    """A folder moved out of a watched one (to the wastebasket, by an editor's or a file
    manager's Delete) is told as that folder's deletion alone, not its files'; MkDocs
    looks only at files, so it is passed on as a file's."""

    def __init__(self, handler: FileSystemEventHandler) -> None:
        self.handler = handler

    def dispatch(self, event: FileSystemEvent) -> None:
        if isinstance(event, DirDeletedEvent):
            event = FileDeletedEvent(event.src_path)
        self.handler.dispatch(event)


def _dropped_folders(observer: BaseObserver) -> bool:
    """Whether inotify left out a folder below a watched one (watchdog skips a subfolder
    it cannot watch, e.g. at the limit on watches, without a word)."""
    for emitter in observer.emitters:
        watched = getattr(getattr(emitter, "_inotify", None), "_active_callbacks_by_path", None)
        if watched is None or not emitter.watch.is_recursive:
            continue
        folders = 1 + sum(
            not os.path.islink(os.path.join(top, name))
            for top, names, _ in os.walk(emitter.watch.path)
            for name in names
        )
        if len(watched) < folders:
            return True
    return False


def _native_observer() -> BaseObserver | None:
    """The operating system's notification of changes, if watchdog has one here."""
    try:
        observer = Observer()
    except (OSError, RuntimeError):
        return None
    return None if isinstance(observer, PollingObserver) else observer
