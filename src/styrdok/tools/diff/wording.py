"""The Swedish Markdown of a comparison, for a CI job to post as a comment on a pull
request. Whom something applies to is worded by `views.wording`, as on the site."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from styrdok.select import MALGRUPP_NAMN
from styrdok.tools.diff.changes import (
    AndradAnvisning,
    Changes,
    DataAndring,
    Krets,
    OrganAndring,
    Ref,
)
from styrdok.views.markdown import md
from styrdok.views.wording import galler_for

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
    if changes.versioner:
        parts.append(_versions_md(changes))
    if changes.data:
        parts.append(
            "### Programmet, målområden, fokusområden och organ\n\n"
            + "\n".join(f"- {_data_md(c)}" for c in changes.data)
        )
    return "\n\n".join(parts) + "\n"


_VERSION_SLAG = {
    "sparad": "sparad som tidigare version",
    "andrad": "**ändrad i efterhand**",
    "borttagen": "**borttagen**",
}


def _versions_md(changes: Changes) -> str:
    lines = [
        f"- {_ref_md(c.anvisning)}, version {c.version}: {_VERSION_SLAG[c.slag]}"
        for c in changes.versioner
    ]
    text = "### Tidigare versioner\n\n" + "\n".join(lines)
    if changes.historik_andrad:
        text += (
            "\n\n> **Obs!** En sparad tidigare version visar vad som gällde förr och ska inte "
            "ändras eller tas bort. Granska ändringen noga; rätta bara uppenbara fel."
        )
    return text


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
