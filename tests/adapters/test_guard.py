"""The build's time limit holds even where Python ignores the exception it raises."""

from __future__ import annotations

import time

import pytest

from styrdok.adapters.guard import TooSlow, time_limit


class SlowToCollect:
    def __del__(self) -> None:
        time.sleep(0.3)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_limit_that_expires_inside_a_finaliser_still_ends_the_block():
    # An exception raised in __del__ is ignored: WeasyPrint's garbage was collected
    # just as the PDF's limit expired, and the PDF went on past it.
    start = time.monotonic()
    with pytest.raises(TooSlow), time_limit(0.1):
        garbage = SlowToCollect()
        del garbage  # the alarm goes off in its __del__
        while time.monotonic() - start < 3:
            pass
    assert time.monotonic() - start < 2
