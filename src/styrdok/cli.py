"""The `styrdok` command. Exit status: 0 without errors, 1 with errors, 2 for wrong usage."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from .pipeline import check_project
from .project import Project, find_root
from .report import as_json, as_text


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
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.kommando == "check":
        return check(args)
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


if __name__ == "__main__":
    sys.exit(main())
