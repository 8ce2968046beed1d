"""Measure the published API at a multiplied corpus: no JSON file may exceed 5 MB.

The corpus is benchmarks/corpus.py's (the real anvisningar copied `--factor` times; 278
gives 18 × 278 = 5,004). It is checked and selected for each audience and its API made
by the core alone (`views.api_files`, as the build's on_post_build does), without MkDocs:
the anvisningar's rendered text is Python-Markdown's HTML of their Markdown, about what
the build's is. Every file above `--visa` bytes is printed against the target, with what
it would weigh if every entry of its paged lists grew by `--tillagg` bytes (fields v1
may still add). A measurement, not a test: it exits 0 whatever the sizes are and 1 only
if the corpus does not pass the check.

    python benchmarks/bench_api.py [--factor 278] [--out benchmarks/results-api.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

import markdown

# benchmarks/ is not a package; corpus also puts this checkout's src/ first on sys.path.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import make_corpus

from styrdok.core.pipeline import check_project
from styrdok.core.project import Project
from styrdok.core.site_pages import site_pages
from styrdok.select import MALGRUPPER, Publication, select
from styrdok.tools.argparse_sv import SwedishParser
from styrdok.views import paging
from styrdok.views.api_files import api_files
from styrdok.views.tvillingar import Sidtext
from styrdok.views.urls import API_DIR, SCHEMAS, Urls, api_path, sidadress

# The acceptance of issue 16: at 5,000 anvisningar no published JSON file above 5 MB.
TARGET_BYTES = 5_000_000
# A fixed day, so the same corpus gives the same sizes whenever it is measured.
REFERENSDATUM = date(2026, 12, 1)
SITE_URL = "https://intranat.stockholm.se/trygghet-och-sakerhet/"
MARKDOWN_EXTENSIONS = ("tables", "toc", "attr_list", "admonition", "def_list", "abbr")


def paged_entries(document: dict[str, Any]) -> int:
    """Entries of the paged lists on this page (0 for a document that is not paged)."""
    sidindelning = document.get("sidindelning")
    if not sidindelning:
        return 0
    total = 0
    for lista in sidindelning["listor"]:
        node: Any = document
        for step in lista["lista"].lstrip("/").split("/"):
            node = node[step]
        total += len(node)
    return total


def built_pages(pub: Publication) -> dict[str, Sidtext]:
    """What the build captures of its pages, for their twins (sidor.json and the `sida`
    documents): every published page and every generated one. The text of a hand-written
    page does not grow with the corpus, so a short stand-in will do; the listing pages'
    twins are made from the publication, not from their text."""
    pages = {
        t.sida: Sidtext(t.titel, None, "<p>…</p>\n")
        for t in pub.texts()
        if not pub.withholds(t.sida)
    }
    for a in pub.anvisningar:
        for v in pub.versioner(a):
            pages[v.sida] = Sidtext(v.titel, None, "<p>…</p>\n")
    for path, audiences in site_pages(pub.model).generated.items():
        if path.endswith(".md") and pub.malgrupp in audiences:
            pages[path] = Sidtext(path, None, "")
    return pages


def measure(root: Path, malgrupp: str, show: int, extra: int) -> dict[str, Any]:
    outcome = check_project(Project.at(root), REFERENSDATUM, now=REFERENSDATUM)
    if outcome.model is None or outcome.errors:
        raise SystemExit(f"bench: korpusen klarar inte styrdok check ({len(outcome.errors)} fel)")
    pub = select(outcome.model, malgrupp, REFERENSDATUM)
    html = {
        a.sida: markdown.markdown(a.text, extensions=list(MARKDOWN_EXTENSIONS))
        for a in pub.anvisningar
    }
    schema_dir = root / "schema" / API_DIR
    schemas = {k: json.loads((schema_dir / n).read_text("utf-8")) for k, n in SCHEMAS.items()}
    started = time.perf_counter()
    files = api_files(pub, Urls(SITE_URL, sidadress), html, schemas, None, pages=built_pages(pub))
    seconds = time.perf_counter() - started
    large = []
    for path, data in sorted(files.items(), key=lambda item: (-len(item[1]), item[0])):
        if len(data) < show:
            break
        entries = paged_entries(json.loads(data)) if path.endswith(".json") else 0
        large.append(
            {
                "fil": api_path(path),
                "byte": len(data),
                "poster_i_delade_listor": entries,
                "byte_med_tillagg": len(data) + entries * extra,
            }
        )
    largest = max(len(d) for d in files.values())
    return {
        "malgrupp": malgrupp,
        "anvisningar_i_korpusen": len(outcome.model.anvisningar),
        "anvisningar": len(pub.anvisningar),
        "organ": len(pub.organ),
        "filer": len(files),
        "byte_totalt": sum(len(d) for d in files.values()),
        "storsta_fil_byte": largest,
        "sekunder_for_api": round(seconds, 2),
        "stora_filer": large,
        "under_malet": largest <= TARGET_BYTES,
    }


def mb(n: int) -> str:
    return f"{n / 1_000_000:6.2f} MB"


def report(result: dict[str, Any], extra: int) -> str:
    lines = [
        f"{result['malgrupp']}: {result['anvisningar']} av korpusens "
        f"{result['anvisningar_i_korpusen']} anvisningar, {result['organ']} organ, "
        f"{result['filer']} filer, {mb(result['byte_totalt'])} totalt "
        f"(API:t gjordes på {result['sekunder_for_api']} s)",
        f"  {'fil':<58} {'storlek':>10} {'poster':>7} {f'+{extra} B/post':>12}",
    ]
    for f in result["stora_filer"]:
        lines.append(
            f"  {f['fil']:<58} {mb(f['byte']):>10} {f['poster_i_delade_listor']:>7} "
            f"{mb(f['byte_med_tillagg']):>12}"
        )
    verdict = "under" if result["under_malet"] else "ÖVER"
    lines.append(
        f"  största filen {mb(result['storsta_fil_byte'])}: {verdict} målet {mb(TARGET_BYTES)}"
    )
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = SwedishParser(
        description=(
            "Mäter det publicerade API:t vid en mångfaldigad korpus: ingen JSON-fil får "
            "vara större än 5 MB."
        )
    )
    parser.add_argument(
        "--factor",
        type=int,
        default=278,
        metavar="N",
        help="kopior av varje anvisning (standard: 278, 5 004 anvisningar)",
    )
    parser.add_argument(
        "--malgrupp",
        nargs="+",
        default=list(MALGRUPPER),
        choices=MALGRUPPER,
        metavar="MÅLGRUPP",
        help="målgrupperna att mäta (standard: båda)",
    )
    parser.add_argument(
        "--visa",
        type=int,
        default=1_000_000,
        metavar="BYTE",
        help="skriv ut varje fil på minst så här många byte (standard: 1 000 000)",
    )
    parser.add_argument(
        "--tillagg",
        type=int,
        default=400,
        metavar="BYTE",
        help="byte som en post i en sidindelad lista ännu får växa (standard: 400)",
    )
    parser.add_argument(
        "--out", type=Path, default=None, metavar="FIL", help="skriv resultatet som JSON hit"
    )
    args = parser.parse_args(argv)
    if args.factor < 1:
        parser.error("--factor ska vara minst 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    print(f"making the corpus ×{args.factor} …", file=sys.stderr, flush=True)
    results = []
    with tempfile.TemporaryDirectory(prefix=f"styrdok-bench-api-{args.factor}-") as tmp:
        root = make_corpus(Path(tmp) / "corpus", args.factor)
        for malgrupp in args.malgrupp:
            print(f"measuring the API for {malgrupp} …", file=sys.stderr, flush=True)
            results.append(measure(root, malgrupp, args.visa, args.tillagg))
    print(f"API:t vid ×{args.factor}, {paging.PER_SIDA} poster per sida, mål {mb(TARGET_BYTES)}")
    for result in results:
        print(report(result, args.tillagg))
    if args.out is not None:
        out = {
            "factor": args.factor,
            "per_sida": paging.PER_SIDA,
            "target_bytes": TARGET_BYTES,
            "extra_bytes_per_entry": args.tillagg,
            "results": results,
        }
        args.out.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", "utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
