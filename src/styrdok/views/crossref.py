"""Generated cross-reference pages: per fokusområde, per målområde, per organ, and the
lifecycle lists of the anvisningar.

Each page is Markdown made from the publication alone; the MkDocs plugin only hands
the pages to MkDocs. Indexes are built once, so the work is linear in the content.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from styrdok.core import addresses
from styrdok.core.model import ORGANTYPER, Anvisning, Fokusomrade, Malomrade, Organ
from styrdok.core.sortering import svensk
from styrdok.select import Publication
from styrdok.views.markdown import anvisning_link, front_matter, iso, link, md, status_badge, table
from styrdok.views.pages import anvisningar_rows, organ_link

# Generated pages repeat what the anvisningar say; a search hit should land on the source.
LISTING_BOOST = 0.5
REVIEW_WINDOW = timedelta(days=90)
RECENT_EVENTS = 30


@dataclass(frozen=True)
class GeneratedPage:
    sida: str  # path below docs/
    titel: str
    text: str


@dataclass(frozen=True)
class Applicability:
    """Which anvisningar apply to whom and who owns which, indexed once."""

    alla: tuple[Anvisning, ...]
    by_type: dict[str, tuple[Anvisning, ...]]
    by_organ: dict[str, tuple[Anvisning, ...]]
    owned: dict[str, tuple[Anvisning, ...]]

    @classmethod
    def of(cls, anvisningar: Iterable[Anvisning]) -> Applicability:
        alla: list[Anvisning] = []
        by_type: dict[str, list[Anvisning]] = defaultdict(list)
        by_organ: dict[str, list[Anvisning]] = defaultdict(list)
        owned: dict[str, list[Anvisning]] = defaultdict(list)
        for a in anvisningar:
            owned[a.ansvarig].append(a)
            if a.galler_for.alla:
                alla.append(a)
            for typ in a.galler_for.organtyper:
                by_type[typ].append(a)
            for organ_id in a.galler_for.organ:
                by_organ[organ_id].append(a)
        return cls(
            tuple(alla),
            {k: tuple(v) for k, v in by_type.items()},
            {k: tuple(v) for k, v in by_organ.items()},
            {k: tuple(v) for k, v in owned.items()},
        )

    def specific(self, organ: Organ) -> tuple[tuple[Anvisning, ...], tuple[Anvisning, ...]]:
        """Anvisningar for the organ's type, and those naming it (not already for its type)."""
        for_type = self.by_type.get(organ.typ, ())
        seen = {a.id for a in for_type}
        named = tuple(a for a in self.by_organ.get(organ.id, ()) if a.id not in seen)
        return for_type, named

    def applies_to(self, organ: Organ) -> list[Anvisning]:
        for_type, named = self.specific(organ)
        common = self.alla if organ.tillampar_programmet else ()
        return [*common, *for_type, *named]


def in_force(anvisningar: Iterable[Anvisning]) -> list[Anvisning]:
    return [a for a in anvisningar if a.gallande]


def drafts(anvisningar: Iterable[Anvisning]) -> list[Anvisning]:
    return [a for a in anvisningar if a.status == "utkast"]


def generate(pub: Publication, today: date) -> list[GeneratedPage]:
    applicability = Applicability.of(pub.anvisningar)
    pages = [fokusomrade_page(pub, f) for f in pub.fokusomraden]
    pages += [malomrade_page(pub, m) for m in pub.malomraden]
    pages.append(organ_index_page(pub, applicability))
    pages.append(samtliga_page(pub, applicability))
    pages += [organ_page(pub, applicability, o) for o in pub.organ]
    pages.append(nytt_och_andrat_page(pub))
    pages.append(ska_revideras_page(pub, today))
    pages.append(upphavda_page(pub))
    return pages


# Fokusområden and målområden ---------------------------------------------------------


@dataclass(frozen=True)
class FokusAnswer:
    """A fokusområde's anvisningar and the organ concerned: for its page and its JSON."""

    fokus: Fokusomrade
    anvisningar: tuple[Anvisning, ...]  # not repealed
    upphavda: tuple[Anvisning, ...]
    ansvariga: tuple[str, ...]  # organ ids owning the anvisningar
    for_alla: bool  # some anvisning applies to all nämnder and bolagsstyrelser
    organtyper: tuple[str, ...]
    organ: tuple[str, ...]  # organ named by the anvisningar


def fokus_answer(pub: Publication, fokus: Fokusomrade) -> FokusAnswer:
    anvisningar = [a for a in pub.anvisningar if fokus.id in a.fokusomraden]
    current = [a for a in anvisningar if a.status != "upphävd"]
    types = {t for a in current for t in a.galler_for.organtyper}

    def by_name(ids: set[str]) -> tuple[str, ...]:
        return tuple(sorted(ids, key=lambda o: _organ_sort(pub, o)))

    return FokusAnswer(
        fokus=fokus,
        anvisningar=tuple(current),
        upphavda=tuple(a for a in anvisningar if a.status == "upphävd"),
        ansvariga=by_name({a.ansvarig for a in current}),
        for_alla=any(a.galler_for.alla for a in current),
        organtyper=tuple(t for t in ORGANTYPER if t in types),
        organ=by_name({o for a in current for o in a.galler_for.organ}),
    )


def fokusomrade_page(pub: Publication, fokus: Fokusomrade) -> GeneratedPage:
    answer = fokus_answer(pub, fokus)
    sida = addresses.fokusomrade(fokus.id)
    malomraden = [m for m in map(pub.model.malomrade_med_id, fokus.malomraden) if m]
    mal_links = ", ".join(
        f"[{md(m.namn)}]({link(sida, addresses.malomrade(m.id))})" for m in malomraden
    )
    goals = "\n".join(f"- {md(goal)}" for goal in fokus.malsattningar)
    example = (
        "\n\n*Målsättningarna är exempeltext och inte programmets ordalydelse.*"
        if fokus.exempelinnehall
        else ""
    )
    parts = [
        f"# {md(fokus.namn)}",
        md(fokus.beskrivning),
        f"Fokusområdet har bäring på målområdena {mal_links}." if mal_links else "",
        f"## Målsättningar\n\n{goals}{example}",
    ]
    if pub.program and pub.program.kommunikation:
        parts.append(f"## Kommunikation\n\n{md(pub.program.kommunikation)}")
    parts.append(f"## Anvisningar\n\n{anvisningar_rows(pub, sida, answer.anvisningar)}")
    if answer.upphavda:
        parts.append(
            f"{len(answer.upphavda)} upphävda anvisningar inom fokusområdet finns under "
            f"[Upphävda anvisningar]({link(sida, addresses.UPPHAVDA)})."
        )
    parts.append(f"## Berörda organ\n\n{_organ_concerned(pub, sida, answer)}")
    return GeneratedPage(sida, fokus.namn, _page(fokus.namn, parts))


def _organ_concerned(pub: Publication, sida: str, answer: FokusAnswer) -> str:
    if not answer.anvisningar:
        return "*Inga anvisningar, och därför inga berörda organ.*"
    targets: list[str] = []
    if answer.for_alla:
        targets.append(f"[samtliga nämnder och bolagsstyrelser]({link(sida, addresses.SAMTLIGA)})")
    targets += [f"alla {ORGANTYPER[t].lower()}" for t in answer.organtyper]
    targets += [organ_link(pub, sida, o) or o for o in answer.organ]
    owners = ", ".join(organ_link(pub, sida, o) or o for o in answer.ansvariga)
    return (
        f"Ansvariga för anvisningarna: {owners}.\n\nAnvisningarna gäller för: {', '.join(targets)}."
    )


def _organ_sort(pub: Publication, organ_id: str) -> str:
    organ = pub.model.organ_med_id(organ_id)
    return svensk(organ.namn if organ else organ_id)


def malomrade_page(pub: Publication, malomrade: Malomrade) -> GeneratedPage:
    sida = addresses.malomrade(malomrade.id)
    parts = [f"# {md(malomrade.namn)}", md(malomrade.beskrivning)]
    if malomrade.karna:
        parts.append(
            "**Målområdet utgör kärnan i programmet:** allt i stadens trygghets- och "
            "säkerhetsarbete handlar, direkt eller indirekt, om det."
        )
    bearing = [f for f in pub.fokusomraden if malomrade.id in f.malomraden]
    parts.append("## Fokusområden med bäring på målområdet")
    if not bearing:
        parts.append("*Inga fokusområden har bäring på målområdet.*")
    for fokus in bearing:
        current = [
            a for a in pub.anvisningar if fokus.id in a.fokusomraden and a.status != "upphävd"
        ]
        items = "\n".join(f"- {anvisning_link(sida, a)} {status_badge(a.status)}" for a in current)
        parts.append(
            f"### [{md(fokus.namn)}]({link(sida, addresses.fokusomrade(fokus.id))})\n\n"
            + (items or "*Inga anvisningar.*")
        )
    return GeneratedPage(sida, malomrade.namn, _page(malomrade.namn, parts))


# Organ ---------------------------------------------------------------------------------


def organ_index_page(pub: Publication, applicability: Applicability) -> GeneratedPage:
    sida = addresses.ORGAN
    titel = "Vad gäller för oss?"
    common = len(in_force(applicability.alla))
    parts = [
        f"# {titel}",
        "Programmet gäller för samtliga nämnder och bolagsstyrelser. Välj din nämnd eller "
        "ditt bolag för att se vilka anvisningar som gäller och vilket ansvar ni har enligt "
        "programmet.",
        f"[{common} anvisningar gäller för samtliga nämnder och bolagsstyrelser]"
        f"({link(sida, addresses.SAMTLIGA)}).",
    ]
    for typ, rubrik in ORGANTYPER.items():
        members = [o for o in pub.organ if o.typ == typ]
        if members:
            items = "\n".join(
                f"- [{md(o.namn)}]({link(sida, addresses.organ(o.id))})" for o in members
            )
            parts.append(f"## {rubrik}\n\n{items}")
    return GeneratedPage(sida, titel, _page(titel, parts))


def samtliga_page(pub: Publication, applicability: Applicability) -> GeneratedPage:
    sida = addresses.SAMTLIGA
    titel = "Gäller för samtliga nämnder och bolagsstyrelser"
    parts = [
        f"# {titel}",
        "De här anvisningarna gäller för alla nämnder och bolagsstyrelser. Nämnder och "
        "bolagsstyrelser ansvarar för att hålla sig uppdaterade om gällande anvisningar och "
        "för att följa dem. Vad som gäller särskilt för en viss nämnd eller ett visst bolag "
        f"finns under [Vad gäller för oss?]({link(sida, addresses.ORGAN)})",
        f"## Gällande anvisningar\n\n{anvisningar_rows(pub, sida, in_force(applicability.alla))}",
    ]
    upcoming = drafts(applicability.alla)
    if upcoming:
        parts.append(f"## Under arbete\n\n{anvisningar_rows(pub, sida, upcoming)}")
    return GeneratedPage(sida, titel, _page(titel, parts))


@dataclass(frozen=True)
class OrganAnswer:
    """What applies to one organ: the same answer for its page and its JSON document."""

    organ: Organ
    uppgifter: tuple[str, ...]
    samtliga: tuple[Anvisning, ...]  # in force for all nämnder and bolagsstyrelser
    for_typ: tuple[Anvisning, ...]  # in force for the organ's type
    sarskilt: tuple[Anvisning, ...]  # in force and naming the organ
    ansvarar_for: tuple[Anvisning, ...]  # owned by the organ, not repealed
    under_arbete: tuple[Anvisning, ...]  # drafts that will apply to it


def organ_answer(pub: Publication, applicability: Applicability, organ: Organ) -> OrganAnswer:
    for_type, named = applicability.specific(organ)
    return OrganAnswer(
        organ=organ,
        uppgifter=pub.program.uppgifter_for(organ) if pub.program else (),
        samtliga=tuple(in_force(applicability.alla)) if organ.tillampar_programmet else (),
        for_typ=tuple(in_force(for_type)),
        sarskilt=tuple(in_force(named)),
        ansvarar_for=tuple(
            a for a in applicability.owned.get(organ.id, ()) if a.status != "upphävd"
        ),
        under_arbete=tuple(drafts(applicability.applies_to(organ))),
    )


def organ_page(pub: Publication, applicability: Applicability, organ: Organ) -> GeneratedPage:
    answer = organ_answer(pub, applicability, organ)
    sida = addresses.organ(organ.id)
    titel = f"Vad gäller för {organ.namn}?"
    parts = [f"# {md(titel)}", _organ_facts(pub, sida, organ)]
    if answer.uppgifter:
        items = "\n".join(f"- {md(task)}" for task in answer.uppgifter)
        parts.append(f"## Ansvar enligt programmet\n\n{items}")
    parts.append("## Anvisningar som gäller")
    if organ.tillampar_programmet:
        parts.append(
            f"### För samtliga nämnder och bolagsstyrelser\n\n"
            f"{len(answer.samtliga)} anvisningar gäller för alla nämnder och bolagsstyrelser, också för "
            f"{md(organ.namn)}: [se listan]({link(sida, addresses.SAMTLIGA)})."
        )
    if answer.for_typ:
        parts.append(
            f"### För alla {md(ORGANTYPER[organ.typ].lower())}\n\n"
            + anvisningar_rows(pub, sida, answer.for_typ)
        )
    if answer.sarskilt:
        parts.append(
            f"### Särskilt för {md(organ.namn)}\n\n" + anvisningar_rows(pub, sida, answer.sarskilt)
        )
    if not organ.tillampar_programmet and not (answer.for_typ or answer.sarskilt):
        parts.append(
            "Programmet och anvisningarna riktar sig till nämnder och bolagsstyrelser; "
            "inga anvisningar riktar sig särskilt hit."
        )
    if answer.ansvarar_for:
        parts.append(
            f"## Anvisningar som {md(organ.namn)} ansvarar för\n\n"
            + anvisningar_rows(pub, sida, answer.ansvarar_for)
        )
    if answer.under_arbete:
        parts.append("## Under arbete\n\n" + anvisningar_rows(pub, sida, answer.under_arbete))
    return GeneratedPage(sida, titel, _page(titel, parts))


def _organ_facts(pub: Publication, sida: str, organ: Organ) -> str:
    rows = [_TYPE_SINGULAR[organ.typ]]
    if organ.forvaltning:
        rows.append(f"Förvaltning: {md(organ.forvaltning)}")
    if organ.moderbolag:
        rows.append(f"Moderbolag: {organ_link(pub, sida, organ.moderbolag)}")
    if organ.underordnat:
        rows.append(f"Lyder under: {organ_link(pub, sida, organ.underordnat)}")
    text = " · ".join(rows)
    if organ.beskrivning:
        text += f"\n\n{md(organ.beskrivning)}"
    return text


_TYPE_SINGULAR = {
    "kommunfullmäktige": "Kommunens högsta beslutande organ",
    "kommunstyrelse": "Kommunstyrelse",
    "stadsdelsnämnd": "Stadsdelsnämnd",
    "facknämnd": "Facknämnd",
    "bolagsstyrelse": "Bolagsstyrelse",
    "förvaltning": "Kontor",
}


# Lifecycle -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Event:
    """A decision about an anvisning: for "Nytt och ändrat" and the Atom feed."""

    datum: date
    handelse: str
    anvisning: Anvisning

    @property
    def slug(self) -> str:
        return f"{self.datum.isoformat()}-{'upphavd' if self.handelse == 'Upphävd' else f'v{self.anvisning.version}'}"


def events(pub: Publication) -> list[Event]:
    """Decisions (new anvisningar, new versions) and repeals, newest first."""
    found: list[Event] = []
    for a in pub.anvisningar:
        if a.beslutsdatum:
            what = "Ny anvisning beslutad" if a.version == 1 else f"Version {a.version} beslutad"
            found.append(Event(a.beslutsdatum, what, a))
        if a.upphavd_datum:
            found.append(Event(a.upphavd_datum, "Upphävd", a))
    return sorted(found, key=lambda e: (e.datum, e.anvisning.id, e.handelse), reverse=True)


def nytt_och_andrat_page(pub: Publication) -> GeneratedPage:
    sida = addresses.NYTT_OCH_ANDRAT
    titel = "Nytt och ändrat"
    rows = [
        (
            e.datum.isoformat(),
            e.handelse,
            anvisning_link(sida, e.anvisning),
            status_badge(e.anvisning.status),
        )
        for e in events(pub)[:RECENT_EVENTS]
    ]
    feed = link(sida, addresses.ANDRINGAR_ATOM)
    parts = [
        f"# {titel}",
        f"De senaste {RECENT_EVENTS} besluten om anvisningar, nyast först: nya anvisningar, "
        "nya versioner och anvisningar som har upphävts. Samma ändringar finns som "
        f"[Atom-flöde]({feed}) för den som vill följa dem i en flödesläsare.",
        table(("Datum", "Händelse", "Anvisning", "Status nu"), rows)
        if rows
        else "*Inga beslut ännu.*",
    ]
    return GeneratedPage(sida, titel, _page(titel, parts))


def ska_revideras_page(pub: Publication, today: date) -> GeneratedPage:
    sida = addresses.SKA_REVIDERAS
    titel = "Ska revideras"
    due = sorted(
        (a for a in pub.anvisningar if a.gallande and a.revideras_senast),
        key=lambda a: (a.revideras_senast, a.id),
    )
    passed = [a for a in due if a.revideras_senast < today]
    soon = [a for a in due if today <= a.revideras_senast <= today + REVIEW_WINDOW]
    parts = [
        f"# {titel}",
        f"Anvisningar vars sista dag för översyn har passerat eller infaller inom "
        f"{REVIEW_WINDOW.days} dagar, räknat från {today.isoformat()} då sidan byggdes.",
        f"## Revideringsdatum har passerat\n\n{anvisningar_rows(pub, sida, passed)}",
        f"## Ska revideras inom {REVIEW_WINDOW.days} dagar\n\n{anvisningar_rows(pub, sida, soon)}",
    ]
    return GeneratedPage(sida, titel, _page(titel, parts))


def upphavda_page(pub: Publication) -> GeneratedPage:
    sida = addresses.UPPHAVDA
    titel = "Upphävda anvisningar"
    rows = []
    for a in sorted(
        (a for a in pub.anvisningar if a.status == "upphävd"),
        key=lambda a: (a.upphavd_datum or date.min, a.id),
        reverse=True,
    ):
        newer = pub.model.anvisning_ersatt_av(a.id)
        replacement = pub.model.anvisning_med_id(newer) if newer else None
        rows.append(
            (
                anvisning_link(sida, a),
                iso(a.upphavd_datum) or "–",
                anvisning_link(sida, replacement) if replacement else "–",
            )
        )
    parts = [
        f"# {titel}",
        "Anvisningarna nedan gäller inte längre. De finns kvar för att beslut och hänvisningar "
        "ska gå att följa i efterhand.",
        table(("Anvisning", "Upphävd", "Ersatt av"), rows)
        if rows
        else "*Inga upphävda anvisningar.*",
    ]
    return GeneratedPage(sida, titel, _page(titel, parts))


def _page(titel: str, parts: list[str]) -> str:
    return front_matter(titel, LISTING_BOOST) + "\n\n".join(p for p in parts if p) + "\n"
