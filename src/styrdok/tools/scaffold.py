"""A new anvisning, written so that it passes `styrdok check` as it stands.

Every required field is present with a Swedish comment; the new anvisning is an
utkast and intern until its owner decides otherwise, and its history starts today.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from styrdok.core.messages import suggest
from styrdok.core.model import Model
from styrdok.views.markdown import yaml_string

MAX_ID = 60
_PREFIX = re.compile(r"^anvisning(en)?\s+(för|om)\s+", re.IGNORECASE)


class ScaffoldError(Exception):
    """Something the editor asked for cannot be made; the message says what to do."""


def slug(titel: str) -> str:
    """An id from a title: 'Anvisning för hot och våld' -> 'hot-och-vald'."""
    text = _PREFIX.sub("", titel.strip())
    text = text.lower().replace("å", "a").replace("ä", "a").replace("ö", "o")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", text)
    result = ""
    for word in words:
        candidate = f"{result}-{word}" if result else word
        if len(candidate) > MAX_ID:
            break
        result = candidate
    return result


@dataclass(frozen=True)
class NewAnvisning:
    id: str
    path: Path
    text: str


def _two_years_after(day: date) -> date:
    """A suggested review date; 29 February becomes 28 February."""
    return day.replace(year=day.year + 2, day=min(day.day, 28) if day.month == 2 else day.day)


def new_anvisning(
    model: Model,
    anvisningar_dir: Path,
    titel: str,
    fokusomraden: list[str],
    ansvarig: str,
    kontakt: str | None,
    today: date,
) -> NewAnvisning:
    titel = " ".join(titel.split())
    id, path = _free_id(model, anvisningar_dir, titel)
    _check_references(model, fokusomraden, ansvarig)
    text = _TEMPLATE.format(
        today=today.isoformat(),
        review=_two_years_after(today).isoformat(),
        id=id,
        titel=yaml_string(titel),
        fokus="\n".join(f"  - {f}" for f in fokusomraden),
        ansvarig=ansvarig,
        contact=yaml_string(kontakt or _KONTAKT),
    )
    return NewAnvisning(id, path, text)


def _free_id(model: Model, anvisningar_dir: Path, titel: str) -> tuple[str, Path]:
    """The id the title gives and the file it is written to, neither of which exists yet."""
    if not titel:
        raise ScaffoldError("titeln är tom – skriv anvisningens rubrik efter --titel")
    id = slug(titel)
    if len(id) < 2:
        raise ScaffoldError(f"titeln '{titel}' ger inget id – använd ord med bokstäver a–ö")
    existing = model.anvisning_med_id(id)
    path = anvisningar_dir / f"{id}.md"
    if existing is not None or path.exists():
        what = f"'{existing.titel}' ({existing.sida})" if existing else f"filen {path.name}"
        raise ScaffoldError(
            f"id '{id}' finns redan: {what} – välj en titel som skiljer sig, "
            "eller ändra den befintliga anvisningen"
        )
    return id, path


def _check_references(model: Model, fokusomraden: list[str], ansvarig: str) -> None:
    known_fokus = [f.id for f in model.fokusomraden]
    for fokus in fokusomraden:
        if model.fokusomrade_med_id(fokus) is None:
            raise ScaffoldError(
                f"okänt fokusområde '{fokus}' – {suggest(fokus, known_fokus, 'Fokusområden')}"
            )
    if model.organ_med_id(ansvarig) is None:
        raise ScaffoldError(
            f"okänt organ '{ansvarig}' – "
            f"{suggest(ansvarig, sorted(o.id for o in model.organ), 'Organ')}".rstrip(" –")
        )


_KONTAKT = "Ange funktion eller enhet, t.ex. Säkerhetsavdelningen, stadsledningskontoret"

# The new file, filled in by `new_anvisning` (str.format: the text has no other braces).
_TEMPLATE = """---
# yaml-language-server: $schema=../../schema/anvisning.schema.json
# Ny anvisning skapad {today} med styrdok ny anvisning. Fyll i och ändra det som
# står inom citattecken; styrdok check säger till om något saknas.

# Stabilt id, samma som filnamnet. Ändra det inte efter publicering.
id: {id}
# Anvisningens rubrik.
titel: {titel}
# En eller två meningar om vad anvisningen handlar om; visas i listor och sökträffar.
sammanfattning: "Skriv en eller två meningar om vad anvisningen handlar om."
# Fokusområden anvisningen hör till (id från data/fokusomraden.yml).
fokusomraden:
{fokus}
# Organet som äger anvisningen och håller den aktuell (id från data/organ.yml).
ansvarig: {ansvarig}
# Vilka anvisningen gäller för: alla (samtliga nämnder och bolagsstyrelser), eller
#   galler_for:
#     organtyper: [stadsdelsnämnd]
#     organ: [socialnamnden]
galler_for: alla
# utkast tills anvisningen är beslutad; sedan gällande, under revidering eller upphävd.
# När status blir gällande krävs beslutsdatum, beslutad_av, giltig_fran och revideras_senast:
# beslutsdatum: {today}
# beslutad_av: kommunstyrelsen
# giltig_fran: {today}
# revideras_senast: {review}
status: utkast
# Vem som får läsa: öppen (även stadens webbplats), intern (intranätet) eller skyddad
# (innehållet publiceras aldrig; säkerhetsskydd och sekretess).
atkomst: intern
# Versionsnummer: 1 för första beslutade versionen, sedan 2, 3 …
version: 1
# Vad som har hänt, äldst först. Lägg till en rad vid varje beslut eller ändring.
historik:
  - datum: {today}
    andring: "Utkast skapat."
# Vem läsaren kan fråga: en funktion eller enhet hellre än en person.
kontakt:
  funktion: {contact}
# Frivilligt: diarienummer, ersatter (id för anvisningar som denna ersätter) och
# rattslig_grund (id från data/forfattningar.yml), t.ex.
# rattslig_grund:
#   - lso
---

## Syfte

Beskriv varför anvisningen finns och vad den ska åstadkomma.

## Omfattning

Beskriv vilka verksamheter och situationer anvisningen gäller.

## Ansvar

Beskriv vem som ansvarar för vad.

## Så här gör ni

Beskriv stegen.

## Uppföljning

Beskriv hur arbetet följs upp, till exempel i den årliga rapporteringen av risk- och lägesbilder.
"""
