"""`styrdok gallde`: what was in force on a day, as text for people or JSON for tools.

The answer is `views.queries.gallde`, the same the page "Vad gällde den …?" gives in the
browser from tidslinje.json; this module only words it, as the page does. Addresses are
relative to the site (anvisningar/<id>/version-<n>/), since the command does not know
where the site is published.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from styrdok.core.giltighet import Versionsperiod
from styrdok.core.messages import suggest
from styrdok.core.model import Anvisning, Organ
from styrdok.select import Publication
from styrdok.views.markdown import iso
from styrdok.views.queries import GalldeSvar
from styrdok.views.tidslinje import galler_for_json, organ_json
from styrdok.views.urls import sidadress
from styrdok.views.wording import GALLDE_ALDRIG


def organ_hint(value: str, organ: Iterable[Organ]) -> str:
    """What to say of an organ id that is not in data/organ.yml: the closest id, or the
    ids that hold what was typed ("bromma"), or where to look."""
    ids = [o.id for o in organ]
    holding = [i for i in ids if value.lower() in i] if value else []
    if 0 < len(holding) <= 3:
        return "Menade du " + " eller ".join(f"'{i}'" for i in holding) + "?"
    return suggest(value, ids, "Organ") or "se id:na i data/organ.yml"


def intervall(period: Versionsperiod) -> str:
    if period.tom:
        return GALLDE_ALDRIG
    if period.till is None:
        return f"giltig från {iso(period.fran)} tills vidare"
    return f"giltig {iso(period.fran)} – {iso(period.till)}"


def _antal(n: int) -> str:
    return "1 anvisning" if n == 1 else f"{n} anvisningar"


def _for(organ: Organ | None) -> str:
    return f" för {organ.namn}" if organ else ""


def as_text(pub: Publication, svar: GalldeSvar) -> str:
    dag = svar.dag.isoformat()
    lines = [f"Vad gällde den {dag}?"]
    if svar.organ:
        lines.append(f"Organ: {svar.organ.namn} ({svar.organ.id})")
    lines.append(f"Målgrupp: {pub.malgrupp} (uppgifterna gäller per {pub.dag.isoformat()})")
    lines.append("")
    if svar.gallde:
        lines.append(f"Den {dag} gällde {_antal(len(svar.gallde))}{_for(svar.organ)}:")
        for g in svar.gallde:
            current = " (nuvarande)" if g.period.version == g.anvisning.version else ""
            lines += [
                "",
                f"  {g.period.anvisning.titel} ({g.anvisning.id})",
                f"    version {g.period.version}{current}, {intervall(g.intervall)}",
                f"    {sidadress(g.sida)}",
            ]
    else:
        lines.append(f"Den {dag} gällde ingen av anvisningarna här{_for(svar.organ)}.")
    notes: list[str] = []
    if svar.organ and not svar.organ.tillampar_programmet:
        notes.append(
            f"{svar.organ.namn} tillämpar inte programmet: anvisningar för samtliga nämnder "
            "och bolagsstyrelser räknas inte, bara de som nämner organet eller dess typ."
        )
    if svar.forsta_dag is None:
        notes.append(f"Ingen version av någon anvisning här har gällt{_for(svar.organ)}.")
    elif svar.fore_allt:
        notes.append(
            f"Datumet är före den äldsta version som finns här{_for(svar.organ)}: den "
            f"började gälla {svar.forsta_dag.isoformat()}."
        )
    if svar.dolda:
        notes.append("Gällde i en version som inte publiceras för den här målgruppen:")
        notes += [f"  {a.titel} ({a.id}): version {n}." for a, n in svar.dolda]
    if svar.ej_bevarade:
        notes.append("Äldre versioner som inte finns här kan ha gällt den dagen:")
        notes += [
            f"  {p.anvisning.titel} ({p.anvisning.id}): versionerna före version {p.version} "
            f"finns inte här; version {p.version} gäller från {iso(p.fran)}."
            for p in svar.ej_bevarade
        ]
    if svar.senare_beslut:
        notes.append("Beslutades senare, med verkan från den dagen eller tidigare:")
        notes += [
            f"  {p.anvisning.titel} ({p.anvisning.id}): version {p.version} beslutades "
            f"{iso(p.anvisning.beslutsdatum)} och gäller från {iso(p.fran)}."
            for p in svar.senare_beslut
        ]
    if notes:
        lines += ["", *notes]
    return "\n".join(lines) + "\n"


def _version(anvisning: Anvisning, period: Versionsperiod) -> dict[str, Any]:
    version = period.anvisning
    return {
        "id": version.id,
        "titel": version.titel,
        "version": period.version,
        "nuvarande": period.version == anvisning.version,
        "beslutsdatum": iso(version.beslutsdatum),
        "giltig_fran": iso(period.fran),
        "giltig_till": iso(period.till),
        "galler_for": galler_for_json(version.galler_for),
        "sida": sidadress(version.sida),
    }


def as_json(pub: Publication, svar: GalldeSvar) -> str:
    """The answer for tools: each version as tidslinje.json has it, its page relative to
    the site; giltig_till by every decision in the data."""

    def current(period: Versionsperiod) -> Anvisning:
        """The published anvisning a version belongs to."""
        return pub.model.anvisning_med_id(period.anvisning.id) or period.anvisning

    organ = svar.organ
    document = {
        "datum": svar.dag.isoformat(),
        "malgrupp": pub.malgrupp,
        "referensdatum": pub.dag.isoformat(),
        "organ": organ_json(organ) if organ else None,
        "gallde": [_version(g.anvisning, g.intervall) for g in svar.gallde],
        "senare_beslut": [_version(current(p), p) for p in svar.senare_beslut],
        "ej_bevarade": [_version(current(p), p) for p in svar.ej_bevarade],
        "forsta_dag": iso(svar.forsta_dag),
        "dolda": [{"id": a.id, "titel": a.titel, "version": n} for a, n in svar.dolda],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
