"""Every HTML page's machine twin: the JSON document below api/v1/ that says what the
page says.

Where a domain document has the page as its own `url` (program.json for the start page,
an anvisning's document for its page …), that document is the twin. Every other page
gets a document of the kind `sida` (sidor/{page}.json): its title, description and the
sanitised HTML the page shows, with absolute links, and the domain documents it is made
from. A page that lists anvisningar has the list as structured entries instead of HTML,
so that no twin of a page that should stay small grows with the whole corpus.
`sidor.json` lists every page with its twin.

Pure like the other views: the plugin hands over, per built page, its title and the
sanitised HTML it captured (`Sidtext`); nothing here reads editor Markdown.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from styrdok.core import addresses
from styrdok.core.model import Anvisning
from styrdok.select import Publication
from styrdok.views.api import JsonDocument, absolute_links, anvisning_kort
from styrdok.views.blocks import GeneratedPage
from styrdok.views.crossref import RECENT_EVENTS
from styrdok.views.hela_programmet import GALLANDE, UTAN_TEXT, innehall
from styrdok.views.markdown import iso
from styrdok.views.queries import (
    REVIEW_WINDOW,
    Applicability,
    Event,
    coming,
    drafts,
    events,
    in_force,
    repealed_newest_first,
    replacement,
    review_answer,
)
from styrdok.views.urls import (
    ANVISNINGAR,
    INDEX,
    ORGAN_LISTA,
    PROGRAM,
    RISKBILD,
    SIDOR,
    TIDSLINJE,
    UPPFOLJNING,
    Urls,
    anvisning_path,
    fokusomrade_path,
    organ_path,
    sida_path,
    version_path,
)
from styrdok.views.versions import version_titel

SIDA = "sida"
# The 404 page is a theme page, not one below docs/; its twin is the API's entry.
NOT_FOUND = "404.html"


@dataclass(frozen=True)
class Tvilling:
    """A page's twin: its document kind and its path below api/v1/."""

    typ: str
    path: str


@dataclass(frozen=True)
class Sidtext:
    """What the plugin captured of a built page: plain title, description, and the
    sanitised HTML of its content (relative links, as on the page)."""

    titel: str
    beskrivning: str | None
    text_html: str


# Pages whose twin is a domain document (that document's `url` is the page).
_FIXED = {
    "index.md": Tvilling("program", PROGRAM),
    addresses.FORTECKNING: Tvilling("anvisningar", ANVISNINGAR),
    addresses.ORGAN: Tvilling("organ-lista", ORGAN_LISTA),
    addresses.VAD_GALLDE: Tvilling("tidslinje", TIDSLINJE),
    # riskbild.json and indikatorer.json have the same page; the overview's own document
    # is the follow-up, and names the other two as its sources in sidor.json's sense.
    addresses.UPPFOLJNING_OVERSIKT: Tvilling("uppfoljning", UPPFOLJNING),
}


def tvilling(pub: Publication, sida: str) -> Tvilling:
    """The twin of page `sida` (a path below docs/, or 404.html)."""
    if sida == NOT_FOUND:
        return Tvilling("index", INDEX)
    if sida in _FIXED:
        return _FIXED[sida]
    anvisning = pub.anvisning_for_sida(sida)
    if anvisning is not None:
        return Tvilling("anvisning", anvisning_path(anvisning.id))
    version = pub.version_for_sida(sida)
    if version is not None:
        return Tvilling("anvisningsversion", version_path(version.id, version.version))
    for organ in pub.organ:
        if sida == addresses.organ(organ.id):
            return Tvilling("organ", organ_path(organ.id))
    for fokus in pub.fokusomraden:
        if sida == addresses.fokusomrade(fokus.id):
            return Tvilling("fokusomrade", fokusomrade_path(fokus.id))
    return Tvilling(SIDA, sida_path(sida))


def sidtitel(pub: Publication, generated: Mapping[str, GeneratedPage], sida: str) -> str:
    """A page's title as plain text, from the model (never from front matter)."""
    anvisning = pub.anvisning_for_sida(sida)
    if anvisning is not None:
        return anvisning.titel
    version = pub.version_for_sida(sida)
    if version is not None:
        return version_titel(version)
    page = pub.sida(sida)
    if page is not None:
        return page.titel
    made = generated.get(sida)
    return made.titel if made else sida


def sidtext(
    pub: Publication, generated: Mapping[str, GeneratedPage], sida: str, html: str
) -> Sidtext:
    """What a built page's twin needs of it. Only a `sida` twin holds the page's HTML;
    the others are domain documents, so the HTML of an anvisning's or an organ's page
    (most of a build's pages, and the largest) is not kept until the API is written."""
    page = pub.sida(sida)
    kept = html if tvilling(pub, sida).typ == SIDA else ""
    return Sidtext(sidtitel(pub, generated, sida), page.beskrivning if page else None, kept)


# The structured lists of the pages that list anvisningar -----------------------------


def _lista(rubrik: str, entries: Iterable[JsonDocument]) -> JsonDocument:
    return {"rubrik": rubrik, "anvisningar": list(entries)}


def _post(pub: Publication, urls: Urls, a: Anvisning, event: Event | None = None) -> JsonDocument:
    """An anvisning as a listing page shows it: every field of every list, so an entry
    has the same fields whichever page lists it; the decision's are null but on
    "Nytt och ändrat"."""
    newer = replacement(pub, a)
    return {
        **anvisning_kort(pub, urls, a),
        "revideras_senast": iso(a.revideras_senast),
        "upphavd_datum": iso(a.upphavd_datum),
        "ersatt_av": anvisning_kort(pub, urls, newer) if newer else None,
        "datum": event.datum.isoformat() if event else None,
        "handelse": event.handelse if event else None,
        "version": event.version.version if event else None,
    }


def _poster(pub: Publication, urls: Urls, anvisningar: Iterable[Anvisning]) -> list[JsonDocument]:
    return [_post(pub, urls, a) for a in anvisningar]


def _listor(pub: Publication, urls: Urls, sida: str) -> list[JsonDocument] | None:
    """The lists of a listing page, as the page's headings group them; None for a page
    that is not one."""
    if sida == addresses.SAMTLIGA:
        alla = Applicability.of(pub.anvisningar).alla
        found = [_lista("Gällande anvisningar", _poster(pub, urls, in_force(pub, alla)))]
        if decided := coming(pub, alla):
            found.append(_lista("Beslutade, gäller ännu inte", _poster(pub, urls, decided)))
        if upcoming := drafts(pub, alla):
            found.append(_lista("Under arbete", _poster(pub, urls, upcoming)))
        return found
    if sida == addresses.NYTT_OCH_ANDRAT:
        entries = [_post(pub, urls, e.anvisning, e) for e in events(pub)[:RECENT_EVENTS]]
        return [_lista("Nytt och ändrat", entries)]
    if sida == addresses.SKA_REVIDERAS:
        due = review_answer(pub, pub.dag)
        return [
            _lista("Revideringsdatum har passerat", _poster(pub, urls, due.passed)),
            _lista(f"Ska revideras inom {REVIEW_WINDOW.days} dagar", _poster(pub, urls, due.soon)),
        ]
    if sida == addresses.UPPHAVDA:
        repealed = [a for a, _ in repealed_newest_first(pub)]
        return [_lista("Upphävda anvisningar", _poster(pub, urls, repealed))]
    if sida == addresses.HELA_PROGRAMMET:
        held = innehall(pub)
        shown = [_shown(pub, d.sida) for d in held.anvisningar]
        found = [_lista(GALLANDE, _poster(pub, urls, filter(None, shown)))]
        if held.utan_text:
            untold = (pub.anvisning_for_sida(s) for s, _ in held.utan_text)
            found.append(_lista(UTAN_TEXT, _poster(pub, urls, filter(None, untold))))
        return found
    return None


def _shown(pub: Publication, sida: str) -> Anvisning | None:
    """The anvisning whose text (its own, or the version in force) hela programmet shows."""
    version = pub.version_for_sida(sida)
    return pub.model.anvisning_med_id(version.id) if version else pub.anvisning_for_sida(sida)


# What each page is made from -----------------------------------------------------------


def _ref(urls: Urls, typ: str, path: str) -> JsonDocument:
    return {"typ": typ, "json_url": urls.api(path)}


def _version_twin(a: Anvisning, v: Anvisning) -> Tvilling:
    if v.version == a.version:
        return Tvilling("anvisning", anvisning_path(a.id))
    return Tvilling("anvisningsversion", version_path(a.id, v.version))


def _diffs(pub: Publication) -> dict[str, tuple[Tvilling, Tvilling]]:
    """Each version-diff page with the documents of the two versions it compares."""
    found: dict[str, tuple[Tvilling, Tvilling]] = {}
    for a in pub.anvisningar:
        for before, after in itertools.pairwise(pub.giltighet(a).perioder):
            found[addresses.andringar(a.id, after.version)] = (
                _version_twin(a, before.anvisning),
                _version_twin(a, after.anvisning),
            )
    return found


def _kallor(
    pub: Publication, urls: Urls, sida: str, diffs: Mapping[str, tuple[Tvilling, Tvilling]]
) -> list[JsonDocument]:
    program = [_ref(urls, "program", PROGRAM)]
    anvisningar = [_ref(urls, "anvisningar", ANVISNINGAR)]
    if sida in (addresses.FOKUSOMRADEN, addresses.MALOMRADEN):
        return program
    if any(sida == addresses.malomrade(m.id) for m in pub.malomraden):
        return program
    if sida == addresses.SAMTLIGA:
        return [*anvisningar, _ref(urls, "organ-lista", ORGAN_LISTA)]
    if sida in (addresses.NYTT_OCH_ANDRAT, addresses.SKA_REVIDERAS, addresses.UPPHAVDA):
        return anvisningar
    if any(sida == addresses.uppfoljningsar(y.ar) for y in pub.uppfoljning):
        return [_ref(urls, "uppfoljning", UPPFOLJNING), _ref(urls, "riskbild", RISKBILD)]
    if sida in diffs:
        return [_ref(urls, t.typ, t.path) for t in diffs[sida]]
    if sida == addresses.HELA_PROGRAMMET:
        parts = [tvilling(pub, d.sida) for d in innehall(pub).program]
        return [*program, *(_ref(urls, t.typ, t.path) for t in parts), *anvisningar]
    # A hand-written page, or the accessibility statement: its own text.
    return []


# The documents ---------------------------------------------------------------------------


def sida_document(
    pub: Publication,
    urls: Urls,
    sida: str,
    text: Sidtext,
    diffs: Mapping[str, tuple[Tvilling, Tvilling]],
) -> JsonDocument:
    listor = _listor(pub, urls, sida)
    return {
        "$schema": urls.schema(SIDA),
        "json_url": urls.api(sida_path(sida)),
        "url": urls.page(sida),
        "referensdatum": pub.dag.isoformat(),
        "titel": text.titel,
        "beskrivning": text.beskrivning,
        # A listing page's content is its lists: its HTML would repeat them.
        "text_html": None
        if listor is not None
        else absolute_links(text.text_html, urls.page(sida)),
        "listor": listor,
        "kallor": _kallor(pub, urls, sida, diffs),
    }


def _page_url(urls: Urls, sida: str) -> str:
    return urls.file(NOT_FOUND) if sida == NOT_FOUND else urls.page(sida)


def sidor_document(pub: Publication, urls: Urls, pages: Mapping[str, Sidtext]) -> JsonDocument:
    """Every HTML page of the build (the 404 page too) with its twin."""
    listed = [*pages, NOT_FOUND]
    return {
        "$schema": urls.schema("sidor"),
        "json_url": urls.api(SIDOR),
        "url": urls.page("index.md"),
        "sidor": [
            {
                "url": _page_url(urls, sida),
                "titel": pages[sida].titel if sida in pages else "Sidan finns inte",
                "typ": tvilling(pub, sida).typ,
                "json_url": urls.api(tvilling(pub, sida).path),
            }
            for sida in sorted(listed)
        ],
    }


def documents(
    pub: Publication, urls: Urls, pages: Mapping[str, Sidtext]
) -> dict[str, tuple[str, JsonDocument]]:
    """The `sida` twins of the built pages `pages` (by path below docs/) and sidor.json:
    path below api/v1/ -> (kind, document)."""
    diffs = _diffs(pub)
    found: dict[str, tuple[str, JsonDocument]] = {
        SIDOR: ("sidor", sidor_document(pub, urls, pages))
    }
    for sida, text in pages.items():
        if tvilling(pub, sida).typ == SIDA:
            found[sida_path(sida)] = (SIDA, sida_document(pub, urls, sida, text, diffs))
    return found
