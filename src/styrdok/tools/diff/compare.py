"""The comparison of two publications for one audience: pure, two publications in, a
`Changes` out.

A skyddad anvisning's text and summary never reach a publication; the most said about
them is "texten ändrad", worked out from the source by `textandringar`.
"""

from __future__ import annotations

from collections.abc import Iterable, Set

from styrdok.core.model import ORGANTYPER, Anvisning, GallerFor, Model
from styrdok.core.sortering import svensk
from styrdok.select import Publication
from styrdok.tools.diff.changes import (
    AndradAnvisning,
    Changes,
    DataAndring,
    Falt,
    Krets,
    Ref,
    VersionAndring,
)
from styrdok.tools.diff.organ import organ_changes

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
# The order the fields of a changed anvisning are reported in.
_FIELD_ORDER = (
    *ENKLA_FALT,
    "ansvarig",
    "galler_for",
    "fokusomraden",
    "ersatter",
)


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
        organ=tuple(organ_changes(old, new)),
        data=tuple(_data_changes(old, new)),
        versioner=tuple(_version_changes(old, new)),
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
            Falt(
                "ansvarig",
                old_pub.model.organ_namn(old.ansvarig),
                new_pub.model.organ_namn(new.ansvarig),
            )
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


def _scope(galler_for: GallerFor) -> tuple[bool, frozenset[str], frozenset[str]]:
    return galler_for.alla, frozenset(galler_for.organtyper), frozenset(galler_for.organ)


def _krets(pub: Publication, galler_for: GallerFor) -> Krets:
    types = tuple(t for t in ORGANTYPER if t in galler_for.organtyper)
    names = sorted(map(pub.model.organ_namn, set(galler_for.organ)), key=svensk)
    return Krets(galler_for.alla, types, tuple(names))


def _fokus_names(pub: Publication, ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(f.namn if (f := pub.model.fokusomrade_med_id(id)) else id for id in ids)


def _titles(pub: Publication, ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(a.titel if (a := pub.model.anvisning_med_id(id)) else id for id in ids)


# Kept earlier versions ------------------------------------------------------------------


def _version_changes(old: Publication, new: Publication) -> list[VersionAndring]:
    """Kept versions added, changed or removed, as the audience sees them."""
    before = {(v.id, v.version): v for v in old.model.versioner}
    after = {(v.id, v.version): v for v in new.model.versioner}
    found = []
    for key in sorted(before.keys() | after.keys()):
        was, now = before.get(key), after.get(key)
        if was is None and now is not None:
            found.append(VersionAndring(_ref(now), now.version, "sparad"))
        elif now is None and was is not None:
            found.append(VersionAndring(_ref(was), was.version, "borttagen"))
        elif was is not None and now is not None and _as_written(was) != _as_written(now):
            found.append(VersionAndring(_ref(now), now.version, "andrad"))
    return found


def _as_written(version: Anvisning) -> tuple[object, ...]:
    """What a kept version says: everything but where its lines are."""
    fields = vars(version).copy()
    fields.pop("kalla")
    fields.pop("text_rad")
    fields["text"] = _text(version)
    return tuple(sorted(fields.items(), key=lambda item: item[0]))


# Programme data -------------------------------------------------------------------------


def _data_changes(old: Publication, new: Publication) -> list[DataAndring]:
    found = _program_changes(old, new)
    found += _named("malomrade", old.malomraden, new.malomraden)
    found += _named("fokusomrade", old.fokusomraden, new.fokusomraden)
    found += _named("organ", old.organ, new.organ)
    return found


def _program_changes(old: Publication, new: Publication) -> list[DataAndring]:
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
