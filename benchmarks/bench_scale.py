"""The scale benchmark of issue 17: styrdok against plain MkDocs and libyaml, at N anvisningar.

For each N (default 2000 4000) on a generated corpus (benchmarks/generated_corpus.py), or
once on a repository tree given with --korpus, it measures alternately, several
repetitions, medians:

- the full build of each audience (`styrdok bygg`, leak scan and manifest included)
  against plain MkDocs + Material on the same Markdown (the plugin's generated pages
  written out as files, only the search plugin, the nav of sections as mkdocs.yml);
- `styrdok check` against the floor of libyaml parsing the same YAML;

and once, on a copy of the repository's own content, the preview: the seconds from
saving an anvisning to every page that depends on it showing the change over HTTP.
It prints each ratio against the issue's target and writes the results (JSON, and
Markdown with --markdown). A measurement, not a test: exit 0 whatever the numbers,
1 only if a build or the check fails.

    python benchmarks/bench_scale.py [--n 2000 4000] [--upprepningar 3] [--korpus DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import (
    PLAIN_CONFIG,
    BuildFailed,
    maxrss_bytes,
    measured,
    run_libyaml,
    subprocess_env,
    write_plain_source,
)
from corpus import REPO, copy_source, load_yaml, split_front_matter
from generated_corpus import make_generated_corpus

from styrdok.tools.argparse_sv import SwedishParser

MALGRUPPER = ("intranät", "publik")
PLAIN = "plain"
DEFAULT_OUT = REPO / "benchmarks" / "results-scale.json"
RSS_METHOD = (
    "ru_maxrss from os.wait4() of the command: the largest single process of its tree "
    "(Linux keeps the maximum over the waited-for descendants, not their sum)"
)
CPU_METHOD = "user + system time from os.wait4(): the command and every descendant it waited for"

# The targets of issue 17.
BUILD_OVER_PLAIN = 1.25
DOUBLING_TIME = 2.15
PAGE_SIZE_DRIFT = 0.05
CHECK_OVER_FLOOR = 3.0
CHECK_SECONDS = 2.0
RSS_OVER_PLAIN = 1.5
SEARCH_OVER_PLAIN = 1.15
PREVIEW_SECONDS = 2.0

# The duration estimate at start: plain MkDocs costs about this much per anvisning and
# per build on a two-core machine (issue 17: 18–19 s at 2,000), and the build today
# about this many times as much.
PLAIN_SECONDS_PER_ANVISNING = 0.0095
PLAIN_SECONDS_FIXED = 2.0
BUILD_OVER_PLAIN_TODAY = 4.4
PREVIEW_POLL_SECONDS = 0.05
PREVIEW_TIMEOUT = 120.0


@dataclass
class Run:
    seconds: float
    cpu_seconds: float
    peak_rss_bytes: int


@dataclass
class Series:
    """The runs of one command at one N, in the order they ran."""

    runs: list[Run] = field(default_factory=list)
    output: dict[str, float | int] = field(default_factory=dict)

    def median(self, key: str) -> float:
        return median([getattr(r, key) for r in self.runs])


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else 0.0


def rotation(items: Sequence[str], repetition: int) -> list[str]:
    """The order of `items` in repetition `repetition`: rotated one step each time, so
    each command runs first, middle and last equally often (a warm cache, another
    process on the machine, do not favour one)."""
    k = repetition % len(items) if items else 0
    return [*items[k:], *items[:k]]


# Running and measuring -------------------------------------------------------------------


def run(command: list[str], cwd: Path, log: Path) -> Run:
    """One command, measured with os.wait4 (see RSS_METHOD and CPU_METHOD)."""
    seconds, code, usage = measured(command, cwd, log)
    if code != 0:
        tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-25:]
        raise BuildFailed(f"{' '.join(command[2:5])} gav {code}:\n" + "\n".join(tail))
    return Run(seconds, usage.ru_utime + usage.ru_stime, maxrss_bytes(usage.ru_maxrss))


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "styrdok.tools.cli", *args]


def anvisning_ids(tree: Path) -> set[str]:
    folder = tree / "docs" / "anvisningar"
    return {p.stem for p in folder.glob("*.md") if p.name != "index.md"}


def measure_output(site: Path, ids: set[str]) -> dict[str, float | int]:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    anvisning = [
        p.stat().st_size for p in site.glob("anvisningar/*/index.html") if p.parent.name in ids
    ]
    index = site / "search" / "search_index.json"
    return {
        "output_bytes": sum(p.stat().st_size for p in files),
        "html_pages": len(pages),
        "anvisning_pages": len(anvisning),
        "anvisning_page_bytes_median": median(anvisning),
        "search_index_bytes": index.stat().st_size if index.is_file() else 0,
    }


def only_search_plugin(config: str) -> str:
    """mkdocs.yml with every entry of `plugins:` but `search` left out (edited as text:
    the file has !ENV tags a SafeLoader cannot read back)."""
    lines = config.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.rstrip() == "plugins:"), None)
    if start is None:
        return config + "plugins:\n  - search\n"
    kept, i = lines[: start + 1], start + 1
    entry = re.compile(r"^(\s*)- ([\w.-]+)")
    while i < len(lines) and (not lines[i].strip() or lines[i][0] in " -"):
        match = entry.match(lines[i])
        if match is None:
            kept.append(lines[i])
            i += 1
            continue
        indent, name = len(match.group(1)), match.group(2)
        end = i + 1
        while end < len(lines) and (
            not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent
        ):
            end += 1
        if name == "search":
            kept += lines[i:end]
        i = end
    return "".join(kept + lines[i:])


def prepare_plain(tree: Path, work: Path, today: date) -> Path:
    """A copy of `tree` with the generated pages as Markdown files and a config with only
    the search plugin: the same Markdown for plain MkDocs."""
    plain = work / "plain-kalla"
    shutil.copytree(tree, plain, symlinks=True, ignore=shutil.ignore_patterns(".git", "site*"))
    write_plain_source(plain, today)
    config = (plain / "mkdocs.yml").read_text(encoding="utf-8")
    (plain / PLAIN_CONFIG).write_text(only_search_plugin(config), encoding="utf-8")
    return plain


@dataclass
class SizeResult:
    n: int
    anvisningar: int
    builds: dict[str, Series]
    check: Series
    floor: Series


def bench_size(
    tree: Path, n: int, reps: int, malgrupper: Sequence[str], today: date, work: Path
) -> SizeResult:
    ids = anvisning_ids(tree)
    plain = prepare_plain(tree, work, today)
    sites = {m: work / f"site-{m}" for m in malgrupper} | {PLAIN: work / "site-plain"}
    commands: dict[str, tuple[list[str], Path]] = {
        m: (cli("bygg", "--malgrupp", m, "--till", str(sites[m]), "--rot", str(tree)), tree)
        for m in malgrupper
    }
    commands[PLAIN] = (
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-f",
            str(plain / PLAIN_CONFIG),
            "-d",
            str(sites[PLAIN]),
            "--no-strict",
        ],
        plain,
    )
    builds = {name: Series() for name in commands}
    check, floor = Series(), Series()
    log = work / "logg.txt"
    for repetition in range(reps):
        for name in rotation(list(commands), repetition):
            print(f"  N={n} omgång {repetition + 1}/{reps}: {name} …", file=sys.stderr, flush=True)
            shutil.rmtree(sites[name], ignore_errors=True)  # a fresh build, no swap of an old one
            command, cwd = commands[name]
            builds[name].runs.append(run(command, cwd, log))
        for which in rotation(["check", "floor"], repetition):
            if which == "check":
                check.runs.append(run(cli("check", "--rot", str(tree)), tree, log))
            else:
                parsed = run_libyaml(tree, log)
                floor.runs.append(Run(parsed.seconds, parsed.cpu_seconds, parsed.peak_rss_bytes))
    for name, series in builds.items():
        series.output = measure_output(sites[name], ids)
        shutil.rmtree(sites[name], ignore_errors=True)
    shutil.rmtree(plain, ignore_errors=True)
    return SizeResult(n, len(ids), builds, check, floor)


# The preview -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # only 127.0.0.1
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError):
        return None


def wait_until(test: Callable[[], bool], timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if test():
            return True
        time.sleep(PREVIEW_POLL_SECONDS)
    return False


@dataclass
class Watched:
    """An anvisning to change and the pages that must show the change."""

    path: Path
    id: str
    pages: list[str]


def preview_targets(tree: Path) -> list[Watched]:
    """Two anvisningar in force, not skyddad, with the pages that list them: the
    förteckning, their first fokusområde's page and an organ page they apply to."""
    organ = load_yaml((tree / "data" / "organ.yml").read_text(encoding="utf-8"))
    found = []
    for path in sorted((tree / "docs" / "anvisningar").glob("*.md")):
        if path.name == "index.md":
            continue
        front = load_yaml(split_front_matter(path.read_text(encoding="utf-8"))[0])
        if front["status"] != "gällande" or front["atkomst"] == "skyddad":
            continue
        target = front["galler_for"]
        if target == "alla":
            applies = next(o["id"] for o in organ if o["typ"] == "kommunstyrelse")
        elif target.get("organ"):
            applies = target["organ"][0]
        else:
            applies = next(o["id"] for o in organ if o["typ"] in target["organtyper"])
        pages = [
            f"anvisningar/{front['id']}/",
            "anvisningar/",
            f"fokusomraden/{front['fokusomraden'][0]}/",
            f"organ/{applies}/",
        ]
        found.append(Watched(path, front["id"], pages))
        if len(found) == 2:
            break
    return found


def mark(path: Path, marker: str) -> None:
    """Put `marker` in the titel and at the end of the first paragraph of the text, in
    place of an earlier one."""
    front, body = split_front_matter(path.read_text(encoding="utf-8"))
    front = re.sub(r"^(titel: .*?)( Mätord\d+)?$", rf"\1 {marker}", front, count=1, flags=re.M)
    blocks = re.sub(r" Mätord\d+-text", "", body).split("\n\n")
    first = next(i for i, b in enumerate(blocks) if b.strip() and b.lstrip()[0].isalpha())
    blocks[first] = blocks[first].rstrip("\n") + f" {marker}-text"
    path.write_text(f"---\n{front}---\n" + "\n\n".join(blocks), encoding="utf-8")


def measure_preview(reps: int, work: Path) -> dict[str, object]:
    """Seconds from writing a change to an anvisning to every page depending on it
    showing it, on a copy of the repository's own content served by the preview."""
    tree = work / "forhandsgranskning"
    copy_source(tree)
    watched = preview_targets(tree)
    if not watched:
        return {"fel": "ingen gällande anvisning att ändra"}
    port = free_port()
    log_path = work / "forhandsgranskning.log"
    log = log_path.open("wb")
    process = subprocess.Popen(
        cli("forhandsgranska", "--adress", f"127.0.0.1:{port}", "--rot", str(tree)),
        cwd=tree,
        env=subprocess_env(),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    times: list[float] = []
    try:
        address = re.compile(rf"http://127\.0\.0\.1:{port}\S*")
        found: list[str] = []

        def served() -> bool:
            match = address.search(log_path.read_text(encoding="utf-8", errors="replace"))
            if match:
                found.append(match.group().rstrip("/") + "/")
            return bool(match) or process.poll() is not None

        if not wait_until(served, PREVIEW_TIMEOUT) or not found:
            return {"fel": "förhandsgranskningen startade inte", "logg": tail(log_path)}
        base = found[0]  # given once the preview's watcher sees a save
        for repetition in range(reps):
            item = watched[repetition % len(watched)]
            marker = f"Mätord{repetition + 1}"
            urls = [base + page for page in item.pages]
            start = time.perf_counter()
            mark(item.path, marker)

            def shows(urls: list[str] = urls, marker: str = marker) -> bool:
                pages = [fetch(url) for url in urls]
                return all(p is not None and marker in p for p in pages) and (
                    f"{marker}-text" in (pages[0] or "")
                )

            if not wait_until(shows, PREVIEW_TIMEOUT):
                return {
                    "fel": f"sidorna visade inte ändringen inom {PREVIEW_TIMEOUT:.0f} s",
                    "sidor": urls,
                    "sekunder": times,
                    "logg": tail(log_path),
                }
            times.append(time.perf_counter() - start)
            time.sleep(1.0)  # let the server settle before the next save
        return {
            "sekunder": [round(t, 3) for t in times],
            "median_sekunder": median(times),
            "sidor": [item.pages for item in watched],
        }
    finally:
        process.terminate()  # SIGTERM: the preview removes its temporary folder
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def tail(path: Path, lines: int = 15) -> str:
    return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])


# Targets ---------------------------------------------------------------------------------


@dataclass
class Target:
    label: str
    value: float | None
    limit: str
    met: bool | None

    @property
    def verdict(self) -> str:
        return "–" if self.met is None else ("uppfyllt" if self.met else "missat")


def _ratio(a: float, b: float) -> float | None:
    return a / b if b else None


def _target(label: str, value: float | None, limit: float, text: str, upper: bool = True) -> Target:
    met = None if value is None else (value <= limit if upper else value < limit)
    return Target(label, value, text, met)


def evaluate_targets(
    sizes: Sequence[SizeResult], malgrupper: Sequence[str], preview_seconds: float | None
) -> list[Target]:
    """Each of the issue's targets with its value: the first N is the base ("2,000"),
    the second the larger ("4,000"); the doubling target scales with their ratio."""
    found: list[Target] = []
    base = sizes[0] if sizes else None
    larger = sizes[1] if len(sizes) > 1 else None
    for m in malgrupper:
        if base is None:
            break
        b, p = base.builds[m], base.builds[PLAIN]
        found.append(
            _target(
                f"bygge {m} / ren MkDocs, tid, N={base.n}",
                _ratio(b.median("seconds"), p.median("seconds")),
                BUILD_OVER_PLAIN,
                f"≤ {BUILD_OVER_PLAIN}",
            )
        )
        if larger is not None:
            scale = larger.n / base.n
            limit = DOUBLING_TIME * scale / 2
            found.append(
                _target(
                    f"bygge {m}, tid N={larger.n} / N={base.n}",
                    _ratio(larger.builds[m].median("seconds"), b.median("seconds")),
                    limit,
                    f"≤ {limit:.2f}",
                )
            )
            drift = _ratio(
                float(larger.builds[m].output["anvisning_page_bytes_median"]),
                float(b.output["anvisning_page_bytes_median"]),
            )
            found.append(
                Target(
                    f"anvisningssida {m}, median N={larger.n} / N={base.n}",
                    drift,
                    f"{1 - PAGE_SIZE_DRIFT:.2f}–{1 + PAGE_SIZE_DRIFT:.2f}",
                    None if drift is None else abs(drift - 1) <= PAGE_SIZE_DRIFT,
                )
            )
        for size in sizes:
            s, q = size.builds[m], size.builds[PLAIN]
            found.append(
                _target(
                    f"minne {m} / ren MkDocs, N={size.n}",
                    _ratio(s.median("peak_rss_bytes"), q.median("peak_rss_bytes")),
                    RSS_OVER_PLAIN,
                    f"≤ {RSS_OVER_PLAIN}",
                )
            )
            found.append(
                _target(
                    f"sökindex {m} / ren MkDocs, N={size.n}",
                    _ratio(
                        float(s.output["search_index_bytes"]),
                        float(q.output["search_index_bytes"]),
                    ),
                    SEARCH_OVER_PLAIN,
                    f"≤ {SEARCH_OVER_PLAIN}",
                )
            )
    if base is not None:
        found.append(
            _target(
                f"styrdok check / libyaml, N={base.n}",
                _ratio(base.check.median("seconds"), base.floor.median("seconds")),
                CHECK_OVER_FLOOR,
                f"≤ {CHECK_OVER_FLOOR:g}",
            )
        )
        found.append(
            _target(
                f"styrdok check, sekunder, N={base.n}",
                base.check.median("seconds"),
                CHECK_SECONDS,
                f"< {CHECK_SECONDS:g} s",
                upper=False,
            )
        )
    if preview_seconds is not None:
        found.append(
            _target(
                "förhandsgranskning, sekunder till omladdad sida",
                preview_seconds,
                PREVIEW_SECONDS,
                f"≤ {PREVIEW_SECONDS:g} s",
            )
        )
    return found


def estimate_seconds(
    ns: Sequence[int], reps: int, audiences: int, preview: bool
) -> tuple[float, float]:
    """(if the build meets its target, with the build as slow as today): the expected
    duration of the whole run, from the plain build's cost per anvisning."""

    def total(over_plain: float) -> float:
        seconds = 0.0
        for n in ns:
            plain = PLAIN_SECONDS_FIXED + PLAIN_SECONDS_PER_ANVISNING * n
            check = 0.5 + 0.002 * n
            seconds += reps * (plain * (1 + audiences * over_plain) + 1.3 * check) + plain
            seconds += 0.0002 * n  # the corpus
        return seconds + (90.0 if preview else 0.0)

    return total(BUILD_OVER_PLAIN), total(BUILD_OVER_PLAIN_TODAY)


# Reports ---------------------------------------------------------------------------------


def machine() -> dict[str, object]:
    cpu = ""
    with open("/proc/cpuinfo", encoding="utf-8") as info:  # Linux; absent elsewhere
        cpu = next((ln.split(":", 1)[1].strip() for ln in info if ln.startswith("model name")), "")
    ram = 0
    with open("/proc/meminfo", encoding="utf-8") as info:
        ram = next((int(ln.split()[1]) * 1024 for ln in info if ln.startswith("MemTotal")), 0)
    commit = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return {
        "cpu": cpu,
        "karnor": os.cpu_count(),
        "ram_bytes": ram,
        "os": platform.platform(),
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs_material": version("mkdocs-material"),
        "commit": commit or None,
        "datum": datetime.now().astimezone().isoformat(timespec="seconds"),
    }


def _safe_machine() -> dict[str, object]:
    try:
        return machine()
    except OSError:  # no /proc (not Linux)
        return {"os": platform.platform(), "python": platform.python_version()}


def target_rows(targets: Sequence[Target]) -> list[list[str]]:
    return [
        [t.label, "–" if t.value is None else f"{t.value:.2f}", t.limit, t.verdict] for t in targets
    ]


ABSOLUTE = (
    ("tid s (median)", "seconds", "{:.2f}"),
    ("CPU s (median)", "cpu_seconds", "{:.2f}"),
    ("största process MiB (median)", "peak_rss_bytes", "{:.1f}"),
)
OUTPUT = (
    ("utdata byte", "output_bytes", "{:,.0f}"),
    ("HTML-sidor", "html_pages", "{:,.0f}"),
    ("anvisningssida byte (median)", "anvisning_page_bytes_median", "{:,.0f}"),
    ("sökindex byte", "search_index_bytes", "{:,.0f}"),
)


def absolute_rows(sizes: Sequence[SizeResult]) -> tuple[list[str], list[list[str]]]:
    if not sizes:
        return [""], []
    names = list(sizes[0].builds)
    header = ["", *(f"{name} N={s.n}" for s in sizes for name in names)]
    body = []
    for label, key, fmt in ABSOLUTE:
        cells = []
        for s in sizes:
            for name in names:
                value = s.builds[name].median(key)
                cells.append(fmt.format(value / 2**20 if key == "peak_rss_bytes" else value))
        body.append([label, *cells])
    for label, key, fmt in OUTPUT:
        body.append([label, *(fmt.format(s.builds[n].output[key]) for s in sizes for n in names)])
    return header, body


def check_rows(sizes: Sequence[SizeResult]) -> tuple[list[str], list[list[str]]]:
    header = ["", *(f"N={s.n}" for s in sizes)]
    body = [
        ["anvisningar", *(f"{s.anvisningar:,}" for s in sizes)],
        ["styrdok check s (median)", *(f"{s.check.median('seconds'):.2f}" for s in sizes)],
        ["styrdok check CPU s", *(f"{s.check.median('cpu_seconds'):.2f}" for s in sizes)],
        ["libyaml s (median)", *(f"{s.floor.median('seconds'):.2f}" for s in sizes)],
        ["libyaml CPU s", *(f"{s.floor.median('cpu_seconds'):.2f}" for s in sizes)],
    ]
    return header, body


def aligned(header: list[str], body: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]
    rows = [header, ["-" * w for w in widths], *body]
    return "\n".join(
        "  ".join(
            [r[0].ljust(widths[0]), *(c.rjust(w) for c, w in zip(r[1:], widths[1:], strict=True))]
        )
        for r in rows
    )


def markdown_table(header: list[str], body: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in body])


def page_count_note(sizes: Sequence[SizeResult], malgrupper: Sequence[str]) -> list[str]:
    notes = []
    for s in sizes:
        plain = s.builds[PLAIN].output["html_pages"]
        for m in malgrupper:
            pages = s.builds[m].output["html_pages"]
            notes.append(
                f"N={s.n}: {m} {pages:,} HTML-sidor, ren MkDocs {plain:,}"
                + ("" if pages == plain else f" (skillnad {int(pages) - int(plain):+,})")
            )
    return notes


def markdown_report(report: dict, sizes: Sequence[SizeResult], targets: Sequence[Target]) -> str:
    m = report["maskin"]
    lines = [
        f"Run of {m.get('datum')} on {m.get('cpu')}, {m.get('karnor')} cores, "
        f"{int(m.get('ram_bytes') or 0) / 2**30:.1f} GiB RAM, {m.get('os')}; Python "
        f"{m.get('python')}, MkDocs {m.get('mkdocs')}, Material {m.get('mkdocs_material')}; "
        f"commit {m.get('commit')}; {report['upprepningar']} repetitions, medians.",
        "",
        markdown_table(["Mått", "Värde", "Mål", "Utfall"], target_rows(targets)),
        "",
        markdown_table(*absolute_rows(sizes)),
        "",
        markdown_table(*check_rows(sizes)),
        "",
        *(f"- {note}" for note in report["sidantal"]),
    ]
    preview = report.get("forhandsgranskning") or {}
    if "median_sekunder" in preview:
        lines.append(
            f"- Förhandsgranskning: {preview['sekunder']} s, median {preview['median_sekunder']:.2f} s"
        )
    return "\n".join(lines) + "\n"


# The command -----------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = SwedishParser(
        description=(
            "Skalmätningen (ärende 17): styrdok bygg och styrdok check mot vanlig MkDocs "
            "och libyamls tolkning av samma filer, vid N anvisningar. Skriver varje kvot "
            "mot sitt mål och resultatet som JSON (och Markdown med --markdown)."
        )
    )
    parser.add_argument(
        "--n",
        type=int,
        nargs="+",
        default=[2000, 4000],
        metavar="N",
        help="antal genererade anvisningar, i stigande ordning (standard: 2000 4000)",
    )
    parser.add_argument(
        "--upprepningar",
        type=int,
        default=3,
        metavar="R",
        help="omgångar per storlek; medianen redovisas (standard: 3)",
    )
    parser.add_argument(
        "--malgrupp",
        nargs="+",
        choices=MALGRUPPER,
        default=list(MALGRUPPER),
        help="målgrupperna att bygga (standard: båda)",
    )
    parser.add_argument(
        "--korpus",
        type=Path,
        default=None,
        metavar="MAPP",
        help="bygg den här förrådsmappen som den är i stället för genererade korpusar",
    )
    parser.add_argument(
        "--utan-forhandsgranskning",
        action="store_true",
        help="mät inte förhandsgranskningen",
    )
    parser.add_argument(
        "--referensdatum",
        type=date.fromisoformat,
        default=date(2026, 12, 1),
        metavar="DATUM",
        help="dagen byggena avgör vad som gäller för (standard: 2026-12-01)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        metavar="FIL",
        help="resultatfilen, JSON (standard: benchmarks/results-scale.json)",
    )
    parser.add_argument(
        "--markdown",
        type=Path,
        default=None,
        metavar="FIL",
        help="skriv också resultatet som Markdown hit",
    )
    args = parser.parse_args(argv)
    if args.upprepningar < 1 or min(args.n) < 1 or sorted(args.n) != args.n:
        parser.error("--upprepningar minst 1, --n i stigande ordning")
    if args.korpus is not None and not (args.korpus / "mkdocs.yml").is_file():
        parser.error(f"{args.korpus} har ingen mkdocs.yml")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # Every build and check gets these through subprocess_env(): the corpus has no git.
    os.environ["STYRDOK_REFERENSDATUM"] = args.referensdatum.isoformat()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    ns = args.n if args.korpus is None else [len(anvisning_ids(args.korpus))]
    fast, today = estimate_seconds(
        ns, args.upprepningar, len(args.malgrupp), not args.utan_forhandsgranskning
    )
    print(
        f"bench_scale: N={ns}, {args.upprepningar} omgångar; väntad tid ≈ {fast / 60:.0f} min "
        f"om bygget når målet, ≈ {today / 60:.0f} min om det är som i dag",
        file=sys.stderr,
    )
    sizes: list[SizeResult] = []
    preview: dict[str, object] | None = None
    with tempfile.TemporaryDirectory(prefix="styrdok-skala-") as tmp:
        work = Path(tmp)
        try:
            for n in ns:
                tree = (
                    args.korpus.resolve()
                    if args.korpus
                    else make_generated_corpus(work / f"korpus-{n}", n)
                )
                (work / f"n-{n}").mkdir()
                sizes.append(
                    bench_size(
                        tree,
                        n,
                        args.upprepningar,
                        args.malgrupp,
                        args.referensdatum,
                        work / f"n-{n}",
                    )
                )
                if args.korpus is None:
                    shutil.rmtree(tree, ignore_errors=True)
        except BuildFailed as failure:
            print(
                f"bench_scale: ett bygge eller kontrollen misslyckades:\n{failure}", file=sys.stderr
            )
            return 1
        if not args.utan_forhandsgranskning:
            print("  förhandsgranskning …", file=sys.stderr, flush=True)
            preview = measure_preview(args.upprepningar, work)
    preview_seconds = preview.get("median_sekunder") if preview else None
    targets = evaluate_targets(sizes, args.malgrupp, preview_seconds)  # type: ignore[arg-type]
    report = {
        "maskin": _safe_machine(),
        "metod": {
            "cpu": CPU_METHOD,
            "minne": RSS_METHOD,
            "referensdatum": args.referensdatum.isoformat(),
            "korpus": str(args.korpus) if args.korpus else "benchmarks/generated_corpus.py",
        },
        "upprepningar": args.upprepningar,
        "storlekar": [
            {
                "n": s.n,
                "anvisningar": s.anvisningar,
                "byggen": {k: asdict(v) for k, v in s.builds.items()},
                "check": asdict(s.check),
                "libyaml": asdict(s.floor),
            }
            for s in sizes
        ],
        "sidantal": page_count_note(sizes, args.malgrupp),
        "forhandsgranskning": preview,
        "mal": [asdict(t) | {"utfall": t.verdict} for t in targets],
    }
    print(aligned(["Mått", "Värde", "Mål", "Utfall"], target_rows(targets)))
    print()
    print(aligned(*absolute_rows(sizes)))
    print()
    print(aligned(*check_rows(sizes)))
    print()
    for note in report["sidantal"]:
        print(note)
    if preview and "fel" in preview:
        print(f"förhandsgranskning: {preview['fel']}")
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"skrev {args.out}", file=sys.stderr)
    if args.markdown is not None:
        args.markdown.write_text(markdown_report(report, sizes, targets), encoding="utf-8")
        print(f"skrev {args.markdown}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
