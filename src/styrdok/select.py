"""Selection: decide, once, what of the model may be published for an audience.

Every view reads the `Publication` this returns and nothing else, so a document the
selection leaves out cannot appear in any page, list, count or export. The rules:

- intranät: öppen and intern documents in full; a skyddad anvisning as metadata only
  (id, title, status, dates, fokusområden, who it applies to, owner and contact), so
  staff know it exists and whom to ask; its text never leaves the source.
- publik: öppen documents only. Nothing intern or skyddad appears, not even its id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass, field, replace
from enum import Enum
from types import MappingProxyType

from .links import link_targets, unlink_withheld
from .model import Anvisning, Fokusomrade, Malomrade, Model, Organ, Program, Sida
from .sortering import svensk

MALGRUPPER = ("intranät", "publik")
STANDARD_MALGRUPP = "intranät"
MALGRUPP_NAMN = {"intranät": "Intranät", "publik": "Publik webb"}

SKYDDAD_SAMMANFATTNING = (
    "Innehållet är skyddat och publiceras inte. Kontakta den ansvariga om du behöver det."
)


class Visning(Enum):
    HEL = "hel"  # published in full
    METADATA = "metadata"  # published as metadata only


def visning(atkomst: str, malgrupp: str) -> Visning | None:
    """How a document with access level `atkomst` is published for `malgrupp`, if at all."""
    if malgrupp == "intranät":
        return {"öppen": Visning.HEL, "intern": Visning.HEL, "skyddad": Visning.METADATA}.get(
            atkomst
        )
    if malgrupp == "publik":
        return Visning.HEL if atkomst == "öppen" else None
    return None


def metadata_only(anvisning: Anvisning) -> Anvisning:
    """A skyddad anvisning as the intranet may show it: no text, summary, dnr, legal basis
    or history (what changed can tell what it says)."""
    return replace(
        anvisning,
        sammanfattning=SKYDDAD_SAMMANFATTNING,
        text="",
        diarienummer=None,
        rattslig_grund=(),
        historik=(),
    )


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
    # Pages below docs/ whose source must not reach the site at all, and anvisning
    # pages that are published as metadata only.
    undanhallna: frozenset[str] = field(default=frozenset())
    bara_metadata: frozenset[str] = field(default=frozenset())
    # Files the texts of those documents link to (attachments, images).
    lankat_fran_undanhallna: frozenset[str] = field(default=frozenset())

    _by_sida: Mapping[str, Anvisning] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "_by_sida", MappingProxyType({a.sida: a for a in self.anvisningar})
        )

    @property
    def malgrupp_namn(self) -> str:
        return MALGRUPP_NAMN[self.malgrupp]

    def anvisning_for_sida(self, sida: str) -> Anvisning | None:
        """The published anvisning whose page is `sida` (a path below docs/)."""
        return self._by_sida.get(sida)

    def withholds(self, path: str) -> bool:
        """Whether a file below docs/ belongs to a document whose content is not published."""
        return withholds(path, self.undanhallna, self.bara_metadata)

    def withheld_files(self, paths: Iterable[str]) -> set[str]:
        """Of the files below docs/, those that must not be copied into the site: pages
        not published, and attachments of documents whose content is not published
        (in a folder or with a name of their own, or linked only from such documents)."""
        paths = set(paths)
        withheld = {p for p in paths if self.withholds(p)}
        # Pages are published or not on their own account; other files go with the texts.
        attachments = {p for p in self.lankat_fran_undanhallna if not p.endswith(".md")}
        withheld |= (attachments - self._linked_from_published()) & paths
        return withheld

    def _linked_from_published(self) -> set[str]:
        texts = [(a.sida, a.text) for a in self.anvisningar]
        texts += [(s.sida, s.text) for s in self.model.sidor]
        return {t for sida, text in texts for t in link_targets(sida, text, pages_only=False)}


def withholds(path: str, undanhallna: Set[str], bara_metadata: Set[str]) -> bool:
    """Whether a file below docs/ must stay out of the site: a page not published, or an
    attachment of an anvisning whose content is not published (docs/anvisningar/<id>/…
    or docs/anvisningar/<id>.<ext>)."""
    if path in undanhallna:
        return True
    if not path.startswith("anvisningar/") or path.endswith(".md"):
        return False
    rest = path.removeprefix("anvisningar/")
    owner = rest.split("/", 1)[0] if "/" in rest else rest.split(".", 1)[0]
    return f"anvisningar/{owner}.md" in undanhallna or f"anvisningar/{owner}.md" in bara_metadata


def shown_programme(model: Model) -> Program | None:
    in_force = [p for p in model.program if p.i_kraft]
    candidates = in_force or list(model.program)
    return max(candidates, key=lambda p: (p.period_till, p.period_fran), default=None)


def select(whole: Model, malgrupp: str = STANDARD_MALGRUPP) -> Publication:
    if malgrupp not in MALGRUPPER:
        raise ValueError(f"okänd målgrupp {malgrupp!r}; välj en av {', '.join(MALGRUPPER)}")
    anvisningar: list[Anvisning] = []
    undanhallna: set[str] = set()
    bara_metadata: set[str] = set()
    hidden_texts: list[tuple[str, str]] = []
    for anvisning in whole.anvisningar:
        shown = visning(anvisning.atkomst, malgrupp)
        if shown is None:
            undanhallna.add(anvisning.sida)
            hidden_texts.append((anvisning.sida, anvisning.text))
        elif shown is Visning.METADATA:
            bara_metadata.add(anvisning.sida)
            hidden_texts.append((anvisning.sida, anvisning.text))
            anvisningar.append(metadata_only(anvisning))
        else:
            anvisningar.append(anvisning)
    sidor: list[Sida] = []
    for sida in whole.sidor:
        if visning(sida.atkomst, malgrupp) is Visning.HEL:
            sidor.append(sida)
        else:
            undanhallna.add(sida.sida)
            hidden_texts.append((sida.sida, sida.text))
    # A published text may link to, or replace, a document that is not published: its
    # address and id must not show, so the links become plain text here, once.
    published_ids = {a.id for a in anvisningar}

    def withheld(path: str) -> bool:
        return withholds(path, undanhallna, bara_metadata)

    anvisningar = [
        replace(
            a,
            ersatter=tuple(old for old in a.ersatter if old in published_ids),
            text=unlink_withheld(a.sida, a.text, withheld),
        )
        for a in anvisningar
    ]
    sidor = [replace(s, text=unlink_withheld(s.sida, s.text, withheld)) for s in sidor]
    model = Model(
        program=whole.program,
        malomraden=whole.malomraden,
        fokusomraden=whole.fokusomraden,
        organ=whole.organ,
        forfattningar=whole.forfattningar,
        anvisningar=tuple(anvisningar),
        sidor=tuple(sidor),
    )
    program = shown_programme(model)
    program_id = program.id if program else None
    hidden_links = {
        target
        for sida, text in hidden_texts
        for target in link_targets(sida, text, pages_only=False)
    }
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
        undanhallna=frozenset(undanhallna),
        bara_metadata=frozenset(bara_metadata),
        lankat_fran_undanhallna=frozenset(hidden_links),
    )
