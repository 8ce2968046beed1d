"""An anvisning's versions as readers see them: each published version with the days it
applied (`core.giltighet.perioder`, decided for the reference date), which one applies
on that day, and where its page and the page of its changes are.

The table is on the anvisning's page and on the page of each earlier version, so from
any version a reader reaches every other one.
"""

from __future__ import annotations

from datetime import date

from styrdok.core import addresses
from styrdok.core.giltighet import Tillstand, Versionsperiod
from styrdok.core.model import Anvisning
from styrdok.select import Publication, visning
from styrdok.views.blocks import LISTING_BOOST
from styrdok.views.markdown import page_link, table, unsearched_heading
from styrdok.views.wording import GALLDE_ALDRIG

# An earlier version, and what changed in a version, should not be the first search hit
# for what an anvisning says: below the anvisning and below the listings.
VERSION_BOOST = LISTING_BOOST / 2

SKYDDAD_TEXT = "Texten är skyddad"
# Why the texts of versions before the oldest shown are not here, on a site that cannot
# tell a version never kept from one withheld (`alla_versioner_visas`).
PUBLICERAS_INTE = "publiceras inte här"


def alla_versioner_visas(pub: Publication) -> bool:
    """Whether the audience gets every kept version in some form (the intranet: skyddad
    ones as metadata), so that a version missing here was never kept in the source. Any
    other audience must not be told which of the two it is."""
    return visning("skyddad", pub.malgrupp) is not None


def version_titel(version: Anvisning) -> str:
    """The title of an earlier version's page: "Anvisning för krisledning, version 1"."""
    return f"{version.titel}, version {version.version}"


def period_text(period: Versionsperiod, dag: date) -> str:
    """When a version applies: "2017-01-01 – 2019-05-31" (the last day included), "från
    2019-06-01, tills vidare", or why it does not apply."""
    fran, till = period.fran, period.till
    if fran is None:
        return "utkast, inte beslutad" if period.anvisning.utkast else f"inte beslutad {dag}"
    if period.tom:
        return f"beslutad att gälla från {fran}, men {GALLDE_ALDRIG}"
    if fran > dag:
        return f"beslutad, gäller från {fran}" + (f" till och med {till}" if till else "")
    if till is None:
        return f"från {fran}, tills vidare"
    return f"{fran} – {till}"


def jamforbar(pub: Publication, fore: Anvisning, efter: Anvisning) -> bool:
    """Whether the audience may read both texts, so that their difference may be shown:
    a version published as metadata only has no text to compare."""
    return fore.sida not in pub.bara_metadata and efter.sida not in pub.bara_metadata


def andringar_sida(anvisning: Anvisning, period: Versionsperiod) -> str:
    return addresses.andringar(anvisning.id, period.version)


def versioner_avsnitt(pub: Publication, anvisning: Anvisning, fran: str) -> str:
    """The section "Versioner" for page `fran` (the anvisning's or an earlier version's)."""
    periods = pub.giltighet(anvisning).perioder
    dag = pub.dag
    rows = []
    for index, period in enumerate(periods):
        rows.append(
            (
                _version_cell(anvisning, period, fran),
                period_text(period, dag),
                "**Gäller**" if period.omfattar(dag) else "–",
                _changes_cell(pub, anvisning, periods, index, fran),
            )
        )
    header = ("Version", "Giltighetstid", f"Den {dag}", "Ändringar")
    # Left out of the search index: dates and version numbers, the same words on every
    # page, and each version has a page of its own that search finds.
    parts = [unsearched_heading("Versioner"), _lead(pub, anvisning), table(header, rows)]
    missing = _missing_note(pub, periods[0].version if periods else anvisning.version)
    if missing:
        parts.append(missing)
    return "\n\n".join(parts)


def _version_cell(anvisning: Anvisning, period: Versionsperiod, fran: str) -> str:
    version = period.anvisning
    if version.sida == fran:
        return f"Version {period.version} (den här sidan)"
    if version.version == anvisning.version:
        return page_link(fran, anvisning.sida, f"Version {period.version} (nuvarande)")
    return page_link(fran, version.sida, f"Version {period.version}")


def _changes_cell(
    pub: Publication,
    anvisning: Anvisning,
    periods: tuple[Versionsperiod, ...],
    index: int,
    fran: str,
) -> str:
    if index == 0:
        return "–"
    before, after = periods[index - 1], periods[index]
    if not jamforbar(pub, before.anvisning, after.anvisning):
        return SKYDDAD_TEXT
    target = andringar_sida(anvisning, after)
    return page_link(fran, target, f"Ändringar från version {before.version}")


def _lead(pub: Publication, anvisning: Anvisning) -> str:
    g = pub.giltighet(anvisning)
    dag = pub.dag
    if g.gallande is not None:
        return f"Den {dag} gäller version {g.gallande.version}."
    if g.dold is not None:
        return f"Den {dag} gäller version {g.dold}, som inte publiceras här."
    if g.tillstand is Tillstand.UPPHAVD:
        return f"Den {dag} gäller ingen version: anvisningen är upphävd."
    if g.tillstand is Tillstand.KOMMANDE and g.kommande and g.kommande.fran:
        return (
            f"Den {dag} gäller ingen version ännu: version {g.kommande.version} gäller "
            f"från {g.kommande.fran}."
        )
    return f"Den {dag} gäller ingen version: anvisningen har inte beslutats."


def _missing_note(pub: Publication, oldest: int) -> str | None:
    """Why the versions before the oldest shown have no page: never kept, where the
    audience would see every kept version; otherwise only that they are not shown here,
    which is true either way and says nothing about a withheld version."""
    if oldest <= 1:
        return None
    earlier = "version 1" if oldest == 2 else f"version 1–{oldest - 1}"
    if alla_versioner_visas(pub):
        return f"Texterna till {earlier} sparades inte när anvisningen ändrades."
    return f"Texterna till {earlier} {PUBLICERAS_INTE}."
