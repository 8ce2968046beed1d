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
class Falt:
    """A field of an anvisning with its value before and after (names, not ids)."""

    namn: str
    fore: object
    efter: object


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
    """Programme data: `slag` is program, programstatus, malomrade, fokusomrade or organ;
    `fore`/`efter` the name (None when added or removed)."""

    slag: str
    id: str
    fore: str | None
    efter: str | None


@dataclass(frozen=True)
class VersionAndring:
    """A kept earlier version that came, changed or went. Only the first is normal: what
    applied in the past is evidence and must not be rewritten."""

    anvisning: Ref
    version: int
    slag: str  # sparad, andrad or borttagen


@dataclass(frozen=True)
class Changes:
    malgrupp: str
    nya: tuple[Ref, ...] = ()
    borttagna: tuple[Ref, ...] = ()
    andrade: tuple[AndradAnvisning, ...] = ()
    organ: tuple[OrganAndring, ...] = ()
    data: tuple[DataAndring, ...] = ()
    versioner: tuple[VersionAndring, ...] = ()

    @property
    def tom(self) -> bool:
        return not (
            self.nya or self.borttagna or self.andrade or self.organ or self.data or self.versioner
        )

    @property
    def historik_andrad(self) -> bool:
        """Whether a kept earlier version was changed or removed."""
        return any(v.slag != "sparad" for v in self.versioner)
