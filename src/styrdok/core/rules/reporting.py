"""Rules over each year's follow-up (data/uppfoljning/<år>.yml).

The programme asks every nämnd and bolagsstyrelse for a yearly risk- och lägesbild, so
a year lists each body it applies to exactly once, and no other; a report that came in
late says why; once the deadline has passed, each body that has not reported is a
warning; and a report about what must be protected is not open to everyone. Unknown
organ and fokusområden are the linker's (`okant-organ`, `okant-fokusomrade`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

from styrdok.core.messages import problem
from styrdok.core.model import Model, Rapport, Uppfoljningsar
from styrdok.core.problems import Problem

YearRule = Callable[[Model, Uppfoljningsar, date], Iterator[Problem]]

# The texts `styrdok ny lagesbild` writes for the editor to replace: a report that
# still holds one would publish it as what the body reported.
PLATSHALLARE_TITEL = "Skriv vad risken gäller, kort"
PLATSHALLARE_ATGARDER = "Skriv vad organet har gjort eller gör för att minska risken"
PLATSHALLARE_NOTERING = "Skriv varför rapporten kom in efter sista dagen"


def missing(model: Model, year: Uppfoljningsar, today: date) -> Iterator[Problem]:
    listed = {r.organ for r in year.rapporter}
    for organ in model.organ:
        if organ.rapporterar(year.ar) and organ.id not in listed:
            yield problem(
                "rapport-saknas",
                year.kalla.fil,
                year.kalla.plats("rapporter"),
                namn=organ.namn,
                id=organ.id,
                ar=year.ar,
            )


def listed_twice(model: Model, year: Uppfoljningsar, today: date) -> Iterator[Problem]:
    first: dict[str, Rapport] = {}
    for rapport in year.rapporter:
        earlier = first.setdefault(rapport.organ, rapport)
        if earlier is not rapport:
            yield problem(
                "rapport-dubblett",
                rapport.kalla.fil,
                rapport.kalla.plats("organ"),
                namn=model.organ_namn(rapport.organ),
                id=rapport.organ,
                ar=year.ar,
                rad=earlier.kalla.plats("organ").line,
            )


def not_applying(model: Model, year: Uppfoljningsar, today: date) -> Iterator[Problem]:
    for rapport in year.rapporter:
        organ = model.organ_med_id(rapport.organ)
        if organ is None:
            continue
        if not organ.tillampar_programmet:
            yield problem(
                "rapport-fel-organ",
                rapport.kalla.fil,
                rapport.kalla.plats("organ"),
                namn=organ.namn,
                id=organ.id,
                typ=organ.typ,
            )
        elif not organ.rapporterar(year.ar):
            yield problem(
                "rapport-utanfor-ar",
                rapport.kalla.fil,
                rapport.kalla.plats("organ"),
                namn=organ.namn,
                ar=year.ar,
                ar_text=_years(organ.rapporterar_fran, organ.rapporterar_till),
            )


def _years(fran: int | None, till: int | None) -> str:
    if fran and till:
        return f"bara för {fran}–{till}"
    return f"från och med {fran}" if fran else f"till och med {till}"


def placeholders_left(model: Model, year: Uppfoljningsar, today: date) -> Iterator[Problem]:
    for rapport in year.rapporter:
        found = [("notering", rapport.notering)] if rapport.notering else []
        for index, risk in enumerate(rapport.risker):
            found += [(f"risker[{index}].titel", risk.titel)]
            found += [(f"risker[{index}].atgarder", risk.atgarder)]
        for field, text in found:
            if text.strip() in (PLATSHALLARE_TITEL, PLATSHALLARE_ATGARDER, PLATSHALLARE_NOTERING):
                yield problem(
                    "platshallare-kvar",
                    rapport.kalla.fil,
                    rapport.kalla.plats(field),
                    namn=model.organ_namn(rapport.organ),
                    falt=field,
                )


def dates_outside_the_year(model: Model, year: Uppfoljningsar, today: date) -> Iterator[Problem]:
    """A year's deadline falls in the year or the next, and no report about the year
    came in before it began: a date outside is a slip, and a deadline years ahead
    would silence every late report."""
    if not year.ar <= year.sista_dag.year <= year.ar + 1:
        yield problem(
            "sista-dag-utanfor",
            year.kalla.fil,
            year.kalla.plats("sista_dag"),
            sista_dag=year.sista_dag.isoformat(),
            ar=year.ar,
            nasta=year.ar + 1,
        )
    start = date(year.ar, 1, 1)
    for rapport in year.rapporter:
        came = rapport.inlamnad_datum
        if came is not None and came < start:
            yield problem(
                "inlamnad-fore-aret",
                rapport.kalla.fil,
                rapport.kalla.plats("inlamnad_datum"),
                namn=model.organ_namn(rapport.organ),
                datum=came.isoformat(),
                ar=year.ar,
            )


def late_without_note(model: Model, year: Uppfoljningsar, today: date) -> Iterator[Problem]:
    for rapport in year.rapporter:
        came = rapport.inlamnad_datum
        if rapport.inlamnad and came and came > year.sista_dag and not rapport.notering:
            yield problem(
                "sen-rapport",
                rapport.kalla.fil,
                rapport.kalla.plats("inlamnad_datum"),
                namn=model.organ_namn(rapport.organ),
                datum=came.isoformat(),
                sista_dag=year.sista_dag.isoformat(),
            )


def not_submitted(model: Model, year: Uppfoljningsar, today: date) -> Iterator[Problem]:
    if not year.passerad(today):
        return
    for rapport in year.rapporter:
        organ = model.organ_med_id(rapport.organ)
        if not rapport.inlamnad and organ is not None and organ.rapporterar(year.ar):
            yield problem(
                "rapport-ej-inlamnad",
                rapport.kalla.fil,
                rapport.kalla.plats("inlamnad"),
                namn=organ.namn,
                id=organ.id,
                ar=year.ar,
                sista_dag=year.sista_dag.isoformat(),
            )


def sensitive_but_open(model: Model, year: Uppfoljningsar, today: date) -> Iterator[Problem]:
    """A report with risks in a fokusområde about säkerhetsskydd must not be öppen."""
    for rapport in year.rapporter:
        if rapport.atkomst != "öppen":
            continue
        ids = (f for risk in rapport.risker for f in risk.fokusomraden)
        sensitive = sorted(f.namn for f in model.skyddsvarda_fokusomraden(ids))
        if sensitive:
            yield problem(
                "skyddsvard-rapport-oppen",
                rapport.kalla.fil,
                rapport.kalla.plats("atkomst"),
                namn=model.organ_namn(rapport.organ),
                skal="fokusområdet " + ", ".join(sensitive),
            )


RULES: tuple[YearRule, ...] = (
    missing,
    dates_outside_the_year,
    listed_twice,
    not_applying,
    late_without_note,
    not_submitted,
    sensitive_but_open,
    placeholders_left,
)


def years_in_order(model: Model) -> Iterator[Problem]:
    """A body cannot stop reporting before it starts."""
    for organ in model.organ:
        fran, till = organ.rapporterar_fran, organ.rapporterar_till
        if fran is not None and till is not None and till < fran:
            yield problem(
                "rapporterar-ordning",
                organ.kalla.fil,
                organ.kalla.plats("rapporterar_till"),
                namn=organ.namn,
                fran=fran,
                till=till,
            )


def check_reporting(model: Model, today: date) -> list[Problem]:
    return [
        *years_in_order(model),
        *(
            found
            for year in model.uppfoljning
            for rule in RULES
            for found in rule(model, year, today)
        ),
    ]
