"""What changed in a version of an anvisning from the version before it: a page of its
own, anvisningar/<id>/version-<n>/andringar/, for every version with a published
predecessor, the anvisning's own version included.

A page of its own rather than a section of the version's page: the version's page
holds its text alone, as the JSON takes it, and the current version has no version
page; the address below version-<n>/ stays the same when that version is later kept as
an earlier one, so a link to the changes of a version never breaks.

Only published texts are compared, so the page shows nothing the audience could not
read on the two versions' pages; where either is published as metadata only there is
no page (the versions table says "Texten är skyddad").
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from styrdok.core.giltighet import Versionsperiod
from styrdok.core.model import Anvisning
from styrdok.select import Publication
from styrdok.views import textdiff
from styrdok.views.anvisning_page import beslut, lagar
from styrdok.views.blocks import GeneratedPage, fokus_links, galler_for_text, organ_ref
from styrdok.views.markdown import front_matter, iso, md, page_link, table, unsearched_heading
from styrdok.views.versions import (
    VERSION_BOOST,
    andringar_sida,
    jamforbar,
    period_text,
)

LEGEND = (
    "Borttagen text är överstruken och markerad med rött, tillagd text är understruken och "
    "markerad med grönt. Jämförelsen gäller den publicerade texten; formatering och "
    "länkadresser jämförs inte."
)


def generate(pub: Publication) -> list[GeneratedPage]:
    """A page of changes for each version whose text and its predecessor's are published."""
    pages = []
    for anvisning in pub.anvisningar:
        for before, after in itertools.pairwise(pub.giltighet(anvisning).perioder):
            if jamforbar(pub, before.anvisning, after.anvisning):
                pages.append(andringar_page(pub, anvisning, before, after))
    return pages


def andringar_page(
    pub: Publication, anvisning: Anvisning, before: Versionsperiod, after: Versionsperiod
) -> GeneratedPage:
    sida = andringar_sida(anvisning, after)
    old, new = before.anvisning, after.anvisning
    titel = f"{new.titel}: ändringar i version {new.version}"
    dag = pub.dag
    intro = (
        f"Här jämförs {page_link(sida, old.sida, f'version {old.version}')} "
        f"({period_text(before, dag)}) med {page_link(sida, new.sida, f'version {new.version}')} "
        f"({period_text(after, dag)}). "
        f"Till {page_link(sida, anvisning.sida, 'anvisningens sida')}, som listar alla versioner."
    )
    comparison = textdiff.jamfor(old.text, new.text)
    parts = [
        f"# Ändringar i version {new.version}",
        f"*{md(new.titel)}*",
        intro,
        f"## Uppgifter som ändrades\n\n{_metadata(pub, sida, old, new)}",
        # Left out of the search index: both versions' text, which their pages hold.
        f"{unsearched_heading('Texten')}\n\n{LEGEND}\n\n{_summary(comparison)}\n\n{textdiff.html(comparison)}",
    ]
    text = front_matter(titel, VERSION_BOOST) + "\n\n".join(parts) + "\n"
    return GeneratedPage(sida, titel, text)


def _fields(pub: Publication, sida: str) -> list[tuple[str, Callable[[Anvisning], str | None]]]:
    """The fields a reader compares, each as the page would show it (names, not ids)."""
    return [
        ("Titel", lambda a: md(a.titel)),
        ("Sammanfattning", lambda a: md(a.sammanfattning)),
        ("Gäller för", lambda a: galler_for_text(pub, sida, a.galler_for)),
        ("Fokusområden", lambda a: fokus_links(pub, sida, a.fokusomraden) or None),
        ("Ansvarig", lambda a: organ_ref(pub, sida, a.ansvarig)),
        ("Rättslig grund", lambda a: lagar(pub, a.rattslig_grund)),
        ("Beslutad", lambda a: beslut(pub, a)),
        ("Giltig från", lambda a: iso(a.giltig_fran)),
        ("Revideras senast", lambda a: iso(a.revideras_senast)),
        ("Diarienummer", lambda a: md(a.diarienummer) if a.diarienummer else None),
    ]


def _metadata(pub: Publication, sida: str, old: Anvisning, new: Anvisning) -> str:
    rows = []
    for label, shown in _fields(pub, sida):
        before, after = shown(old), shown(new)
        if before != after:
            rows.append((label, before or "–", after or "–"))
    if not rows:
        return "Inga av anvisningens uppgifter ändrades."
    header = ("Uppgift", f"Före (version {old.version})", f"Efter (version {new.version})")
    return table(header, rows)


def _summary(comparison: textdiff.Jamforelse) -> str:
    if comparison.oforandrad:
        return "Texten är oförändrad."
    counts = [
        (comparison.antal(textdiff.Andring.ANDRAD), "ändrat", "ändrade"),
        (comparison.antal(textdiff.Andring.TILLAGD), "tillagt", "tillagda"),
        (comparison.antal(textdiff.Andring.BORTTAGEN), "borttaget", "borttagna"),
    ]
    said = [f"{n} {one if n == 1 else many}" for n, one, many in counts if n]
    return f"Stycken: {', '.join(said)}."
