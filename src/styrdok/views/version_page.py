"""The page of an earlier version of an anvisning (docs/anvisningar/<id>/version-<n>.md
→ anvisningar/<id>/version-<n>/): what applied then, marked so that it cannot be taken
for the rule in force.

It is built like the anvisning's page: a head (title with the version, a notice of
what the version is on the reference date, the metadata as the version had it), the
version's text between the same markers (the adapter takes it out for the JSON), and a
foot with every version. A version published as metadata only has no text and says so
as a skyddad anvisning's page does.
"""

from __future__ import annotations

import itertools
from datetime import date

from styrdok.core.giltighet import Versionsperiod
from styrdok.core.model import Anvisning
from styrdok.select import Publication
from styrdok.views.anvisning_page import TEXT_END, TEXT_START, anvisning_fakta, innehall_notices
from styrdok.views.markdown import md, page_link, status_badge
from styrdok.views.versions import version_titel, versioner_avsnitt

# The version's own state on the reference date, as a badge with the site's colours.
_BADGE = {
    "gallande": ("gällande", "Gäller"),
    "slut": ("upphävd", "Gäller inte längre"),
    "aldrig": ("upphävd", "Gällde aldrig"),
    "kommande": ("beslutad", "Beslutad, gäller ännu inte"),
    "ej-beslutad": ("utkast", "Inte beslutad"),
}


def version_sida(pub: Publication, version: Anvisning) -> str:
    """The whole Markdown of an earlier version's page."""
    anvisning = _anvisning_of(pub, version)
    return (
        f"{version_sidhuvud(pub, anvisning, version)}\n{TEXT_START}\n\n{version.text}\n\n"
        f"{TEXT_END}\n\n{versioner_avsnitt(pub, anvisning, version.sida)}\n"
    )


def _anvisning_of(pub: Publication, version: Anvisning) -> Anvisning:
    anvisning = pub.model.anvisning_med_id(version.id)
    # Selection publishes a version no more openly than the anvisning: it is there.
    assert anvisning is not None, f"version {version.sida} utan publicerad anvisning"
    return anvisning


def _period(pub: Publication, anvisning: Anvisning, version: Anvisning) -> Versionsperiod:
    return next(p for p in pub.giltighet(anvisning).perioder if p.version == version.version)


def _state(period: Versionsperiod, pub: Publication) -> str:
    dag = pub.dag
    if period.omfattar(dag):
        return "gallande"
    if period.fran is None:
        return "ej-beslutad"
    if period.tom:
        return "aldrig"
    if period.fran > dag:
        return "kommande"
    return "slut"


def version_sidhuvud(pub: Publication, anvisning: Anvisning, version: Anvisning) -> str:
    """Title, the notice of what this version is on the reference date, the metadata."""
    period = _period(pub, anvisning, version)
    state = _state(period, pub)
    status, label = _BADGE[state]
    parts = [f"# {md(version_titel(version))}", f"*{md(version.sammanfattning)}*"]
    parts.append(_notice(pub, anvisning, version, period, state))
    parts.extend(innehall_notices(version))
    till = period.till if state in ("slut", "gallande") else None
    parts.append(
        anvisning_fakta(pub, version, status_badge(status, {status: label}), till, tidigare=True)
    )
    return "\n\n".join(parts) + "\n"


def _notice(
    pub: Publication, anvisning: Anvisning, version: Anvisning, period: Versionsperiod, state: str
) -> str:
    """The first thing on the page: whether this version applies on the reference date,
    and which one does."""
    n, dag, fran = version.version, pub.dag, version.sida
    g = pub.giltighet(anvisning)
    if state == "gallande":
        newer = _next(pub, anvisning, period)
        return (
            f'!!! info "Version {n} gäller {dag}"\n'
            f"    Version {n} är den version som gäller {dag}. {_why_still(fran, dag, newer)}"
        )
    if g.gallande is not None:
        now = page_link(fran, g.gallande.anvisning.sida, f"version {g.gallande.version}")
        in_force = f"Gällande version är {now}."
    elif g.dold is not None:
        in_force = f"Den {dag} gäller version {g.dold}, som inte publiceras här."
    elif g.upphavd:
        when = f" sedan {anvisning.upphavd_datum}" if anvisning.upphavd_datum else ""
        link = page_link(fran, anvisning.sida, "anvisningens sida")
        in_force = f"Anvisningen är upphävd{when}; se {link}."
    else:
        in_force = f"Ingen version gäller {dag}; se {page_link(fran, anvisning.sida, 'anvisningens sida')}."
    if state == "slut":
        return (
            f'!!! danger "Version {n} gäller inte längre"\n'
            f"    Den gällde {period.fran} – {period.till}. {in_force}"
        )
    if state == "aldrig":
        return (
            f'!!! danger "Version {n} gällde aldrig"\n'
            f"    Version {n} beslutades att gälla från {period.fran}, men ersattes eller upphävdes innan dess. "
            f"{in_force}"
        )
    if state == "kommande":
        return (
            f'!!! info "Version {n} gäller ännu inte"\n'
            f"    Version {n} är beslutad och gäller från {period.fran}. Den gällde inte {dag}. "
            f"{in_force}"
        )
    return f'!!! note "Version {n} var inte beslutad {dag}"\n    {in_force}'


def _next(pub: Publication, anvisning: Anvisning, period: Versionsperiod) -> Versionsperiod | None:
    for before, after in itertools.pairwise(pub.giltighet(anvisning).perioder):
        if before is period:
            return after
    return None


def _why_still(fran: str, dag: date, newer: Versionsperiod | None) -> str:
    """Why an earlier version still applies: the newer one is a draft, or applies later."""
    if newer is None:
        return ""
    link = page_link(fran, newer.anvisning.sida, f"Version {newer.version}")
    if newer.fran is None and newer.anvisning.utkast:
        return f"{link} är ett utkast och har inte beslutats."
    if newer.fran is None:
        return f"{link} var inte beslutad {dag}."
    return f"{link} är beslutad och gäller från {newer.fran}."
