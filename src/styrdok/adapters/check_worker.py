"""The leak scan of `styrdok check` on the second core, while the rules run on this one.

At thousands of anvisningar the leak scan is more than half of the check (BENCHMARKS.md)
and needs only the linked model, which the rules leave as it is: a forked worker computes
it from the model as it is at the fork, and sends the problems back. The check's
answer is the same either way; anything that goes wrong in the worker (an error, a
worker that was killed, one that cannot be forked) and the scan is run here instead,
after the rules, so what is said is what the check without a worker says.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable
from multiprocessing.connection import Connection

from styrdok.adapters.workers import can_fork, die_with_parent, end
from styrdok.core.problems import Problem

Compute = Callable[[], list[Problem]]


def _compute_into(out: Connection, compute: Compute) -> None:
    die_with_parent()
    try:
        try:
            outcome: tuple[bool, list[Problem] | None] = (True, compute())
        except BaseException:  # said by the check process, which runs it again
            outcome = (False, None)
        out.send(outcome)
    except (KeyboardInterrupt, BrokenPipeError, OSError):
        pass  # Ctrl+C reaches the whole process group; the check process says it
    finally:
        out.close()
        # No atexit handlers or finalisers of the check process run twice.
        os._exit(0)


def beside(compute: Compute) -> Compute:
    """`compute` started in a forked worker; the function returned gives its problems
    (computed here if the worker could not give them)."""
    if not can_fork():
        return compute
    context = multiprocessing.get_context("fork")
    # What the garbage collector reads of an object it writes too: a collection in either
    # process would copy every page of the model it visits, at seconds for thousands of
    # anvisningar. Frozen, the objects there are now are left out of collections until
    # the worker is done (Python's documentation of gc.freeze advises it before a fork).
    gc.freeze()
    try:
        received, sent = context.Pipe(duplex=False)
        process = context.Process(target=_compute_into, args=(sent, compute), daemon=True)
        process.start()
    except OSError:  # no process to be had (a limit on processes, on memory)
        gc.unfreeze()
        return compute
    sent.close()

    def result() -> list[Problem]:
        try:
            ok, problems = received.recv()
        except (EOFError, OSError):  # the worker died without a word
            ok, problems = False, None
        finally:
            received.close()
            end(process)
            gc.unfreeze()
        return problems if ok and problems is not None else compute()

    return result
