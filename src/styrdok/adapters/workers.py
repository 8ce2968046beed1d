"""What every forked worker of a build does first (the PDF's, the gate's, the scan's,
the pages'), whether one may be forked, and how one is ended: here, apart from them, so
a command that forks one imports nothing else for it."""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from multiprocessing.process import BaseProcess

# prctl(2): ask the kernel to send this signal when the parent process ends.
_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Ask the kernel to kill this (forked) process when its parent dies, and end it now
    if the parent died before the kernel was asked (it would not be told any more)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    parent = multiprocessing.parent_process()
    if parent is not None and parent.pid is not None and os.getppid() != parent.pid:
        os._exit(0)


def can_fork() -> bool:
    """Whether a worker may be forked here: not beside other threads (the preview's
    server), since a fork copies the locks they hold."""
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def end(process: BaseProcess) -> None:
    """Kill a worker if it still runs, and wait for it."""
    if process.is_alive():
        process.kill()
    process.join()
    process.close()
