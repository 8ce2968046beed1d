"""`styrdok ny version ID`: keep the anvisning's current version and start the next.

The decided version N is copied, front matter and text as they are, to
docs/anvisningar/<id>/version-<N>.md, so its text stays in the repository and is published
as what applied while it was in force. Only what must change because the copy lives one
folder deeper changes: the relative links and images in the text are rewritten, at the
positions the check's own Markdown reader finds them, to point at the same files, and
the schema comment for editors points at the version schema. `bilagor:` stays as written:
a version's attachments are its anvisning's.

The anvisning's own file then becomes version N+1, an utkast (version N applies until
N+1 is decided, `core.giltighet`), with the decision dates commented out and a history
entry whose text the editor must replace (`platshallare-historik`). It is edited as text
by the YAML reader's positions, so comments and line ends keep their bytes, and read back
to be sure it holds what was meant. After writing, the check runs again; anything new but
the placeholder undoes both files.
"""

from __future__ import annotations

import posixpath
import re
import textwrap
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from styrdok.core.kinds import KINDS, NAMED, version_page
from styrdok.core.messages import suggest
from styrdok.core.model import UPPHAVD, UTKAST, Anvisning, Model
from styrdok.core.pipeline import check_project
from styrdok.core.problems import Problem, Severity
from styrdok.core.project import Project
from styrdok.core.reading.front_matter import read_page
from styrdok.core.reading.source import SourceDocument
from styrdok.core.rules.versions import PLATSHALLARE_ANDRING
from styrdok.tools.moved_links import UnmovedLink, moved_text, normal
from styrdok.tools.scaffold import ScaffoldError
from styrdok.tools.yaml_text import last_line, refuse_broken, usual_line_end
from styrdok.views.markdown import yaml_string

_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_LINE = re.compile(r"[^\r\n]*(\r\n|\r|\n)|[^\r\n]+$")
_MODELINE = re.compile(r"(#\s*yaml-language-server:\s*\$schema=)(\S+)")
_EMPTY_FLOW = re.compile(r"(?P<key>historik:) *\[ *\](?P<comment> *#.*)?")
# The decision of version N does not hold for N+1: commented out until N+1 is decided.
DECISION_FIELDS = ("beslutsdatum", "giltig_fran", "revideras_senast")
# What the check may newly report after the command: the history text to write.
EXPECTED_AFTER = "platshallare-historik"
_DASH = re.compile(r"( *)- +")


@dataclass(frozen=True)
class NewVersion:
    """The two files as they are to be written."""

    id: str
    version: int  # the version kept; the anvisning becomes version + 1
    kept: Path
    kept_display: str
    kept_text: str
    current: Path
    current_display: str
    current_text: str
    old_current: bytes  # the anvisning's file before, to undo the change
    historik_rad: int  # the line of the new history entry in the anvisning's file


# What may be asked for ------------------------------------------------------------------


def new_version(
    project: Project, model: Model, problems: Sequence[Problem], id: str, today: date
) -> NewVersion:
    """The kept copy of anvisning `id` and its file raised to the next version;
    `problems` are the check's."""
    folder = project.docs_dir / str(KINDS["anvisningar"].docs_folder)
    path = folder / f"{id}.md"
    display = project.display(path)
    if _ID.fullmatch(id) and path.is_file():
        # The history text this command leaves is no reason to refuse (`_refuse_state`).
        refuse_broken(problems, display, EXPECTED_AFTER)
    anvisning = model.anvisning_med_id(id) if _ID.fullmatch(id) else None
    if anvisning is None or anvisning.fil != display:
        known = [a.id for a in model.anvisningar]
        hint = suggest(id, known, "Anvisningar") or "se filerna i docs/anvisningar/"
        raise ScaffoldError(f"okänd anvisning '{id}' – {hint}")
    _refuse_state(anvisning)
    _refuse_date(anvisning, today)
    n = anvisning.version
    kept = project.docs_dir / version_page(str(KINDS["anvisningar"].docs_folder), id, n)
    kept_display = project.display(kept)
    for where in (project.docs_dir, folder, kept.parent):
        if where.is_symlink():
            # Never written through: its target could be anywhere on the machine.
            raise ScaffoldError(
                f"{project.display(where)} är en symbolisk länk – kör styrdok check"
            )
    if kept.exists() or kept.is_symlink():
        raise ScaffoldError(
            f"{kept_display} finns redan, så version {n} av {id} är redan sparad – är filen "
            "kvar från ett tidigare försök: jämför den med versionshistoriken i Git, ta bort "
            "den och försök igen"
        )
    raw = _read(path, display)
    kept_text = kept_copy(raw, anvisning, kept.relative_to(project.docs_dir).as_posix(), today)
    current_text, rad = next_version(raw, display, n, today)
    return NewVersion(
        id,
        n,
        kept,
        kept_display,
        kept_text,
        path,
        display,
        current_text,
        raw.encode("utf-8"),
        rad,
    )


def _refuse_state(a: Anvisning) -> None:
    if a.status == UTKAST:
        raise ScaffoldError(
            f"{a.id} är ett utkast (version {a.version}): det finns ingen beslutad version att "
            f"spara. Skriv ändringarna direkt i {a.fil}; när utkastet är beslutat blir det "
            f"version {a.version}"
        )
    if a.status == UPPHAVD:
        raise ScaffoldError(
            f"{a.id} är upphävd och får ingen ny version. Behövs anvisningen igen: skapa en ny "
            f"med styrdok ny anvisning och skriv ersatter: [{a.id}] i den"
        )


def _refuse_date(a: Anvisning, today: date) -> None:
    latest = max((h.datum for h in a.historik), default=None)
    if latest is not None and today < latest:
        raise ScaffoldError(
            f"datumet {today.isoformat()} ligger före den senaste raden i historiken i {a.fil} "
            f"({latest.isoformat()}) – ange dagen då arbetet med den nya versionen börjar, "
            "t.ex. --datum med dagens datum"
        )


def _read(path: Path, display: str) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ScaffoldError(f"{display} kunde inte läsas: {exc} – kör styrdok check") from None


# Writing, checked ------------------------------------------------------------------------


def write_checked(
    project: Project, made: NewVersion, before: Sequence[Problem], today: date
) -> None:
    """Write both files, run the check again and undo everything if it finds anything
    new but the history text to write."""
    created = not made.kept.parent.exists()
    made.kept.parent.mkdir(parents=True, exist_ok=True)
    try:
        _write_text(made.kept, made.kept_text, exclusive=True)
        _write_text(made.current, made.current_text)
        new = new_errors(before, check_project(project, today).problems, made)
    except BaseException:
        _undo(made, created)
        raise
    if new:
        _undo(made, created)
        first = new[0]
        more = f" (och {len(new) - 1} fel till)" if len(new) > 1 else ""
        raise ScaffoldError(
            f"filerna blev inte som de skulle och har återställts: {first.path}:"
            f"{first.position.line}: {first.message}{more} – gör ändringen för hand "
            "(CONTRIBUTING.md, Ny version av en anvisning)"
        )


def new_errors(
    before: Sequence[Problem], after: Sequence[Problem], made: NewVersion
) -> list[Problem]:
    """Errors the check reports after the command and not before (by file and rule:
    the lines of the anvisning's file have moved), but the one it leaves on purpose."""
    seen = Counter((p.path, p.code) for p in before if p.severity is Severity.FEL)
    found = []
    for p in after:
        if p.severity is not Severity.FEL:
            continue
        if (p.path, p.code) == (made.current_display, EXPECTED_AFTER):
            continue
        if seen[(p.path, p.code)]:
            seen[(p.path, p.code)] -= 1
            continue
        found.append(p)
    return found


def _write_text(path: Path, text: str, exclusive: bool = False) -> None:
    # newline="": the text has the old file's line ends already.
    with path.open("x" if exclusive else "w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def _undo(made: NewVersion, created: bool) -> None:
    made.current.write_bytes(made.old_current)
    made.kept.unlink(missing_ok=True)
    if created:
        made.kept.parent.rmdir()


def report(made: NewVersion) -> str:
    """What the command did and what the editor does next, in Swedish."""
    n, ny = made.version, made.version + 1
    return (
        f"Sparade version {n} av {made.id} i {made.kept_display}. Ändra inte i den filen: den "
        f"visar vad som gällde medan version {n} gällde.\n"
        f"Ändrade {made.current_display} till version {ny} med status utkast. Version {n} "
        f"gäller tills version {ny} är beslutad.\n"
        "Så här gör du sedan:\n"
        f"  1. Skriv in ändringarna i texten i {made.current_display}.\n"
        f"  2. Beskriv ändringen i historiken (rad {made.historik_rad}): skriv över "
        f'"{PLATSHALLARE_ANDRING}". Tills du har gjort det säger styrdok check att '
        "ändringen inte får publiceras.\n"
        f"  3. När version {ny} är beslutad: sätt status: gällande och fyll i beslutsdatum, "
        "giltig_fran och revideras_senast (ta bort # framför dem), och diarienummer om "
        "beslutet har ett nytt.\n"
        "  4. Kör styrdok check och öppna en pull request med båda filerna."
    )


# The kept copy -------------------------------------------------------------------------


def _split(raw: str) -> tuple[str, list[str], str]:
    """The byte order mark if any, the lines with their ends (split where the project's
    reader splits them), and the line end most of them have."""
    bom = "\ufeff" if raw.startswith("\ufeff") else ""
    lines = [m.group(0) for m in _LINE.finditer(raw[len(bom) :])]
    return bom, lines, usual_line_end(lines)


def _closing(lines: list[str]) -> int:
    """The index of the line that closes the front matter."""
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r\n").rstrip() in ("---", "..."):
            return index
    raise ScaffoldError("front matter saknar avslutande --- – kör styrdok check")


def kept_copy(raw: str, anvisning: Anvisning, sida: str, today: date) -> str:
    """The anvisning's file as version `anvisning.version`, to be kept at `sida`."""
    bom, lines, newline = _split(raw)
    closing = _closing(lines)
    body_start = closing + 1
    if normal("".join(lines[body_start:])) != anvisning.text:
        raise ScaffoldError(
            f"{anvisning.fil} läses inte som styrdok check läser den – kör styrdok check"
        )
    try:
        moved = moved_text(lines[body_start:], anvisning.sida, sida)
    except UnmovedLink as exc:
        raise ScaffoldError(
            f"{anvisning.fil}:{body_start + exc.line}: länken '{exc.target}' kunde inte skrivas "
            "om så att den pekar rätt från den sparade versionen – skriv den som "
            "[text](sökväg) och försök igen, eller gör ändringen för hand (CONTRIBUTING.md, "
            "Ny version av en anvisning)"
        ) from None
    front = lines[1:closing]
    at = 0
    for index, line in enumerate(front):
        modeline = _MODELINE.search(line)
        if modeline:
            schema = posixpath.relpath(
                f"schema/{KINDS['versioner'].schema}", posixpath.dirname(f"docs/{sida}")
            )
            front[index] = line[: modeline.start(2)] + schema + line[modeline.end(2) :]
            at = index + 1
    header = _comment(
        f"Sparad version {anvisning.version} av anvisningen, kopierad {today.isoformat()} med "
        f"styrdok ny version innan version {anvisning.version + 1} påbörjades. Ändra inte i "
        f"filen: den visar vad som gällde medan version {anvisning.version} gällde. "
        f"Ändringar görs i docs/{anvisning.sida}."
    )
    front[at:at] = [line + newline for line in header]
    text = bom + "".join([lines[0], *front, lines[closing], *moved])
    _read_back(text, f"docs/{sida}", _front(raw, anvisning.fil).data, "versioner")
    return text


# The next version ------------------------------------------------------------------------


def _front(text: str, display: str) -> SourceDocument:
    doc, problems = read_page(normal(text), display, NAMED[KINDS["anvisningar"].name])
    if problems or not isinstance(doc.data, dict) or doc.node is None:
        raise ScaffoldError(f"{display} kunde inte läsas – kör styrdok check")
    return doc


def next_version(raw: str, display: str, n: int, today: date) -> tuple[str, int]:
    """The anvisning's file as version n+1 in preparation, and the line (1-based) of its
    new history entry."""
    doc = _front(raw, display)
    bom, lines, newline = _split(raw)
    assert isinstance(doc.node, yaml.MappingNode)
    offset = 1  # the front matter's first line is the file's second
    values = {k.value: (k, v) for k, v in doc.node.value if isinstance(k, yaml.ScalarNode)}

    def one_line(key: str) -> tuple[int, yaml.ScalarNode]:
        key_node, node = values[key]
        line = key_node.start_mark.line + offset
        single = isinstance(node, yaml.ScalarNode) and node.end_mark.line == node.start_mark.line
        if not single or key_node.start_mark.column != 0 or node.start_mark.line != line - offset:
            raise _by_hand(display, line + 1, key)
        assert isinstance(node, yaml.ScalarNode)
        return line, node

    for key, value in (("version", str(n + 1)), ("status", UTKAST)):
        line, node = one_line(key)
        text = lines[line]
        lines[line] = text[: node.start_mark.column] + value + text[node.end_mark.column :]
    decided = [key for key in DECISION_FIELDS if key in values]
    for key in decided:
        line, _ = one_line(key)
        lines[line] = "# " + lines[line]
    fields = (
        ", ".join(decided[:-1]) + " och " + decided[-1] if len(decided) > 1 else "".join(decided)
    )
    fill = f", fyll i {fields} (ta bort # framför dem)" if decided else ""
    note = _comment(
        f"Version {n + 1} förbereds sedan {today.isoformat()} (styrdok ny version). Version {n} "
        f"gäller tills version {n + 1} är beslutad. Sätt då status: gällande{fill} och skriv "
        "diarienummer om beslutet har ett nytt."
    )
    status_line, _ = one_line("status")
    # Inserted from the bottom up, so the line numbers above stay right.
    insertions = [
        (status_line, note),
        _history_entry(lines, values, offset, n + 1, today, display),
    ]
    for at, new_lines in sorted(insertions, key=lambda i: i[0], reverse=True):
        lines[at:at] = [t + newline for t in new_lines]
    text = bom + "".join(lines)
    meant = dict(doc.data)
    meant["version"] = n + 1
    meant["status"] = UTKAST
    for key in DECISION_FIELDS:
        meant.pop(key, None)
    meant["historik"] = [
        *meant.get("historik", []),
        {"datum": today.isoformat(), "version": n + 1, "andring": PLATSHALLARE_ANDRING},
    ]
    written = _read_back(text, display, meant, "anvisningar")
    entry = written.node_at(["historik", len(meant["historik"]) - 1])
    return text, written.position(entry).line


def _history_entry(
    lines: list[str],
    values: dict[str, tuple[yaml.Node, yaml.Node]],
    offset: int,
    version: int,
    today: date,
    display: str,
) -> tuple[int, list[str]]:
    """Where the history entry for the new version goes (a 0-based line to insert before)
    and its lines: at the end of `historik`, or a new `historik` at the end of the front
    matter. `historik: []` loses its brackets."""
    fields = [
        f"datum: {today.isoformat()}",
        f"version: {version}",
        f"andring: {yaml_string(PLATSHALLARE_ANDRING)}",
    ]

    def entry(dash: str) -> list[str]:
        """The entry's lines, the first after `dash`, the others below its first field."""
        return [dash + fields[0], *(" " * len(dash) + f for f in fields[1:])]

    if "historik" not in values:
        return _closing(lines), ["historik:", *entry("  - ")]
    key, sequence = values["historik"]
    line = key.start_mark.line + offset
    if key.start_mark.column != 0:
        raise _by_hand(display, line + 1, "historik")
    if isinstance(sequence, yaml.SequenceNode) and sequence.value and not sequence.flow_style:
        first = sequence.value[0]
        first_line = first.start_mark.line + offset
        dash = lines[first_line][: first.start_mark.column]
        if _DASH.fullmatch(dash) is None or not isinstance(first, yaml.MappingNode):
            raise _by_hand(display, first_line + 1, "historik")
        at = last_line(sequence.value[-1], lines[offset:]) + offset + 1
        return at, entry(dash)
    text = lines[line].rstrip("\r\n")
    empty = _EMPTY_FLOW.fullmatch(text)
    if empty is None:
        raise _by_hand(display, line + 1, "historik")
    lines[line] = empty.group("key") + (empty.group("comment") or "") + lines[line][len(text) :]
    return line + 1, entry("  - ")


def _comment(text: str) -> list[str]:
    """A YAML comment of whole lines that fit an editor's window."""
    return [f"# {line}" for line in textwrap.wrap(text, 78, break_on_hyphens=False)]


def _by_hand(display: str, line: int, key: str) -> ScaffoldError:
    return ScaffoldError(
        f"{display}:{line}: {key} är skrivet på ett sätt som styrdok ny version inte kan ändra "
        "säkert; inget har ändrats – skriv fältet på en rad (t.ex. version: 2) och försök igen, "
        "eller gör ändringen för hand (CONTRIBUTING.md, Ny version av en anvisning)"
    )


def _read_back(text: str, display: str, meant: dict[str, Any], kind: str) -> SourceDocument:
    """The text as read, refused if it does not read as the values it was meant to hold."""
    doc, problems = read_page(normal(text), display, NAMED[KINDS[kind].name])
    if problems or doc.data != meant:
        raise ScaffoldError(
            f"{display} är skriven på ett sätt som styrdok ny version inte kan ändra säkert; "
            "inget har ändrats – gör ändringen för hand (CONTRIBUTING.md, Ny version av en "
            "anvisning)"
        )
    return doc
