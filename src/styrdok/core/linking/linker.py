"""Link validated documents into the model, resolving every id across files.

Which kinds there are, what their entries are called and which fields refer to which
kind is `kinds`'; this module applies it: ids must be unique and not reserved, an
entry's page must be named by its id (a file in a folder of data/ by its field), and
every reference must name an existing id.
`builders` then makes the model objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath

from styrdok.core.kinds import KINDS, NAMED, Folder, Ids, Kind
from styrdok.core.linking.builders import BUILDERS
from styrdok.core.linking.entries import Entry, all_ids, entries, references
from styrdok.core.messages import problem, suggest
from styrdok.core.model import Model
from styrdok.core.problems import Problem
from styrdok.core.reading.source import SourceDocument
from styrdok.core.rules.schema import Validation

# Each kind's reference rules, with the field paths split once.
_REFERENCES = {
    kind.key: [(tuple(path.split(".")), target) for path, target in kind.references.items()]
    for kind in KINDS.values()
}


class Linker:
    def __init__(
        self, documents: Sequence[SourceDocument], validations: Sequence[Validation]
    ) -> None:
        self.problems: list[Problem] = []
        self.by_kind: dict[str, list[Entry]] = {key: [] for key in KINDS}
        docs_by_kind: dict[str, list[SourceDocument]] = {key: [] for key in KINDS}
        for doc, validation in zip(documents, validations, strict=True):
            key = NAMED[doc.kind].key
            docs_by_kind[key].append(doc)
            self.by_kind[key].extend(entries(doc, validation))
        identified = [kind for kind in KINDS.values() if kind.ids is not None]
        self.known = {kind.key: known_ids(kind, docs_by_kind[kind.key]) for kind in identified}
        # A data file that could not be read has already been reported; its ids are
        # unknown, so references to them are not reported once more.
        self.unreadable = {
            kind.key for kind in identified if kind.is_list and not readable(docs_by_kind[kind.key])
        }
        for kind in identified:
            self.by_kind[kind.key] = self.unique(kind.ids, self.by_kind[kind.key])

    def unique(self, ids: Ids, found: list[Entry]) -> list[Entry]:
        """The entries whose id is neither reserved nor taken by an earlier entry."""
        first: dict[str, Entry] = {}
        for entry in found:
            if entry.id in ids.reserved:
                self.problems.append(
                    problem(
                        "reserverat-id",
                        entry.doc.path,
                        entry.at("id"),
                        id=entry.id,
                        reserverade=", ".join(sorted(ids.reserved)),
                    )
                )
            elif entry.id in first:
                earlier = first[entry.id]
                self.problems.append(
                    problem(
                        "dubblett-id",
                        entry.doc.path,
                        entry.at("id"),
                        id=entry.id,
                        vad=ids.noun,
                        plats=f"{earlier.doc.path}:{earlier.at('id').line}",
                    )
                )
            else:
                first[entry.id] = entry
        return list(first.values())

    def check(self, kind: Kind, entry: Entry) -> None:
        """Report what is wrong with how `entry` names itself and the entries it refers to."""
        if kind.docs_folder and kind.ids is not None:
            filnamn = PurePosixPath(entry.doc.path).name
            if filnamn != f"{entry.id}.md":
                self.problems.append(
                    problem(
                        "id-filnamn", entry.doc.path, entry.at("id"), id=entry.id, filnamn=filnamn
                    )
                )
        if kind.data_folder:
            self.check_file_name(kind.data_folder, entry)
        if kind.versions_of:
            self.check_version_name(entry)
        for steps, target in _REFERENCES[kind.key]:
            for ref, path in references(entry.data, steps):
                if ref not in self.known[target]:
                    self.unknown(entry, path, ref, KINDS[target])

    def check_file_name(self, folder: Folder, entry: Entry) -> None:
        """A file in a folder of data/ is named by a field of its entry (2024.yml, ar: 2024)."""
        filnamn = PurePosixPath(entry.doc.path).name
        value = entry.data[folder.field]
        if f"{value}.yml" != filnamn:
            self.problems.append(
                problem(
                    folder.mismatch,
                    entry.doc.path,
                    entry.at(folder.field),
                    varde=value,
                    filnamn=filnamn,
                )
            )

    def check_version_name(self, entry: Entry) -> None:
        """An earlier version is kept as <id>/version-<n>.md, named by its id and version."""
        path = PurePosixPath(entry.doc.path)
        id, version = entry.data["id"], entry.data["version"]
        if path.parent.name != id or path.name != f"version-{version}.md":
            self.problems.append(
                problem(
                    "version-filnamn",
                    entry.doc.path,
                    entry.at("version" if path.parent.name == id else "id"),
                    id=id,
                    version=version,
                    filnamn=f"{path.parent.name}/{path.name}",
                )
            )

    def unknown(self, entry: Entry, path: tuple[str | int, ...], ref: str, kind: Kind) -> None:
        if kind.key in self.unreadable:
            return
        choices = sorted(self.known[kind.key])
        self.problems.append(
            problem(
                kind.ids.unknown,
                entry.doc.path,
                entry.at(*path),
                id=ref,
                forslag=suggest(ref, choices, "Befintliga id")
                or f"Se {kind.where} för de id som finns.",
            )
        )

    def link(self) -> Model:
        objects = {}
        for kind in KINDS.values():
            for entry in self.by_kind[kind.key]:
                self.check(kind, entry)
            objects[kind.key] = tuple(BUILDERS[kind.key](e) for e in self.by_kind[kind.key])
        return Model(**objects)


def known_ids(kind: Kind, docs: list[SourceDocument]) -> set[str]:
    """The ids references to `kind` may name: every id written, and for pages the file
    name too, which is the page's id even when the file cannot be read."""
    found = all_ids(docs)
    if kind.docs_folder:
        found |= {PurePosixPath(doc.path).stem for doc in docs}
    return found


def reference_ids(documents: Sequence[SourceDocument]) -> dict[str, set[str]]:
    """The ids each kind's references may name (by kind key), before validation: for
    suggesting the id meant when a reference is not written as one."""
    by_kind: dict[str, list[SourceDocument]] = {key: [] for key in KINDS}
    for doc in documents:
        by_kind[NAMED[doc.kind].key].append(doc)
    return {
        kind.key: known_ids(kind, by_kind[kind.key])
        for kind in KINDS.values()
        if kind.ids is not None
    }


def readable(docs: list[SourceDocument]) -> bool:
    """Whether the kind's file exists and gave values, so its ids are all known."""
    return bool(docs) and all(doc.data is not None for doc in docs)


def link(
    documents: Sequence[SourceDocument], validations: Sequence[Validation]
) -> tuple[Model, list[Problem]]:
    linker = Linker(documents, validations)
    model = linker.link()
    return model, linker.problems
