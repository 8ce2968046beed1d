"""The `styrdok` command. Exit status: 0 without errors, 1 with errors, 2 for wrong usage."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from .leaks import forbidden, scan
from .pipeline import check_project
from .project import Project, find_root
from .report import as_json, as_text
from .select import MALGRUPPER, STANDARD_MALGRUPP, select


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"ogiltigt datum '{text}', skriv ÅÅÅÅ-MM-DD") from exc


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="styrdok",
        description="Kontrollera och publicera trygghets- och säkerhetsprogrammet och dess anvisningar.",
    )
    commands = main.add_subparsers(dest="kommando", required=True, metavar="KOMMANDO")
    check = commands.add_parser(
        "check",
        help="kontrollera all källtext mot scheman och regler",
        description=(
            "Läser data/ och docs/, kontrollerar mot schemana i schema/ och mot reglerna "
            "mellan filerna, och listar alla problem som fil:rad:kolumn."
        ),
    )
    check.add_argument(
        "--rot",
        type=Path,
        default=None,
        help="förrådets rotmapp (standard: närmaste mapp med mkdocs.yml)",
    )
    check.add_argument(
        "--format", choices=("text", "json"), default="text", help="utdataformat (standard: text)"
    )
    check.add_argument(
        "--idag",
        type=_date,
        default=None,
        help="datum att jämföra revideringsdatum med, ÅÅÅÅ-MM-DD (standard: dagens datum)",
    )
    scan = commands.add_parser(
        "lackor",
        help="sök i en byggd webbplats efter det som inte får publiceras för målgruppen",
        description=(
            "Läser källan, väljer ut det som får publiceras för målgruppen och letar i varje "
            "fil i den byggda webbplatsen efter id, titlar och text ur det som hölls undan."
        ),
    )
    scan.add_argument("webbplats", type=Path, help="mappen med den byggda webbplatsen")
    scan.add_argument(
        "--malgrupp",
        choices=MALGRUPPER,
        default=STANDARD_MALGRUPP,
        help="målgruppen webbplatsen byggdes för",
    )
    scan.add_argument("--rot", type=Path, default=None, help="förrådets rotmapp")
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.kommando == "check":
        return check(args)
    if args.kommando == "lackor":
        return leaks(args)
    return 2


def check(args: argparse.Namespace) -> int:
    root = args.rot if args.rot is not None else find_root(Path.cwd())
    if not root.is_dir():
        print(f"styrdok: fel: mappen {root} finns inte", file=sys.stderr)
        return 2
    outcome = check_project(Project.at(root), args.idag)
    report = as_json if args.format == "json" else as_text
    sys.stdout.write(report(outcome.problems))
    return 0 if outcome.ok else 1


def leaks(args: argparse.Namespace) -> int:
    root = args.rot if args.rot is not None else find_root(Path.cwd())
    if not args.webbplats.is_dir():
        print(f"styrdok: fel: mappen {args.webbplats} finns inte", file=sys.stderr)
        return 2
    outcome = check_project(Project.at(root))
    if outcome.model is None or not outcome.ok:
        sys.stdout.write(as_text(outcome.problems))
        return 1
    whole = outcome.model
    found = scan(args.webbplats, forbidden(whole, select(whole, args.malgrupp)))
    for leak in found:
        print(leak)
    print(f"{len(found)} läckor i {args.webbplats} (målgrupp {args.malgrupp})")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
