"""Rules over the linked model: what no single file can show on its own."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from styrdok.core import addresses
from styrdok.core.giltighet import Programtillstand, programgiltighet
from styrdok.core.messages import problem
from styrdok.core.model import GALLANDE, PROGRAM_UTGATT, UPPHAVD, Anvisning, Model, Program
from styrdok.core.problems import Position, Problem


def check_model(model: Model, today: date) -> list[Problem]:
    return [
        *replaced_but_in_force(model),
        *replacement_cycles(model.program, "program"),
        *replacement_cycles(model.anvisningar, "anvisning"),
        *review_date_passed(model, today),
        *date_order(model),
        *programme_in_force(model),
        *programme_period_ended(model, today),
        *core_malomrade(model),
        *fokusomrade_programme(model),
        *sensitive_but_open(model),
        *history(model),
        *fixed_pages_open(model),
    ]


# Pages every audience's site links to (the start page, the förteckning, the overviews
# of målområden and fokusområden): without them the public site has no way in.
FIXED_PAGES = (
    "index.md",
    addresses.FORTECKNING,
    addresses.FOKUSOMRADEN,
    addresses.MALOMRADEN,
)


def fixed_pages_open(model: Model) -> Iterator[Problem]:
    for sida in model.sidor:
        if sida.sida in FIXED_PAGES and sida.atkomst != "öppen":
            yield problem("fast-sida", sida.fil, Position(), sida=sida.sida)


def history(model: Model) -> Iterator[Problem]:
    for anvisning in model.anvisningar:
        kalla = anvisning.kalla
        pairs = zip(anvisning.historik, anvisning.historik[1:], strict=False)
        for index, (before, entry) in enumerate(pairs, start=1):
            if entry.datum < before.datum:
                yield problem(
                    "historik-ordning",
                    kalla.fil,
                    kalla.plats(f"historik[{index}]"),
                    datum=entry.datum.isoformat(),
                    foregaende=before.datum.isoformat(),
                )
        for index, entry in enumerate(anvisning.historik):
            if entry.version is not None and entry.version > anvisning.version:
                yield problem(
                    "historik-version",
                    kalla.fil,
                    kalla.plats(f"historik[{index}]"),
                    version=entry.version,
                    aktuell=anvisning.version,
                )


def sensitive_but_open(model: Model) -> Iterator[Problem]:
    """An anvisning about säkerhetsskydd or secrecy must not be published to everyone,
    nor any kept version of one."""
    for anvisning in (*model.anvisningar, *model.versioner):
        if anvisning.atkomst != "öppen":
            continue
        reasons = [
            f"fokusområdet {f.namn}" for f in model.skyddsvarda_fokusomraden(anvisning.fokusomraden)
        ]
        reasons += [
            f"{law.namn} ({law.sfs})"
            for law in map(model.forfattning_med_id, anvisning.rattslig_grund)
            if law and law.skyddsvard
        ]
        if reasons:
            yield problem(
                "skyddsvard-men-oppen",
                anvisning.kalla.fil,
                anvisning.kalla.plats("atkomst"),
                skal=", ".join(reasons),
            )


def replaced_but_in_force(model: Model) -> Iterator[Problem]:
    for anvisning in model.anvisningar:
        newer = model.anvisning_ersatt_av(anvisning.id)
        if newer and anvisning.gallande:
            yield problem(
                "ersatt-men-gallande",
                anvisning.kalla.fil,
                anvisning.kalla.plats("status"),
                vad="anvisningen",
                id=anvisning.id,
                av=newer,
                status=anvisning.status,
                ny_status=UPPHAVD,
            )
    for program in model.program:
        successors = model.program_ersatt_av(program.id)
        if successors and program.i_kraft:
            yield problem(
                "ersatt-men-gallande",
                program.kalla.fil,
                program.kalla.plats("status"),
                vad="programmet",
                id=program.id,
                av="', '".join(successors),
                status=program.status,
                ny_status=PROGRAM_UTGATT,
            )


def replacement_cycles(
    items: Sequence[Program] | Sequence[Anvisning], kind: str
) -> Iterator[Problem]:
    """Each cycle in `ersatter` once, reported at the member with the smallest id."""
    by_id = {item.id: item for item in items}
    edges: dict[str, tuple[str, ...]] = {
        item.id: tuple(old for old in item.ersatter if old in by_id) for item in items
    }
    if kind == "program":
        # A programme can also name its successors; each is an edge the other way.
        for item in items:
            for successor in getattr(item, "ersatt_av", ()):
                if successor in by_id and item.id not in edges[successor]:
                    edges[successor] = (*edges[successor], item.id)
    for cycle in find_cycles(edges):
        start = by_id[cycle[0]]
        yield problem(
            "ersattningscykel",
            start.kalla.fil,
            start.kalla.plats("ersatter"),
            cirkel=" → ".join((*cycle, cycle[0])),
        )


def find_cycles(edges: dict[str, tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Elementary cycles found by depth-first search, each rotated to start at its smallest id.

    Linear in nodes and edges: every node is finished once (iterative, so deep chains
    of replacements cannot exhaust the stack).
    """
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    found: set[tuple[str, ...]] = set()
    for root in sorted(edges):
        if state.get(root):
            continue
        path: list[str] = [root]
        state[root] = 1
        stack: list[Iterator[str]] = [iter(edges.get(root, ()))]
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                stack.pop()
                state[path.pop()] = 2
                continue
            if state.get(nxt) == 1:
                cycle = path[path.index(nxt) :]
                smallest = cycle.index(min(cycle))
                found.add(tuple(cycle[smallest:] + cycle[:smallest]))
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(edges.get(nxt, ())))
    return sorted(found)


def review_date_passed(model: Model, today: date) -> Iterator[Problem]:
    for anvisning in model.anvisningar:
        due = anvisning.revideras_senast
        if anvisning.status == GALLANDE and due and due < today:
            yield problem(
                "revision-passerad",
                anvisning.kalla.fil,
                anvisning.kalla.plats("revideras_senast"),
                datum=due.isoformat(),
            )


_DATE_ORDER: list[tuple[str, str, str]] = [
    (
        "beslutsdatum",
        "giltig_fran",
        "En anvisning börjar normalt gälla samma dag som beslutet eller senare.",
    ),
    (
        "giltig_fran",
        "revideras_senast",
        "Översynen ska ligga efter dagen då anvisningen börjar gälla.",
    ),
    ("giltig_fran", "upphavd_datum", "En anvisning kan inte upphöra innan den börjat gälla."),
]


def date_order(model: Model) -> Iterator[Problem]:
    for anvisning in (*model.anvisningar, *model.versioner):
        for first, second, why in _DATE_ORDER:
            earlier, later = getattr(anvisning, first), getattr(anvisning, second)
            if earlier and later and earlier > later:
                yield problem(
                    "datumordning",
                    anvisning.kalla.fil,
                    anvisning.kalla.plats(second),
                    forsta=first,
                    datum1=earlier.isoformat(),
                    andra=second,
                    datum2=later.isoformat(),
                    rad=why,
                )


def programme_in_force(model: Model) -> Iterator[Problem]:
    """Several programmes may be in force (two can split an older one's area), but the
    site presents the målområden and fokusområden of one: two in force with content of
    their own cannot both be shown."""
    in_force = [p for p in model.program if p.i_kraft]
    with_content = {m.program for m in model.malomraden} | {f.program for f in model.fokusomraden}
    presented = [p for p in in_force if p.id in with_content]
    for program in presented[1:]:
        yield problem(
            "flera-gallande-program",
            program.kalla.fil,
            program.kalla.plats("status"),
            program=", ".join(p.id for p in presented),
        )
    if not in_force and model.program:
        first = model.program[0]
        yield problem("inget-gallande-program", first.kalla.fil, first.kalla.position)


def programme_period_ended(model: Model, today: date) -> Iterator[Problem]:
    """A programme marked in force whose period is over: the site no longer presents it
    as in force, and someone should find out what applies now."""
    for program in model.program:
        if programgiltighet(program, today) is Programtillstand.PERIOD_SLUT:
            yield problem(
                "programperiod-slut",
                program.kalla.fil,
                program.kalla.plats("status"),
                id=program.id,
                period=program.period,
                datum=today.isoformat(),
            )


def core_malomrade(model: Model) -> Iterator[Problem]:
    seen: set[str] = set()
    for malomrade in model.malomraden:
        if not malomrade.karna:
            continue
        if malomrade.program in seen:
            yield problem(
                "flera-karnor",
                malomrade.kalla.fil,
                malomrade.kalla.plats("karna"),
                program=malomrade.program,
            )
        seen.add(malomrade.program)


def fokusomrade_programme(model: Model) -> Iterator[Problem]:
    for fokus in model.fokusomraden:
        for malomrade_id in fokus.malomraden:
            malomrade = model.malomrade_med_id(malomrade_id)
            known = malomrade and model.program_med_id(malomrade.program)
            if malomrade and known and malomrade.program != fokus.program:
                yield problem(
                    "fel-program",
                    fokus.kalla.fil,
                    fokus.kalla.plats("malomraden"),
                    malomrade=malomrade_id,
                    annat=malomrade.program,
                    program=fokus.program,
                )
