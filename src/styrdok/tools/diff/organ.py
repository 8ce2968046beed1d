"""What applies to organ, compared: per anvisning and section of an organ's page, the
organ (present in both revisions) that gained or lost it.

The answers come from `views.queries`, the same ones the organ pages show, so the diff
cannot report a change the site does not make.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Set

from styrdok.core.model import ORGANTYPER, Anvisning, Organ
from styrdok.core.sortering import svensk
from styrdok.select import Publication
from styrdok.tools.diff.changes import Krets, OrganAndring, Ref
from styrdok.views.queries import Applicability, organ_answer

# Sections of an organ's "Vad gäller för oss?" answer, in the order they are reported.
KATEGORIER: dict[str, tuple[str, ...]] = {
    "galler": ("samtliga", "for_typ", "sarskilt"),
    "under_arbete": ("under_arbete",),
    "ansvarar": ("ansvarar_for",),
}


def organ_changes(old: Publication, new: Publication) -> list[OrganAndring]:
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
        anvisning = newer or old_by_id[id]
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
                    anvisning=Ref(anvisning.id, anvisning.titel),
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
