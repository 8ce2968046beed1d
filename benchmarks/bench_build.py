"""Measure how the built site grows when the anvisningar are multiplied.

For each factor the source is copied with every anvisning repeated that many times
(benchmarks/corpus.py), built with `mkdocs build --strict`, and the output measured.
With --uppfoljning, the real content is also compared with generated follow-ups of
that many years (50 reporting bodies, 20 risks a report by default), with the time of
`styrdok check` alone. Each corpus is also built by plain MkDocs, without the styrdok
plugin, from the same Markdown. This is a measurement, not a test: it exits 0 whatever
the numbers say and exits 1 only if a build fails.

    python benchmarks/bench_build.py [--factors 1 10] [--uppfoljning 1 5 10]
                                     [--out benchmarks/results.json]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import date, datetime
from importlib.metadata import version
from pathlib import Path

# benchmarks/ is not a package; this lets the module be imported from anywhere. corpus
# also puts this checkout's src/ first on sys.path, so `styrdok` below is its code.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import REPO, FollowUp, load_yaml, make_corpus

from styrdok.core.pipeline import check_project
from styrdok.core.project import Project
from styrdok.select import select
from styrdok.tools.argparse_sv import SwedishParser
from styrdok.views import crossref, uppfoljning_pages

# The verdict's thresholds (see README.md): per-page size may drift a little as
# generated lists grow, but not by a quarter; total output may not outgrow the pages.
MAX_MEAN_PER_PAGE_GROWTH = 1.25
MAX_TOTAL_OVER_PAGE_RATIO = 1.5

# Material marks every navigation entry with this class; counting it shows directly
# whether the nav written into each page grows with the content.
NAV_LINK_MARK = 'class="md-nav__link'

RSS_METHOD = "os.wait4() ru_maxrss of the mkdocs process"

# The follow-up verdict (see README.md): with years y1 < y2 < y3 and everything else
# fixed, the step ratio (v3 - v2) / (v2 - v1) is (y3 - y2) / (y2 - y1) when a measure
# grows linearly in years (1.25 for 1, 5, 10), and (y3² - y2²) / (y2² - y1²) when it
# grows with their square (3.1). A measure passes below the geometric mean of the two
# (2.0): far enough from 1.25 that timing noise on a shared machine does not fail it.
# Times are CPU, not wall time: on a shared two-core machine the wall time of one build
# varies by seconds, which swamps the step ratio.
FOLLOW_UP_VERDICT_FIELDS = (
    "build_cpu_seconds",
    "check_cpu_seconds",
    "html_bytes_total",
    "site_bytes_total",
    "html_bytes_max",
    "oversikt_bytes",
    "search_index_bytes",
)

# The subprocesses run this checkout's code, not the styrdok the venv has installed
# (which may be an editable install of another checkout).
SRC = REPO / "src"
PLAIN_CONFIG = "mkdocs.plain.yml"
PLAIN_SITE = "site-plain"


@dataclass
class Build:
    seconds: float
    peak_rss_bytes: int
    # User + system CPU time of the process: less disturbed than wall time by other
    # work on the machine.
    cpu_seconds: float


@dataclass
class Result:
    factor: int
    organ_factor: int
    anvisningar: int
    build_seconds: float
    build_seconds_all: list[float]
    build_cpu_seconds: float
    peak_rss_bytes: int
    html_pages: int
    html_bytes_total: int
    html_bytes_mean: float
    html_bytes_median: float
    html_bytes_max: int
    search_index_bytes: int
    anvisning_pages: int
    anvisning_html_bytes_mean: float
    nav_links_per_page_mean: float
    plain_build_seconds: float
    plain_build_cpu_seconds: float
    plain_html_bytes_total: int


@dataclass
class FollowUpResult:
    label: str
    years: int
    reporting_bodies: int
    reports: int
    risks: int
    indicators: int
    build_seconds: float
    build_seconds_all: list[float]
    build_cpu_seconds: float
    peak_rss_bytes: int
    check_seconds: float
    check_seconds_all: list[float]
    check_cpu_seconds: float
    libyaml_parse_seconds: float
    plain_build_seconds: float
    plain_build_cpu_seconds: float
    plain_html_bytes_total: int
    html_pages: int
    html_bytes_total: int
    site_bytes_total: int
    html_bytes_max: int
    largest_page: str
    oversikt_bytes: int
    year_pages: int
    year_page_bytes_max: int
    organ_page_bytes_mean: float
    anvisning_html_bytes_mean: float
    nav_links_per_page_mean: float
    search_index_bytes: int
    follow_up_json_bytes: int


class BuildFailed(Exception):
    pass


def build_command(
    dest: Path, strict: bool, config: str = "mkdocs.yml", site: str = "site"
) -> list[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(dest / config)]
    command += ["-d", str(dest / site)]
    # --no-strict, not nothing: mkdocs.yml itself says strict: true.
    return [*command, "--strict" if strict else "--no-strict"]


def subprocess_env() -> dict[str, str]:
    """The environment of every build and check: this checkout's src/ first."""
    path = os.pathsep.join(p for p in (str(SRC), os.environ.get("PYTHONPATH")) if p)
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": path}


def maxrss_bytes(ru_maxrss: int) -> int:
    # Linux reports KiB, macOS bytes.
    return ru_maxrss if sys.platform == "darwin" else ru_maxrss * 1024


def measured(command: list[str], cwd: Path, log: Path) -> tuple[float, int, resource.struct_rusage]:
    """Run `command` with its output in `log`: wall seconds, exit code and the child's
    rusage. os.wait4 gives the rusage of exactly this child, where RUSAGE_CHILDREN
    would only give the maximum over all children so far."""
    with log.open("wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=subprocess_env(), stdout=out, stderr=subprocess.STDOUT
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    # Popen did not reap the child itself; tell it, so it does not wait again.
    process.returncode = os.waitstatus_to_exitcode(status)
    return seconds, process.returncode, usage


def run_build(dest: Path, strict: bool, log: Path, command: list[str] | None = None) -> Build:
    """One build (or `command`), measured (`measured`)."""
    command = command or build_command(dest, strict)
    seconds, code, usage = measured(command, dest, log)
    if code != 0:
        raise BuildFailed(failure_summary(log.read_text(encoding="utf-8", errors="replace")))
    return Build(seconds, maxrss_bytes(usage.ru_maxrss), usage.ru_utime + usage.ru_stime)


def failure_summary(output: str, limit: int = 25, tail: int = 6) -> str:
    """The distinct warning and error lines of a failed build, then its last lines,
    which name the file and line when the build died with a traceback."""
    lines = output.splitlines()
    seen: list[str] = []
    for line in lines:
        if line.startswith(("WARNING", "ERROR")) and line not in seen:
            seen.append(line)
    shown = seen[:limit]
    if len(seen) > limit:
        shown.append(f"… and {len(seen) - limit} more distinct warning/error lines")
    shown += [line for line in lines[-tail:] if line not in shown]
    return "\n".join(shown)


def anvisning_ids(dest: Path) -> set[str]:
    folder = dest / "docs" / "anvisningar"
    return {p.stem for p in folder.glob("*.md") if p.name != "index.md"}


def measure_site(site: Path, anvisningar: set[str]) -> dict[str, float | int]:
    pages = sorted(site.rglob("*.html"))
    if not pages:
        raise BuildFailed(f"no HTML files in {site}")
    sizes = [p.stat().st_size for p in pages]
    # Generated lists also live under anvisningar/, so only real anvisning ids count.
    anvisning_sizes = [
        p.stat().st_size
        for p in site.glob("anvisningar/*/index.html")
        if p.parent.name in anvisningar
    ]
    nav_links = [p.read_text(encoding="utf-8").count(NAV_LINK_MARK) for p in pages]
    search_index = site / "search" / "search_index.json"
    return {
        "html_pages": len(pages),
        "html_bytes_total": sum(sizes),
        "html_bytes_mean": statistics.fmean(sizes),
        "html_bytes_median": statistics.median(sizes),
        "html_bytes_max": max(sizes),
        "search_index_bytes": search_index.stat().st_size if search_index.is_file() else 0,
        "anvisning_pages": len(anvisning_sizes),
        "anvisning_html_bytes_mean": statistics.fmean(anvisning_sizes) if anvisning_sizes else 0,
        "nav_links_per_page_mean": statistics.fmean(nav_links),
    }


# Plain MkDocs on the same Markdown ----------------------------------------------------


def without_styrdok_plugin(config: str) -> str:
    """mkdocs.yml without the `- styrdok:` entry of `plugins:` and its indented options.
    Edited as text: the file has !ENV tags a SafeLoader cannot read back."""
    lines = config.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.strip() == "- styrdok:"), None)
    if start is None:
        raise BuildFailed("mkdocs.yml has no '- styrdok:' plugin entry to leave out")
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and (
        not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent
    ):
        end += 1
    return "".join(lines[:start] + lines[end:])


def write_plain_source(dest: Path, today: date | None = None) -> None:
    """Write the pages the plugin generates into docs/ as files, and a config without the
    plugin, so plain MkDocs builds the same Markdown. Done after the styrdok builds:
    `styrdok check` would refuse these files in docs/. `today` is the reference day the
    pages are generated for (default: today)."""
    outcome = check_project(Project.at(dest))
    if outcome.model is None or not outcome.ok:
        raise BuildFailed(f"styrdok check failed on {dest}")
    pub = select(outcome.model)
    today = today or datetime.now().date()
    for page in [*crossref.generate(pub, today), *uppfoljning_pages.generate(pub, today)]:
        path = dest / "docs" / page.sida
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.text, encoding="utf-8")
    config = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    (dest / PLAIN_CONFIG).write_text(without_styrdok_plugin(config), encoding="utf-8")


def bench_plain(dest: Path, runs: int, log: Path) -> dict[str, float | int]:
    """Best wall and CPU time of plain MkDocs builds (not --strict: without the plugin
    some links, e.g. to the CSV files and the API, have no target) and the HTML bytes."""
    write_plain_source(dest)
    command = build_command(dest, False, PLAIN_CONFIG, PLAIN_SITE)
    builds = [run_build(dest, False, log, command) for _ in range(runs)]
    return {
        "plain_build_seconds": min(b.seconds for b in builds),
        "plain_build_cpu_seconds": min(b.cpu_seconds for b in builds),
        "plain_html_bytes_total": sum(
            p.stat().st_size for p in (dest / PLAIN_SITE).rglob("*.html")
        ),
    }


def bench_factor(factor: int, organ_factor: int, runs: int, strict: bool) -> Result:
    with tempfile.TemporaryDirectory(prefix=f"styrdok-bench-{factor}-") as tmp:
        dest = make_corpus(Path(tmp) / "corpus", factor, organ_factor)
        builds = [run_build(dest, strict, Path(tmp) / "build.log") for _ in range(runs)]
        ids = anvisning_ids(dest)
        site = measure_site(dest / "site", ids)
        plain = bench_plain(dest, runs, Path(tmp) / "plain.log")
    return Result(
        factor=factor,
        organ_factor=organ_factor,
        anvisningar=len(ids),
        build_seconds=min(b.seconds for b in builds),
        build_seconds_all=[round(b.seconds, 3) for b in builds],
        build_cpu_seconds=min(b.cpu_seconds for b in builds),
        peak_rss_bytes=max(b.peak_rss_bytes for b in builds),
        **plain,
        **site,
    )


# The follow-up ---------------------------------------------------------------------------


def run_check(dest: Path, log: Path) -> Build:
    """`styrdok check` on the corpus, interpreter start-up included."""
    command = [sys.executable, "-m", "styrdok.tools.cli", "check", "--rot", str(dest)]
    return run_build(dest, False, log, command)


# The baseline for the check: libyaml parsing every YAML file and front matter the check
# reads, in a fresh interpreter like the check, and nothing else.
LIBYAML_PARSE = """
import sys, pathlib, yaml
root = pathlib.Path(sys.argv[1])
for path in sorted((root / "data").rglob("*.yml")):
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
for path in sorted((root / "docs").rglob("*.md")):
    text = path.read_text(encoding="utf-8")
    if text.startswith("---"):
        yaml.load(text.split("---", 2)[1], Loader=yaml.CSafeLoader)
"""


def run_libyaml(dest: Path, log: Path) -> Build:
    """libyaml's parse of the same source, interpreter start-up included."""
    return run_build(dest, False, log, [sys.executable, "-c", LIBYAML_PARSE, str(dest)])


def follow_up_counts(data: Path) -> dict[str, int]:
    years = [load_yaml(p.read_text(encoding="utf-8")) for p in (data / "uppfoljning").glob("*.yml")]
    reports = [r for year in years for r in year["rapporter"]]
    return {
        "years": len(years),
        "reporting_bodies": len({r["organ"] for r in reports}),
        "reports": len(reports),
        "risks": sum(len(r.get("risker", ())) for r in reports),
        "indicators": len(list((data / "indikatorer").glob("*.yml"))),
    }


def measure_follow_up_site(dest: Path) -> dict[str, float | int | str]:
    site = dest / "site"
    measured = measure_site(site, anvisning_ids(dest))
    pages = {p: p.stat().st_size for p in site.rglob("*.html")}
    largest = max(pages, key=lambda p: pages[p])
    years = [
        s
        for p, s in pages.items()
        if p.parent.parent == site / "uppfoljning" and p.parent.name.isdigit()
    ]
    organ_ids = {
        e["id"] for e in load_yaml((dest / "data" / "organ.yml").read_text(encoding="utf-8"))
    }
    organ = [
        s
        for p, s in pages.items()
        if p.parent.parent == site / "organ" and p.parent.name in organ_ids
    ]
    oversikt = site / "uppfoljning" / "oversikt" / "index.html"
    api = site / "api" / "v1"
    return {
        "html_pages": measured["html_pages"],
        "html_bytes_total": measured["html_bytes_total"],
        "site_bytes_total": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        "html_bytes_max": pages[largest],
        "largest_page": largest.relative_to(site).as_posix(),
        "oversikt_bytes": oversikt.stat().st_size if oversikt.is_file() else 0,
        "year_pages": len(years),
        "year_page_bytes_max": max(years, default=0),
        "organ_page_bytes_mean": statistics.fmean(organ) if organ else 0.0,
        "anvisning_html_bytes_mean": measured["anvisning_html_bytes_mean"],
        "nav_links_per_page_mean": measured["nav_links_per_page_mean"],
        "search_index_bytes": measured["search_index_bytes"],
        "follow_up_json_bytes": sum(
            (api / name).stat().st_size
            for name in ("uppfoljning.json", "riskbild.json", "indikatorer.json")
            if (api / name).is_file()
        ),
    }


def bench_follow_up(
    label: str, follow_up: FollowUp | None, organ_factor: int, runs: int, strict: bool
) -> FollowUpResult:
    with tempfile.TemporaryDirectory(prefix="styrdok-bench-uppfoljning-") as tmp:
        dest = make_corpus(Path(tmp) / "corpus", 1, organ_factor, follow_up)
        builds = [run_build(dest, strict, Path(tmp) / "build.log") for _ in range(runs)]
        checks = [run_check(dest, Path(tmp) / "check.log") for _ in range(runs)]
        parses = [run_libyaml(dest, Path(tmp) / "parse.log") for _ in range(runs)]
        counts = follow_up_counts(dest / "data")
        site = measure_follow_up_site(dest)
        plain = bench_plain(dest, runs, Path(tmp) / "plain.log")
    return FollowUpResult(
        label=label,
        build_seconds=min(b.seconds for b in builds),
        build_seconds_all=[round(b.seconds, 3) for b in builds],
        build_cpu_seconds=min(b.cpu_seconds for b in builds),
        peak_rss_bytes=max(b.peak_rss_bytes for b in builds),
        check_seconds=min(c.seconds for c in checks),
        check_seconds_all=[round(c.seconds, 3) for c in checks],
        check_cpu_seconds=min(c.cpu_seconds for c in checks),
        libyaml_parse_seconds=min(p.seconds for p in parses),
        **plain,
        **counts,
        **site,
    )


# (label, Result field, formatter) for the printed table.
ROWS = (
    ("anvisningar", "anvisningar", "{:,.0f}"),
    ("HTML pages", "html_pages", "{:,.0f}"),
    ("  of which anvisning pages", "anvisning_pages", "{:,.0f}"),
    ("total HTML bytes", "html_bytes_total", "{:,.0f}"),
    ("mean HTML bytes/page", "html_bytes_mean", "{:,.0f}"),
    ("median HTML bytes/page", "html_bytes_median", "{:,.0f}"),
    ("max HTML bytes/page", "html_bytes_max", "{:,.0f}"),
    ("mean HTML bytes/anvisning page", "anvisning_html_bytes_mean", "{:,.0f}"),
    ("mean nav links/page", "nav_links_per_page_mean", "{:,.1f}"),
    ("search index bytes", "search_index_bytes", "{:,.0f}"),
    ("build time s (best)", "build_seconds", "{:.2f}"),
    ("build CPU s (best)", "build_cpu_seconds", "{:.2f}"),
    ("peak RSS MiB", "peak_rss_bytes", "{:,.1f}"),
    ("plain MkDocs build time s", "plain_build_seconds", "{:.2f}"),
    ("plain MkDocs build CPU s", "plain_build_cpu_seconds", "{:.2f}"),
    ("plain MkDocs total HTML bytes", "plain_html_bytes_total", "{:,.0f}"),
)

FOLLOW_UP_ROWS = (
    ("years", "years", "{:,.0f}"),
    ("reporting bodies", "reporting_bodies", "{:,.0f}"),
    ("reports", "reports", "{:,.0f}"),
    ("risks", "risks", "{:,.0f}"),
    ("indicators", "indicators", "{:,.0f}"),
    ("build time s (best)", "build_seconds", "{:.2f}"),
    ("build CPU s (best)", "build_cpu_seconds", "{:.2f}"),
    ("peak RSS MiB", "peak_rss_bytes", "{:,.1f}"),
    ("styrdok check s (best)", "check_seconds", "{:.2f}"),
    ("styrdok check CPU s (best)", "check_cpu_seconds", "{:.2f}"),
    ("libyaml parse of the source s", "libyaml_parse_seconds", "{:.2f}"),
    ("plain MkDocs build time s", "plain_build_seconds", "{:.2f}"),
    ("plain MkDocs build CPU s", "plain_build_cpu_seconds", "{:.2f}"),
    ("HTML pages", "html_pages", "{:,.0f}"),
    ("  of which year pages", "year_pages", "{:,.0f}"),
    ("total HTML bytes", "html_bytes_total", "{:,.0f}"),
    ("total site bytes", "site_bytes_total", "{:,.0f}"),
    ("plain MkDocs total HTML bytes", "plain_html_bytes_total", "{:,.0f}"),
    ("largest page bytes", "html_bytes_max", "{:,.0f}"),
    ("uppfoljning/oversikt bytes", "oversikt_bytes", "{:,.0f}"),
    ("max year page bytes", "year_page_bytes_max", "{:,.0f}"),
    ("mean organ page bytes", "organ_page_bytes_mean", "{:,.0f}"),
    ("mean anvisning page bytes", "anvisning_html_bytes_mean", "{:,.0f}"),
    ("mean nav links/page", "nav_links_per_page_mean", "{:,.1f}"),
    ("search index bytes", "search_index_bytes", "{:,.0f}"),
    ("follow-up JSON bytes", "follow_up_json_bytes", "{:,.0f}"),
)


def cell(field: str, value: float, fmt: str) -> str:
    return fmt.format(value / 2**20 if field == "peak_rss_bytes" else value)


def ratio(new: float, old: float) -> float | None:
    return new / old if old else None


def table(results: list[Result]) -> str:
    base = results[0]
    header = ["", *(f"factor {r.factor}" for r in results)]
    header += [f"×({r.factor}/{base.factor})" for r in results[1:]]
    body = []
    for label, field, fmt in ROWS:
        values = [getattr(r, field) for r in results]
        ratios = [ratio(v, values[0]) for v in values[1:]]
        body.append(
            [
                label,
                *(cell(field, v, fmt) for v in values),
                *("–" if q is None else f"×{q:.2f}" for q in ratios),
            ]
        )
    return aligned(header, body)


def aligned(header: list[str], body: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]
    lines = [format_row(header, widths), format_row(["-" * w for w in widths], widths)]
    return "\n".join(lines + [format_row(row, widths) for row in body])


def format_row(row: list[str], widths: list[int]) -> str:
    first = row[0].ljust(widths[0])
    return "  ".join([first, *(c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True))])


def comparison(base: Result, other: Result) -> dict[str, float | bool | int]:
    pages = other.html_pages / base.html_pages
    total = other.html_bytes_total / base.html_bytes_total
    mean = other.html_bytes_mean / base.html_bytes_mean
    return {
        "from_factor": base.factor,
        "to_factor": other.factor,
        "pages": pages,
        "total_html": total,
        "mean_per_page": mean,
        "anvisning_page_mean": ratio(
            other.anvisning_html_bytes_mean, base.anvisning_html_bytes_mean
        )
        or 0.0,
        "search_index": ratio(other.search_index_bytes, base.search_index_bytes) or 0.0,
        "build_time": other.build_seconds / base.build_seconds,
        "peak_rss": other.peak_rss_bytes / base.peak_rss_bytes,
        "linear": mean < MAX_MEAN_PER_PAGE_GROWTH and total < MAX_TOTAL_OVER_PAGE_RATIO * pages,
    }


def summary_line(c: dict[str, float | bool | int]) -> str:
    return (
        f"factor {c['from_factor']} → {c['to_factor']}: pages ×{c['pages']:.2f}, "
        f"total HTML ×{c['total_html']:.2f}, mean per page ×{c['mean_per_page']:.2f}, "
        f"anvisning page ×{c['anvisning_page_mean']:.2f}, search index ×{c['search_index']:.2f}, "
        f"build time ×{c['build_time']:.2f}, peak RSS ×{c['peak_rss']:.2f}"
    )


def verdict(comparisons: list[dict[str, float | bool | int]]) -> str:
    if not comparisons:
        return "Verdict: – (needs at least two factors)"
    word = "linjärt" if all(c["linear"] for c in comparisons) else "INTE linjärt"
    worst = max(comparisons, key=lambda c: c["to_factor"])
    return (
        f"Verdict: {word} (factor {worst['from_factor']} → {worst['to_factor']}: "
        f"mean per page ×{worst['mean_per_page']:.2f} < {MAX_MEAN_PER_PAGE_GROWTH}, "
        f"total HTML ×{worst['total_html']:.2f} < {MAX_TOTAL_OVER_PAGE_RATIO} × pages "
        f"×{worst['pages']:.2f} = {MAX_TOTAL_OVER_PAGE_RATIO * worst['pages']:.2f})"
    )


def step_ratio(values: list[float]) -> float | None:
    """(v3 - v2) / (v2 - v1) of the last three values: how the second step of years
    compares with the first."""
    if len(values) < 3 or values[-2] == values[-3]:
        return None
    return (values[-1] - values[-2]) / (values[-2] - values[-3])


def follow_up_table(results: list[FollowUpResult]) -> str:
    """The baseline and each generated follow-up, the largest against the baseline, and
    the step ratio of the generated ones (see README.md)."""
    generated = results[1:]
    header = ["", *(r.label for r in results)]
    header += [f"×({generated[-1].years} år/bas)"] if generated else []
    steps = step_ratio([r.years for r in generated]) is not None
    if steps:
        y1, y2, y3 = (r.years for r in generated[-3:])
        header.append(f"({y3}−{y2})/({y2}−{y1}) år")
    body = []
    for label, field, fmt in FOLLOW_UP_ROWS:
        values = [getattr(r, field) for r in results]
        row = [label, *(cell(field, v, fmt) for v in values)]
        if generated:
            q = ratio(values[-1], values[0])
            row.append("–" if q is None else f"×{q:.2f}")
        if steps:
            q = step_ratio(values[1:])
            row.append("–" if q is None else f"{q:.2f}")
        body.append(row)
    largest = ["largest page", *(r.largest_page for r in results)]
    body.append(largest + [""] * (len(header) - len(largest)))
    return aligned(header, body)


def follow_up_verdict(results: list[FollowUpResult]) -> dict[str, object]:
    generated = results[1:]
    linear = step_ratio([r.years for r in generated])
    if linear is None:
        return {"text": "Verdict: – (needs at least three follow-up years, e.g. 1 5 10)"}
    squares = step_ratio([r.years**2 for r in generated]) or linear
    limit = math.sqrt(linear * squares)
    ratios = {f: step_ratio([getattr(r, f) for r in generated]) for f in FOLLOW_UP_VERDICT_FIELDS}
    over = [f for f, q in ratios.items() if q is not None and q >= limit]
    word = "linjärt i år" if not over else "INTE linjärt i år"
    worst = max((f for f in ratios if ratios[f] is not None), key=lambda f: ratios[f] or 0.0)
    text = (
        f"Verdict: {word} (step ratios of {', '.join(FOLLOW_UP_VERDICT_FIELDS)} "
        f"< {limit:.2f}, between linear {linear:.2f} and quadratic {squares:.2f}; "
        f"largest {worst} {ratios[worst]:.2f}"
        + (f"; over: {', '.join(over)}" if over else "")
        + ")"
    )
    return {
        "text": text,
        "linear_step_ratio": linear,
        "quadratic_step_ratio": squares,
        "limit": limit,
        "step_ratios": ratios,
    }


def environment(args: argparse.Namespace) -> dict[str, object]:
    return {
        "when": datetime.now().astimezone().isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "mkdocs": version("mkdocs"),
        "mkdocs_material": version("mkdocs-material"),
        "strict": not args.no_strict,
        "runs_per_factor": args.runs,
        "build_time": "best wall time of the runs, interpreter start-up included",
        "peak_rss_method": RSS_METHOD,
        "plain_mkdocs": "the same Markdown, generated pages written out, without the styrdok "
        "plugin and without --strict",
        "follow_up": {
            "years": args.uppfoljning,
            "risks_per_report": args.risker,
            "reporting_bodies_at_least": args.rapporterande,
            "indicators": args.indikatorer,
        },
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = SwedishParser(
        description=(
            "Mäter hur den byggda webbplatsen växer när anvisningarna mångfaldigas: källan "
            "kopieras med varje anvisning N gånger, byggs med mkdocs build --strict och mäts."
        )
    )
    parser.add_argument(
        "--factors",
        type=int,
        nargs="+",
        default=[1, 10],
        metavar="N",
        help="hur många gånger varje anvisning kopieras, en mätning per värde (standard: 1 10)",
    )
    parser.add_argument(
        "--organ-factor",
        type=int,
        default=1,
        metavar="N",
        help="hur många gånger organen kopieras (standard: 1)",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=2,
        metavar="N",
        help="byggen per storlek; den snabbaste tiden redovisas (standard: 2)",
    )
    parser.add_argument(
        "--uppfoljning",
        type=int,
        nargs="+",
        default=[],
        metavar="ÅR",
        help="jämför också det riktiga innehållet med genererad uppföljning för så här många år",
    )
    parser.add_argument(
        "--risker", type=int, default=20, help="risker per genererad rapport (standard: 20)"
    )
    parser.add_argument(
        "--rapporterande",
        type=int,
        default=50,
        help="minst så här många rapporterande organ, genererade (standard: 50)",
    )
    parser.add_argument(
        "--indikatorer", type=int, default=10, help="genererade indikatorer (standard: 10)"
    )
    parser.add_argument(
        "--out", type=Path, default=None, metavar="FIL", help="skriv resultatet som JSON hit"
    )
    parser.add_argument(
        "--no-strict",
        action="store_true",
        help="bygg utan --strict, för att få siffror medan källan har varningar",
    )
    args = parser.parse_args(argv)
    if min(args.factors) < 1 or args.organ_factor < 1 or args.runs < 1:
        parser.error("--factors, --organ-factor och --runs ska vara minst 1")
    if args.uppfoljning and (
        min(args.uppfoljning) < 1 or sorted(args.uppfoljning) != args.uppfoljning
    ):
        parser.error("--uppfoljning tar antal år, minst 1, i stigande ordning")
    if not 0 <= args.risker <= 100 or args.rapporterande < 1 or args.indikatorer < 0:
        parser.error("--risker ska vara 0–100, --rapporterande minst 1 och --indikatorer minst 0")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    results: list[Result] = []
    for factor in args.factors:
        print(f"building factor {factor} ({args.runs} runs) …", file=sys.stderr, flush=True)
        try:
            results.append(bench_factor(factor, args.organ_factor, args.runs, not args.no_strict))
        except BuildFailed as failure:
            print(f"bench: the build failed for factor {factor}:\n{failure}", file=sys.stderr)
            return 1
    follow_ups: list[FollowUpResult] = []
    for years in [None, *args.uppfoljning] if args.uppfoljning else []:
        spec = None
        label = "bas (verkligt)"
        if years is not None:
            spec = FollowUp(years, args.risker, args.rapporterande, args.indikatorer)
            label = f"{years} år"
        print(f"building follow-up {label} ({args.runs} runs) …", file=sys.stderr, flush=True)
        try:
            follow_ups.append(
                bench_follow_up(label, spec, args.organ_factor, args.runs, not args.no_strict)
            )
        except BuildFailed as failure:
            print(f"bench: the build failed for follow-up {label}:\n{failure}", file=sys.stderr)
            return 1
    comparisons = [comparison(results[0], r) for r in results[1:]]
    print(table(results))
    print()
    for c in comparisons:
        print(summary_line(c))
    print(verdict(comparisons))
    follow_up_result = None
    if follow_ups:
        follow_up_result = follow_up_verdict(follow_ups)
        print()
        print(
            f"Uppföljning: ≥{args.rapporterande} reporting bodies × {args.risker} risks a report, "
            f"{args.indikatorer} indicators, against the real content"
        )
        print(follow_up_table(follow_ups))
        print()
        print(follow_up_result["text"])
    if args.out is not None:
        report = {
            "environment": environment(args),
            "results": [asdict(r) for r in results],
            "comparisons": comparisons,
            "verdict": verdict(comparisons),
            "follow_up": [asdict(r) for r in follow_ups],
            "follow_up_verdict": follow_up_result,
        }
        args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
