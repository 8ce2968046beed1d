"""Which pages and files each build will have, worked out from the model alone, so that
the check can judge a link as the build will (core/rules/links.py).

The views make the generated pages; this module names the same addresses (from
`addresses`) without running them. tests/site/test_site_pages_drift.py holds it to what the
views and the site files really produce for both audiences.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass

from styrdok.core import addresses
from styrdok.core.model import Model

INTRANAT = "intranät"
PUBLIK = "publik"
MALGRUPPER = (INTRANAT, PUBLIK)
BADA = frozenset(MALGRUPPER)
_ORDNING = ("öppen", "intern", "skyddad")

# Pages every build generates, whatever the data.
FIXED_PAGES = (
    addresses.FORTECKNING,
    addresses.NYTT_OCH_ANDRAT,
    addresses.SKA_REVIDERAS,
    addresses.UPPHAVDA,
    addresses.VAD_GALLDE,
    addresses.FOKUSOMRADEN,
    addresses.MALOMRADEN,
    addresses.ORGAN,
    addresses.SAMTLIGA,
    addresses.UPPFOLJNING_OVERSIKT,
    addresses.HELA_PROGRAMMET,
    addresses.TILLGANGLIGHET,
)
FIXED_FILES = (
    addresses.FORTECKNING_CSV,
    addresses.RAPPORTERING_CSV,
    addresses.RISKER_CSV,
    addresses.INDIKATORER_CSV,
    addresses.ANDRINGAR_ATOM,
    addresses.ANDRINGAR_ALLA_ATOM,
    addresses.HELA_PROGRAMMET_PDF,
)


@dataclass(frozen=True)
class SitePages:
    # Generated page or file below docs/ -> the audiences whose build has it.
    generated: Mapping[str, frozenset[str]]
    # Anchors that generated content writes on a page (macros and generated pages).
    anchors: Mapping[str, frozenset[str]]


def _full(atkomst: str) -> frozenset[str]:
    """The audiences that read a document of this access level in full."""
    return {"öppen": BADA, "intern": frozenset({INTRANAT})}.get(atkomst, frozenset())


def site_pages(model: Model) -> SitePages:
    generated: dict[str, frozenset[str]] = dict.fromkeys((*FIXED_PAGES, *FIXED_FILES), BADA)
    for fokus in model.fokusomraden:
        generated[addresses.fokusomrade(fokus.id)] = BADA
        generated[addresses.andringar_fokusomrade(fokus.id)] = BADA
    for malomrade in model.malomraden:
        generated[addresses.malomrade(malomrade.id)] = BADA
    for organ in model.organ:
        generated[addresses.organ(organ.id)] = BADA
        generated[addresses.andringar_organ(organ.id)] = BADA
    for year in model.uppfoljning:
        generated[addresses.uppfoljningsar(year.ar)] = BADA
    for indikator in model.indikatorer:
        generated[addresses.diagram(indikator.id)] = _full(indikator.atkomst)
    for anvisning in model.anvisningar:
        # A page of changes for each pair of versions whose texts the audience reads.
        chain = sorted((*model.versioner_av(anvisning.id), anvisning), key=lambda a: a.version)
        for before, after in itertools.pairwise(chain):
            level = max(before.atkomst, after.atkomst, anvisning.atkomst, key=rank)
            page = addresses.andringar(anvisning.id, after.version)
            generated[page] = _full(level)
    anchors = {
        addresses.MALOMRADEN: frozenset(m.id for m in model.malomraden),
        addresses.FOKUSOMRADEN: frozenset(f.id for f in model.fokusomraden),
    }
    return SitePages(generated, anchors)


def rank(atkomst: str) -> int:
    """How strictly a level withholds (öppen least); an unknown level counts strictest.
    The order of select.ATKOMST_ORDNING, which the core cannot import."""
    return _ORDNING.index(atkomst) if atkomst in _ORDNING else len(_ORDNING)
