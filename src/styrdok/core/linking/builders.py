"""Model objects from valid entries: one builder per kind, keyed as `kinds.KINDS`.

A builder only reads: the schema has checked every field it takes without a default,
and the linker has checked the ids the entry refers to.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from styrdok.core.linking.entries import Entry
from styrdok.core.model import (
    Ansvar,
    Anvisning,
    Brist,
    Datakalla,
    Fokusomrade,
    Forfattning,
    GallerFor,
    Handelse,
    Indikator,
    Kalla,
    Kontakt,
    Kontroll,
    Malomrade,
    Organ,
    Program,
    Rapport,
    Risk,
    Sida,
    Tillganglighet,
    Undantag,
    Uppfoljningsar,
    Varde,
)

_HEADING = re.compile(r"^# +(.+?)\s*$", re.MULTILINE)


def program(e: Entry) -> Program:
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
        ansvar=tuple(
            Ansvar(
                uppgifter=tuple(item["uppgifter"]),
                organtyper=tuple(item.get("organtyper", ())),
                organ=tuple(item.get("organ", ())),
            )
            for item in d.get("ansvar", ())
        ),
        ersatter=tuple(d.get("ersatter", ())),
        ersatt_av=_ids(d.get("ersatt_av")),
    )


def malomrade(e: Entry) -> Malomrade:
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


def fokusomrade(e: Entry) -> Fokusomrade:
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


def organ(e: Entry) -> Organ:
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
        organisationsnummer=d.get("organisationsnummer"),
        rapporterar_fran=d.get("rapporterar_fran"),
        rapporterar_till=d.get("rapporterar_till"),
    )


def forfattning(e: Entry) -> Forfattning:
    d = e.data
    return Forfattning(
        id=d["id"],
        namn=d["namn"],
        sfs=d["sfs"],
        kalla=e.kalla(),
        kortnamn=d.get("kortnamn"),
        skyddsvard=d.get("skyddsvard", False),
    )


def anvisning(e: Entry) -> Anvisning:
    sida = e.doc.sida or f"anvisningar/{PurePosixPath(e.doc.path).name}"
    return _anvisning(e, sida, sida)


def version(e: Entry) -> Anvisning:
    """An earlier version, kept at docs/anvisningar/<id>/version-<n>.md. Its attachments
    are written as in the anvisning's own page, which it is a copy of."""
    sida = e.doc.sida or f"anvisningar/{e.data['id']}/{PurePosixPath(e.doc.path).name}"
    return _anvisning(e, sida, f"anvisningar/{e.data['id']}.md")


def _anvisning(e: Entry, sida: str, bilagor_fran: str) -> Anvisning:
    d = e.data
    kontakt = d["kontakt"]
    return Anvisning(
        id=d["id"],
        titel=d["titel"],
        sammanfattning=d["sammanfattning"],
        fokusomraden=tuple(d["fokusomraden"]),
        ansvarig=d["ansvarig"],
        galler_for=galler_for(d["galler_for"]),
        status=d["status"],
        atkomst=d["atkomst"],
        version=d["version"],
        kontakt=Kontakt(kontakt["funktion"], kontakt.get("epost"), kontakt.get("telefon")),
        sida=sida,
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
        bilagor=attachment_paths(bilagor_fran, d.get("bilagor", ())),
        text_rad=e.doc.body_line,
    )


def galler_for(value: str | Mapping[str, Any]) -> GallerFor:
    """Who an anvisning applies to: `alla`, or the organtyper and organ it names."""
    if isinstance(value, Mapping):
        return GallerFor(
            organtyper=tuple(value.get("organtyper", ())), organ=tuple(value.get("organ", ()))
        )
    return GallerFor(alla=True)


def sida(e: Entry) -> Sida:
    doc, data = e.doc, e.data
    path = PurePosixPath(doc.path)
    heading = _HEADING.search(doc.body)
    sida = doc.sida or path.name
    search = data.get("search", {})
    return Sida(
        sida=sida,
        titel=data.get("title") or (heading.group(1) if heading else path.stem),
        text=doc.body,
        # No fallback: the schema requires the field, and a page that lacked it would
        # be published with an access level nobody chose.
        atkomst=data["atkomst"],
        beskrivning=data.get("description"),
        dolj=tuple(data.get("hide", ())),
        sok_uteslut=bool(search.get("exclude", False)),
        sok_vikt=search.get("boost"),
        bilagor=attachment_paths(sida, data.get("bilagor", ())),
        text_rad=doc.body_line,
        fil=doc.path,
    )


def uppfoljningsar(e: Entry) -> Uppfoljningsar:
    d = e.data
    kalla = e.kalla()
    # Rules about the list as a whole (an organ missing) point at the line `rapporter:`.
    places = e.places({**e.field_paths(), "rapporter": ("rapporter",)}, keys=["rapporter"])
    return Uppfoljningsar(
        ar=d["ar"],
        sista_dag=date.fromisoformat(d["sista_dag"]),
        rapporter=tuple(rapport(e, i, item) for i, item in enumerate(d["rapporter"])),
        kalla=Kalla(kalla.fil, kalla.position, places),
        exempelinnehall=d.get("exempelinnehall", False),
    )


def rapport(e: Entry, index: int, d: Mapping[str, Any]) -> Rapport:
    paths: dict[str, tuple[str | int, ...]] = {name: ("rapporter", index, name) for name in d}
    # Each risk's fields too, so a rule can point at the line of the one that is wrong.
    for j, risk in enumerate(d.get("risker", ())):
        paths.update(
            {f"risker[{j}].{name}": ("rapporter", index, "risker", j, name) for name in risk}
        )
    return Rapport(
        organ=d["organ"],
        inlamnad=d["inlamnad"],
        atkomst=d["atkomst"],
        kalla=Kalla(e.doc.path, e.at("rapporter", index), e.places(paths)),
        inlamnad_datum=_date(d.get("inlamnad_datum")),
        referens=d.get("referens"),
        notering=d.get("notering"),
        risker=tuple(
            Risk(
                titel=risk["titel"],
                fokusomraden=tuple(risk["fokusomraden"]),
                sannolikhet=risk["sannolikhet"],
                konsekvens=risk["konsekvens"],
                atgarder=risk["atgarder"],
            )
            for risk in d.get("risker", ())
        ),
    )


def indikator(e: Entry) -> Indikator:
    d = e.data
    source = d["datakalla"]
    return Indikator(
        id=d["id"],
        namn=d["namn"],
        beskrivning=d["beskrivning"],
        enhet=d["enhet"],
        fokusomraden=tuple(d["fokusomraden"]),
        datakalla=Datakalla(source["namn"], source.get("url"), source.get("kommentar")),
        atkomst=d["atkomst"],
        # In the file's order, so a rule can point at a year written twice.
        varden=tuple(
            Varde(v["ar"], v.get("kvinnor"), v.get("man"), v.get("alla")) for v in d["varden"]
        ),
        kalla=e.kalla(),
        exempelinnehall=d.get("exempelinnehall", False),
    )


def tillganglighet(e: Entry) -> Tillganglighet:
    d = e.data
    metod = d["metod"]
    return Tillganglighet(
        organisation=d["organisation"],
        tjanst=d["tjanst"],
        forenlighet=d["forenlighet"],
        bedomd=date.fromisoformat(d["bedomd"]),
        uppdaterad=date.fromisoformat(d["uppdaterad"]),
        metod=metod["typ"],
        metod_beskrivning=metod["beskrivning"],
        inte_gjort=tuple(metod.get("inte_gjort", ())),
        automatiska_kontroller=tuple(
            Kontroll(k["verktyg"], k["omfattning"], k["resultat"], date.fromisoformat(k["datum"]))
            for k in d.get("automatiska_kontroller", ())
        ),
        brister=tuple(
            Brist(
                beskrivning=b["beskrivning"],
                wcag=tuple(b["wcag"]),
                orsak=b["orsak"],
                planerad_atgard=b.get("planerad_atgard"),
                osaker=b.get("osaker", False),
            )
            for b in d.get("brister", ())
        ),
        undantag=tuple(
            Undantag(u["beskrivning"], u["grund"], u["motivering"]) for u in d.get("undantag", ())
        ),
        kalla=e.kalla(),
    )


def attachment_paths(sida: str, declared: Iterable[str]) -> tuple[str, ...]:
    """Declared attachments as paths below docs/: they are written from the page's folder
    (the schema allows no '..', so they cannot leave it)."""
    folder = PurePosixPath(sida).parent
    return tuple(sorted((folder / name).as_posix() for name in declared))


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _ids(value: str | list[str] | None) -> tuple[str, ...]:
    """One id or a list of ids, as the schema allows, as a tuple."""
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


# Kind key (`kinds.KINDS`) -> the builder of its model objects.
BUILDERS: dict[str, Callable[[Entry], Any]] = {
    "program": program,
    "malomraden": malomrade,
    "fokusomraden": fokusomrade,
    "organ": organ,
    "forfattningar": forfattning,
    "anvisningar": anvisning,
    "uppfoljning": uppfoljningsar,
    "indikatorer": indikator,
    "versioner": version,
    "tillganglighet": tillganglighet,
    "sidor": sida,
}
