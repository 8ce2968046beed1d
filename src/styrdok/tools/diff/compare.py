"""The comparison of two publications for one audience: pure, two publications in, a
`Changes` out.

A skyddad anvisning's text and summary never reach a publication; the most said about
them is "texten ändrad", worked out from the source by `textandringar`.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import replace

from styrdok.core.kinds import KINDS
from styrdok.core.model import Anvisning, Model
from styrdok.core.sortering import svensk
from styrdok.select import Publication, metadata_only
from styrdok.tools.diff.changes import (
    AndradAnvisning,
    Changes,
    DataAndring,
    Falt,
    NyAnvisning,
    Ref,
    VersionAndring,
)
from styrdok.tools.diff.entries import Sida, compare_entries, namn, utdrag
from styrdok.tools.diff.organ import organ_changes
from styrdok.views.wording import TILLSTAND_NAMN, giltighet_detalj

# Kinds compared as anvisningar (with their organ and versions), not as data.
_ANVISNINGSSLAG = ("anvisningar", "versioner")
# What a reader learns first about a new anvisning, in this order (model fields).
# A declared attachment with the same path and another content.
BILAGA_ANDRAD = "bilaga_andrad"
NY_ANVISNING = ("atkomst", "galler_for", "ansvarig", "fokusomraden", "giltig_fran", "ersatter")


def textandringar(old: Model, new: Model) -> frozenset[str]:
    """Ids of the anvisningar in both models whose source text differs: for those whose
    text the publication does not carry (skyddad), so the report can say "texten ändrad"."""
    return frozenset(
        a.id
        for a in new.anvisningar
        if (before := old.anvisning_med_id(a.id)) is not None and _text(before) != _text(a)
    )


def compare(
    old: Publication,
    new: Publication,
    *,
    skyddade_textandringar: Set[str] = frozenset(),
    rubriker: Mapping[str, Mapping[str, str]] | None = None,
    osakra: Set[str] = frozenset(),
    andrade_bilagor: Set[str] = frozenset(),
) -> Changes:
    """What a reader of `new` sees differently from `old` (same audience). Anvisningar
    published as metadata only are said to have a changed text only if their id is in
    `skyddade_textandringar` (see `textandringar`). `rubriker` names the fields (see
    `fields.rubriker`); `osakra` are files with errors on either side: an entry of one
    of them found on one side only is not said to be added or removed."""
    titles = rubriker or {}
    before = {a.id: a for a in old.anvisningar}
    after = {a.id: a for a in new.anvisningar}
    sides = (
        Sida(old, "anvisningar", titles.get("anvisningar", {})),
        Sida(new, "anvisningar", titles.get("anvisningar", {})),
    )
    andrade = []
    for a in new.anvisningar:
        if a.id in before:
            changed = _changed_anvisning(
                sides, before[a.id], a, skyddade_textandringar, andrade_bilagor
            )
            if changed:
                andrade.append(changed)
    unsure = {a.id: a.titel for a in old.anvisningar if a.id not in after and a.fil in osakra}
    unsure |= {a.id: a.titel for a in new.anvisningar if a.id not in before and a.fil in osakra}
    data, data_unsure = _data_changes(old, new, titles, osakra, frozenset(unsure))
    return Changes(
        malgrupp=new.malgrupp,
        nya=tuple(_new(sides[1], a) for a in new.anvisningar if a.id not in before | unsure),
        borttagna=tuple(
            _ref(a) for a in old.anvisningar if a.id not in after and a.id not in unsure
        ),
        andrade=tuple(andrade),
        organ=tuple(c for c in organ_changes(old, new) if c.anvisning.id not in unsure),
        data=tuple(data),
        versioner=tuple(_version_changes(old, new, titles, osakra, frozenset(unsure))),
        ej_jamforda=tuple(f"{t} ({id})" for id, t in unsure.items()) + tuple(data_unsure),
    )


def _ref(a: Anvisning) -> Ref:
    return Ref(a.id, a.titel)


def _text(a: Anvisning) -> str:
    return a.text.strip()


def _new(side: Sida, a: Anvisning) -> NyAnvisning:
    """What a new anvisning is: its state on the reference date as the site says it,
    then who it is for, who owns it, from when, and what it replaces."""
    valid = side.pub.giltighet(a)
    state = TILLSTAND_NAMN[valid.tillstand.value]
    detail = giltighet_detalj(valid)
    facts = [("status", f"{state} ({detail})" if detail else state)]
    for name in NY_ANVISNING:
        shown = side.visa(name, getattr(a, name))
        if shown:
            facts.append((side.rubrik(name).lower(), shown))
    return NyAnvisning(a.id, a.titel, tuple(facts))


def _changed_anvisning(
    sides: tuple[Sida, Sida],
    old: Anvisning,
    new: Anvisning,
    hidden_changes: Set[str],
    new_attachments: Set[str] = frozenset(),
) -> AndradAnvisning | None:
    fore, efter = sides
    full = old.sida not in fore.pub.bara_metadata and new.sida not in efter.pub.bara_metadata
    if not full:
        # Compared as the intranet shows a skyddad anvisning: metadata only, both sides.
        old, new = metadata_only(old), metadata_only(new)
    falt = [
        f
        for f in compare_entries(replace(old, text=""), replace(new, text=""), fore, efter)
        if f.namn != "sammanfattning"
    ]
    replaced_by = (
        fore.pub.model.anvisning_ersatt_av(old.id),
        efter.pub.model.anvisning_ersatt_av(new.id),
    )
    if replaced_by[0] != replaced_by[1]:
        was, now = (
            namn(side.pub.model, "anvisningar", id) if id else None
            for side, id in zip(sides, replaced_by, strict=True)
        )
        falt.append(Falt("ersatt_av", was, now, "Ersätts av"))
    summary = full and old.sammanfattning != new.sammanfattning
    if summary:
        falt += compare_entries_text(
            "sammanfattning", old.sammanfattning, new.sammanfattning, efter
        )
    text = _text(old) != _text(new) if full else new.id in hidden_changes
    if full and text:
        falt += compare_entries_text("text", _text(old), _text(new), efter)
    if full:
        falt += [
            Falt(BILAGA_ANDRAD, None, path.rsplit("/", 1)[-1], "Bilagor")
            for path in new.bilagor
            if path in old.bilagor and path in new_attachments
        ]
    if not (falt or summary or text):
        return None
    return AndradAnvisning(_ref(new), tuple(falt), summary, text)


def compare_entries_text(name: str, old: str, new: str, side: Sida) -> list[Falt]:
    """A text field told as an excerpt of what changed, however short it is."""
    excerpt, more = utdrag(old, new)
    return [Falt(name, None, None, side.rubrik(name), utdrag=excerpt, fler=more)]


# Kept earlier versions ------------------------------------------------------------------


def _version_changes(
    old: Publication,
    new: Publication,
    titles: Mapping[str, Mapping[str, str]],
    osakra: Set[str] = frozenset(),
    unsure: Set[str] = frozenset(),
) -> list[VersionAndring]:
    """Kept versions added, changed or removed, as the audience sees them. A version on
    one side only, of an anvisning or in a file with errors, is not told: the errors,
    not an edit of the history, may be what hid it."""
    before = {(v.id, v.version): v for v in old.model.versioner}
    after = {(v.id, v.version): v for v in new.model.versioner}
    names = titles.get("versioner", {})
    found = []
    for key in sorted(before.keys() | after.keys()):
        was, now = before.get(key), after.get(key)
        if (was is None or now is None) and (
            key[0] in unsure or (was or now).fil in osakra  # type: ignore[union-attr]
        ):
            continue
        if (
            was is not None
            and now is not None
            and (was.sida in old.bara_metadata or now.sida in new.bara_metadata)
        ):
            # As for an anvisning: a version skyddad on either side is compared as the
            # intranet shows it, metadata only, so a text now withheld is not printed.
            was, now = metadata_only(was), metadata_only(now)
        if was is None and now is not None:
            found.append(VersionAndring(_ref(now), now.version, "sparad"))
        elif now is None and was is not None:
            found.append(VersionAndring(_ref(was), was.version, "borttagen"))
        elif was is not None and now is not None and was != now:
            falt = compare_entries(
                was, now, Sida(old, "versioner", names), Sida(new, "versioner", names)
            )
            if _atkomst_changed(old, new, now.id):
                # A version is published no more openly than its anvisning: that change
                # is the anvisning's (told there), not an edit of the history.
                falt = [f for f in falt if f.namn != "atkomst"]
            if falt:
                found.append(VersionAndring(_ref(now), now.version, "andrad", tuple(falt)))
    return found


def _atkomst_changed(old: Publication, new: Publication, id: str) -> bool:
    was, now = old.model.anvisning_med_id(id), new.model.anvisning_med_id(id)
    return was is not None and now is not None and was.atkomst != now.atkomst


# Programme data and pages -----------------------------------------------------------


def _key(kind: str, entry: object) -> str:
    if kind == "sidor":
        return str(entry.sida)  # type: ignore[attr-defined]
    if kind == "uppfoljning":
        return str(entry.ar)  # type: ignore[attr-defined]
    if KINDS[kind].single:
        return kind  # the kind's only entry
    return str(entry.id)  # type: ignore[attr-defined]


def _name(kind: str, entry: object) -> str:
    if kind == "uppfoljning":
        return str(entry.ar)  # type: ignore[attr-defined]
    for attr in ("titel", "namn"):
        if value := getattr(entry, attr, None):
            return str(value)
    return _key(kind, entry)


def _file(entry: object) -> str:
    kalla = getattr(entry, "kalla", None)
    return kalla.fil if kalla is not None else str(getattr(entry, "fil", ""))


def _shown(model: Model, kind: str) -> list[object]:
    """The entries of `kind` readers see. A law is seen only through a published text
    that rests on it (a skyddad anvisning's legal basis is not published)."""
    entries = list(getattr(model, kind))
    if kind == "forfattningar":
        cited = {i for a in (*model.anvisningar, *model.versioner) for i in a.rattslig_grund}
        entries = [e for e in entries if e.id in cited]
    return entries


def _cited_only_by(model: Model, law: str, ids: Set[str]) -> bool:
    citing = {a.id for a in (*model.anvisningar, *model.versioner) if law in a.rattslig_grund}
    return bool(citing) and citing <= ids


def _data_changes(
    old: Publication,
    new: Publication,
    titles: Mapping[str, Mapping[str, str]],
    osakra: Set[str],
    ej_jamforda: Set[str] = frozenset(),
) -> tuple[list[DataAndring], list[str]]:
    """Every other kind's entries (data files and hand-written pages), compared field
    by field; and those on one side only whose file has errors on the other."""
    found: list[DataAndring] = []
    unsure: list[str] = []
    for kind in KINDS:
        if kind in _ANVISNINGSSLAG:
            continue
        names = titles.get(kind, {})
        fore, efter = Sida(old, kind, names), Sida(new, kind, names)
        before = {_key(kind, e): e for e in _shown(old.model, kind)}
        after = {_key(kind, e): e for e in _shown(new.model, kind)}
        changes: list[DataAndring] = []
        for key in before.keys() | after.keys():
            was, now = before.get(key), after.get(key)
            if was is None or now is None:
                present = was if now is None else now
                if kind == "forfattningar" and _cited_only_by(
                    (old if now is None else new).model, _key(kind, present), ej_jamforda
                ):
                    continue  # seen through an anvisning that could not be compared
                if _file(present) in osakra:
                    unsure.append(f"{_name(kind, present)} ({_file(present)})")
                    continue
                changes.append(
                    DataAndring(
                        kind,
                        key,
                        _name(kind, was) if was is not None else None,
                        _name(kind, now) if now is not None else None,
                    )
                )
            elif was != now and (falt := compare_entries(was, now, fore, efter)):
                changes.append(
                    DataAndring(kind, key, _name(kind, was), _name(kind, now), tuple(falt))
                )
        found += sorted(changes, key=lambda c: (svensk(c.efter or c.fore or ""), c.id))
    return found, unsure
