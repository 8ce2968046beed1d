"""Two entries of one kind compared field by field, as readers read them.

Every field of the model object is walked (`dataclasses.fields`), nested objects and
lists included, so nothing a new field adds can be missed; `fields` says which are
invisible and what each is called. Ids are named as the site names them (an organ by
its name, a law by its name and SFS number), from the publication of the side the
value belongs to.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping
from datetime import date
from typing import Any

from styrdok.core.kinds import KINDS
from styrdok.core.model import ORGANTYPER, GallerFor, Model
from styrdok.select import Publication
from styrdok.tools.diff.changes import Falt, Utdrag
from styrdok.tools.diff.fields import LANG_TEXT, NYCKLAR, osynlig
from styrdok.views.textdiff import andrade_block
from styrdok.views.wording import STATUS_NAMN, galler_for, tal

# At most this many changed blocks of one text are shown, each at most this long.
MAX_UTDRAG = 4
MAX_BLOCK = 240
# Around the first difference in a changed block, this much of what stayed is kept.
SAMMANHANG = 60
# A value (an item of a list, a short text) is shortened to this.
MAX_VARDE = 200

# Values shown in the site's words rather than as written.
_ORD: Mapping[str, Mapping[str, str]] = {
    "status": {k: v.lower() for k, v in STATUS_NAMN.items()},
    "typ": {k: v.lower() for k, v in ORGANTYPER.items()},
    "organtyper": {k: v.lower() for k, v in ORGANTYPER.items()},
    "galler_for.organtyper": {k: v.lower() for k, v in ORGANTYPER.items()},
}


class Sida:
    """One side of the comparison: its publication, for naming ids, and the kind's
    Swedish field names."""

    def __init__(self, pub: Publication, kind: str, rubriker: Mapping[str, str]) -> None:
        self.pub = pub
        self.kind = kind
        self.rubriker = rubriker
        refs = KINDS[kind].references if kind in KINDS else {}
        self.referenser = {path.replace("[]", ""): target for path, target in refs.items()}

    def egen(self, path: str) -> str:
        """The field's own Swedish name: "E-post" for kontakt.epost."""
        return self.rubriker.get(path) or path.rsplit(".", 1)[-1].replace("_", " ").capitalize()

    def rubrik(self, path: str) -> str:
        """The field's name as told: a nested one with its parent's, "Kontakt, e-post"."""
        parent, _, _ = path.rpartition(".")
        own = self.egen(path)
        return f"{self.rubrik(parent)}, {own[:1].lower()}{own[1:]}" if parent else own

    def visa(self, path: str, value: Any) -> str | None:
        """A value as readers read it, or None when there is none."""
        if value is None or value == () or value == "":
            return None
        if isinstance(value, bool):
            return "ja" if value else "nej"
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, float):
            return tal(value)
        if isinstance(value, int):
            return str(value)
        if isinstance(value, str):
            if path in self.referenser:
                return namn(self.pub.model, self.referenser[path], value)
            return kort(_ORD.get(path, {}).get(value, value))
        if isinstance(value, GallerFor):
            return self.krets(value)
        if isinstance(value, tuple):
            shown = [self.visa(path, v) for v in value]
            return ", ".join(s for s in shown if s) or None
        if dataclasses.is_dataclass(value):
            parts = []
            for f in dataclasses.fields(value):
                shown = self.visa(f"{path}.{f.name}", getattr(value, f.name))
                if shown and f.name != "kalla":
                    parts.append(f"{self.egen(f'{path}.{f.name}').lower()} {shown}")
            return kort(", ".join(parts)) or None
        return kort(str(value))

    def krets(self, value: GallerFor) -> str:
        organ = sorted(namn(self.pub.model, "organ", o) for o in value.organ)
        types = [t for t in ORGANTYPER if t in value.organtyper]
        return ", ".join(galler_for(value.alla, types, organ)) or "–"


def namn(model: Model, kind: str, id: str) -> str:
    """Entry `id` of `kind` as the site names it, or the id when it is not there."""
    for entry in getattr(model, kind, ()):
        if getattr(entry, "id", None) == id:
            if kind == "forfattningar":
                return str(entry.benamning)
            return str(getattr(entry, "titel", None) or getattr(entry, "namn", id))
    return id


def kort(text: str, limit: int = MAX_VARDE) -> str:
    """`text` on one line, shortened to `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def compare_entries(old: Any, new: Any, fore: Sida, efter: Sida, prefix: str = "") -> list[Falt]:
    """What differs between two entries of a kind (or two nested objects), field by
    field in the model's order."""
    found: list[Falt] = []
    for f in dataclasses.fields(new):
        if f.name == "kalla" or (not prefix and osynlig(efter.kind, f.name)):
            continue
        path = f"{prefix}.{f.name}" if prefix else f.name
        found += compare_values(path, getattr(old, f.name), getattr(new, f.name), fore, efter)
    return found


def compare_values(path: str, old: Any, new: Any, fore: Sida, efter: Sida) -> list[Falt]:
    if old == new:
        return []
    title = efter.rubrik(path)
    if dataclasses.is_dataclass(old) and type(old) is type(new) and not isinstance(new, GallerFor):
        return compare_entries(old, new, fore, efter, path)
    if isinstance(old, tuple) or isinstance(new, tuple):
        return _compare_lists(path, tuple(old or ()), tuple(new or ()), fore, efter)
    if isinstance(old, str) and isinstance(new, str) and _is_text(old, new):
        excerpt, more = utdrag(old, new)
        return [Falt(path, None, None, title, utdrag=excerpt, fler=more)]
    return [Falt(path, fore.visa(path, old), efter.visa(path, new), title)]


def _is_text(old: str, new: str) -> bool:
    return any(len(s) > LANG_TEXT or "\n" in s.strip() for s in (old, new))


def _compare_lists(
    path: str, old: tuple[Any, ...], new: tuple[Any, ...], fore: Sida, efter: Sida
) -> list[Falt]:
    title = efter.rubrik(path)
    sample = (old or new)[0]
    key = NYCKLAR.get(type(sample).__name__) if dataclasses.is_dataclass(sample) else None
    if key:
        return _compare_keyed(path, key, old, new, fore, efter)
    before = [fore.visa(path, v) or "–" for v in old]
    after = [efter.visa(path, v) or "–" for v in new]
    removed = list((Counter(before) - Counter(after)).elements())
    added = list((Counter(after) - Counter(before)).elements())
    if not (removed or added):
        # Same items in another order: the order is what readers see, so it is told.
        return [Falt(path, ", ".join(before), ", ".join(after), f"{title} (ordningen)")]
    return [Falt(path, None, None, title, tillagda=tuple(added), borttagna=tuple(removed))]


def _compare_keyed(
    path: str, key: str, old: tuple[Any, ...], new: tuple[Any, ...], fore: Sida, efter: Sida
) -> list[Falt]:
    """Items matched by their field `key`: a year's report per organ, a value per year."""
    title = efter.rubrik(path)
    before = {getattr(item, key): item for item in old}
    after = {getattr(item, key): item for item in new}
    key_path = f"{path}.{key}"
    found: list[Falt] = []
    added = [efter.visa(path, after[k]) or "–" for k in after if k not in before]
    removed = [fore.visa(path, before[k]) or "–" for k in before if k not in after]
    if added or removed:
        found.append(Falt(path, None, None, title, tillagda=tuple(added), borttagna=tuple(removed)))
    for k, item in after.items():
        if k in before and before[k] != item:
            label = efter.visa(key_path, k) or str(k)
            for change in compare_entries(before[k], item, fore, efter, path):
                if change.namn == key_path:
                    continue
                own = change.rubrik.removeprefix(f"{title}, ")
                own = own[:1].upper() + own[1:]
                found.append(dataclasses.replace(change, rubrik=f"{title}, {label}: {own}"))
    return found


def utdrag(fore: str, efter: str) -> tuple[tuple[Utdrag, ...], int]:
    """The blocks of a text that changed, each shortened around what changed, at most
    `MAX_UTDRAG` of them; and how many more changed."""
    pairs = andrade_block(fore, efter)
    shown = tuple(
        _shortened(a.text if a else None, b.text if b else None) for a, b in pairs[:MAX_UTDRAG]
    )
    return shown, max(0, len(pairs) - MAX_UTDRAG)


def _shortened(old: str | None, new: str | None) -> Utdrag:
    if old is None or new is None:
        return Utdrag(old and kort(old, MAX_BLOCK), new and kort(new, MAX_BLOCK))
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    cut = max(0, start - SAMMANHANG)
    # Start at a word, so the excerpt does not begin in the middle of one.
    if cut:
        space = old.rfind(" ", 0, cut + 1)
        cut = space + 1 if space >= 0 else cut
    lead = "…" if cut else ""
    return Utdrag(kort(lead + old[cut:], MAX_BLOCK), kort(lead + new[cut:], MAX_BLOCK))
