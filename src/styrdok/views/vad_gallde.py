"""The page "Vad gällde den …?": what was in force on a day the reader picks.

The page works without a server. In the reader's browser gallde.js reads tidslinje.json
(`views.tidslinje`) and answers for the date and organ chosen; without JavaScript, and
on paper, the page holds the same record as a table of every version of every
anvisning with its interval and whom it applied to, so the answer can still be read.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from styrdok.core import addresses
from styrdok.core.giltighet import Versionsperiod
from styrdok.core.model import Anvisning
from styrdok.select import Publication
from styrdok.views.blocks import GeneratedPage, galler_for_text, generated_page
from styrdok.views.markdown import href, iso, md, page_link, table
from styrdok.views.queries import versionsperioder
from styrdok.views.urls import TIDSLINJE, api_path, sidadress
from styrdok.views.versions import PUBLICERAS_INTE, alla_versioner_visas
from styrdok.views.wording import GALLDE_ALDRIG, versal

TITEL = "Vad gällde den …?"
# The page's container, as gallde.js finds it: the address of tidslinje.json relative to
# the page is its data-tidslinje.
CONTAINER_CLASS = "sd-gallde"


def json_href() -> str:
    """tidslinje.json relative to the page as it is served (a folder with directory URLs)."""
    page = sidadress(addresses.VAD_GALLDE)
    return posixpath.relpath(api_path(TIDSLINJE), page.rstrip("/"))


def link_to(fran: str, organ_id: str | None = None) -> str:
    """A Markdown link to the page from page `fran`, with the organ chosen if given."""
    target = href(fran, addresses.VAD_GALLDE)
    query = f"?organ={organ_id}" if organ_id else ""
    return f"[{md(TITEL)}]({target}{query})"


def vad_gallde_page(pub: Publication) -> GeneratedPage:
    sida = addresses.VAD_GALLDE
    record = [(a, versionsperioder(pub, a)) for a in pub.anvisningar]
    record = [(a, periods) for a, periods in record if periods]
    parts = [
        f"# {md(TITEL)}",
        "Välj ett datum, och om du vill ett organ, så visas vilka anvisningar som gällde "
        "den dagen och i vilken version. Svaret bygger på besluten och datumen i "
        f"anvisningarna; uppgifterna gäller per {pub.dag.isoformat()}. En version räknas "
        "från den dag den beslutades: en dag före beslutet gällde den inte ännu. För ett "
        "organ räknas det som versionen själv säger om vilka den gällde för.",
        f'<div class="{CONTAINER_CLASS}" data-tidslinje="{json_href()}" markdown>\n\n'
        "Läs i tabellen nedan vilken version av varje anvisning som gällde ett visst datum. "
        "(Med JavaScript påslaget kan du välja datum och organ här.)\n\n</div>",
        "## Alla versioner",
        "Varje version av varje anvisning, med dagarna den gällde och vilka den gällde "
        "för. En version gäller från och med den första dagen till och med den sista.",
        _table(pub, sida, record),
        _unkept(pub, sida, record),
        "Samma uppgifter finns som JSON för andra system: "
        f'<a href="{json_href()}">{api_path(TIDSLINJE)}</a>. Varje anvisnings versioner '
        "beskrivs också på anvisningens egen sida.",
    ]
    return generated_page(sida, TITEL, parts)


def _table(
    pub: Publication, sida: str, record: Iterable[tuple[Anvisning, tuple[Versionsperiod, ...]]]
) -> str:
    rows = [
        (
            page_link(sida, p.anvisning.sida, p.anvisning.titel),
            _version(a, p),
            iso(p.anvisning.beslutsdatum) or "–",
            *_interval(p),
            galler_for_text(pub, sida, p.anvisning.galler_for),
        )
        for a, periods in record
        for p in periods
    ]
    if not rows:
        return "*Ingen anvisning har beslutats ännu.*"
    header = ("Anvisning", "Version", "Beslutad", "Gällde från", "Till och med", "Gällde för")
    return table(header, rows)


def _version(anvisning: Anvisning, period: Versionsperiod) -> str:
    if period.version == anvisning.version:
        return f"{period.version} (nuvarande)"
    return str(period.version)


def _interval(period: Versionsperiod) -> tuple[str, str]:
    if period.tom:
        return "–", versal(GALLDE_ALDRIG)
    return iso(period.fran) or "–", iso(period.till) or "tills vidare"


def _unkept(
    pub: Publication, sida: str, record: Iterable[tuple[Anvisning, tuple[Versionsperiod, ...]]]
) -> str:
    """Anvisningar whose first versions are not here: what applied before the oldest kept
    one cannot be read on this site, and the reader must be told so."""
    items = [
        f"- {page_link(sida, a.sida, a.titel)}: versionerna före version {periods[0].version} "
        f"finns inte här, så vad som gällde före {iso(periods[0].fran)} går inte att läsa här."
        for a, periods in record
        if periods[0].version > 1
    ]
    if not items:
        return ""
    why = (
        "sparades inte när anvisningarna ändrades" if alla_versioner_visas(pub) else PUBLICERAS_INTE
    )
    return (
        f"### Äldre versioner som inte finns här\n\nTexterna till de äldsta versionerna av "
        f"några anvisningar {why}:\n\n" + "\n".join(items)
    )
