"""The public build's catalogue record: DCAT-AP-SE (3.0.1) in RDF/XML, which Sveriges
dataportal (dataportal.se) harvests once a day from one address and passes on to
data.europa.eu.

Only the public build has one. The harvester takes what it finds as open data of the
city: a record from the intranet would advertise an address outside readers cannot
reach and documents they may not read, so the intranet gets none (its consumers start
from index.json, as before).

What the record says comes from the publication and the site's addresses, never from
the build: the dates are the decisions' (the newest day up to the reference date), so
the same source gives the same bytes. Per the harvesting rules (docs/harvesting.md of
diggsweden/DCAT-AP-SE) every catalogue, dataset, distribution, publisher and contact is
an IRI, never a blank node, and the publisher has dataportal.se's identifier for an
organisation (its organisationsnummer), so its datasets from other catalogues are seen
as the same publisher's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape, quoteattr

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD
from rdflib.term import Node

from styrdok.core import addresses
from styrdok.select import Publication
from styrdok.views.licens import CC0, Licens
from styrdok.views.queries import events
from styrdok.views.urls import ANVISNINGAR, INDEX, OPENAPI, PROGRAM, UPPFOLJNING, Urls

KATALOG = "katalog.rdf"

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
IANA = "http://www.iana.org/assignments/media-types/"

# DCAT-AP-SE requires the metadata itself to be CC0, whatever the data's licence.
METADATA_LICENS = URIRef(CC0.url)
# Stockholms kommun, organisationsnummer 212000-0142, as dataportal.se names publishers.
UTGIVARE = URIRef("http://dataportal.se/organisation/SE2120000142")
UTGIVARE_NAMN = "Stockholms stad"
UTGIVARE_WEBB = URIRef("https://start.stockholm/")
KOMMUN = URIRef("http://purl.org/adms/publishertype/LocalAuthority")
# Stockholm in GeoNames, the gazetteer DCAT-AP-SE recommends for dcterms:spatial.
STOCKHOLM = URIRef("http://sws.geonames.org/2673730")
SVENSKA = URIRef(f"{EU}language/SWE")
TEMA = URIRef(f"{EU}data-theme/GOVE")  # Regeringen och den offentliga sektorn
TEMAN = URIRef(f"{EU}data-theme")
OREGELBUNDET = URIRef(f"{EU}frequency/IRREG")  # as the city decides, not on a schedule


@dataclass(frozen=True)
class Installning:
    """What the record needs that neither the data nor the licence holds: an e-mail
    address for questions about the data, and whether the PDF is written."""

    kontakt: str  # mailto:…
    pdf: bool = True


@dataclass(frozen=True)
class _Fil:
    id: str
    titel: str
    url: str
    media: str
    nedladdning: bool = True
    schema: str | None = None


def katalog_rdf(pub: Publication, urls: Urls, licens: Licens, val: Installning) -> bytes:
    """The catalogue record as RDF/XML, byte for byte the same for the same source."""
    return rdf_xml(_graph(pub, urls, licens, val))


# rdflib's RDF/XML writers take namespaces and subjects in the order of a set, which
# Python's hash seed decides, so two builds would differ; this writer sorts. It writes
# only what the record holds: named nodes, each with its first type as element name,
# and properties of the namespaces above. The tests read it back with rdflib.
PREFIXES = (
    ("dcat", str(DCAT)),
    ("dcterms", str(DCTERMS)),
    ("foaf", str(FOAF)),
    ("rdf", str(RDF)),
    ("vcard", str(VCARD)),
)


def rdf_xml(graph: Graph) -> bytes:
    def qname(uri: Node) -> str:
        for prefix, namespace in PREFIXES:
            if str(uri).startswith(namespace) and str(uri)[len(namespace) :].isidentifier():
                return f"{prefix}:{str(uri)[len(namespace) :]}"
        raise ValueError(f"katalogposten: {uri} har inget prefix")

    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<rdf:RDF"]
    lines += [f"  xmlns:{prefix}={quoteattr(namespace)}" for prefix, namespace in PREFIXES]
    lines[-1] += ">"
    for subject in sorted({s for s in graph.subjects() if isinstance(s, URIRef)}):
        types = sorted(graph.objects(subject, RDF.type))
        element = qname(types[0]) if types else "rdf:Description"
        lines.append(f"  <{element} rdf:about={quoteattr(str(subject))}>")
        for predicate, value in sorted(graph.predicate_objects(subject)):
            if predicate == RDF.type and types and value == types[0]:
                continue
            name = qname(predicate)
            if isinstance(value, URIRef):
                lines.append(f"    <{name} rdf:resource={quoteattr(str(value))}/>")
            elif isinstance(value, Literal):
                extra = f" xml:lang={quoteattr(value.language)}" if value.language else ""
                if value.datatype:
                    extra += f" rdf:datatype={quoteattr(str(value.datatype))}"
                lines.append(f"    <{name}{extra}>{escape(str(value))}</{name}>")
            else:
                raise ValueError("katalogposten: en blank nod kan inte skördas")
        lines.append(f"  </{element}>")
    lines.append("</rdf:RDF>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _graph(pub: Publication, urls: Urls, licens: Licens, val: Installning) -> Graph:
    g = Graph()
    base = urls.api(KATALOG)

    def node(name: str) -> URIRef:
        return URIRef(f"{base}#{name}")

    def sv(text: str) -> Literal:
        return Literal(text, lang="sv")

    def day(value: date) -> Literal:
        return Literal(value.isoformat(), datatype=XSD.date)

    program = pub.program
    namn = program.kortnamn or program.titel if program else "Trygghet och säkerhet"
    decided = [e.andrad(pub.dag) for e in events(pub)]
    if program and program.beslutsdatum and program.beslutsdatum <= pub.dag:
        decided.append(program.beslutsdatum)
    modified = max(decided, default=None)

    catalog = node("katalog")
    g.add((catalog, RDF.type, DCAT.Catalog))
    g.add((catalog, DCTERMS.title, sv(f"Stockholms stads styrdokument: {namn}")))
    g.add((catalog, DCTERMS.title, Literal(f"City of Stockholm: {namn}", lang="en")))
    g.add(
        (
            catalog,
            DCTERMS.description,
            sv(
                f"{namn} och dess anvisningar som öppna data: programmet, vad varje "
                "anvisning säger och vem den gäller för, i JSON, CSV och som Atom-flöde."
            ),
        )
    )
    g.add((catalog, DCTERMS.publisher, UTGIVARE))
    g.add((catalog, DCTERMS.license, METADATA_LICENS))
    g.add((catalog, DCTERMS.language, SVENSKA))
    g.add((catalog, DCTERMS.spatial, STOCKHOLM))
    g.add((catalog, DCAT.themeTaxonomy, TEMAN))
    g.add((catalog, FOAF.homepage, URIRef(urls.page("index.md"))))
    if modified:
        g.add((catalog, DCTERMS.modified, day(modified)))

    g.add((UTGIVARE, RDF.type, FOAF.Organization))
    g.add((UTGIVARE, RDF.type, FOAF.Agent))
    g.add((UTGIVARE, FOAF.name, sv(UTGIVARE_NAMN)))
    g.add((UTGIVARE, DCTERMS.type, KOMMUN))
    g.add((UTGIVARE, FOAF.homepage, UTGIVARE_WEBB))

    contact = node("kontakt")
    g.add((contact, RDF.type, VCARD.Organization))
    g.add((contact, VCARD.fn, Literal(f"{UTGIVARE_NAMN}, frågor om {namn}")))
    g.add((contact, VCARD.hasEmail, URIRef(val.kontakt)))

    service = node("api")
    g.add((catalog, DCAT.service, service))
    g.add((service, RDF.type, DCAT.DataService))
    g.add((service, DCTERMS.title, sv(f"API för {namn}")))
    g.add(
        (
            service,
            DCTERMS.description,
            sv(
                "Statiska JSON-dokument. Börja från index.json, som listar alla andra "
                "dokument med kontrollsumma och schema."
            ),
        )
    )
    g.add((service, DCAT.endpointURL, URIRef(urls.api(""))))
    g.add((service, DCAT.endpointDescription, URIRef(urls.api(OPENAPI))))
    g.add((service, DCTERMS.format, Literal("application/json")))
    g.add((service, DCTERMS.license, URIRef(licens.url)))
    g.add((service, DCTERMS.publisher, UTGIVARE))
    g.add((service, DCAT.contactPoint, contact))
    # A landing page is optional for a data service; a site may be built without the guide.
    if pub.sida(addresses.API_GUIDE) is not None:
        g.add((service, DCAT.landingPage, URIRef(urls.page(addresses.API_GUIDE))))

    def dataset(
        id: str, titel: str, beskrivning: str, filer: Iterable[_Fil], sidor: Mapping[str, str]
    ) -> URIRef:
        ds = node(id)
        g.add((catalog, DCAT.dataset, ds))
        g.add((service, DCAT.servesDataset, ds))
        g.add((ds, RDF.type, DCAT.Dataset))
        g.add((ds, DCTERMS.title, sv(titel)))
        g.add((ds, DCTERMS.description, sv(beskrivning)))
        g.add((ds, DCTERMS.publisher, UTGIVARE))
        g.add((ds, DCAT.contactPoint, contact))
        g.add((ds, DCAT.theme, TEMA))
        g.add((ds, DCTERMS.language, SVENSKA))
        g.add((ds, DCTERMS.spatial, STOCKHOLM))
        g.add((ds, DCTERMS.accrualPeriodicity, OREGELBUNDET))
        for sida in sidor.values():
            g.add((ds, DCAT.landingPage, URIRef(urls.page(sida))))
        if program:
            period = node(f"{id}-period")
            g.add((ds, DCTERMS.temporal, period))
            g.add((period, RDF.type, DCTERMS.PeriodOfTime))
            g.add((period, DCAT.startDate, day(date(program.period_fran, 1, 1))))
            g.add((period, DCAT.endDate, day(date(program.period_till, 12, 31))))
        for fil in filer:
            dist = node(fil.id)
            g.add((ds, DCAT.distribution, dist))
            g.add((dist, RDF.type, DCAT.Distribution))
            g.add((dist, DCTERMS.title, sv(fil.titel)))
            g.add((dist, DCAT.accessURL, URIRef(fil.url)))
            if fil.nedladdning:
                g.add((dist, DCAT.downloadURL, URIRef(fil.url)))
            else:
                g.add((dist, DCAT.accessService, service))
            # DCAT-AP-SE's format is the media type as a literal; DCAT's mediaType the
            # IANA URI of the same.
            g.add((dist, DCTERMS.format, Literal(fil.media)))
            g.add((dist, DCAT.mediaType, URIRef(f"{IANA}{fil.media}")))
            g.add((dist, DCTERMS.license, URIRef(licens.url)))
            if fil.schema:
                g.add((dist, DCTERMS.conformsTo, URIRef(fil.schema)))
        return ds

    def api(id: str) -> _Fil:
        """The API as a distribution of dataset `id`: one per dataset, as a distribution
        belongs to one dataset."""
        return _Fil(
            f"{id}-api",
            "JSON-API (ingång: index.json)",
            urls.api(INDEX),
            "application/json",
            nedladdning=False,
            schema=urls.schema("index"),
        )

    if program:
        ds = dataset(
            "program",
            program.titel,
            program.sammanfattning or program.titel,
            [
                api("program"),
                _Fil(
                    "program-json",
                    "Programmet som JSON",
                    urls.api(PROGRAM),
                    "application/json",
                    schema=urls.schema("program"),
                ),
                *(
                    [
                        _Fil(
                            "program-pdf",
                            "Hela programmet som PDF",
                            urls.file(addresses.HELA_PROGRAMMET_PDF),
                            "application/pdf",
                        )
                    ]
                    if val.pdf
                    else []
                ),
            ],
            {"start": "index.md"},
        )
        if program.beslutsdatum and program.beslutsdatum <= pub.dag:
            g.add((ds, DCTERMS.issued, day(program.beslutsdatum)))
    ds = dataset(
        "anvisningar",
        f"Anvisningar till {namn}",
        "Stadens anvisningar om trygghet och säkerhet: vad varje anvisning säger, vem "
        "den gäller för, från när och i vilken version, och när den ska revideras.",
        [
            api("anvisningar"),
            _Fil(
                "anvisningar-json",
                "Alla anvisningar som JSON",
                urls.api(ANVISNINGAR),
                "application/json",
                schema=urls.schema("anvisningar"),
            ),
            _Fil(
                "forteckning-csv",
                "Förteckningen över anvisningar som CSV",
                urls.file(addresses.FORTECKNING_CSV),
                "text/csv",
            ),
            _Fil(
                "andringar-atom",
                "De senaste besluten om anvisningar som Atom-flöde",
                urls.file(addresses.ANDRINGAR_ATOM),
                "application/atom+xml",
            ),
        ],
        {"forteckning": addresses.FORTECKNING},
    )
    for fokus in pub.fokusomraden:
        g.add((ds, DCAT.keyword, sv(fokus.namn)))
    if modified:
        g.add((ds, DCTERMS.modified, day(modified)))
    if pub.uppfoljning:
        dataset(
            "uppfoljning",
            f"Uppföljningen av {namn}",
            "Vilka nämnder och bolagsstyrelser som har lämnat sin årliga risk- och "
            "lägesbild, den samlade riskbilden och indikatorerna.",
            [
                api("uppfoljning"),
                _Fil(
                    "uppfoljning-json",
                    "Uppföljningen som JSON",
                    urls.api(UPPFOLJNING),
                    "application/json",
                    schema=urls.schema("uppfoljning"),
                ),
                *(
                    _Fil(f"{name}-csv", titel, urls.file(path), "text/csv")
                    for name, titel, path in (
                        ("rapportering", "Rapporteringen som CSV", addresses.RAPPORTERING_CSV),
                        ("risker", "Riskmatriserna som CSV", addresses.RISKER_CSV),
                        ("indikatorer", "Indikatorerna som CSV", addresses.INDIKATORER_CSV),
                    )
                ),
            ],
            {"oversikt": addresses.UPPFOLJNING_OVERSIKT},
        )
    return g
