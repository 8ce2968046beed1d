"""The PDF rendered in a worker process (adapters/pdf_worker): the same bytes as
rendering it here, the same Swedish message when it fails, nothing written by a worker
that was stopped, and no worker left running."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from styrdok.adapters import pdf, pdf_worker

pytestmark = pytest.mark.skipif(not pdf_worker._can_fork(), reason="forks a worker")


def test_the_worker_writes_the_bytes_rendering_here_writes(tmp_path: Path, monkeypatch):
    # The font subset carries the time it was made (fontTools sets the head table's
    # date), unless SOURCE_DATE_EPOCH is set, as `styrdok bygg` sets it: without it, two
    # renders a second apart differ.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    html = pdf.standalone("T", "", "<h1>Hela programmet</h1><p>Åtgärder mot brott.</p>")
    pdf.write(html, tmp_path, tmp_path / "här.pdf")
    pending = pdf_worker.start(html, tmp_path, tmp_path / "där.pdf")
    assert not (tmp_path / "där.pdf").exists()  # written by finish, in this process
    pending.finish()
    assert (tmp_path / "där.pdf").read_bytes() == (tmp_path / "här.pdf").read_bytes()


def test_an_error_in_the_worker_is_the_same_swedish_message(tmp_path: Path):
    html = pdf.standalone("T", "", "<div>" * 2000 + "x" + "</div>" * 2000)
    with pytest.raises(PluginError) as here:
        pdf.write(html, tmp_path, tmp_path / "x.pdf")
    pending = pdf_worker.start(html, tmp_path, tmp_path / "x.pdf")
    with pytest.raises(PluginError) as there:
        pending.finish()
    assert str(there.value) == str(here.value)
    assert "PDF:en av hela programmet kunde inte skapas" in str(there.value)
    assert not (tmp_path / "x.pdf").exists()


# A table WeasyPrint takes seconds to lay out (as in test_pdf.py).
SLOW = pdf.standalone(
    "T", "", "<table>" + ("<tr>" + "<td>c</td>" * 20 + "</tr>") * 500 + "</table>"
)


def test_the_time_limit_holds_in_the_worker(tmp_path: Path):
    pending = pdf_worker.start(SLOW, tmp_path, tmp_path / "x.pdf", seconds=0.2)
    with pytest.raises(PluginError, match=r"tog mer än 0\.2 sekunder"):
        pending.finish()
    assert not (tmp_path / "x.pdf").exists()


def test_a_stopped_worker_ends_and_writes_nothing(tmp_path: Path):
    pending = pdf_worker.start(SLOW, tmp_path, tmp_path / "x.pdf")
    process = pending._process
    assert process is not None and process.is_alive()
    pid = process.pid
    started = time.monotonic()
    pending.stop()
    assert time.monotonic() - started < 5  # killed, not waited for
    assert not Path(f"/proc/{pid}").exists()
    assert list(tmp_path.iterdir()) == []


def test_write_if_ready_writes_once_the_worker_has_sent_the_bytes(tmp_path: Path):
    html = pdf.standalone("T", "", "<h1>Hela programmet</h1>")
    pdf.write(html, tmp_path, tmp_path / "här.pdf")
    pending = pdf_worker.start(html, tmp_path, tmp_path / "där.pdf")
    deadline = time.monotonic() + 60
    while not (tmp_path / "där.pdf").exists() and time.monotonic() < deadline:
        pending.write_if_ready()  # never waits: called after every page of the build
        time.sleep(0.05)
    assert (tmp_path / "där.pdf").read_bytes() == (tmp_path / "här.pdf").read_bytes()
    (tmp_path / "där.pdf").unlink()
    pending.finish()  # written already: not again
    pending.write_if_ready()
    assert not (tmp_path / "där.pdf").exists()


def test_write_if_ready_does_not_wait_for_a_slow_worker(tmp_path: Path):
    pending = pdf_worker.start(SLOW, tmp_path, tmp_path / "x.pdf")
    started = time.monotonic()
    pending.write_if_ready()
    assert time.monotonic() - started < 1
    assert not (tmp_path / "x.pdf").exists()
    pending.stop()


def test_an_error_seen_by_write_if_ready_is_the_swedish_message(tmp_path: Path):
    pending = pdf_worker.start(SLOW, tmp_path, tmp_path / "x.pdf", seconds=0.2)
    deadline = time.monotonic() + 60
    with pytest.raises(PluginError, match=r"tog mer än 0\.2 sekunder"):
        while time.monotonic() < deadline:
            pending.write_if_ready()
            time.sleep(0.05)
    assert not (tmp_path / "x.pdf").exists()
