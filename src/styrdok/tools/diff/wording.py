"""The Swedish Markdown of a comparison, for a CI job to post as a comment on a pull
request. Whom something applies to is worded by `views.wording`, as on the site."""

from __future__ import annotations

import re
from collections.abc import Sequence

from styrdok.select import MALGRUPP_NAMN
from styrdok.tools.diff.changes import (
    AndradAnvisning,
    Changes,
    DataAndring,
    Falt,
    Krets,
    NyAnvisning,
    OrganAndring,
    Ref,
    Utdrag,
)
from styrdok.tools.diff.revisions import Source
from styrdok.views import markdown
from styrdok.views.wording import galler_for, versal

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

# Per kind (core.kinds.KINDS): (added, removed, the entry).
DATA_NAMN = {
    "program": ("Nytt program", "Borttaget program", "Programmet"),
    "malomraden": ("Nytt målområde", "Borttaget målområde", "Målområdet"),
    "fokusomraden": ("Nytt fokusområde", "Borttaget fokusområde", "Fokusområdet"),
    "organ": ("Nytt organ", "Borttaget organ", "Organet"),
    "forfattningar": ("Ny författning", "Borttagen författning", "Författningen"),
    "uppfoljning": ("Ny uppföljning", "Borttagen uppföljning", "Uppföljningen"),
    "indikatorer": ("Ny indikator", "Borttagen indikator", "Indikatorn"),
    "tillganglighet": (
        "Ny tillgänglighetsredogörelse",
        "Borttagen tillgänglighetsredogörelse",
        "Tillgänglighetsredogörelsen",
    ),
    "sidor": ("Ny sida", "Borttagen sida", "Sidan"),
}
_BACKTICKS = re.compile(r"`+")
# An @ that GitHub would read as a mention of a user or team (not one inside an e-mail
# address): a title like "@stockholm/alla" must not notify anyone from the comment.
_MENTION = re.compile(r"(?<![\w@])@(?=[\w-])")


def md(text: str) -> str:
    """`views.markdown.md`, and no mentions: a zero-width space after the @, as
    Dependabot writes them (code blocks need none: nothing in them is a mention)."""
    return _MENTION.sub("@&#8203;", markdown.md(text))


def felvarning(source: Source, malgrupp: str) -> str:
    """What the errors of one side mean for the comparison. Files are named for the
    intranet only: a file's name is an anvisning's id, which the public may not see."""
    where = f"Källan i {source.etikett}"
    if not source.har_modell:
        return (
            f"{where} har {source.fel} fel och kan inte läsas; ingen jämförelse är gjord. "
            "Kör styrdok check och rätta felen först."
        )
    files = sorted(source.felfiler.items())
    if malgrupp == "intranät" and files:
        named = ", ".join(f"{path} ({count} fel)" for path, count in files)
        count = (
            f"har {source.fel} fel i {len(files)} {'fil' if len(files) == 1 else 'filer'}: {named}"
        )
    else:
        count = f"har {source.fel} fel i {len(files)} {'fil' if len(files) == 1 else 'filer'}"
    return (
        f"{where} {count}. Kör styrdok check för att se dem. Det som står i en fil med fel "
        "jämförs bara där det går: det sägs aldrig vara nytt eller borttaget."
    )


def as_markdown(
    changes: Changes | None,
    old_label: str,
    new_label: str,
    *,
    varningar: Sequence[str] = (),
    malgrupp: str | None = None,
) -> str:
    """The changes as Swedish Markdown, for a pull-request comment; None when the
    revisions could not be compared (the warnings say why)."""
    warnings = [f"> **Varning:** {md(w)}" for w in varningar]
    if changes is None:
        line = f"Ingen jämförelse ({md(old_label)} → {md(new_label)})."
        return "\n\n".join([*warnings, line]) + "\n"
    if changes.tom:
        line = f"Inga ändringar som läsarna ser ({md(old_label)} → {md(new_label)})."
        return "\n\n".join([*warnings, line]) + "\n"
    parts = [
        *warnings,
        f"## Ändringar för läsarna ({md(old_label)} → {md(new_label)})",
        f"Jämförelsen gäller det som visas för målgruppen {MALGRUPP_NAMN[changes.malgrupp]}.",
    ]
    if changes.ej_jamforda:
        parts.append(
            "### Kunde inte jämföras\n\n"
            "Filerna har fel, så det går inte att säga om de här är nya eller borttagna:\n\n"
            + "\n".join(f"- {md(name)}" for name in changes.ej_jamforda)
        )
    if changes.nya:
        parts.append("### Nya anvisningar\n\n" + "\n".join(_new_md(n) for n in changes.nya))
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
    if changes.versioner:
        parts.append(_versions_md(changes))
    if changes.data:
        parts.append(
            "### Programmet, data och sidor\n\n" + "\n".join(_data_md(c) for c in changes.data)
        )
    return "\n\n".join(parts) + "\n"


def _new_md(new: NyAnvisning) -> str:
    lines = [f"- {_ref_md(new)}"]
    lines += [f"  - {md(versal(name))}: {md(value)}" for name, value in new.uppgifter]
    return "\n".join(lines)


_VERSION_SLAG = {
    "sparad": "sparad som tidigare version",
    "andrad": "**ändrad i efterhand**",
    "borttagen": "**borttagen**",
}


def _versions_md(changes: Changes) -> str:
    lines = []
    for c in changes.versioner:
        lines.append(f"- {_ref_md(c.anvisning)}, version {c.version}: {_VERSION_SLAG[c.slag]}")
        lines += _fields_md(c.falt)
    text = "### Tidigare versioner\n\n" + "\n".join(lines)
    if changes.historik_andrad:
        text += (
            "\n\n> **Obs!** En sparad tidigare version visar vad som gällde förr och ska inte "
            "ändras eller tas bort. Granska ändringen noga; rätta bara uppenbara fel."
        )
    return text


def _ref_md(ref: Ref | NyAnvisning) -> str:
    return f"**{md(ref.titel)}** (`{ref.id}`)"


def _changed_md(change: AndradAnvisning) -> str:
    by_name = {f.namn: f for f in change.falt}
    lines = [f"- {_ref_md(change.anvisning)}"]
    rest = list(change.falt)
    status = by_name.get("status")
    if status is not None and status.efter == "upphävd":
        # A repeal is told as a sentence, with the day and the successor.
        day = by_name.get("upphavd_datum")
        successor = by_name.get("ersatt_av")
        sentence = "Anvisningen upphävs"
        if day is not None and day.efter:
            sentence += f" från {md(str(day.efter))}"
        if successor is not None and successor.efter:
            sentence += f" och ersätts av {md(str(successor.efter))}"
        lines.append(f"  - **{sentence}** (status {md(str(status.fore or '–'))} → upphävd)")
        rest = [f for f in rest if f not in (status, day, successor)]
    lines += _fields_md(rest)
    if change.text_andrad and not any(f.namn == "text" for f in change.falt):
        # A skyddad text: that it changed is all that may be said.
        lines.append("  - Texten ändrad (skyddad, innehållet visas inte)")
    return "\n".join(lines)


def _fields_md(fields: Sequence[Falt], indent: str = "  ") -> list[str]:
    lines: list[str] = []
    for f in fields:
        name = md(versal(f.rubrik or f.namn))
        if f.utdrag:
            lines.append(f"{indent}- {name} ändrad:")
            lines += _excerpt_md(f.utdrag, f.fler, indent + "  ")
        elif f.tillagda or f.borttagna:
            said = []
            if f.tillagda:
                said.append("tillagt " + ", ".join(f"”{md(v)}”" for v in f.tillagda))
            if f.borttagna:
                said.append("borttaget " + ", ".join(f"”{md(v)}”" for v in f.borttagna))
            lines.append(f"{indent}- {name}: {'; '.join(said)}")
        elif f.namn == "exempelinnehall":
            lines.append(
                f"{indent}- "
                + (
                    "Markeras som exempelinnehåll: läsarna ser banderollen om exempel"
                    if f.efter == "ja"
                    else "Inte längre exempelinnehåll: banderollen om exempel tas bort"
                )
            )
        elif f.namn == "bilaga_andrad":
            lines.append(f"{indent}- Bilagan ”{md(str(f.efter))}” har fått nytt innehåll")
        elif f.namn == "ersatt_av":
            lines.append(f"{indent}- Ersätts av: {_value_md(f.fore)} → {_value_md(f.efter)}")
        else:
            quoted = f.namn.rsplit(".", 1)[-1] in ("titel", "namn")
            before, after = _value_md(f.fore, quoted), _value_md(f.efter, quoted)
            lines.append(f"{indent}- {name}: {before} → {after}")
    return lines


def _excerpt_md(excerpt: Sequence[Utdrag], more: int, indent: str) -> list[str]:
    """The changed blocks as a diff code block: nothing in it is read as Markdown."""
    body = []
    for block in excerpt:
        if block.fore is not None:
            body.append(f"- {block.fore}")
        if block.efter is not None:
            body.append(f"+ {block.efter}")
    longest = max((len(m) for line in body for m in _BACKTICKS.findall(line)), default=0)
    fence = "`" * max(3, longest + 1)
    lines = [f"{indent}{fence}diff", *(f"{indent}{line}" for line in body), f"{indent}{fence}"]
    if more:
        lines.append(
            f"{indent}… och {more} {'ändring' if more == 1 else 'ändringar'} till i texten"
        )
    return lines


def _value_md(value: object, quoted: bool = False) -> str:
    if value is None or value == "" or (isinstance(value, Krets) and not value):
        return "–"
    if isinstance(value, Krets):
        return _krets_md(value)
    return f"”{md(str(value))}”" if quoted else md(str(value))


def _krets_md(krets: Krets) -> str:
    names = galler_for(krets.samtliga, krets.organtyper, map(md, krets.organ))
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
    added, removed, entry = DATA_NAMN.get(c.slag, ("Nytt", "Borttaget", versal(c.slag)))
    where = f"docs/{c.id}" if c.slag == "sidor" else c.id
    ident = (
        "" if c.slag == "uppfoljning" else f" ({md(where) if c.slag == 'sidor' else f'`{c.id}`'})"
    )
    if c.fore is None:
        return f"- {added}: **{md(c.efter or '')}**{ident}"
    if c.efter is None:
        return f"- {removed}: **{md(c.fore)}**{ident}"
    return "\n".join([f"- {entry} **{md(c.efter)}**{ident}", *_fields_md(c.falt)])
