"""Linked data for the pages: one schema.org JSON-LD object per anvisning page, earlier
version page and programme page, for search engines and other systems to read.

Why `Legislation`: schema.org defines it as "a legal document such as an act, decree,
bill, etc. (enforceable or not) or a component of a legal act". An anvisning is a
binding decision of a municipal body that says how the city's bodies must act, and the
programme is a decision of kommunfullmäktige: both are legal documents, and only
`Legislation` carries what a consumer needs of them (legal force, the deciding body, the
date of decision, what replaced what). `CreativeWork`/`DigitalDocument` would say
nothing of legal force; `LegislationObject` is "a specific object or file containing a
Legislation", so it describes the files (the page and its JSON twin, under `encoding`),
not the decision itself.

Identifiers are URIs below the canonical page addresses, which never change:
- the anvisning (the work, across its versions): `<its page>#anvisning`;
- version n of it: `<the anvisning's page>#version-n`, the same whether the version is
  the current one or kept as an earlier one, so the identifier survives a new version;
- a programme: `<the start page>#program-<id>` (also one the site has no page for);
- a part of the programme with a page of its own: `<that page>#avsnitt`;
- an organ: `<its page>#organ`; a fokusområde: `<its page>#fokusomrade`.

Legal force (`legislationLegalForce`) is read from the same validity as the page
(`pub.giltighet`, `pub.programtillstand`), see `LEGAL_FORCE` and `PROGRAMME_FORCE`.
`PartiallyInForce` is never said: an anvisning applies as a whole or not at all.

Only what the page itself shows goes in (a skyddad anvisning is metadata only already,
from selection). `script_text` serialises it so that nothing in it can end the script
element it is put in.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from styrdok.core import addresses
from styrdok.core.giltighet import Programtillstand, Tillstand, Versionsperiod
from styrdok.core.model import Anvisning, Program
from styrdok.select import Publication
from styrdok.views.markdown import iso
from styrdok.views.program_notice import PROGRAMSIDOR
from styrdok.views.urls import PROGRAM, Urls, anvisning_path, version_path
from styrdok.views.versions import version_titel

JsonLd = dict[str, Any]

# An inline context: no processor has to fetch https://schema.org/ to read the terms,
# and a build or test never goes to the network. As in schema.org's own context, an
# address is a node (@id), not a string; an enumeration's value (InForce) is a term of
# the vocabulary (@vocab), so "InForce" reads as https://schema.org/InForce.
CONTEXT = {
    "@vocab": "https://schema.org/",
    **{term: {"@type": "@id"} for term in ("url", "mainEntityOfPage", "contentUrl")},
    **{term: {"@type": "@vocab"} for term in ("legislationLegalForce", "legislationLegalValue")},
}

IN_FORCE = "InForce"
NOT_IN_FORCE = "NotInForce"

# An anvisning's state on the reference date -> its legal force that day. Under
# revidering it still applies (the new version is not decided); a decided one that
# applies from a later day, a draft and a repealed one do not apply.
LEGAL_FORCE = {
    Tillstand.UTKAST: NOT_IN_FORCE,
    Tillstand.KOMMANDE: NOT_IN_FORCE,
    Tillstand.GALLANDE: IN_FORCE,
    Tillstand.UNDER_REVIDERING: IN_FORCE,
    Tillstand.UPPHAVD: NOT_IN_FORCE,
}

# A programme's state -> its legal force. A programme is decided for its period: once
# that has passed it is not said to apply, even while its status says gällande (the
# site says the same: "Programperioden har löpt ut").
PROGRAMME_FORCE = {
    Programtillstand.FORSLAG: NOT_IN_FORCE,
    Programtillstand.KOMMANDE: NOT_IN_FORCE,
    Programtillstand.GALLANDE: IN_FORCE,
    Programtillstand.PERIOD_SLUT: NOT_IN_FORCE,
    Programtillstand.UTGATT: NOT_IN_FORCE,
}

# Whose rules they are: the municipality (kommunkod 0180, SCB's code for Stockholm).
JURISDICTION: JsonLd = {
    "@type": "AdministrativeArea",
    "name": "Stockholms kommun",
    "identifier": {"@type": "PropertyValue", "propertyID": "kommunkod", "value": "0180"},
}

ANVISNING_TYP = "anvisning"
PROGRAM_TYP = "program"
# Example content is no decision of the city; the page says so and so does its data.
EXEMPEL = "exempelinnehåll"

# The pages that show the programme as a whole (not one part of it) as their subject.
HELA_SIDOR = ("index.md", "beslutet.md", addresses.HELA_PROGRAMMET)


def anvisning_id(urls: Urls, a: Anvisning) -> str:
    return f"{urls.page(a.sida)}#anvisning"


def version_id(urls: Urls, a: Anvisning, version: int) -> str:
    """Version `version` of anvisning `a` (the anvisning as it is now)."""
    return f"{urls.page(a.sida)}#version-{version}"


def program_id(urls: Urls, id: str) -> str:
    return f"{urls.page('index.md')}#program-{id}"


def organ_id(urls: Urls, id: str) -> str:
    return f"{urls.page(addresses.organ(id))}#organ"


def _organ(pub: Publication, urls: Urls, id: str | None) -> JsonLd | None:
    if id is None:
        return None
    if pub.model.organ_med_id(id) is None:
        return {"@type": "GovernmentOrganization", "name": pub.model.organ_namn(id)}
    return {
        "@type": "GovernmentOrganization",
        "@id": organ_id(urls, id),
        "name": pub.model.organ_namn(id),
        "url": urls.page(addresses.organ(id)),
    }


def _compact(node: JsonLd) -> JsonLd:
    """The node without empty values: an unknown date is left out, not said to be null."""
    return {k: v for k, v in node.items() if v not in (None, [], {})}


def _encodings(page_url: str, json_url: str) -> list[JsonLd]:
    """The files holding the document: the page and its JSON twin, neither of them the
    authoritative text (that is the decision in the city's records)."""
    return [
        {
            "@type": "LegislationObject",
            "contentUrl": url,
            "encodingFormat": fmt,
            "legislationLegalValue": "UnofficialLegalValue",
        }
        for url, fmt in ((page_url, "text/html"), (json_url, "application/json"))
    ]


def _ref(urls: Urls, other: Anvisning) -> JsonLd:
    return {"@id": anvisning_id(urls, other), "name": other.titel, "url": urls.page(other.sida)}


def _program_ref(pub: Publication, urls: Urls) -> JsonLd | None:
    program = pub.program
    if program is None:
        return None
    return {
        "@id": program_id(urls, program.id),
        "name": program.titel,
        "url": urls.page("index.md"),
    }


def _period(p: Versionsperiod) -> str | None:
    """The days a version applied or applies, as an ISO 8601 interval (".." open end)."""
    if p.fran is None or p.tom:
        return None
    return f"{p.fran.isoformat()}/{iso(p.till) or '..'}"


def _diarienummer(a: Anvisning | Program) -> JsonLd | None:
    if not a.diarienummer:
        return None
    return {"@type": "PropertyValue", "propertyID": "diarienummer", "value": a.diarienummer}


def _common(pub: Publication, urls: Urls, a: Anvisning) -> JsonLd:
    """What an anvisning's page and a version's page both say of the file they show."""
    laws = (pub.model.forfattning_med_id(i) for i in a.rattslig_grund)
    fokus = (pub.model.fokusomrade_med_id(i) for i in a.fokusomraden)
    return {
        "legislationIdentifier": a.id,
        "legislationType": ANVISNING_TYP,
        "inLanguage": "sv",
        "version": a.version,
        "description": a.sammanfattning,
        "identifier": _diarienummer(a),
        "legislationDate": iso(a.beslutsdatum),
        "legislationPassedBy": _organ(pub, urls, a.beslutad_av),
        "legislationResponsible": _organ(pub, urls, a.ansvarig),
        "legislationJurisdiction": JURISDICTION,
        "about": [
            {
                "@id": f"{urls.page(addresses.fokusomrade(f.id))}#fokusomrade",
                "name": f.namn,
                "url": urls.page(addresses.fokusomrade(f.id)),
            }
            for f in fokus
            if f is not None
        ],
        # The legal basis: the programme and the laws the anvisning rests on.
        "isBasedOn": [
            ref
            for ref in [_program_ref(pub, urls)]
            + [
                {
                    "@type": "Legislation",
                    "name": law.namn,
                    "legislationIdentifier": f"SFS {law.sfs}",
                    "legislationJurisdiction": "Sverige",
                }
                for law in laws
                if law is not None
            ]
            if ref is not None
        ],
        "legislationChanges": [
            _ref(urls, old)
            for old in map(pub.model.anvisning_med_id, a.ersatter)
            if old is not None
        ],
        "creativeWorkStatus": EXEMPEL if a.exempelinnehall else None,
    }


def _version_node(pub: Publication, urls: Urls, a: Anvisning, p: Versionsperiod) -> JsonLd:
    """One version as the anvisning's page lists it."""
    v = p.anvisning
    return _compact(
        {
            "@type": "Legislation",
            "@id": version_id(urls, a, v.version),
            "name": version_titel(v),
            "version": v.version,
            "url": urls.page(v.sida),
            "legislationDate": iso(v.beslutsdatum),
            "temporalCoverage": _period(p),
            "legislationLegalForce": IN_FORCE if p.omfattar(pub.dag) else NOT_IN_FORCE,
        }
    )


def anvisning(pub: Publication, urls: Urls, a: Anvisning) -> JsonLd:
    """The anvisning's page: the anvisning as a whole, with its legal force on the
    reference date, described by its current file, and each of its versions."""
    g = pub.giltighet(a)
    page = urls.page(a.sida)
    newer_id = pub.model.anvisning_ersatt_av(a.id)
    newer = pub.model.anvisning_med_id(newer_id) if newer_id else None
    decided = [p for p in g.perioder if p.fran is not None and not p.tom]
    coverage = None
    if decided:
        # upphavd_datum is the first day it no longer applies.
        end = a.upphavd_datum - timedelta(days=1) if a.upphavd_datum else None
        coverage = f"{iso(decided[0].fran)}/{iso(end) or '..'}"
    node = {
        "@context": CONTEXT,
        "@type": "Legislation",
        "@id": anvisning_id(urls, a),
        "name": a.titel,
        **_common(pub, urls, a),
        "legislationLegalForce": LEGAL_FORCE[g.tillstand],
        "legislationDateVersion": pub.dag.isoformat(),
        "dateModified": iso(a.senast_andrad),
        "temporalCoverage": coverage,
        "url": page,
        "mainEntityOfPage": page,
        "encoding": _encodings(page, urls.api(anvisning_path(a.id))),
        "workExample": [_version_node(pub, urls, a, p) for p in g.perioder],
        # What replaced it: the newer anvisning says it changes this one.
        "@reverse": {"legislationChanges": [_ref(urls, newer)]} if newer else None,
    }
    return _compact(node)


def version(pub: Publication, urls: Urls, v: Anvisning) -> JsonLd:
    """An earlier version's page: that version, with its own legal force on the
    reference date, as an example of the anvisning's work."""
    a = pub.model.anvisning_med_id(v.id)
    assert a is not None, f"version {v.sida} utan publicerad anvisning"
    period = next(p for p in pub.giltighet(a).perioder if p.version == v.version)
    page = urls.page(v.sida)
    node = {
        "@context": CONTEXT,
        "@type": "Legislation",
        "@id": version_id(urls, a, v.version),
        "name": version_titel(v),
        **_common(pub, urls, v),
        "legislationLegalForce": IN_FORCE if period.omfattar(pub.dag) else NOT_IN_FORCE,
        "legislationDateVersion": pub.dag.isoformat(),
        "temporalCoverage": _period(period),
        "url": page,
        "mainEntityOfPage": page,
        "encoding": _encodings(page, urls.api(version_path(a.id, v.version))),
        "exampleOfWork": _ref(urls, a),
    }
    return _compact(node)


def _program_node(pub: Publication, urls: Urls, program: Program) -> JsonLd:
    """A programme, with what is known of its decision and its state on the reference day."""

    def refs(ids: Iterable[str]) -> list[JsonLd]:
        # Another programme is named when the model knows it, and identified either way.
        found = ((id, pub.model.program_med_id(id)) for id in ids)
        return [
            {"@id": program_id(urls, id), **({"name": p.titel} if p else {})} for id, p in found
        ]

    older = refs(program.ersatter)
    newer = refs(pub.model.program_ersatt_av(program.id))
    return _compact(
        {
            "@type": "Legislation",
            "@id": program_id(urls, program.id),
            "name": program.titel,
            "alternateName": program.kortnamn,
            "legislationIdentifier": program.id,
            "legislationType": PROGRAM_TYP,
            "inLanguage": "sv",
            "description": program.sammanfattning,
            "identifier": _diarienummer(program),
            "legislationDate": iso(program.beslutsdatum),
            "legislationPassedBy": _organ(pub, urls, program.beslutad_av),
            "legislationResponsible": _organ(pub, urls, program.beredd_av),
            "legislationJurisdiction": JURISDICTION,
            "legislationLegalForce": PROGRAMME_FORCE[pub.programtillstand(program)],
            "legislationDateVersion": pub.dag.isoformat(),
            "temporalCoverage": f"{program.period_fran}/{program.period_till}",
            "legislationChanges": older,
            "@reverse": {"legislationChanges": newer} if newer else None,
            "url": urls.page("index.md"),
            "encoding": _encodings(urls.page("index.md"), urls.api(PROGRAM)),
        }
    )


def _part_title(pub: Publication, src: str) -> str | None:
    """The name of the part of the programme page `src` presents, if it presents one."""
    sida = pub.sida(src)
    if sida is not None and sida.sida in PROGRAMSIDOR:
        return sida.titel
    for m in pub.malomraden:
        if addresses.malomrade(m.id) == src:
            return m.namn
    for f in pub.fokusomraden:
        if addresses.fokusomrade(f.id) == src:
            return f.namn
    return None


def programme_page(pub: Publication, urls: Urls, src: str) -> JsonLd | None:
    """A page that presents the programme: the programme itself on the pages of the
    whole (the start page, the decision, Hela programmet), a part of it elsewhere."""
    program = pub.program
    if program is None:
        return None
    page = urls.page(src)
    whole = _program_node(pub, urls, program)
    if src in HELA_SIDOR and (pub.sida(src) is not None or src == addresses.HELA_PROGRAMMET):
        return {"@context": CONTEXT, **whole, "mainEntityOfPage": page}
    name = _part_title(pub, src)
    if name is None:
        return None
    return {
        "@context": CONTEXT,
        "@type": "Legislation",
        "@id": f"{page}#avsnitt",
        "name": name,
        "inLanguage": "sv",
        # A part applies as the programme does.
        "legislationLegalForce": whole["legislationLegalForce"],
        "legislationDateVersion": pub.dag.isoformat(),
        "legislationJurisdiction": JURISDICTION,
        "isPartOf": whole,
        "url": page,
        "mainEntityOfPage": page,
    }


def for_page(pub: Publication, urls: Urls, src: str) -> JsonLd | None:
    """The JSON-LD of page `src` (below docs/), or None for a page that carries none."""
    a = pub.anvisning_for_sida(src)
    if a is not None:
        return anvisning(pub, urls, a)
    v = pub.version_for_sida(src)
    if v is not None:
        return version(pub, urls, v)
    return programme_page(pub, urls, src)


# What would let text inside <script> end the element or open a comment ("</script>",
# "<!--"), start an entity in XHTML, or end a line in old JavaScript parsers.
_SCRIPT_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def script_text(node: JsonLd) -> str:
    """`node` as the content of a <script type="application/ld+json">: JSON with sorted
    keys (the same bytes for the same data) in which no character can close the element;
    the escapes are JSON's own, so a JSON-LD processor reads the same text."""
    text = json.dumps(node, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.translate(_SCRIPT_ESCAPES)
