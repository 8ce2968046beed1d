"""Measure how the built site grows when the anvisningar are multiplied.

For each factor the source is copied with every anvisning repeated that many times
(benchmarks/corpus.py), built with `mkdocs build --strict`, and the output measured.
This is a measurement, not a test: it exits 0 whatever the numbers say and exits 1
only if a build fails.

    python benchmarks/bench_build.py [--factors 1 10] [--out benchmarks/results.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from importlib.metadata import version
from pathlib import Path

# benchmarks/ is not a package; this lets the module be imported from anywhere.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import make_corpus

# The verdict's thresholds (see README.md): per-page size may drift a little as
# generated lists grow, but not by a quarter; total output may not outgrow the pages.
MAX_MEAN_PER_PAGE_GROWTH = 1.25
MAX_TOTAL_OVER_PAGE_RATIO = 1.5

# Material marks every navigation entry with this class; counting it shows directly
# whether the nav written into each page grows with the content.
NAV_LINK_MARK = 'class="md-nav__link'

RSS_METHOD = "os.wait4() ru_maxrss of the mkdocs process"


@dataclass
class Build:
    seconds: float
    peak_rss_bytes: int


@dataclass
class Result:
    factor: int
    organ_factor: int
    anvisningar: int
    build_seconds: float
    build_seconds_all: list[float]
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


class BuildFailed(Exception):
    pass


def build_command(dest: Path, strict: bool) -> list[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(dest / "mkdocs.yml")]
    command += ["-d", str(dest / "site")]
    return [*command, "--strict"] if strict else command


def maxrss_bytes(ru_maxrss: int) -> int:
    # Linux reports KiB, macOS bytes.
    return ru_maxrss if sys.platform == "darwin" else ru_maxrss * 1024


def run_build(dest: Path, strict: bool, log: Path) -> Build:
    """One build. os.wait4 gives the rusage of exactly this child, where
    RUSAGE_CHILDREN would only give the maximum over all builds so far."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(
            build_command(dest, strict), cwd=dest, env=env, stdout=out, stderr=subprocess.STDOUT
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    # Popen did not reap the child itself; tell it, so it does not wait again.
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise BuildFailed(failure_summary(log.read_text(encoding="utf-8", errors="replace")))
    return Build(seconds, maxrss_bytes(usage.ru_maxrss))


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


def bench_factor(factor: int, organ_factor: int, runs: int, strict: bool) -> Result:
    with tempfile.TemporaryDirectory(prefix=f"styrdok-bench-{factor}-") as tmp:
        dest = make_corpus(Path(tmp) / "corpus", factor, organ_factor)
        builds = [run_build(dest, strict, Path(tmp) / "build.log") for _ in range(runs)]
        ids = anvisning_ids(dest)
        site = measure_site(dest / "site", ids)
    return Result(
        factor=factor,
        organ_factor=organ_factor,
        anvisningar=len(ids),
        build_seconds=min(b.seconds for b in builds),
        build_seconds_all=[round(b.seconds, 3) for b in builds],
        peak_rss_bytes=max(b.peak_rss_bytes for b in builds),
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
    ("peak RSS MiB", "peak_rss_bytes", "{:,.1f}"),
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
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 10], metavar="N")
    parser.add_argument("--organ-factor", type=int, default=1, metavar="N")
    parser.add_argument("--runs", type=int, default=2, help="builds per factor (best time kept)")
    parser.add_argument("--out", type=Path, default=None, help="write the results as JSON here")
    parser.add_argument(
        "--no-strict",
        action="store_true",
        help="build without --strict, to get numbers while the source has warnings",
    )
    args = parser.parse_args(argv)
    if min(args.factors) < 1 or args.organ_factor < 1 or args.runs < 1:
        parser.error("factors, --organ-factor and --runs must be at least 1")
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
    comparisons = [comparison(results[0], r) for r in results[1:]]
    print(table(results))
    print()
    for c in comparisons:
        print(summary_line(c))
    print(verdict(comparisons))
    if args.out is not None:
        report = {
            "environment": environment(args),
            "results": [asdict(r) for r in results],
            "comparisons": comparisons,
            "verdict": verdict(comparisons),
        }
        args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
