"""The JSON-LD of the pages (views/jsonld.py): each state an anvisning or a programme
can be in gives the legal force the page shows, versions and replacements are linked by
their identifiers, a skyddad anvisning says no more than its metadata, and nothing an
editor writes can end the script element it is printed in."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from styrdok.core.giltighet import Programtillstand, Tillstand
from styrdok.select import SKYDDAD_SAMMANFATTNING, select
from styrdok.views import jsonld
from styrdok.views.urls import Urls, sidadress

from helpers import TODAY, check, publication_of
from helpers.canaries import add_canaries, add_feed_version_canaries, add_version_canaries
from helpers.jsonld import expand, legal_force, main_entity, nodes, unknown_terms, value

URLS = Urls("https://intranat.example.se/ts/", sidadress)
KRIS = "anvisningar/krisledning.md"
KRIS_V1 = "anvisningar/krisledning/version-1.md"
WORK = "https://intranat.example.se/ts/anvisningar/krisledning/#anvisning"


def _edit(project, sida: str, old: str, new: str) -> None:
    path = project / "docs" / sida
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _pub(project, malgrupp: str = "intranät", day: date = TODAY):
    outcome = check(project)
    assert outcome.ok, outcome.problems
    return select(outcome.model, malgrupp, day)


def _main(pub, src: str) -> dict:
    """The page's main entity, expanded, after a round trip through the page's text."""
    node = jsonld.for_page(pub, URLS, src)
    assert node is not None, src
    expanded = expand(jsonld.script_text(node))
    assert unknown_terms(expanded) == set()
    [main] = main_entity(expanded, URLS.page(src))
    assert main["@type"] == ["https://schema.org/Legislation"]
    return main


def test_every_state_has_a_legal_force() -> None:
    assert set(jsonld.LEGAL_FORCE) == set(Tillstand)
    assert set(jsonld.PROGRAMME_FORCE) == set(Programtillstand)
    in_force = {t for t, force in jsonld.LEGAL_FORCE.items() if force == jsonld.IN_FORCE}
    assert in_force == {Tillstand.GALLANDE, Tillstand.UNDER_REVIDERING}


@pytest.mark.parametrize(
    ("sida", "state", "force"),
    [
        (KRIS, Tillstand.GALLANDE, "InForce"),
        ("anvisningar/krisledning-gammal.md", Tillstand.UPPHAVD, "NotInForce"),
        ("anvisningar/trygghet-i-bromma.md", Tillstand.UTKAST, "NotInForce"),
    ],
)
def test_legal_force_follows_validity(project, sida, state, force) -> None:
    pub = _pub(project)
    assert pub.giltighet(pub.anvisning_for_sida(sida)).tillstand is state
    assert legal_force(_main(pub, sida)) == force


def test_under_revidering_is_still_in_force(project) -> None:
    _edit(project, KRIS, "status: gällande", "status: under revidering")
    pub = _pub(project)
    assert pub.giltighet(pub.anvisning_for_sida(KRIS)).tillstand is Tillstand.UNDER_REVIDERING
    assert legal_force(_main(pub, KRIS)) == "InForce"


def test_decided_but_not_yet_applying_is_not_in_force(project) -> None:
    (project / "docs" / KRIS_V1).unlink()
    pub = _pub(project, day=date(2019, 5, 15))
    assert pub.giltighet(pub.anvisning_for_sida(KRIS)).tillstand is Tillstand.KOMMANDE
    main = _main(pub, KRIS)
    assert legal_force(main) == "NotInForce"
    assert value(main, "legislationDate") == "2019-05-02"


def test_versions_are_linked_to_the_work_by_their_identifiers(project) -> None:
    pub = _pub(project)
    work = _main(pub, KRIS)
    assert work["@id"] == WORK
    examples = {e["@id"]: legal_force(e) for e in work["https://schema.org/workExample"]}
    assert examples == {
        "https://intranat.example.se/ts/anvisningar/krisledning/#version-1": "NotInForce",
        "https://intranat.example.se/ts/anvisningar/krisledning/#version-2": "InForce",
    }
    old = _main(pub, KRIS_V1)
    assert old["@id"] == "https://intranat.example.se/ts/anvisningar/krisledning/#version-1"
    assert legal_force(old) == "NotInForce"
    assert value(old, "exampleOfWork") == WORK
    assert value(old, "version") == 1
    assert value(old, "url") == URLS.page(KRIS_V1)


def test_an_earlier_version_in_force_says_so(project) -> None:
    # Before version 2 applied, version 1 did, and the anvisning was in force.
    pub = _pub(project, day=date(2019, 5, 15))
    assert legal_force(_main(pub, KRIS_V1)) == "InForce"
    assert legal_force(_main(pub, KRIS)) == "InForce"


def test_replacement_is_linked_both_ways(project) -> None:
    pub = _pub(project)
    old_id = "https://intranat.example.se/ts/anvisningar/krisledning-gammal/#anvisning"
    assert value(_main(pub, KRIS), "legislationChanges") == old_id
    old = _main(pub, "anvisningar/krisledning-gammal.md")
    [newer] = old["@reverse"]["https://schema.org/legislationChanges"]
    assert newer["@id"] == WORK


def test_the_deciding_body_dates_and_basis(project) -> None:
    main = _main(_pub(project), KRIS)
    [passed] = main["https://schema.org/legislationPassedBy"]
    assert passed["@type"] == ["https://schema.org/GovernmentOrganization"]
    assert value(passed, "name") == "Stadsledningskontoret"
    assert value(main, "legislationDate") == "2019-05-02"
    assert value(main, "legislationDateVersion") == TODAY.isoformat()
    assert value(main, "inLanguage") == "sv"
    assert value(main, "legislationIdentifier") == "krisledning"
    basis = main["https://schema.org/isBasedOn"]
    assert [value(b, "legislationIdentifier") for b in basis if "@id" not in b] == ["SFS 2006:544"]
    assert any(b.get("@id", "").endswith("#program-program-nu") for b in basis)


def test_a_skyddad_anvisning_is_metadata_only(project) -> None:
    _edit(project, KRIS, "atkomst: öppen", "atkomst: skyddad")
    _edit(project, KRIS_V1, "atkomst: öppen", "atkomst: skyddad")
    pub = _pub(project)
    text = jsonld.script_text(jsonld.for_page(pub, URLS, KRIS))
    main = _main(pub, KRIS)
    assert value(main, "description") == SKYDDAD_SAMMANFATTNING
    assert "KS 2019/100" not in text  # the diarienummer
    assert "SFS" not in text  # the legal basis
    assert "Syfte" not in text and "klammer" not in text  # nothing of the text
    # The public site has no page for it, so no JSON-LD either.
    assert jsonld.for_page(_pub(project, "publik"), URLS, KRIS) is None


def test_programme_pages(project) -> None:
    pub = publication_of(project)
    start = _main(pub, "index.md")
    assert start["@id"] == "https://intranat.example.se/ts/#program-program-nu"
    assert legal_force(start) == "InForce"
    assert value(start, "temporalCoverage") == "2018/2030"
    assert value(start, "legislationChanges").endswith("#program-program-forr")
    parts = [s.sida for s in pub.model.sidor if s.sida in jsonld.PROGRAMSIDOR]
    parts += [f"fokusomraden/{f.id}.md" for f in pub.fokusomraden]
    assert parts
    for sida in parts:
        part = _main(pub, sida)
        assert legal_force(part) == "InForce"
        assert value(part, "isPartOf") == start["@id"]
    assert jsonld.for_page(pub, URLS, "begrepp.md") is None


def test_a_programme_whose_period_has_ended_is_not_in_force(project) -> None:
    pub = _pub(project, day=date(2031, 1, 1))
    assert pub.programtillstand(pub.program) is Programtillstand.PERIOD_SLUT
    assert legal_force(_main(pub, "index.md")) == "NotInForce"


HOSTILE = "</script><script>alert(1)</script><!-- & <![CDATA["


def test_editor_text_cannot_end_the_script_element() -> None:
    hostile = f"{HOSTILE} \u2028\u2029"
    text = jsonld.script_text({"@context": jsonld.CONTEXT, "name": hostile})
    for forbidden in ("<", ">", "&", "\u2028", "\u2029"):
        assert forbidden not in text
    assert json.loads(text)["name"] == hostile


def test_a_hostile_title_reaches_the_processor_intact(project) -> None:
    _edit(project, KRIS, "titel: Anvisning för krisledning", f"titel: '{HOSTILE}'")
    pub = _pub(project)
    text = jsonld.script_text(jsonld.for_page(pub, URLS, KRIS))
    assert "</" not in text and "<!--" not in text
    assert value(main_entity(expand(text), URLS.page(KRIS))[0], "name") == HOSTILE


def test_the_same_data_gives_the_same_bytes(project) -> None:
    assert jsonld.script_text(jsonld.for_page(_pub(project), URLS, KRIS)) == jsonld.script_text(
        jsonld.for_page(_pub(project), URLS, KRIS)
    )


def test_the_vocabulary_check_can_fail() -> None:
    made_up = {
        "@context": jsonld.CONTEXT,
        "@type": "Legislaton",
        "legislationForce": "InForce",
        "legislationLegalForce": "InForceNow",
        "name": "x",
    }
    expanded = expand(json.dumps(made_up))
    assert unknown_terms(expanded) == {
        "https://schema.org/Legislaton",
        "https://schema.org/legislationForce",
        "https://schema.org/InForceNow",
    }
    assert list(nodes(expanded))


def test_a_replacement_the_public_may_not_see_is_not_named(project) -> None:
    # krisledning replaces krisledning-gammal; made intern, it is not on the public site,
    # and the old anvisning's linked data must not name it, not even by its address.
    _edit(project, KRIS, "atkomst: öppen", "atkomst: intern")
    publik = _pub(project, "publik")
    text = jsonld.script_text(jsonld.for_page(publik, URLS, "anvisningar/krisledning-gammal.md"))
    assert "@reverse" not in text and "anvisningar/krisledning/" not in text
    # The positive control: the intranet names it.
    intranat = _pub(project)
    assert "anvisningar/krisledning/" in jsonld.script_text(
        jsonld.for_page(intranat, URLS, "anvisningar/krisledning-gammal.md")
    )


def test_linked_data_carries_no_canary_it_may_not(project) -> None:
    """The canaries of site/test_access.py, looked for in the JSON-LD of every page of
    both audiences (the small project has no theme overrides, so its built pages have
    none: the check is made here, on what the plugin would print)."""
    add_canaries(project)
    add_version_canaries(project)
    add_feed_version_canaries(project)

    def linked(malgrupp: str) -> str:
        pub = _pub(project, malgrupp)
        pages = [t.sida for t in pub.texts()]
        pages += [f"fokusomraden/{f.id}.md" for f in pub.fokusomraden]
        pages += [f"malomraden/{m.id}.md" for m in pub.malomraden]
        found = (jsonld.for_page(pub, URLS, sida) for sida in pages)
        return "\n".join(jsonld.script_text(node) for node in found if node is not None)

    publik, intranat = linked("publik"), linked("intranät")
    assert "Anvisning för krisledning" in publik
    assert not re.search("kanarie", publik, re.IGNORECASE)
    # The intranet: the skyddad anvisning by its title (the positive control), none of
    # its content.
    assert "KANARIE-SKYDDAD-TITEL" in intranat and "KANARIE-INTERN-TITEL" in intranat
    for content in ("SAMMANFATTNING", "TEXT", "DNR", "V1-SAMMANFATTNING", "V1-TEXT"):
        assert f"KANARIE-SKYDDAD-{content}" not in intranat
    assert "KANARIESKYDDADDNR" not in intranat and "KANARIESKYDDADV1DNR" not in intranat
