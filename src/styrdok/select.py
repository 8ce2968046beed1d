"""Selection: decide, once, what of the model may be published for an audience.

Every view reads the `Publication` this returns and nothing else, so a document the
selection leaves out cannot appear in any page, list or export.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .model import Anvisning, Fokusomrade, Malomrade, Model, Organ, Program
from .sortering import svensk

MALGRUPPER = ("intranät",)
STANDARD_MALGRUPP = "intranät"


@dataclass(frozen=True)
class Publication:
    malgrupp: str
    # Only what was selected: views look ids up here and cannot reach anything else.
    model: Model
    # The programme the site presents: the one in force, else the most recent one.
    program: Program | None
    malomraden: tuple[Malomrade, ...] = field(default=())
    fokusomraden: tuple[Fokusomrade, ...] = field(default=())
    anvisningar: tuple[Anvisning, ...] = field(default=())
    organ: tuple[Organ, ...] = field(default=())

    _by_sida: Mapping[str, Anvisning] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "_by_sida", MappingProxyType({a.sida: a for a in self.anvisningar})
        )

    def anvisning_for_sida(self, sida: str) -> Anvisning | None:
        """The published anvisning whose page is `sida` (a path below docs/)."""
        return self._by_sida.get(sida)


def shown_programme(model: Model) -> Program | None:
    in_force = [p for p in model.program if p.i_kraft]
    candidates = in_force or list(model.program)
    return max(candidates, key=lambda p: (p.period_till, p.period_fran), default=None)


def publishes(anvisning: Anvisning, malgrupp: str) -> bool:
    """Whether an anvisning may be published for the audience.

    The intranet publishes every anvisning, drafts and repealed ones included (each page
    says what its status means). Access levels will narrow this for other audiences.
    """
    return malgrupp == "intranät"


def select(whole: Model, malgrupp: str = STANDARD_MALGRUPP) -> Publication:
    if malgrupp not in MALGRUPPER:
        raise ValueError(f"okänd målgrupp {malgrupp!r}; välj en av {', '.join(MALGRUPPER)}")
    model = Model(
        program=whole.program,
        malomraden=whole.malomraden,
        fokusomraden=whole.fokusomraden,
        organ=whole.organ,
        forfattningar=whole.forfattningar,
        anvisningar=tuple(a for a in whole.anvisningar if publishes(a, malgrupp)),
        sidor=whole.sidor,
    )
    program = shown_programme(model)
    program_id = program.id if program else None
    return Publication(
        malgrupp=malgrupp,
        model=model,
        program=program,
        malomraden=tuple(
            sorted(
                (m for m in model.malomraden if m.program == program_id), key=lambda m: m.ordning
            )
        ),
        fokusomraden=tuple(
            sorted(
                (f for f in model.fokusomraden if f.program == program_id), key=lambda f: f.ordning
            )
        ),
        anvisningar=tuple(sorted(model.anvisningar, key=lambda a: (svensk(a.titel), a.id))),
        organ=tuple(sorted(model.organ, key=lambda o: svensk(o.namn))),
    )
