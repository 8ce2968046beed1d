"""A new anvisning, written so that it passes `styrdok check` as it stands.

Every required field is present with a Swedish comment; the new anvisning is an
utkast and intern until its owner decides otherwise, and its history starts today.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from styrdok.core.messages import id_letters, suggest
from styrdok.core.model import Model
from styrdok.core.rules.scaffold_texts import KONTAKT, SAMMANFATTNING, TEXT
from styrdok.views.markdown import yaml_string

MAX_ID = 60
# The form of an id (gemensam.schema.json#/$defs/id), and the kind of document a title
# starts by naming, which the id leaves out: "Anvisningar för hot och våld" and
# "Riktlinjer kring hot och våld" are both hot-och-vald.
ID_FORM = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_PREFIX = re.compile(
    r"^(stadens\s+|stockholms\s+stads\s+)?"
    r"(anvisning(en|ar|arna)?|riktlinje(n|r|rna)?|rutin(en|er|erna)?|instruktion(en|er|erna)?"
    r"|regler|reglerna|policy(n)?)"
    r"(\s+(för|om|kring|gällande|avseende|rörande|vid|mot|till))?(\s+|\s*[:–-]\s*)",
    re.IGNORECASE,
)
ID_RULES = (
    "Ett id skrivs med små bokstäver a–z, siffror och bindestreck (2–60 tecken, inte "
    "bindestreck först, sist eller två i rad), t.ex. hot-och-vald. Det blir filnamnet och "
    "sidans adress och ändras inte efter publicering."
)


class ScaffoldError(Exception):
    """Something the editor asked for cannot be made; the message says what to do."""


def slug(titel: str) -> str:
    """An id from a title: 'Anvisning för hot och våld' -> 'hot-och-vald'."""
    text = _PREFIX.sub("", titel.strip(), count=1)
    words = re.findall(r"[a-z0-9]+", id_letters(text))
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
    id: str | None = None,
) -> NewAnvisning:
    titel = " ".join(titel.split())
    id, path = _free_id(model, anvisningar_dir, titel, id)
    _check_references(model, fokusomraden, ansvarig)
    text = _TEMPLATE.format(
        today=today.isoformat(),
        review=_two_years_after(today).isoformat(),
        id=id,
        titel=yaml_string(titel),
        fokus="\n".join(f"  - {f}" for f in fokusomraden),
        ansvarig=ansvarig,
        contact=yaml_string(kontakt or KONTAKT),
        sammanfattning=yaml_string(SAMMANFATTNING),
        text="\n\n".join(
            f"## {heading}\n\n{example}" for heading, example in zip(_HEADINGS, TEXT, strict=True)
        ),
    )
    return NewAnvisning(id, path, text)


def check_id(id: str) -> str:
    """A given id, if it has the form of one; else why not, in Swedish."""
    if not ID_FORM.fullmatch(id) or not 2 <= len(id) <= MAX_ID:
        suggestion = slug(id)
        meant = f" Skriv t.ex. --id {suggestion}." if len(suggestion) >= 2 else ""
        raise ScaffoldError(f"'{id}' kan inte vara ett id. {ID_RULES}{meant}")
    return id


def _free_id(
    model: Model, anvisningar_dir: Path, titel: str, given: str | None = None
) -> tuple[str, Path]:
    """The id (given, or from the title) and the file it is written to, neither of which
    exists yet."""
    if not titel:
        raise ScaffoldError("titeln är tom – skriv anvisningens rubrik efter --titel")
    id = check_id(given) if given is not None else slug(titel)
    if len(id) < 2:
        raise ScaffoldError(
            f"titeln '{titel}' ger inget id – använd ord med bokstäver a–ö, eller ange ett "
            "id med --id"
        )
    existing = model.anvisning_med_id(id)
    path = anvisningar_dir / f"{id}.md"
    if existing is not None or path.exists():
        what = f"'{existing.titel}' ({existing.sida})" if existing else f"filen {path.name}"
        raise ScaffoldError(
            f"id '{id}' finns redan: {what} – välj en titel som skiljer sig eller ett "
            "annat id med --id, eller ändra den befintliga anvisningen"
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


_HEADINGS = ("Syfte", "Omfattning", "Ansvar", "Så här gör ni", "Uppföljning")

# The new file, filled in by `new_anvisning` (str.format: the text has no other braces).
_TEMPLATE = """---
# yaml-language-server: $schema=../../schema/anvisning.schema.json
# Ny anvisning skapad {today} med styrdok ny anvisning. Byt ut exempeltexterna (Skriv …,
# Ange …, Beskriv …); styrdok check påminner om dem och stoppar dem när status inte är utkast.

# Stabilt id, samma som filnamnet. Ändra det inte efter publicering.
id: {id}
# Anvisningens rubrik.
titel: {titel}
# En eller två meningar om vad anvisningen handlar om; visas i listor och sökträffar.
sammanfattning: {sammanfattning}
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

{text}
"""
