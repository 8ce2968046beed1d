"""`styrdok diff`: what changed for readers between two revisions of the source.

Each revision is loaded with the same core as `styrdok check` and selected for one
audience with `select`, so the comparison sees exactly what that audience's site shows:
a document the selection leaves out cannot appear here either. `compare` is pure (two
publications in, a `Changes` out) and `as_markdown` holds all the Swedish wording, for a
CI job to post as a comment on a pull request.

A skyddad anvisning's text and summary never reach a publication; the most said about
them is "texten ändrad", worked out from the source by `textandringar`.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from styrdok.core.model import ORGANTYPER, Anvisning, GallerFor, Model, Organ
from styrdok.core.pipeline import check_project
from styrdok.core.project import Project
from styrdok.core.sortering import svensk
from styrdok.select import MALGRUPP_NAMN, STANDARD_MALGRUPP, Publication, select
from styrdok.views.crossref import Applicability, organ_answer
from styrdok.views.markdown import md

ARBETSKATALOG = "den här grenen"
# What the core reads from a revision; anything else is left in git.
KALLDELAR = ("data", "docs", "schema", "mkdocs.yml")
# Fields compared as they are written (strings, numbers, dates).
ENKLA_FALT = (
    "titel",
    "status",
    "atkomst",
    "version",
    "beslutsdatum",
    "giltig_fran",
    "revideras_senast",
    "upphavd_datum",
)
# Sections of an organ's "Vad gäller för oss?" answer, in the order they are reported.
KATEGORIER: dict[str, tuple[str, ...]] = {
    "galler": ("samtliga", "for_typ", "sarskilt"),
    "under_arbete": ("under_arbete",),
    "ansvarar": ("ansvarar_for",),
}


# Loading --------------------------------------------------------------------------------


class RevisionError(Exception):
    """A revision that cannot be read. The message is Swedish and meant for the user."""


@dataclass(frozen=True)
class Source:
    """One revision's source as a model, with the number of errors found loading it."""

    etikett: str
    model: Model
    fel: int


def empty_model() -> Model:
    return Model((), (), (), (), (), ())


def load_source(root: Path, rev: str | None) -> Source:
    """The working tree at `root` (rev None) or git revision `rev` of the repository."""
    if rev is None:
        return _load(Project.at(root), ARBETSKATALOG)
    return load_revision(root, rev)


def load_revision(root: Path, rev: str) -> Source:
    """Revision `rev`, extracted with `git archive` into a temporary folder and loaded."""
    if not rev or rev.startswith("-"):
        raise RevisionError(f"ogiltig revision '{rev}'")
    root = root.resolve()
    found = _git(["rev-parse", "--show-toplevel"], root)
    if found.returncode != 0:
        raise RevisionError(f"mappen {root} ligger inte i ett git-förråd")
    top = Path(found.stdout.decode().strip()).resolve()
    try:
        prefix = root.relative_to(top)
    except ValueError as exc:
        raise RevisionError(f"mappen {root} ligger inte i git-förrådet {top}") from exc
    commit = _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], top)
    if commit.returncode != 0:
        raise RevisionError(
            f"okänd revision '{rev}' – finns den i förrådet? "
            "(En grund klon i CI kan behöva hämta den först, t.ex. med git fetch.)"
        )
    sha = commit.stdout.decode().strip()
    wanted = [(prefix / part).as_posix() for part in KALLDELAR]
    listed = _git(["ls-tree", "--name-only", sha, "--", *wanted], top)
    present = listed.stdout.decode().splitlines() if listed.returncode == 0 else []
    with tempfile.TemporaryDirectory(prefix="styrdok-diff-") as tmp:
        if present:
            archive = _git(["archive", "--format=tar", sha, "--", *present], top)
            if archive.returncode != 0:
                raise RevisionError(
                    f"kunde inte läsa revision '{rev}': {archive.stderr.decode().strip()}"
                )
            subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        return _load(Project.at(Path(tmp) / prefix), etikett(rev))


def etikett(rev: str) -> str:
    """How a revision is named in the report: `origin/main` as `main`."""
    return rev.removeprefix("origin/")


def _git(args: Sequence[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError as exc:
        raise RevisionError("programmet git finns inte") from exc


def _load(project: Project, label: str) -> Source:
    try:
        outcome = check_project(project)
    except Exception as exc:  # an older source format than this core can link
        raise RevisionError(
            f"källan i {label} kan inte läsas av den här versionen av styrdok "
            f"({type(exc).__name__}: {exc}); jämför med en nyare revision"
        ) from exc
    model = outcome.model if outcome.model is not None else empty_model()
    return Source(label, model, len(outcome.errors))


# Comparing ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    id: str
    titel: str


@dataclass(frozen=True)
class Krets:
    """A group of organ, as compactly as it can be named: all nämnder and bolagsstyrelser,
    whole types of organ, and single organ (by name)."""

    samtliga: bool = False
    organtyper: tuple[str, ...] = ()
    organ: tuple[str, ...] = ()

    @property
    def storlek(self) -> int:
        return int(self.samtliga) + len(self.organtyper) + len(self.organ)

    def __bool__(self) -> bool:
        return self.storlek > 0


@dataclass(frozen=True)
class Falt:
    """A field of an anvisning with its value before and after (names, not ids)."""

    namn: str
    fore: object
    efter: object


@dataclass(frozen=True)
class AndradAnvisning:
    anvisning: Ref
    falt: tuple[Falt, ...] = ()
    sammanfattning_andrad: bool = False
    text_andrad: bool = False


@dataclass(frozen=True)
class OrganAndring:
    """For one anvisning and one section of the organ pages: who had it, who has it."""

    anvisning: Ref
    kategori: str  # a key of KATEGORIER
    fore: Krets
    efter: Krets
    tillkom: Krets
    foll_bort: Krets


@dataclass(frozen=True)
class DataAndring:
    """Programme data: `slag` is program, programstatus, malomrade, fokusomrade or organ;
    `fore`/`efter` the name (None when added or removed)."""

    slag: str
    id: str
    fore: str | None
    efter: str | None


@dataclass(frozen=True)
class Changes:
    malgrupp: str
    nya: tuple[Ref, ...] = ()
    borttagna: tuple[Ref, ...] = ()
    andrade: tuple[AndradAnvisning, ...] = ()
    organ: tuple[OrganAndring, ...] = ()
    data: tuple[DataAndring, ...] = ()

    @property
    def tom(self) -> bool:
        return not (self.nya or self.borttagna or self.andrade or self.organ or self.data)


def textandringar(old: Model, new: Model) -> frozenset[str]:
    """Ids of the anvisningar in both models whose source text differs: for those whose
    text the publication does not carry (skyddad), so the report can say "texten ändrad"."""
    return frozenset(
        a.id
        for a in new.anvisningar
        if (before := old.anvisning_med_id(a.id)) is not None and _text(before) != _text(a)
    )


def compare(
    old: Publication, new: Publication, *, skyddade_textandringar: Set[str] = frozenset()
) -> Changes:
    """What a reader of `new` sees differently from `old` (same audience). Anvisningar
    published as metadata only are said to have a changed text only if their id is in
    `skyddade_textandringar` (see `textandringar`)."""
    before = {a.id: a for a in old.anvisningar}
    after = {a.id: a for a in new.anvisningar}
    andrade = []
    for a in new.anvisningar:
        if a.id in before:
            changed = _changed_anvisning(old, before[a.id], new, a, skyddade_textandringar)
            if changed:
                andrade.append(changed)
    return Changes(
        malgrupp=new.malgrupp,
        nya=tuple(_ref(a) for a in new.anvisningar if a.id not in before),
        borttagna=tuple(_ref(a) for a in old.anvisningar if a.id not in after),
        andrade=tuple(andrade),
        organ=tuple(_organ_changes(old, new)),
        data=tuple(_data_changes(old, new)),
    )


def _ref(a: Anvisning) -> Ref:
    return Ref(a.id, a.titel)


def _text(a: Anvisning) -> str:
    return a.text.strip()


def _changed_anvisning(
    old_pub: Publication,
    old: Anvisning,
    new_pub: Publication,
    new: Anvisning,
    hidden_changes: Set[str],
) -> AndradAnvisning | None:
    falt = [Falt(name, getattr(old, name), getattr(new, name)) for name in ENKLA_FALT]
    falt = [f for f in falt if f.fore != f.efter]
    if old.ansvarig != new.ansvarig:
        falt.append(
            Falt("ansvarig", _organ_name(old_pub, old.ansvarig), _organ_name(new_pub, new.ansvarig))
        )
    if _scope(old.galler_for) != _scope(new.galler_for):
        falt.append(
            Falt("galler_for", _krets(old_pub, old.galler_for), _krets(new_pub, new.galler_for))
        )
    if set(old.fokusomraden) != set(new.fokusomraden):
        falt.append(
            Falt(
                "fokusomraden",
                _fokus_names(old_pub, old.fokusomraden),
                _fokus_names(new_pub, new.fokusomraden),
            )
        )
    if set(old.ersatter) != set(new.ersatter):
        falt.append(
            Falt("ersatter", _titles(old_pub, old.ersatter), _titles(new_pub, new.ersatter))
        )
    full = old.sida not in old_pub.bara_metadata and new.sida not in new_pub.bara_metadata
    summary = full and old.sammanfattning != new.sammanfattning
    text = _text(old) != _text(new) if full else new.id in hidden_changes
    if not (falt or summary or text):
        return None
    falt.sort(key=lambda f: _FIELD_ORDER.index(f.namn))
    return AndradAnvisning(_ref(new), tuple(falt), summary, text)


# The order the fields of a changed anvisning are reported in.
_FIELD_ORDER = (
    *ENKLA_FALT,
    "ansvarig",
    "galler_for",
    "fokusomraden",
    "ersatter",
)


def _scope(galler_for: GallerFor) -> tuple[bool, frozenset[str], frozenset[str]]:
    return galler_for.alla, frozenset(galler_for.organtyper), frozenset(galler_for.organ)


def _krets(pub: Publication, galler_for: GallerFor) -> Krets:
    types = tuple(t for t in ORGANTYPER if t in galler_for.organtyper)
    names = sorted((_organ_name(pub, o) for o in set(galler_for.organ)), key=svensk)
    return Krets(galler_for.alla, types, tuple(names))


def _organ_name(pub: Publication, organ_id: str) -> str:
    organ = pub.model.organ_med_id(organ_id)
    return organ.namn if organ else organ_id


def _fokus_names(pub: Publication, ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(f.namn if (f := pub.model.fokusomrade_med_id(id)) else id for id in ids)


def _titles(pub: Publication, ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(a.titel if (a := pub.model.anvisning_med_id(id)) else id for id in ids)


# What applies to organ ------------------------------------------------------------------


def _organ_changes(old: Publication, new: Publication) -> list[OrganAndring]:
    """Per anvisning and section, the organ (present in both revisions) whose answer to
    "Vad gäller för oss?" gained or lost it, named as compactly as possible."""
    old_organ = {o.id: o for o in old.organ}
    common = {o.id: o for o in new.organ if o.id in old_organ}
    old_common = {id: old_organ[id] for id in common}
    before = _answers(old, old_common)
    after = _answers(new, common)
    old_by_id = {a.id: a for a in old.anvisningar}
    new_by_id = {a.id: a for a in new.anvisningar}
    ids = sorted(
        set(old_by_id) | set(new_by_id),
        key=lambda i: (svensk((new_by_id.get(i) or old_by_id[i]).titel), i),
    )
    found: list[OrganAndring] = []
    for id in ids:
        newer, older = new_by_id.get(id), old_by_id.get(id)
        gained_in_force: set[str] = set()
        for kategori in KATEGORIER:
            had = before.get((kategori, id), set())
            has = after.get((kategori, id), set())
            if kategori == "galler":
                gained_in_force = has - had
            lost = had - has
            if kategori == "under_arbete":
                # An utkast that comes into force leaves "Under arbete": that is implied.
                lost -= gained_in_force
            if not (has - had or lost):
                continue
            found.append(
                OrganAndring(
                    anvisning=_ref(newer or older),
                    kategori=kategori,
                    fore=_group(had, old_common, older),
                    efter=_group(has, common, newer),
                    tillkom=_group(has - had, common, newer),
                    foll_bort=_group(lost, old_common, older),
                )
            )
    return found


def _answers(pub: Publication, organ: Mapping[str, Organ]) -> dict[tuple[str, str], set[str]]:
    """(section, anvisning id) -> ids of the organ whose answer lists it in that section."""
    applicability = Applicability.of(pub.anvisningar)
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for organ_id, o in organ.items():
        answer = organ_answer(pub, applicability, o)
        for kategori, parts in KATEGORIER.items():
            for part in parts:
                for a in getattr(answer, part):
                    found[(kategori, a.id)].add(organ_id)
    return found


def _group(ids: Set[str], organ: Mapping[str, Organ], anvisning: Anvisning | None) -> Krets:
    """`ids` named compactly: "samtliga" if it holds every organ the programme applies to,
    whole types of organ if it holds all of them (a type of one organ only if the
    anvisning names the type), and the rest by name."""
    rest = set(ids)
    tillampande = {i for i, o in organ.items() if o.tillampar_programmet}
    samtliga = bool(rest) and bool(tillampande) and tillampande <= rest
    if samtliga:
        rest -= tillampande
    named_types = anvisning.galler_for.organtyper if anvisning else ()
    types = []
    for typ in ORGANTYPER:
        members = {i for i, o in organ.items() if o.typ == typ}
        if members and members <= rest and (len(members) > 1 or typ in named_types):
            types.append(typ)
            rest -= members
    names = sorted((organ[i].namn for i in rest), key=svensk)
    return Krets(samtliga, tuple(types), tuple(names))


# Programme data -------------------------------------------------------------------------


def _data_changes(old: Publication, new: Publication) -> list[DataAndring]:
    found: list[DataAndring] = []
    if old.program and new.program:
        if (old.program.id, old.program.titel) != (new.program.id, new.program.titel):
            found.append(
                DataAndring("program", new.program.id, old.program.titel, new.program.titel)
            )
        if old.program.status != new.program.status:
            found.append(
                DataAndring("programstatus", new.program.id, old.program.status, new.program.status)
            )
    elif old.program or new.program:
        found.append(
            DataAndring(
                "program",
                (new.program or old.program).id,
                old.program.titel if old.program else None,
                new.program.titel if new.program else None,
            )
        )
    found += _named("malomrade", old.malomraden, new.malomraden)
    found += _named("fokusomrade", old.fokusomraden, new.fokusomraden)
    found += _named("organ", old.organ, new.organ)
    return found


def _named(slag: str, old: Iterable, new: Iterable) -> list[DataAndring]:
    before = {item.id: item.namn for item in old}
    after = {item.id: item.namn for item in new}
    changes = [
        DataAndring(slag, id, before.get(id), after.get(id))
        for id in before.keys() | after.keys()
        if before.get(id) != after.get(id)
    ]
    return sorted(changes, key=lambda c: (svensk(c.efter or c.fore or ""), c.id))


# Markdown -------------------------------------------------------------------------------

_FALT_NAMN = {
    "titel": "titel",
    "status": "status",
    "atkomst": "åtkomst",
    "version": "version",
    "beslutsdatum": "beslutsdatum",
    "giltig_fran": "giltig från",
    "revideras_senast": "revideras senast",
    "upphavd_datum": "upphävd",
    "ansvarig": "ansvarig",
    "galler_for": "gäller för",
    "fokusomraden": "fokusområden",
    "ersatter": "ersätter",
}

# Section: (now for, now also for, no longer for, now for … (before …)).
_ORGAN_FRASER = {
    "galler": (
        "gäller nu för {}",
        "gäller nu också för {}",
        "gäller inte längre för {}",
        "gäller nu för {} (tidigare för {})",
    ),
    "under_arbete": (
        "nu under arbete för {}",
        "nu under arbete också för {}",
        "inte längre under arbete för {}",
        "nu under arbete för {} (tidigare för {})",
    ),
    "ansvarar": (
        "{} ansvarar nu för den",
        "{} ansvarar nu också för den",
        "{} ansvarar inte längre för den",
        "{} ansvarar nu för den (tidigare {})",
    ),
}

_DATA_NAMN = {
    "malomrade": ("Nytt målområde", "Borttaget målområde", "Målområdet"),
    "fokusomrade": ("Nytt fokusområde", "Borttaget fokusområde", "Fokusområdet"),
    "organ": ("Nytt organ", "Borttaget organ", "Organet"),
}


def as_markdown(
    changes: Changes, old_label: str, new_label: str, *, varningar: Sequence[str] = ()
) -> str:
    """The changes as Swedish Markdown, for a pull-request comment."""
    warnings = [f"> **Varning:** {md(w)}" for w in varningar]
    if changes.tom:
        line = f"Inga ändringar som läsarna ser ({md(old_label)} → {md(new_label)})."
        return "\n\n".join([*warnings, line]) + "\n"
    parts = [
        *warnings,
        f"## Ändringar för läsarna ({md(old_label)} → {md(new_label)})",
        f"Jämförelsen gäller det som visas för målgruppen {MALGRUPP_NAMN[changes.malgrupp]}.",
    ]
    if changes.nya:
        parts.append("### Nya anvisningar\n\n" + "\n".join(f"- {_ref_md(r)}" for r in changes.nya))
    if changes.borttagna:
        parts.append(
            "### Borttagna anvisningar\n\n"
            + "\n".join(f"- {_ref_md(r)}" for r in changes.borttagna)
        )
    if changes.andrade:
        parts.append(
            "### Ändrade anvisningar\n\n" + "\n".join(_changed_md(c) for c in changes.andrade)
        )
    if changes.organ:
        parts.append("### Vad som gäller för organ\n\n" + _organ_md(changes.organ))
    if changes.data:
        parts.append(
            "### Programmet, målområden, fokusområden och organ\n\n"
            + "\n".join(f"- {_data_md(c)}" for c in changes.data)
        )
    return "\n\n".join(parts) + "\n"


def _ref_md(ref: Ref) -> str:
    return f"**{md(ref.titel)}** (`{ref.id}`)"


def _changed_md(change: AndradAnvisning) -> str:
    items = [
        f"{_FALT_NAMN[f.namn]} {_value_md(f.namn, f.fore)} → {_value_md(f.namn, f.efter)}"
        for f in change.falt
    ]
    if change.sammanfattning_andrad:
        items.append("sammanfattningen ändrad")
    if change.text_andrad:
        items.append("texten ändrad")
    return f"- {_ref_md(change.anvisning)}: {'; '.join(items)}"


def _value_md(namn: str, value: object) -> str:
    if value is None or value == () or (isinstance(value, Krets) and not value):
        return "–"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Krets):
        return _krets_md(value)
    if isinstance(value, tuple):
        return ", ".join(md(str(v)) for v in value)
    if namn == "titel":
        return f"”{md(str(value))}”"
    return md(str(value))


def _krets_md(krets: Krets) -> str:
    names = ["samtliga nämnder och bolagsstyrelser"] if krets.samtliga else []
    for typ in krets.organtyper:
        label = ORGANTYPER[typ]
        # Kommunstyrelsen and Kommunfullmäktige are one organ each, named as such.
        names.append(
            label if typ in ("kommunstyrelse", "kommunfullmäktige") else f"alla {label.lower()}"
        )
    names += [md(name) for name in krets.organ]
    return ", ".join(names) or "–"


def _organ_md(changes: Sequence[OrganAndring]) -> str:
    lines: list[str] = []
    by_anvisning: dict[Ref, list[str]] = {}
    for c in changes:
        by_anvisning.setdefault(c.anvisning, []).append(_organ_phrase(c))
    for ref, phrases in by_anvisning.items():
        lines.append(f"- {_ref_md(ref)}: {'; '.join(phrases)}")
    return "\n".join(lines)


def _organ_phrase(c: OrganAndring) -> str:
    now, also, no_longer, instead = _ORGAN_FRASER[c.kategori]
    if not c.fore:
        return now.format(_krets_md(c.efter))
    if not c.efter:
        return no_longer.format(_krets_md(c.fore))
    if c.tillkom.storlek + c.foll_bort.storlek <= c.fore.storlek + c.efter.storlek:
        phrases = []
        if c.tillkom:
            phrases.append(also.format(_krets_md(c.tillkom)))
        if c.foll_bort:
            phrases.append(no_longer.format(_krets_md(c.foll_bort)))
        return "; ".join(phrases)
    return instead.format(_krets_md(c.efter), _krets_md(c.fore))


def _data_md(c: DataAndring) -> str:
    if c.slag == "program":
        if c.fore is None:
            return f"Programmet som visas: **{md(c.efter or '')}**"
        if c.efter is None:
            return f"Inget program visas längre (tidigare **{md(c.fore)}**)"
        return f"Programmet som visas: **{md(c.fore)}** → **{md(c.efter)}**"
    if c.slag == "programstatus":
        return f"Programmets status: {md(c.fore or '–')} → {md(c.efter or '–')}"
    added, removed, renamed = _DATA_NAMN[c.slag]
    if c.fore is None:
        return f"{added}: **{md(c.efter or '')}** (`{c.id}`)"
    if c.efter is None:
        return f"{removed}: **{md(c.fore)}** (`{c.id}`)"
    return f"{renamed} **{md(c.fore)}** heter nu **{md(c.efter)}** (`{c.id}`)"


# The whole report -----------------------------------------------------------------------


def report(old: Source, new: Source, malgrupp: str = STANDARD_MALGRUPP) -> str:
    """Both revisions selected for `malgrupp`, compared and written as Markdown."""
    changes = compare(
        select(old.model, malgrupp),
        select(new.model, malgrupp),
        skyddade_textandringar=textandringar(old.model, new.model),
    )
    warnings = [
        f"Källan i {s.etikett} har {s.fel} fel; jämförelsen kan vara ofullständig."
        for s in (old, new)
        if s.fel
    ]
    return as_markdown(changes, old.etikett, new.etikett, varningar=warnings)
