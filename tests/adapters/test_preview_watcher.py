"""What tells the preview that a file was saved (preview_watch.Watcher): the operating
system's notification where it has one, so a save is seen at once; a look at every file
where it has not, or when asked (`--polla`); and the address is given only once a save
would be seen."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers.polling import PollingObserver

from styrdok.adapters import preview_watch
from styrdok.adapters.preview_watch import Watcher

WAIT = 5.0


class _Server:
    """What the watcher uses of MkDocs' LiveReloadServer: its observer."""

    def __init__(self) -> None:
        self.observer = PollingObserver()


class _Seen(FileSystemEventHandler):
    def __init__(self) -> None:
        self.events: list[FileSystemEvent] = []
        self.changed = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if not event.is_directory:
            self.events.append(event)
            self.changed.set()


def _watching(folder: Path, polling: bool) -> tuple[_Server, _Seen, list[str]]:
    server = _Server()
    watcher = Watcher(server, polling)  # type: ignore[arg-type]
    server.watcher = watcher  # type: ignore[attr-defined]
    seen = _Seen()
    started: list[str] = []
    server.observer.schedule(seen, str(folder), recursive=True)
    watcher.when_started = lambda: started.append(type(server.observer).__name__)
    server.observer.start()
    return server, seen, started


def _stop(server: _Server) -> None:
    server.observer.stop()
    server.observer.join(timeout=WAIT)


def test_asked_to_poll_it_looks_at_the_files_and_sees_a_save(tmp_path):
    (tmp_path / "a.md").write_text("före\n", encoding="utf-8")
    server, seen, started = _watching(tmp_path, polling=True)
    try:
        assert started == ["PollingObserver"]
        (tmp_path / "a.md").write_text("efter, längre\n", encoding="utf-8")
        assert seen.changed.wait(WAIT)
    finally:
        _stop(server)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify")
def test_it_is_told_of_a_save_and_not_of_a_read(tmp_path):
    source = tmp_path / "docs" / "a.md"
    source.parent.mkdir()
    source.write_text("före\n", encoding="utf-8")
    server, seen, started = _watching(tmp_path, polling=False)
    try:
        assert started and started[0] != "PollingObserver"
        # The build reads every source file: a read must not ask for another build.
        source.read_text(encoding="utf-8")
        assert not seen.changed.wait(0.5), seen.events
        source.write_text("efter\n", encoding="utf-8")
        assert seen.changed.wait(WAIT)
    finally:
        _stop(server)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify")
def test_a_folder_it_cannot_be_told_about_is_looked_at_instead(tmp_path, monkeypatch):
    # watchdog drops a folder inotify cannot watch (the limit on watches) without a word.
    from watchdog.observers import inotify

    def refused(self):
        raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(inotify.InotifyEmitter, "on_thread_start", refused)
    (tmp_path / "a.md").write_text("före\n", encoding="utf-8")
    server, seen, started = _watching(tmp_path, polling=False)
    try:
        assert started == ["PollingObserver"]
        assert isinstance(server.observer, PollingObserver)
        (tmp_path / "a.md").write_text("efter, längre\n", encoding="utf-8")
        assert seen.changed.wait(WAIT)
    finally:
        _stop(server)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify")
def test_a_subfolder_it_cannot_be_told_about_is_looked_at_instead(tmp_path, monkeypatch):
    # watchdog leaves out a subfolder inotify refuses (the limit on watches) silently.
    import ctypes
    import errno
    import os

    from watchdog.observers import inotify_c

    real = inotify_c.inotify_add_watch

    def refused_below(fd, path, mask):
        if os.fsdecode(path).endswith("anvisningar"):
            ctypes.set_errno(errno.ENOSPC)
            return -1
        return real(fd, path, mask)

    monkeypatch.setattr(inotify_c, "inotify_add_watch", refused_below)
    below = tmp_path / "docs" / "anvisningar"
    below.mkdir(parents=True)
    (below / "a.md").write_text("före\n", encoding="utf-8")
    server, seen, started = _watching(tmp_path, polling=False)
    try:
        assert started == ["PollingObserver"]
        (below / "a.md").write_text("efter, längre\n", encoding="utf-8")
        assert seen.changed.wait(WAIT)
    finally:
        _stop(server)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify")
def test_a_folder_moved_out_is_a_change(tmp_path):
    # To the wastebasket: inotify tells of the folder alone, MkDocs looks at files only.
    folder = tmp_path / "docs" / "gammal"
    folder.mkdir(parents=True)
    (folder / "a.md").write_text("text\n", encoding="utf-8")
    away = tmp_path.parent / f"{tmp_path.name}-papperskorg"
    server, seen, _ = _watching(tmp_path / "docs", polling=False)
    try:
        away.mkdir()
        folder.rename(away / "gammal")
        assert seen.changed.wait(WAIT)
        assert any(not e.is_directory for e in seen.events)
    finally:
        _stop(server)


def test_a_save_before_the_watching_began_is_told(tmp_path):
    source = tmp_path / "a.md"
    source.write_text("före\n", encoding="utf-8")
    before = preview_watch.files_as_they_are([str(tmp_path)])
    source.write_text("sparad medan det första bygget pågick\n", encoding="utf-8")
    assert preview_watch.files_as_they_are([str(tmp_path)]) != before
    server, seen, _ = _watching(tmp_path, polling=True)
    try:
        server.watcher.tell_of_a_change()  # type: ignore[attr-defined]
        assert seen.changed.is_set()
    finally:
        _stop(server)


def test_without_a_notification_of_its_own_the_system_is_looked_at(monkeypatch):
    monkeypatch.setattr(preview_watch, "Observer", PollingObserver)
    server = _Server()
    Watcher(server, polling=False)  # type: ignore[arg-type]
    assert isinstance(server.observer, PollingObserver)
