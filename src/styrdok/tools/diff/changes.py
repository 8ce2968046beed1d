"""The values a comparison produces: what changed, with names rather than ids, so the
wording needs no publication to say it."""

from __future__ import annotations

from dataclasses import dataclass


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
class Utdrag:
    """One changed block of a text (a paragraph, heading or list item), shortened to
    the changed part: no old block when it was added, no new block when removed."""

    fore: str | None
    efter: str | None


@dataclass(frozen=True)
class Falt:
    """A field with its value before and after, as readers read it (names, not ids).

    `namn` is the model's field ("kontakt.epost" for a nested one), `rubrik` its Swedish
    name. A list tells what was added and removed instead; a long text an excerpt of
    the blocks that changed (`fler`: changed blocks left out)."""

    namn: str
    fore: object
    efter: object
    rubrik: str = ""
    tillagda: tuple[str, ...] = ()
    borttagna: tuple[str, ...] = ()
    utdrag: tuple[Utdrag, ...] = ()
    fler: int = 0


@dataclass(frozen=True)
class NyAnvisning:
    """A new anvisning, with what it is: (Swedish name, value) in the order told."""

    id: str
    titel: str
    uppgifter: tuple[tuple[str, str], ...] = ()


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
    kategori: str  # a key of organ.KATEGORIER
    fore: Krets
    efter: Krets
    tillkom: Krets
    foll_bort: Krets


@dataclass(frozen=True)
class DataAndring:
    """An entry of another kind (a key of `core.kinds.KINDS`: organ, fokusomraden,
    sidor, …) that came, went or changed: `fore`/`efter` its name (None when added or
    removed), `falt` what changed in it."""

    slag: str
    id: str
    fore: str | None
    efter: str | None
    falt: tuple[Falt, ...] = ()


@dataclass(frozen=True)
class VersionAndring:
    """A kept earlier version that came, changed or went. Only the first is normal: what
    applied in the past is evidence and must not be rewritten."""

    anvisning: Ref
    version: int
    slag: str  # sparad, andrad or borttagen
    falt: tuple[Falt, ...] = ()


@dataclass(frozen=True)
class Changes:
    malgrupp: str
    nya: tuple[NyAnvisning, ...] = ()
    borttagna: tuple[Ref, ...] = ()
    andrade: tuple[AndradAnvisning, ...] = ()
    organ: tuple[OrganAndring, ...] = ()
    data: tuple[DataAndring, ...] = ()
    versioner: tuple[VersionAndring, ...] = ()
    # Entries present on one side only whose file has errors on the other: whether they
    # were added or removed cannot be told, so they are named here instead.
    ej_jamforda: tuple[str, ...] = ()

    @property
    def tom(self) -> bool:
        return not (
            self.nya
            or self.borttagna
            or self.andrade
            or self.organ
            or self.data
            or self.versioner
            or self.ej_jamforda
        )

    @property
    def historik_andrad(self) -> bool:
        """Whether a kept earlier version was changed or removed."""
        return any(v.slag != "sparad" for v in self.versioner)
