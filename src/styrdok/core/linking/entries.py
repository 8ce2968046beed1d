"""The entries of validated documents: one per list item of a data file, one per page.

Only entries that passed their schema are handed on, but `all_ids` knows the ids of
every entry, so one misspelt field does not also make every reference to it an error.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from styrdok.core.kinds import NAMED
from styrdok.core.model import Kalla
from styrdok.core.problems import Position
from styrdok.core.reading.source import SourceDocument
from styrdok.core.rules.schema import Validation


@dataclass(frozen=True)
class Entry:
    doc: SourceDocument
    prefix: tuple[int, ...]  # where in the document the entry is: (index,) in a list
    data: dict[str, Any]

    @property
    def id(self) -> str:
        return self.data["id"]

    def at(self, *path: str | int, key: bool = False) -> Position:
        return self.doc.locate([*self.prefix, *path], key=key)

    def kalla(self) -> Kalla:
        return Kalla(self.doc.path, self.at(), self.places(self.field_paths()))

    def field_paths(self) -> dict[str, tuple[str | int, ...]]:
        """Each field's path below the entry, by the name `Kalla.plats` takes."""
        paths: dict[str, tuple[str | int, ...]] = {name: (name,) for name in self.data}
        # Entries of lists too (historik[2]), so a rule can point at the one that is wrong.
        for name, value in self.data.items():
            if isinstance(value, list):
                paths.update({f"{name}[{i}]": (name, i) for i in range(len(value))})
        return paths

    def places(self, paths: dict[str, tuple[str | int, ...]], keys: Iterable[str] = ()) -> Places:
        """Where each of `paths` below the entry was written (for `keys`, its key),
        looked up when a rule asks."""
        return Places(self.doc, {k: (*self.prefix, *path) for k, path in paths.items()}, keys)


class Places(Mapping[str, Position]):
    """Positions of named values in one document, found only when one is asked for: a
    check that reports nothing needs none, and finding one walks the document's nodes."""

    def __init__(
        self,
        doc: SourceDocument,
        paths: dict[str, tuple[str | int, ...]],
        keys: Iterable[str] = (),
    ) -> None:
        self.doc = doc
        self.paths = paths
        self.keys_at = frozenset(keys)  # names whose position is their key's
        self.found: dict[str, Position] = {}

    def __getitem__(self, name: str) -> Position:
        if name not in self.found:
            self.found[name] = self.doc.locate(self.paths[name], key=name in self.keys_at)
        return self.found[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.paths)

    def __len__(self) -> int:
        return len(self.paths)


def entries(doc: SourceDocument, validation: Validation) -> Iterator[Entry]:
    """The entries of `doc` that passed their schema."""
    if doc.data is None:
        return
    if NAMED[doc.kind].is_list:
        for index, item in enumerate(doc.data):
            if validation.accepts(index):
                yield Entry(doc, (index,), item)
    elif validation.accepts():
        yield Entry(doc, (), doc.data)


def all_ids(docs: Iterable[SourceDocument]) -> set[str]:
    """Every id written in these documents, valid or not: for resolving references."""
    found: set[str] = set()
    for doc in docs:
        items = doc.data if isinstance(doc.data, list) else [doc.data]
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                found.add(item["id"])
    return found


def references(
    value: Any, steps: tuple[str, ...], where: tuple[str | int, ...] = ()
) -> Iterator[tuple[str, tuple[str | int, ...]]]:
    """Each id at the field path `steps` (as in `kinds.Kind.references`, split at the
    dots) below `value`, with its path: a field holds one id or a list of ids."""
    if value is None:
        return
    if not steps:
        if isinstance(value, str):
            yield value, where
        else:
            yield from ((ref, (*where, i)) for i, ref in enumerate(value))
        return
    step, rest = steps[0], steps[1:]
    if step.endswith("[]"):
        name = step.removesuffix("[]")
        items = value.get(name, ()) if isinstance(value, dict) else ()
        for i, item in enumerate(items):
            yield from references(item, rest, (*where, name, i))
    elif isinstance(value, dict):
        yield from references(value.get(step), rest, (*where, step))
