"""How long the preview (`styrdok forhandsgranska`, `make serve`) takes to show a save.

`measure_preview(repo_copy, repetitions)` starts the preview on a copy of the source,
waits for the first build to be served, then saves a change to one anvisning (a unique
marker in its `titel` and its body) `repetitions` times and measures, for each save, the
seconds from the write until every page that depends on it shows the marker over HTTP:
its own page, the förteckning (anvisningar/), its first fokusområde's page, the page of
an organ it applies to, and its JSON document (api/v1/anvisningar/<id>.json).

It is a measurement, not a test: nothing here is asserted about the times. Run directly
for the repository's own content (copied to a temporary folder first):

    python benchmarks/bench_preview.py [--repetitions 5] [--anvisning ID] [--out FILE]
"""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from pathlib import Path

import yaml

from styrdok.tools.argparse_sv import SwedishParser

REPO = Path(__file__).resolve().parent.parent
# An anvisning that names the organ it applies to, so that organ's page lists it.
ANVISNING = "hotfulla-kontakter-i-kontaktcenter"
POLL_SECONDS = 0.05
# Longer than any reload should take, however loaded the machine.
TIMEOUT_SECONDS = 180.0
SERVED = re.compile(r"förhandsgranskningen finns på (http://\S+)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    """The body at `url`, or None while it cannot be had (the server is starting)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError):
        return None


def _front_matter(text: str) -> dict[str, object]:
    _, front, _ = text.split("---\n", 2)
    return yaml.safe_load(front)


def dependent_pages(anvisning_file: Path) -> tuple[str, ...]:
    """The addresses below the site's root that must show a change to the anvisning."""
    front = _front_matter(anvisning_file.read_text(encoding="utf-8"))
    id_ = str(front["id"])
    fokus = front["fokusomraden"]
    assert isinstance(fokus, list) and fokus, "the anvisning needs a fokusområde"
    galler_for = front.get("galler_for")
    named = galler_for.get("organ") if isinstance(galler_for, dict) else None
    # An anvisning for every organ is listed on the page of the one responsible for it.
    organ = named[0] if named else front["ansvarig"]
    return (
        f"anvisningar/{id_}/",
        "anvisningar/",
        f"fokusomraden/{fokus[0]}/",
        f"organ/{organ}/",
        f"api/v1/anvisningar/{id_}.json",
    )


def with_marker(text: str, marker: str) -> str:
    """The anvisning with `marker` at the end of its titel and of its body."""
    changed, found = re.subn(r"(?m)^(titel: .*)$", rf"\1 {marker}", text, count=1)
    assert found == 1, "the anvisning has no titel line"
    return changed.rstrip("\n") + f"\n\nÄndrad i mätningen: {marker}.\n"


class _Output:
    """The preview's output, read as it comes (so its pipe never fills up)."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        self._thread = threading.Thread(target=self._read, args=(process,), daemon=True)
        self._thread.start()

    def _read(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            self.lines.append(line)

    def served_at(self, process: subprocess.Popen[str]) -> str:
        end = time.monotonic() + TIMEOUT_SECONDS
        while time.monotonic() < end and process.poll() is None:
            for line in list(self.lines):
                if found := SERVED.search(line):
                    return found.group(1)
            time.sleep(POLL_SECONDS)
        raise RuntimeError("the preview never served the site:\n" + "".join(self.lines))


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of a process so far, where /proc says (Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wait_for(urls: Mapping[str, str], marker: str, start: float) -> float:
    """Seconds from `start` until every url shows `marker`."""
    waiting = dict(urls)
    while waiting:
        if time.perf_counter() - start > TIMEOUT_SECONDS:
            raise RuntimeError(f"never showed {marker}: {', '.join(waiting)}")
        for page, url in list(waiting.items()):
            body = _get(url)
            if body is not None and marker in body:
                del waiting[page]
        if waiting:
            time.sleep(POLL_SECONDS)
    return time.perf_counter() - start


def measure_preview(
    repo_copy: Path,
    repetitions: int = 5,
    anvisning: str = ANVISNING,
    env: Mapping[str, str] | None = None,
    cpu: list[float] | None = None,
    source_dir: Path = REPO / "src",
) -> list[float]:
    """Seconds from each of `repetitions` saves of `anvisning` in `repo_copy` (a copy of
    the source, which is changed and restored) until every dependent page shows it.

    With `cpu`, the CPU seconds the preview process spent on each reload are appended to
    it (user + system, from /proc: a figure the machine's other load does not inflate).
    `source_dir` is the styrdok code to run (this checkout's by default)."""
    source = repo_copy / "docs" / "anvisningar" / f"{anvisning}.md"
    original = source.read_text(encoding="utf-8")
    pages = dependent_pages(source)
    port = _free_port()
    environment = {**(os.environ if env is None else env)}
    # This checkout's code first, whatever styrdok the interpreter has installed.
    environment["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(source_dir), environment.get("PYTHONPATH", "")) if p
    )
    environment.setdefault("NO_MKDOCS_2_WARNING", "1")
    environment["PYTHONUNBUFFERED"] = "1"
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "styrdok.tools.cli", "forhandsgranska"),
            *("--rot", str(repo_copy), "--adress", f"127.0.0.1:{port}"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=environment,
    )
    output = _Output(process)
    times: list[float] = []
    try:
        base = output.served_at(process)
        urls = {page: base + page for page in pages}
        for page, url in urls.items():
            if _get(url) is None:
                raise RuntimeError(f"the first build does not serve {page}")
        for _ in range(repetitions):
            marker = f"matning{secrets.token_hex(4)}"
            changed = with_marker(original, marker)
            before = _cpu_seconds(process.pid)
            start = time.perf_counter()
            source.write_text(changed, encoding="utf-8")
            times.append(_wait_for(urls, marker, start))
            # The file watcher compares snapshots: let it settle before the next save.
            time.sleep(1.0)
            if cpu is not None and before is not None:
                after = _cpu_seconds(process.pid)
                if after is not None:
                    cpu.append(after - before)
    finally:
        source.write_text(original, encoding="utf-8")
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return times


def main(argv: list[str] | None = None) -> int:
    parser = SwedishParser(
        description=(
            "Mäter hur lång tid förhandsgranskningen (make serve) tar att visa en sparad "
            "ändring av en anvisning."
        )
    )
    parser.add_argument(
        "--repetitions",
        type=int,
        default=5,
        metavar="N",
        help="antal sparade ändringar (standard: 5)",
    )
    parser.add_argument(
        "--anvisning",
        default=ANVISNING,
        metavar="FIL",
        help=f"anvisningen att ändra (standard: {ANVISNING})",
    )
    parser.add_argument("--out", type=Path, metavar="FIL", help="skriv tiderna som JSON hit")
    parser.add_argument(
        "--src",
        type=Path,
        default=REPO / "src",
        metavar="MAPP",
        help="styrdoks kod att köra (standard: den här utcheckningens)",
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO / "benchmarks"))
    from corpus import make_corpus

    with tempfile.TemporaryDirectory(prefix="bench-preview-") as folder:
        copy = make_corpus(Path(folder) / "kalla", 1)
        cpu: list[float] = []
        times = measure_preview(
            copy, args.repetitions, args.anvisning, cpu=cpu, source_dir=args.src
        )
    median = statistics.median(times)
    print(
        f"preview reload: median {median:.2f} s over {len(times)} saves "
        f"({', '.join(f'{t:.2f}' for t in times)}); target ≤ 2 s"
    )
    if cpu:
        print(
            f"preview CPU per reload: median {statistics.median(cpu):.2f} s "
            f"({', '.join(f'{t:.2f}' for t in cpu)})"
        )
    if args.out:
        result = {"preview_reload_s": times, "median_s": median, "preview_cpu_s": cpu}
        args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
