"""The `styrdok` command. Exit status: 0 without errors, 1 with errors, 2 for wrong usage,
130 when stopped with Ctrl+C. Everything it prints is Swedish, argparse's text too
(`argparse_sv`)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from styrdok.adapters import check_worker
from styrdok.adapters.macro_check import check_site
from styrdok.core.giltighet import dag
from styrdok.core.kinds import KINDS
from styrdok.core.model import Model
from styrdok.core.problems import Problem
from styrdok.core.project import Project, find_root
from styrdok.core.report import as_json, as_text
from styrdok.forbidden.check import check_project
from styrdok.select import MALGRUPPER, STANDARD_MALGRUPP, select
from styrdok.tools import gallde as gallde_text
from styrdok.tools import lagesbild, new_version
from styrdok.tools.argparse_sv import SwedishParser
from styrdok.tools.scaffold import ID_RULES, ScaffoldError, new_anvisning
from styrdok.views.queries import gallde as gallde_answer


def _date(text: str) -> date:
    try:
        return dag(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"ogiltigt datum '{text}', skriv ÅÅÅÅ-MM-DD") from exc


def _year(text: str) -> int:
    try:
        return int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"ogiltigt år '{text}', skriv ÅÅÅÅ, t.ex. 2025") from exc


class NotInRepository(Exception):
    """The command was run outside the repository, and no --rot names it."""


def _is_repository(folder: Path) -> bool:
    return (folder / "mkdocs.yml").is_file() or (folder / "data").is_dir()


def _root(args: argparse.Namespace) -> Path:
    """The repository root: --rot if given, else the nearest folder with mkdocs.yml."""
    root = args.rot if args.rot is not None else find_root(Path.cwd())
    if root.is_dir() and not _is_repository(root):
        raise NotInRepository(root)
    return root


def _not_in_repository(folder: Path, given: bool) -> str:
    where = f"mappen {folder}" if given else f"mappen du står i ({folder})"
    return (
        f"styrdok: fel: {where} är inte förrådet med styrdoks källtext: där finns varken "
        "mkdocs.yml eller data/ – Gå till förrådets mapp (den med mkdocs.yml, docs/ och "
        "data/), t.ex. med cd och mappens namn, och kör kommandot igen"
        + (", eller ange förrådets mapp med --rot." if not given else ".")
    )


def parser() -> argparse.ArgumentParser:
    main = SwedishParser(
        prog="styrdok",
        description="Kontrollera och publicera trygghets- och säkerhetsprogrammet och dess anvisningar.",
    )
    commands = main.add_subparsers(dest="kommando", required=True, metavar="KOMMANDO")
    add_check_commands(commands)
    add_diff_command(commands)
    add_new_commands(commands)
    add_publish_commands(commands)
    add_gallde_command(commands)
    add_preview_command(commands)
    return main


def _add_rot(parser: argparse.ArgumentParser) -> None:
    """`--rot`, which every command that reads the repository takes."""
    parser.add_argument("--rot", type=Path, default=None, help="förrådets rotmapp")


def add_check_commands(commands: argparse._SubParsersAction) -> None:
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
    _add_rot(scan)


def add_diff_command(commands: argparse._SubParsersAction) -> None:
    compare = commands.add_parser(
        "diff",
        help="visa vad som ändrats för läsarna mellan två revisioner",
        description=(
            "Läser källan i två git-revisioner (eller i arbetskatalogen), väljer ut det som "
            "visas för målgruppen och skriver ändringarna som Markdown, t.ex. för en "
            "kommentar på en pull request."
        ),
    )
    compare.add_argument(
        "rev", metavar="REV", help="revisionen att jämföra från, t.ex. origin/main"
    )
    compare.add_argument(
        "rev2",
        metavar="REV2",
        nargs="?",
        default=None,
        help="revisionen att jämföra med (standard: arbetskatalogen)",
    )
    compare.add_argument(
        "--malgrupp",
        choices=MALGRUPPER,
        default=STANDARD_MALGRUPP,
        help="målgruppen vars webbplats jämförs (standard: intranät)",
    )
    _add_rot(compare)


def add_new_commands(commands: argparse._SubParsersAction) -> None:
    new = commands.add_parser(
        "ny",
        help="skapa ett nytt dokument med alla fält ifyllda",
        description="Skapar en ny fil som klarar styrdok check direkt; fyll sedan i texten.",
    )
    kinds = new.add_subparsers(dest="slag", required=True, metavar="SLAG")
    anvisning = kinds.add_parser(
        "anvisning",
        help="en ny anvisning i docs/anvisningar/",
        description=(
            "Skapar docs/anvisningar/<id>.md med ett id från titeln, status utkast, atkomst "
            "intern och en första rad i historiken med dagens datum. Id:t görs av titeln utan "
            "inledande ord som 'Anvisning för', 'Anvisningar om', 'Riktlinjer kring' eller "
            "'Rutiner vid': små bokstäver, å och ä blir a, ö blir o, mellanrum blir -. "
            f"Med --id väljer du det själv. {ID_RULES} Exempeltexterna (Skriv …, Beskriv …) "
            "ska bytas ut: styrdok check varnar för dem i ett utkast och stoppar dem när "
            "status är något annat."
        ),
    )
    anvisning.add_argument(
        "--titel", required=True, help='anvisningens rubrik, t.ex. "Anvisning för …"'
    )
    anvisning.add_argument(
        "--fokusomrade",
        action="append",
        required=True,
        metavar="ID",
        help="fokusområdets id, t.ex. forebygga-brott (kan anges flera gånger)",
    )
    anvisning.add_argument(
        "--ansvarig",
        default="kommunstyrelsen",
        metavar="ORGAN",
        help="ägande organ (standard: kommunstyrelsen)",
    )
    anvisning.add_argument("--kontakt", default=None, help="funktion eller enhet att kontakta")
    anvisning.add_argument(
        "--id",
        default=None,
        help="anvisningens id, om det inte ska göras av titeln, t.ex. hot-och-vald",
    )
    _add_rot(anvisning)
    add_version_command(kinds)
    add_lagesbild_command(kinds)


def add_version_command(kinds: argparse._SubParsersAction) -> None:
    version = kinds.add_parser(
        "version",
        help="spara anvisningens nuvarande version och påbörja nästa",
        description=(
            "Kopierar docs/anvisningar/<id>.md till docs/anvisningar/<id>/version-<n>.md, där "
            "version n sparas oförändrad, och gör anvisningens fil till version n+1 med status "
            "utkast och en ny rad i historik att fylla i. Version n gäller tills den nya "
            "versionen är beslutad. Kommentarer och radslut i filen lämnas orörda."
        ),
    )
    version.add_argument("id", metavar="ID", help="anvisningens id, t.ex. kamerabevakning")
    version.add_argument(
        "--datum",
        type=_date,
        default=None,
        help="dagen då arbetet med den nya versionen börjar, ÅÅÅÅ-MM-DD (standard: dagens datum)",
    )
    _add_rot(version)


def add_lagesbild_command(kinds: argparse._SubParsersAction) -> None:
    report = kinds.add_parser(
        "lagesbild",
        help="ett organs risk- och lägesbild för ett år i data/uppfoljning/",
        description=(
            "Fyller i organets post i data/uppfoljning/<år>.yml som inlämnad, med dagens "
            "datum, atkomst intern och en exempelrisk att skriva över. Finns filen inte skapas "
            "den, med en post för varje nämnd och bolagsstyrelse. Övriga rader i en befintlig "
            "fil, kommentarer också, lämnas orörda."
        ),
    )
    report.add_argument(
        "--organ",
        required=True,
        metavar="ORGAN",
        help="id för nämnden eller bolagsstyrelsen i data/organ.yml, t.ex. socialnamnden",
    )
    report.add_argument(
        "--ar",
        type=_year,
        required=True,
        metavar="ÅR",
        help="året som rapporten gäller, t.ex. 2025",
    )
    report.add_argument(
        "--datum",
        type=_date,
        default=None,
        help="dagen då rapporten kom in, ÅÅÅÅ-MM-DD (standard: dagens datum)",
    )
    _add_rot(report)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
        return run(args)
    except NotInRepository as exc:
        print(_not_in_repository(exc.args[0], args.rot is not None), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("\nstyrdok: avbrutet.", file=sys.stderr)
        return 130


def run(args: argparse.Namespace) -> int:
    if args.kommando == "check":
        return check(args)
    if args.kommando == "lackor":
        return leaks(args)
    if args.kommando == "diff":
        return diff(args)
    if args.kommando == "ny":
        return new_document(args)
    if args.kommando == "bygg":
        return build(args)
    if args.kommando == "verifiera":
        return verify(args)
    if args.kommando == "gallde":
        return gallde(args)
    if args.kommando in PREVIEW_NAMES:
        return preview(args)
    return 2


def new_document(args: argparse.Namespace) -> int:
    if args.slag == "lagesbild":
        return new_lagesbild(args)
    if args.slag == "version":
        return new_anvisning_version(args)
    root = _root(args)
    project = Project.at(root)
    outcome = check_project(project)
    if outcome.model is None:
        sys.stdout.write(as_text(outcome.problems))
        return 1
    try:
        made = new_anvisning(
            outcome.model,
            project.docs_dir / KINDS["anvisningar"].docs_folder,
            args.titel,
            args.fokusomrade,
            args.ansvarig,
            args.kontakt,
            date.today(),
            args.id,
        )
    except ScaffoldError as exc:
        print(f"styrdok: fel: {exc}", file=sys.stderr)
        return 1
    made.path.parent.mkdir(parents=True, exist_ok=True)
    made.path.write_text(made.text, encoding="utf-8")
    print(
        f"Skapade {project.display(made.path)} (id {made.id}). Fyll i texten och kör styrdok check."
    )
    return 0


def _edit_source(
    args: argparse.Namespace,
    what: object,
    edit: Callable[[Project, Model, list[Problem], date], str],
) -> int:
    """A command that edits the source as text: the project is checked first (an
    unreadable source is reported, not edited), then `edit` writes and says what it did.
    Refusals and file errors are Swedish messages with exit 1, never a traceback."""
    project = Project.at(_root(args))
    today = args.datum or date.today()
    outcome = check_project(project, today)
    if outcome.model is None:
        sys.stdout.write(as_text(outcome.problems))
        return 1
    try:
        message = edit(project, outcome.model, outcome.problems, today)
    except ScaffoldError as exc:
        print(f"styrdok: fel: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"styrdok: fel: {exc.filename or what}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(message)
    return 0


def new_lagesbild(args: argparse.Namespace) -> int:
    def edit(project: Project, model: Model, problems: list[Problem], today: date) -> str:
        made = lagesbild.new_lagesbild(project, model, problems, args.organ, args.ar, today)
        lagesbild.write(made)
        return _lagesbild_message(made, model.organ_namn(args.organ))

    return _edit_source(args, args.ar, edit)


def new_anvisning_version(args: argparse.Namespace) -> int:
    def edit(project: Project, model: Model, problems: list[Problem], today: date) -> str:
        made = new_version.new_version(project, model, problems, args.id, today)
        new_version.write_checked(project, made, problems, today)
        return new_version.report(made)

    return _edit_source(args, args.id, edit)


def _lagesbild_message(made: lagesbild.Lagesbild, namn: str) -> str:
    where = {
        lagesbild.SKAPAD: f"Skapade {made.display} med en post för varje nämnd och bolagsstyrelse.",
        lagesbild.ERSATT: f"Ändrade {made.display}: ersatte posten för {namn}.",
        lagesbild.TILLAGD: f"Ändrade {made.display}: lade till {namn} sist i rapporter.",
    }[made.andring]
    late = " Rapporten kom in efter sista dagen: skriv i notering varför." if made.sen else ""
    return (
        f"{where}\nPosten för {namn} står på rad {made.rad}. Skriv in rapportens risker i "
        "stället för exempelrisken (titel, fokusomraden, sannolikhet, konsekvens och atgarder), "
        f"kontrollera inlamnad_datum och atkomst och fyll gärna i referens.{late} "
        "Kör sedan styrdok check: den visar var exempeltexten står kvar."
    )


def check(args: argparse.Namespace) -> int:
    root = _root(args)
    if not root.is_dir():
        print(f"styrdok: fel: mappen {root} finns inte", file=sys.stderr)
        return 2
    # The leak scan on the second core while the rules run (adapters/check_worker.py).
    outcome = check_site(Project.at(root), args.idag, beside=check_worker.beside)
    report = as_json if args.format == "json" else as_text
    sys.stdout.write(report(outcome.problems))
    return 0 if outcome.ok else 1


def leaks(args: argparse.Namespace) -> int:
    from styrdok.tools import publish  # see diff()

    root = _root(args)
    if not args.webbplats.is_dir():
        print(f"styrdok: fel: mappen {args.webbplats} finns inte", file=sys.stderr)
        return 2
    try:
        found = publish.leaks_in(root, args.webbplats, args.malgrupp)
    except publish.PublishError as exc:
        sys.stdout.write(f"styrdok: {exc}\n")
        return 1
    for leak in found:
        print(leak)
    print(f"{len(found)} läckor i {args.webbplats} (målgrupp {args.malgrupp})")
    return 1 if found else 0


def diff(args: argparse.Namespace) -> int:
    # Imported by the commands that need them: `styrdok check`, run on every commit,
    # should not pay for git, MkDocs and the publishing step.
    from styrdok.tools.diff import RevisionError, load_source
    from styrdok.tools.diff import report as diff_report

    root = _root(args)
    if not root.is_dir():
        print(f"styrdok: fel: mappen {root} finns inte", file=sys.stderr)
        return 2
    try:
        old = load_source(root, args.rev)
        new = load_source(root, args.rev2)
    except RevisionError as exc:
        print(f"styrdok: fel: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(diff_report(old, new, args.malgrupp))
    return 0


def add_publish_commands(commands: argparse._SubParsersAction) -> None:
    build = commands.add_parser(
        "bygg",
        help="bygg webbplatsen för en målgrupp och byt ut den publicerade först när allt lyckats",
        description=(
            "Bygger webbplatsen med MkDocs (där varje varning stoppar bygget) i en tillfällig "
            "mapp bredvid målmappen, söker efter "
            "läckor, skriver manifestet (SHA256SUMS och MANIFEST.json) och byter sedan ut "
            "målmappen. Misslyckas något är målmappen orörd. Byggdatumet tas från "
            "SOURCE_DATE_EPOCH eller den senaste incheckningen, och referensdatumet (dagen "
            "som det som gäller avgörs för) från STYRDOK_REFERENSDATUM eller dagens datum, "
            "så samma incheckning och samma datum ger samma filer."
        ),
    )
    build.add_argument(
        "--malgrupp",
        choices=MALGRUPPER,
        default=STANDARD_MALGRUPP,
        help="målgruppen att bygga för (standard: intranät)",
    )
    build.add_argument(
        "--till",
        type=Path,
        required=True,
        metavar="MAPP",
        help="mappen webbplatsen publiceras i, t.ex. site",
    )
    _add_rot(build)
    check = commands.add_parser(
        "verifiera",
        help="kontrollera en byggd webbplats mot dess manifest",
        description=(
            "Jämför filerna i webbplatsen med SHA256SUMS och MANIFEST.json och listar filer "
            "som saknas, som inte finns i manifestet och som har ändrats."
        ),
    )
    check.add_argument("webbplats", type=Path, help="mappen med den byggda webbplatsen")
    check.add_argument(
        "--malgrupp",
        choices=MALGRUPPER,
        default=None,
        help="kontrollera också att webbplatsen är byggd för den här målgruppen",
    )


def build(args: argparse.Namespace) -> int:
    from styrdok.tools import publish  # see diff()

    root = _root(args)
    kept = f"{args.till} är oförändrad" if args.till.exists() else f"{args.till} skapades inte"
    try:
        epoch, origin, referensdatum = publish.build(root, args.till, args.malgrupp, os.environ)
    except publish.UsageError as exc:
        print(f"styrdok: fel: {exc}", file=sys.stderr)
        return 2
    except publish.PublishError as exc:
        print(f"styrdok: fel: {exc}", file=sys.stderr)
        print(f"styrdok: {kept}", file=sys.stderr)
        return 1
    except OSError as exc:
        where = exc.filename or args.till
        print(f"styrdok: fel: {where}: {exc.strerror or exc}", file=sys.stderr)
        print(f"styrdok: {kept}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"styrdok: bygget avbröts; {kept}", file=sys.stderr)
        return 1
    day = datetime.fromtimestamp(epoch, UTC).date().isoformat()
    print(
        f"Publicerade {args.till} för målgrupp {args.malgrupp} "
        f"(byggdatum {day} från {origin}, uppgifterna per {referensdatum.isoformat()}, "
        f"manifest i {publish.SUMS} och {publish.MANIFEST})"
    )
    return 0


def verify(args: argparse.Namespace) -> int:
    from styrdok.tools import publish  # see diff()

    if not args.webbplats.is_dir():
        print(f"styrdok: fel: mappen {args.webbplats} finns inte", file=sys.stderr)
        return 2
    outcome = publish.verify(args.webbplats, args.malgrupp)
    for line in outcome.lines(args.webbplats):
        print(line)
    return 0 if outcome.ok else 1


def add_gallde_command(commands: argparse._SubParsersAction) -> None:
    point = commands.add_parser(
        "gallde",
        help="visa vilka anvisningar som gällde ett visst datum, och i vilken version",
        description=(
            "Kontrollerar källan och visar de anvisningar som gällde dagen, med versionen som "
            "gällde, dess giltighetstid och adressen till versionens sida. En version räknas "
            "från den dag den beslutades. Med --organ bara det som gällde för organet, enligt "
            "vad versionen själv säger om vilka den gäller för. Samma svar som sidan "
            "Vad gällde den …? ger."
        ),
    )
    point.add_argument("--datum", type=_date, required=True, help="dagen att svara för, ÅÅÅÅ-MM-DD")
    point.add_argument(
        "--organ",
        default=None,
        metavar="ID",
        help="organets id i data/organ.yml, t.ex. bromma-stadsdelsnamnd (standard: alla organ)",
    )
    point.add_argument(
        "--malgrupp",
        choices=MALGRUPPER,
        default=STANDARD_MALGRUPP,
        help="målgruppen vars uppgifter svaret bygger på (standard: intranät, där en "
        "skyddad anvisning visas med uppgifter men utan text)",
    )
    point.add_argument(
        "--format", choices=("text", "json"), default="text", help="utdataformat (standard: text)"
    )
    point.add_argument(
        "--idag",
        type=_date,
        default=None,
        help="dagen uppgifterna gäller per, som en webbplats byggd den dagen, ÅÅÅÅ-MM-DD "
        "(standard: dagens datum)",
    )
    _add_rot(point)


def gallde(args: argparse.Namespace) -> int:
    root = _root(args)
    if not root.is_dir():
        print(f"styrdok: fel: mappen {root} finns inte", file=sys.stderr)
        return 2
    today = args.idag or date.today()
    outcome = check_project(Project.at(root), today)
    if not outcome.ok or outcome.model is None:
        # An answer about what applied must not come from a source the build would refuse.
        sys.stdout.write(as_text(outcome.problems))
        return 1
    pub = select(outcome.model, args.malgrupp, today)
    organ = None
    if args.organ is not None:
        organ = pub.model.organ_med_id(args.organ)
        if organ is None:
            hint = gallde_text.organ_hint(args.organ, pub.organ)
            print(f"styrdok: fel: okänt organ '{args.organ}' – {hint}", file=sys.stderr)
            return 2
    svar = gallde_answer(pub, args.datum, organ)
    report = gallde_text.as_json if args.format == "json" else gallde_text.as_text
    sys.stdout.write(report(pub, svar))
    return 0


PREVIEW_NAMES = ("forhandsgranska", "förhandsgranska")


def add_preview_command(commands: argparse._SubParsersAction) -> None:
    serve = commands.add_parser(
        PREVIEW_NAMES[0],
        aliases=list(PREVIEW_NAMES[1:]),
        help="visa webbplatsen i webbläsaren medan du skriver",
        description=(
            "Bygger webbplatsen och visar den på en adress i den här datorn. När du sparar en "
            "fil byggs den igen och sidan i webbläsaren laddas om. Blir det fel visas felen "
            "här, och webbläsaren visar den senaste versionen som gick att bygga. Avsluta med "
            "Ctrl+C."
        ),
    )
    serve.add_argument(
        "--malgrupp",
        choices=MALGRUPPER,
        default=STANDARD_MALGRUPP,
        help="målgruppen att visa webbplatsen för (standard: intranät)",
    )
    serve.add_argument(
        "--adress",
        default="127.0.0.1:8000",
        metavar="VÄRD:PORT",
        help="adressen att visa webbplatsen på (standard: 127.0.0.1:8000)",
    )
    serve.add_argument(
        "--polla",
        action="store_true",
        help=(
            "titta efter sparade filer fem gånger i sekunden i stället för att få besked av "
            "datorn när en fil sparas: för en mapp som delas från en annan dator eller en "
            "container, där sådana besked inte alltid kommer fram"
        ),
    )
    _add_rot(serve)


def preview(args: argparse.Namespace) -> int:
    # Imported here: MkDocs is needed by this command only, and takes time to import.
    from styrdok.adapters.mkdocs_run import run_serve

    root = _root(args)
    config = root / "mkdocs.yml"
    if not config.is_file():
        print(
            f"styrdok: fel: {config} finns inte – kör kommandot i förrådets mapp.", file=sys.stderr
        )
        return 2
    os.environ["STYRDOK_MALGRUPP"] = args.malgrupp
    return run_serve(config, args.adress, polling=args.polla)


if __name__ == "__main__":
    sys.exit(main())
