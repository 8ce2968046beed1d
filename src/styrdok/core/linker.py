"""Link validated documents into the model, resolving every id across files.

Only entries that passed their schema become objects, but the ids of every entry are
known, so one misspelt field does not also make every reference to that entry an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from styrdok.core.addresses import RESERVED
from styrdok.core.load import Document
from styrdok.core.messages import problem
from styrdok.core.model import (
    Ansvar,
    Anvisning,
    Fokusomrade,
    Forfattning,
    GallerFor,
    Handelse,
    Kalla,
    Kontakt,
    Malomrade,
    Model,
    Organ,
    Program,
    Sida,
)
from styrdok.core.problems import Problem
from styrdok.core.schema import LIST_KINDS, Validation, suggest

# For each kind: how an entry is named in messages, and the rule for an unknown id.
KIND_NAMES = {
    "program": ("programmet", "okant-program"),
    "malomraden": ("målområdet", "okant-malomrade"),
    "fokusomraden": ("fokusområdet", "okant-fokusomrade"),
    "organ": ("organet", "okant-organ"),
    "forfattningar": ("författningen", "okand-forfattning"),
    "anvisning": ("anvisningen", "okand-anvisning"),
}


# Where editors find the ids of each kind.
WHERE_DEFINED = {
    "program": "data/program.yml",
    "malomraden": "data/malomraden.yml",
    "fokusomraden": "data/fokusomraden.yml",
    "organ": "data/organ.yml",
    "forfattningar": "data/forfattningar.yml",
    "anvisning": "docs/anvisningar/",
}


@dataclass(frozen=True)
class Entry:
    doc: Document
    prefix: tuple[int, ...]
    data: dict[str, Any]

    @property
    def id(self) -> str:
        return self.data["id"]

    def at(self, *path: str | int, key: bool = False):
        return self.doc.locate([*self.prefix, *path], key=key)

    def kalla(self) -> Kalla:
        places = {name: self.at(name) for name in self.data}
        # Entries of lists too (historik[2]), so a rule can point at the one that is wrong.
        for name, value in self.data.items():
            if isinstance(value, list):
                places.update({f"{name}[{i}]": self.at(name, i) for i in range(len(value))})
        return Kalla(self.doc.path, self.at(), places)


def entries(doc: Document, validation: Validation) -> Iterator[Entry]:
    if doc.data is None:
        return
    if doc.kind in LIST_KINDS:
        for index, item in enumerate(doc.data):
            if validation.accepts(index):
                yield Entry(doc, (index,), item)
    elif validation.accepts():
        yield Entry(doc, (), doc.data)


def all_ids(docs: Iterable[Document]) -> set[str]:
    """Every id written in these documents, valid or not: for resolving references."""
    found: set[str] = set()
    for doc in docs:
        items = doc.data if isinstance(doc.data, list) else [doc.data]
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                found.add(item["id"])
    return found


class Linker:
    def __init__(self, documents: Sequence[Document], validations: Sequence[Validation]) -> None:
        self.problems: list[Problem] = []
        self.by_kind: dict[str, list[Entry]] = {kind: [] for kind in KIND_NAMES}
        docs_by_kind: dict[str, list[Document]] = {kind: [] for kind in KIND_NAMES}
        for doc, validation in zip(documents, validations, strict=True):
            if doc.kind in KIND_NAMES:
                docs_by_kind[doc.kind].append(doc)
                self.by_kind[doc.kind].extend(entries(doc, validation))
        self.sidor = [
            doc
            for doc, validation in zip(documents, validations, strict=True)
            if doc.kind == "sida" and validation.accepts()
        ]
        self.known = {kind: all_ids(docs) for kind, docs in docs_by_kind.items()}
        # An anvisning's id is its file name, even when the file cannot be read.
        self.known["anvisning"] |= {
            PurePosixPath(doc.path).stem for doc in docs_by_kind["anvisning"]
        }
        # A data file that could not be read has already been reported; its ids are
        # unknown, so references to them are not reported once more.
        self.unreadable = {
            kind
            for kind, docs in docs_by_kind.items()
            if kind in LIST_KINDS and (not docs or any(doc.data is None for doc in docs))
        }
        for kind in KIND_NAMES:
            self.by_kind[kind] = self.unique(kind, self.by_kind[kind])

    def unique(self, kind: str, found: list[Entry]) -> list[Entry]:
        first: dict[str, Entry] = {}
        kept = []
        reserved = RESERVED.get(kind, frozenset())
        for entry in found:
            if entry.id in reserved:
                self.problems.append(
                    problem(
                        "reserverat-id",
                        entry.doc.path,
                        entry.at("id"),
                        id=entry.id,
                        reserverade=", ".join(sorted(reserved)),
                    )
                )
                continue
            if entry.id in first:
                earlier = first[entry.id]
                self.problems.append(
                    problem(
                        "dubblett-id",
                        entry.doc.path,
                        entry.at("id"),
                        id=entry.id,
                        vad=KIND_NAMES[kind][0],
                        plats=f"{earlier.doc.path}:{earlier.at('id').line}",
                    )
                )
                continue
            first[entry.id] = entry
            kept.append(entry)
        return kept

    def check(self, entry: Entry, field: str, kind: str) -> None:
        """Report an id in `field` (a single id or a list of ids) that no `kind` entry has."""
        value = entry.data.get(field)
        if value is None:
            return
        values = (
            [(value, (field,))]
            if isinstance(value, str)
            else [(item, (field, i)) for i, item in enumerate(value)]
        )
        for ref, path in values:
            if ref not in self.known[kind]:
                self.unknown(entry, path, ref, kind)

    def unknown(self, entry: Entry, path: tuple[str | int, ...], ref: str, kind: str) -> None:
        if kind in self.unreadable:
            return
        choices = sorted(self.known[kind])
        self.problems.append(
            problem(
                KIND_NAMES[kind][1],
                entry.doc.path,
                entry.at(*path),
                id=ref,
                forslag=suggest(ref, choices, "Befintliga id")
                or f"Se {WHERE_DEFINED[kind]} för de id som finns.",
            )
        )

    def link(self) -> Model:
        return Model(
            program=tuple(self.program(e) for e in self.by_kind["program"]),
            malomraden=tuple(self.malomrade(e) for e in self.by_kind["malomraden"]),
            fokusomraden=tuple(self.fokusomrade(e) for e in self.by_kind["fokusomraden"]),
            organ=tuple(self.organ(e) for e in self.by_kind["organ"]),
            forfattningar=tuple(self.forfattning(e) for e in self.by_kind["forfattningar"]),
            anvisningar=tuple(self.anvisning(e) for e in self.by_kind["anvisning"]),
            sidor=tuple(self.sida(doc) for doc in self.sidor),
        )

    def sida(self, doc: Document) -> Sida:
        path = PurePosixPath(doc.path)
        data = doc.data or {}
        heading = re.search(r"^# +(.+?)\s*$", doc.body, re.MULTILINE)
        titel = data.get("title") or (heading.group(1) if heading else path.stem)
        sida = doc.sida or path.name
        search = data.get("search", {})
        return Sida(
            sida=sida,
            titel=titel,
            text=doc.body,
            # The schema requires it; a page without it is not valid and never gets here.
            atkomst=data.get("atkomst", "intern"),
            beskrivning=data.get("description"),
            dolj=tuple(data.get("hide", ())),
            sok_uteslut=bool(search.get("exclude", False)),
            sok_vikt=search.get("boost"),
            bilagor=attachment_paths(sida, data.get("bilagor", ())),
            text_rad=doc.body_line,
            fil=doc.path,
        )

    def program(self, e: Entry) -> Program:
        for field in ("beslutad_av", "forslag_av", "beredd_av"):
            self.check(e, field, "organ")
        ansvar = []
        for index, item in enumerate(e.data.get("ansvar", ())):
            for i, ref in enumerate(item.get("organ", ())):
                if ref not in self.known["organ"]:
                    self.unknown(e, ("ansvar", index, "organ", i), ref, "organ")
            ansvar.append(
                Ansvar(
                    uppgifter=tuple(item["uppgifter"]),
                    organtyper=tuple(item.get("organtyper", ())),
                    organ=tuple(item.get("organ", ())),
                )
            )
        self.check(e, "ersatter", "program")
        self.check(e, "ersatt_av", "program")
        d = e.data
        return Program(
            id=d["id"],
            titel=d["titel"],
            period_fran=d["period"]["fran"],
            period_till=d["period"]["till"],
            status=d["status"],
            beslutad_av=d["beslutad_av"],
            kalla=e.kalla(),
            kortnamn=d.get("kortnamn"),
            forslag_av=d.get("forslag_av"),
            beredd_av=d.get("beredd_av"),
            beslutsdatum=_date(d.get("beslutsdatum")),
            beslutsmanad=d.get("beslutsmanad"),
            diarienummer=d.get("diarienummer"),
            utgangspunkt=d.get("utgangspunkt"),
            sammanfattning=d.get("sammanfattning"),
            kommunikation=d.get("kommunikation"),
            ansvar=tuple(ansvar),
            ersatter=tuple(d.get("ersatter", ())),
            ersatt_av=d.get("ersatt_av"),
        )

    def malomrade(self, e: Entry) -> Malomrade:
        self.check(e, "program", "program")
        d = e.data
        return Malomrade(
            id=d["id"],
            program=d["program"],
            namn=d["namn"],
            beskrivning=d["beskrivning"],
            ordning=d["ordning"],
            kalla=e.kalla(),
            karna=d.get("karna", False),
        )

    def fokusomrade(self, e: Entry) -> Fokusomrade:
        self.check(e, "program", "program")
        self.check(e, "malomraden", "malomraden")
        d = e.data
        return Fokusomrade(
            id=d["id"],
            program=d["program"],
            namn=d["namn"],
            beskrivning=d["beskrivning"],
            malomraden=tuple(d["malomraden"]),
            malsattningar=tuple(d["malsattningar"]),
            ordning=d["ordning"],
            kalla=e.kalla(),
            exempelinnehall=d.get("exempelinnehall", False),
            skyddsvart=d.get("skyddsvart", False),
        )

    def organ(self, e: Entry) -> Organ:
        self.check(e, "moderbolag", "organ")
        self.check(e, "underordnat", "organ")
        d = e.data
        return Organ(
            id=d["id"],
            namn=d["namn"],
            typ=d["typ"],
            kalla=e.kalla(),
            forvaltning=d.get("forvaltning"),
            moderbolag=d.get("moderbolag"),
            underordnat=d.get("underordnat"),
            beskrivning=d.get("beskrivning"),
        )

    def forfattning(self, e: Entry) -> Forfattning:
        d = e.data
        return Forfattning(
            id=d["id"],
            namn=d["namn"],
            sfs=d["sfs"],
            kalla=e.kalla(),
            kortnamn=d.get("kortnamn"),
            skyddsvard=d.get("skyddsvard", False),
        )

    def anvisning(self, e: Entry) -> Anvisning:
        d = e.data
        filnamn = PurePosixPath(e.doc.path).name
        if filnamn != f"{d['id']}.md":
            self.problems.append(
                problem("id-filnamn", e.doc.path, e.at("id"), id=d["id"], filnamn=filnamn)
            )
        self.check(e, "fokusomraden", "fokusomraden")
        self.check(e, "ansvarig", "organ")
        self.check(e, "beslutad_av", "organ")
        self.check(e, "ersatter", "anvisning")
        self.check(e, "rattslig_grund", "forfattningar")
        galler = d["galler_for"]
        if isinstance(galler, dict):
            for i, ref in enumerate(galler.get("organ", ())):
                if ref not in self.known["organ"]:
                    self.unknown(e, ("galler_for", "organ", i), ref, "organ")
            galler_for = GallerFor(
                organtyper=tuple(galler.get("organtyper", ())), organ=tuple(galler.get("organ", ()))
            )
        else:
            galler_for = GallerFor(alla=True)
        kontakt = d["kontakt"]
        return Anvisning(
            id=d["id"],
            titel=d["titel"],
            sammanfattning=d["sammanfattning"],
            fokusomraden=tuple(d["fokusomraden"]),
            ansvarig=d["ansvarig"],
            galler_for=galler_for,
            status=d["status"],
            atkomst=d["atkomst"],
            version=d["version"],
            kontakt=Kontakt(kontakt["funktion"], kontakt.get("epost"), kontakt.get("telefon")),
            sida=e.doc.sida or f"anvisningar/{filnamn}",
            text=e.doc.body,
            kalla=e.kalla(),
            beslutsdatum=_date(d.get("beslutsdatum")),
            beslutad_av=d.get("beslutad_av"),
            giltig_fran=_date(d.get("giltig_fran")),
            revideras_senast=_date(d.get("revideras_senast")),
            upphavd_datum=_date(d.get("upphavd_datum")),
            diarienummer=d.get("diarienummer"),
            ersatter=tuple(d.get("ersatter", ())),
            rattslig_grund=tuple(d.get("rattslig_grund", ())),
            exempelinnehall=d.get("exempelinnehall", False),
            historik=tuple(
                Handelse(date.fromisoformat(h["datum"]), h["andring"], h.get("version"))
                for h in d.get("historik", ())
            ),
            bilagor=attachment_paths(e.doc.sida or f"anvisningar/{filnamn}", d.get("bilagor", ())),
            text_rad=e.doc.body_line,
        )


def attachment_paths(sida: str, declared: Iterable[str]) -> tuple[str, ...]:
    """Declared attachments as paths below docs/: they are written from the page's folder
    (the schema allows no '..', so they cannot leave it)."""
    folder = PurePosixPath(sida).parent
    return tuple(sorted((folder / name).as_posix() for name in declared))


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def link(
    documents: Sequence[Document], validations: Sequence[Validation]
) -> tuple[Model, list[Problem]]:
    linker = Linker(documents, validations)
    model = linker.link()
    return model, linker.problems
