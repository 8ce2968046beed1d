"""One body's risk- och lägesbild for a year, written into data/uppfoljning/<år>.yml.

The result passes `styrdok check` but for the example texts the editor is to replace,
which the check names (`platshallare-kvar`), so they are never published as what the
body reported: a new year file lists every body the programme applies to, and the
requested body gets a submitted report with one example risk and Swedish comments. An existing file is edited as text, by the line positions the
project's own YAML reader gives, so every comment and every other entry keeps its bytes;
a YAML dumper would drop the comments. After each edit the new text is read back and
compared with what was meant, so a file written in a form the edit does not foresee is
refused rather than changed into something else.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from styrdok.core.kinds import KINDS, NAMED
from styrdok.core.messages import suggest
from styrdok.core.model import Model, Organ, Rapport, Uppfoljningsar
from styrdok.core.problems import Problem
from styrdok.core.project import Project
from styrdok.core.reading.load import read_data_entry
from styrdok.core.reading.source import SourceDocument
from styrdok.core.rules.reporting import (
    PLATSHALLARE_ATGARDER,
    PLATSHALLARE_NOTERING,
    PLATSHALLARE_TITEL,
)
from styrdok.tools.scaffold import ScaffoldError
from styrdok.tools.yaml_text import last_line, refuse_broken, usual_line_end
from styrdok.views.markdown import yaml_string

# The years schema/uppfoljning.schema.json accepts.
FIRST_YEAR, LAST_YEAR = 2000, 2100
SKAPAD, ERSATT, TILLAGD = "skapad", "ersatt", "tillagd"
# The one error in a year file this command is the fix for: a body missing from it.
_FIXED_HERE = "rapport-saknas"
_DASH = re.compile(r"( *)- +")
_EMPTY_FLOW = re.compile(r"(?P<key> *rapporter:) *\[ *\](?P<comment> *#.*)?")
_KIND = NAMED[KINDS["uppfoljning"].name]


@dataclass(frozen=True)
class Lagesbild:
    """The year file as it is to be written, and where the body's entry is in it."""

    path: Path
    display: str  # the path as messages name it, e.g. data/uppfoljning/2025.yml
    text: str
    rad: int  # the line of the body's entry (its `- organ:` line)
    andring: str  # SKAPAD, ERSATT or TILLAGD
    sen: bool  # came in after sista_dag: the entry has a notering to fill in


@dataclass(frozen=True)
class _Kept:
    """What an existing, not yet submitted entry already says and must not be lost."""

    atkomst: str = "intern"
    referens: str | None = None
    notering: str | None = None


def year_path(project: Project, ar: int) -> Path:
    folder = KINDS["uppfoljning"].data_folder
    assert folder is not None  # the kind is a folder of data/ by definition
    return project.data_dir / folder.path / f"{ar}.yml"


def new_lagesbild(
    project: Project,
    model: Model,
    problems: Sequence[Problem],
    organ_id: str,
    ar: int,
    today: date,
) -> Lagesbild:
    """The year file with `organ_id`'s report filled in; `problems` are the check's."""
    # The bodies listed come from data/organ.yml: with an error there, one could be
    # missing from the model, and so from the year or from the suggestions.
    refuse_broken(
        problems, project.display(project.data_dir / str(KINDS["organ"].data_file)), _FIXED_HERE
    )
    organ = reporting_organ(model, organ_id)
    check_year(ar)
    if not organ.rapporterar(ar):
        raise ScaffoldError(
            f"{organ.namn} ({organ.id}) lämnar ingen risk- och lägesbild för {ar}: se "
            "rapporterar_fran och rapporterar_till i data/organ.yml"
        )
    path = year_path(project, ar)
    display = project.display(path)
    for folder in (project.data_dir, path.parent):
        if folder.is_symlink():
            # Never written through: its target could be anywhere on the machine.
            raise ScaffoldError(
                f"{project.display(folder)} är en symbolisk länk – kör styrdok check"
            )
    if not path.exists() and not path.is_symlink():
        text, rad, sen = new_year_text(model, organ, ar, today, display)
        return Lagesbild(path, display, text, rad, SKAPAD, sen)
    refuse_broken(problems, display, _FIXED_HERE)
    year = next((y for y in model.uppfoljning if y.kalla.fil == display), None)
    if year is None:
        raise ScaffoldError(_run_check_first(display, "filen kunde inte läsas"))
    old = _read(path, display)
    text, rad, andring, sen = edited_year_text(model, year, organ, old, display, today)
    return Lagesbild(path, display, text, rad, andring, sen)


def write(made: Lagesbild) -> None:
    made.path.parent.mkdir(parents=True, exist_ok=True)
    # newline="": the line ends of the old file are in the text already.
    with made.path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(made.text)


# What may be asked for ------------------------------------------------------------------


def reporting_organ(model: Model, organ_id: str) -> Organ:
    """The organ `organ_id` names, if it is one that reports under the programme."""
    organ = model.organ_med_id(organ_id)
    if organ is None:
        reporting = [o.id for o in model.organ if o.tillampar_programmet]
        hint = suggest(organ_id, reporting, "Organ som lämnar risk- och lägesbild")
        hint = hint or "se id:na i data/organ.yml"
        raise ScaffoldError(f"okänt organ '{organ_id}' – {hint}")
    if not organ.tillampar_programmet:
        instead = model.organ_med_id(organ.underordnat) if organ.underordnat else None
        who = f"; rapporten lämnas av {instead.namn} ({instead.id})" if instead else ""
        raise ScaffoldError(
            f"{organ.namn} ({organ.id}) lämnar ingen risk- och lägesbild: programmet gäller "
            f"kommunstyrelsen, nämnderna och bolagsstyrelserna, inte organ av typen "
            f"{organ.typ}{who}"
        )
    return organ


def check_year(ar: int) -> None:
    if not FIRST_YEAR <= ar <= LAST_YEAR:
        raise ScaffoldError(
            f"året {ar} ligger utanför {FIRST_YEAR}–{LAST_YEAR} – skriv året som rapporterna "
            "gäller med fyra siffror, t.ex. --ar 2025"
        )


def _run_check_first(display: str, why: str) -> str:
    return (
        f"{display} klarar inte styrdok check ({why}) – kör styrdok check, rätta felen "
        "i filen och försök sedan igen"
    )


def _read(path: Path, display: str) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ScaffoldError(_run_check_first(display, f"filen kunde inte läsas: {exc}")) from None


# A new year file ------------------------------------------------------------------------


def last_of_february(year: int) -> date:
    return date(year, 3, 1) - timedelta(days=1)


def new_year_text(
    model: Model, organ: Organ, ar: int, today: date, display: str
) -> tuple[str, int, bool]:
    """The text of a new year file, the line of `organ`'s entry and whether it is late."""
    sista_dag = last_of_february(ar + 1)
    late = False
    lines = _YEAR_HEADER.format(ar=ar, today=today.isoformat(), sista=sista_dag).splitlines()
    rad = 0
    expected: list[dict[str, Any]] = []
    for other in (o for o in model.organ if o.rapporterar(ar)):
        if other.id == organ.id:
            rad = len(lines) + 1
            entry, data = _filled_entry(model, organ, today, sista_dag, _Kept())
            late = _late(data)
        else:
            entry = [f"- organ: {other.id}", "  inlamnad: false", "  atkomst: intern"]
            data = {"organ": other.id, "inlamnad": False, "atkomst": "intern"}
        lines += _indented(entry, 2)
        expected.append(data)
    text = "\n".join(lines) + "\n"
    meant = {"ar": ar, "sista_dag": sista_dag.isoformat(), "rapporter": expected}
    _read_back(text, display, meant)
    return text, rad, late


_YEAR_HEADER = """\
# yaml-language-server: $schema=../../schema/uppfoljning.schema.json
# Uppföljningen av programmet för {ar}: en post för varje organ som programmet gäller
# (kommunstyrelsen, nämnderna och bolagsstyrelserna). Skapad {today} med styrdok ny
# lagesbild; se CONTRIBUTING.md, "Årets risk- och lägesbild".

ar: {ar}
# Förslag: sista februari året efter. Ändra till den dag som har bestämts.
sista_dag: {sista}
rapporter:"""


# An existing year file ------------------------------------------------------------------


def edited_year_text(
    model: Model, year: Uppfoljningsar, organ: Organ, old: str, display: str, today: date
) -> tuple[str, int, str, bool]:
    """`old` with `organ`'s entry filled in: the text, the entry's line, what was done
    (ERSATT or TILLAGD) and whether the report is late."""
    bom = "\ufeff" if old.startswith("\ufeff") else ""
    body = old[len(bom) :]
    # The same line breaks as YAML: \n, \r\n, \r and the Unicode ones (the reader
    # refuses the other characters splitlines breaks at).
    lines = body.splitlines(keepends=True)
    newline = usual_line_end(lines)
    doc = _parse(body.replace("\r\n", "\n").replace("\r", "\n"), display)
    sequence = doc.node_at(["rapporter"])
    if not isinstance(sequence, yaml.SequenceNode):
        raise ScaffoldError(_run_check_first(display, "rapporter är ingen lista"))
    meant = copy.deepcopy(doc.data)
    found = [(i, r) for i, r in enumerate(year.rapporter) if r.organ == organ.id]
    if found:
        index, rapport = found[0]
        _refuse_filled(rapport, organ, year, display)
        kept = _kept(doc.data["rapporter"][index])
        entry, data = _filled_entry(model, organ, today, year.sista_dag, kept)
        first, last, indent = _entry_span(sequence, index, lines, display)
        new_lines = [_line(text, newline) for text in _indented(entry, indent)]
        lines[first : last + 1] = new_lines
        meant["rapporter"][index] = data
        rad, andring = first + 1, ERSATT
    else:
        entry, data = _filled_entry(model, organ, today, year.sista_dag, _Kept())
        at, indent = _append_point(sequence, lines, display)
        if lines[at - 1 :] and not lines[at - 1].endswith(("\n", "\r")):
            lines[at - 1] += newline  # the last line had no line end
        lines[at:at] = [_line(text, newline) for text in _indented(entry, indent)]
        meant["rapporter"].append(data)
        rad, andring = at + 1, TILLAGD
    text = bom + "".join(lines)
    _read_back(text[len(bom) :], display, meant)
    return text, rad, andring, _late(data)


def _refuse_filled(rapport: Rapport, organ: Organ, year: Uppfoljningsar, display: str) -> None:
    line = rapport.kalla.position.line
    if rapport.inlamnad:
        raise ScaffoldError(
            f"{display}: {organ.namn} har redan en inlämnad rapport för {year.ar} på rad "
            f"{line}; ändra i den i stället"
        )
    if rapport.risker:
        raise ScaffoldError(
            f"{display}: {organ.namn} har redan risker för {year.ar} på rad {line}, fast "
            "inlamnad är false; ändra i posten i stället"
        )


def _kept(entry: dict[str, Any]) -> _Kept:
    """The fields of an entry not yet submitted that the filled one keeps: the access
    level someone chose (it may be skyddad), and any reference or note."""
    return _Kept(entry["atkomst"], entry.get("referens"), entry.get("notering"))


def _late(entry: dict[str, Any]) -> bool:
    """Whether the filled entry has a notering for the editor to write (it came in late)."""
    return entry.get("notering") == PLATSHALLARE_NOTERING


def _parse(text: str, display: str) -> SourceDocument:
    doc, problems = read_data_entry(text, display, _KIND)
    if problems or not isinstance(doc.data, dict):
        raise ScaffoldError(_run_check_first(display, "filen kunde inte läsas"))
    return doc


def _entry_span(
    sequence: yaml.SequenceNode, index: int, lines: list[str], display: str
) -> tuple[int, int, int]:
    """The first and last line (0-based) of entry `index` and the column of its dash."""
    node = sequence.value[index]
    first = node.start_mark.line
    dash = _DASH.fullmatch(lines[first][: node.start_mark.column])
    if sequence.flow_style or not isinstance(node, yaml.MappingNode) or dash is None:
        raise ScaffoldError(
            f"{display}: posten på rad {first + 1} är inte skriven som '- organ: …' på en "
            "rad, så den kan inte ändras automatiskt; ändra i den för hand"
        )
    return first, last_line(node, lines), len(dash.group(1))


def _append_point(sequence: yaml.SequenceNode, lines: list[str], display: str) -> tuple[int, int]:
    """Where a new entry goes at the end of `rapporter` (a 0-based line index to insert
    before) and how far its dash is indented."""
    if sequence.value:
        _, last, indent = _entry_span(sequence, len(sequence.value) - 1, lines, display)
        return last + 1, indent
    # `rapporter: []`: the brackets go, the entry follows on the next line.
    line = sequence.start_mark.line
    text = lines[line].rstrip("\r\n")
    empty = _EMPTY_FLOW.fullmatch(text)
    if empty is None:
        raise ScaffoldError(
            f"{display}: rapporter på rad {line + 1} är inte skriven som 'rapporter: []', "
            "så posten kan inte läggas till automatiskt; lägg till den för hand"
        )
    ending = lines[line][len(text) :]
    lines[line] = empty.group("key") + (empty.group("comment") or "") + ending
    return line + 1, len(empty.group("key")) - len("rapporter:") + 2


def _line(text: str, newline: str) -> str:
    return text + newline


def _read_back(text: str, display: str, meant: dict[str, Any]) -> None:
    """Refuse a text that does not read as the values it was meant to hold."""
    doc, problems = read_data_entry(text.replace("\r\n", "\n").replace("\r", "\n"), display, _KIND)
    if problems or doc.data != meant:
        raise ScaffoldError(
            f"{display} är skriven på ett sätt som styrdok ny lagesbild inte kan ändra säkert; "
            "filen är oförändrad – lägg till eller ändra posten för hand"
        )


# The filled entry -----------------------------------------------------------------------


def example_fokus(model: Model, atkomst: str) -> str:
    """The fokusområde of the example risk: the model's first, or for an öppen report the
    first that is not skyddsvärt (such a report may not be öppen)."""
    usable = [f for f in model.fokusomraden if atkomst != "öppen" or not f.skyddsvart]
    return (usable or list(model.fokusomraden))[0].id


def _filled_entry(
    model: Model, organ: Organ, today: date, sista_dag: date, kept: _Kept
) -> tuple[list[str], dict[str, Any]]:
    """The lines of a submitted report (unindented, the first starting with '- ') and the
    values they hold, as the reader builds them (dates stay text)."""
    fokus = example_fokus(model, kept.atkomst)
    notering = kept.notering or (PLATSHALLARE_NOTERING if today > sista_dag else None)
    lines = [
        f"- organ: {organ.id}",
        "  inlamnad: true",
        "  # Dagen då rapporten kom in (ÅÅÅÅ-MM-DD); ändra om den kom in en annan dag.",
        f"  inlamnad_datum: {today.isoformat()}",
        "  # Vem som får läsa rapporten: öppen (hela rapporten, även på stadens webbplats),",
        "  # intern (bara på intranätet) eller skyddad (innehållet publiceras aldrig;",
        "  # intranätet visar bara att rapporten har lämnats in och när). En rapport om",
        "  # sårbarheter eller säkerhetsskydd ska vara skyddad.",
        f"  atkomst: {kept.atkomst}",
        "  # Var rapporten finns: diarienumret eller en länk som börjar med https://, t.ex.",
    ]
    lines.append(
        f"  referens: {yaml_string(kept.referens)}"
        if kept.referens
        else "  # referens: KS 2025/123"
    )
    if notering:
        lines += [
            f"  # Rapporten kom in efter sista dagen ({sista_dag.isoformat()}): skriv varför,",
            "  # t.ex. att organet fick anstånd.",
            f"  notering: {yaml_string(notering)}",
        ]
    lines += [
        "  # En post per risk; kopiera posten (från - titel) för nästa risk.",
        "  risker:",
        f"    - titel: {yaml_string(PLATSHALLARE_TITEL)}",
        "      # Fokusområden som risken hör till, minst ett (id från data/fokusomraden.yml).",
        f"      fokusomraden: [{fokus}]",
        "      # Sannolikhet 1–5: 1 Mycket låg, 2 Låg, 3 Medelhög, 4 Hög, 5 Mycket hög.",
        "      sannolikhet: 3",
        "      # Konsekvens 1–5: 1 Mycket begränsade, 2 Begränsade, 3 Allvarliga,",
        "      # 4 Mycket allvarliga, 5 Katastrofala.",
        "      konsekvens: 3",
        f"      atgarder: {yaml_string(PLATSHALLARE_ATGARDER)}",
    ]
    data: dict[str, Any] = {
        "organ": organ.id,
        "inlamnad": True,
        "inlamnad_datum": today.isoformat(),
        "atkomst": kept.atkomst,
    }
    if kept.referens:
        data["referens"] = kept.referens
    if notering:
        data["notering"] = notering
    data["risker"] = [
        {
            "titel": PLATSHALLARE_TITEL,
            "fokusomraden": [fokus],
            "sannolikhet": 3,
            "konsekvens": 3,
            "atgarder": PLATSHALLARE_ATGARDER,
        }
    ]
    return lines, data


def _indented(lines: list[str], indent: int) -> list[str]:
    return [" " * indent + line for line in lines]
