"""What every forked worker of a build does first (the PDF's, the gate's, the scan's):
here, apart from them, so a command that forks one imports nothing else for it."""

from __future__ import annotations

import contextlib
import ctypes
import signal
import sys

# prctl(2): ask the kernel to send this signal when the parent process ends.
_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Ask the kernel to kill this (forked) process when its parent dies."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
