"""Self-sufficient documents (views/api_links.py and api.py): every id a document names
is also there expanded (`lankar`), laws link to their official text, an organ's
document carries all its lists show, and nothing withheld is expanded."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from styrdok.select import MALGRUPPER, select
from styrdok.views import api
from styrdok.views.queries import Applicability, organ_answer

from helpers import check
from helpers.api import SITE, URLS


def _lankar(node: Any) -> Iterator[dict[str, Any]]:
    """Every `lankar` object anywhere in a document, with the object that holds it."""
    if isinstance(node, dict):
        if "lankar" in node:
            yield node
        for value in node.values():
            yield from _lankar(value)
    elif isinstance(node, list):
        for value in node:
            yield from _lankar(value)


def _ids(holder: dict[str, Any], key: str) -> list[str]:
    if key == "galler_for_organ":
        return holder["galler_for"]["organ"]
    if key == "ersatt_av" and "ersatt_av_alla" in holder:
        return holder["ersatt_av_alla"]
    value = holder.get(key)
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


@pytest.mark.parametrize("malgrupp", MALGRUPPER)
def test_every_expanded_reference_matches_the_ids_beside_it(project, malgrupp):
    pub = select(check(project).model, malgrupp)
    seen = 0
    for _, (_, document) in api.documents(pub, URLS, {}).items():
        for holder in _lankar(document):
            for key, refs in holder["lankar"].items():
                assert [r["id"] for r in refs] == _ids(holder, key), key
                for r in refs:
                    assert r.get("namn") or r.get("titel")
                    for address in (r["url"], r["json_url"]):
                        assert address is None or address.startswith(SITE)
                seen += len(refs)
    assert seen > 20


def test_nothing_withheld_is_expanded_on_the_public_site(project):
    whole = check(project).model
    public = select(whole, "publik")
    published = {a.id for a in public.anvisningar}
    withheld = {a.id for a in whole.anvisningar} - published
    assert withheld, "the small project has anvisningar the public site does not show"
    text = repr(api.documents(public, URLS, {}))
    for id in withheld:
        assert f"anvisningar/{id}/" not in text and f"'{id}'" not in text


def test_every_law_links_its_official_text_by_sfs(publication):
    _, document = api.documents(publication, URLS, {})["anvisningar/krisledning.json"]
    [law] = document["rattslig_grund"]
    assert law["url"] == f"https://rkrattsbaser.gov.se/sfst?bet={law['sfs']}"


def test_organisationsnummer_is_published_and_null_when_absent(project):
    model = check(project).model
    organ = tuple(
        replace(o, organisationsnummer="212000-0142") if o.id == "kommunfullmaktige" else o
        for o in model.organ
    )
    pub = select(replace(model, organ=organ))
    docs = api.documents(pub, URLS, {})
    listed = {o["id"]: o["organisationsnummer"] for o in docs["organ.json"][1]["organ"]}
    assert listed["kommunfullmaktige"] == "212000-0142"
    assert listed["bromma-stadsdelsnamnd"] is None
    assert docs["organ/kommunfullmaktige.json"][1]["organisationsnummer"] == "212000-0142"


def test_the_organ_document_holds_each_listed_anvisning_once_with_what_its_page_shows(
    publication,
):
    organ = publication.model.organ_med_id("bromma-stadsdelsnamnd")
    answer = organ_answer(publication, Applicability.of(publication.anvisningar), organ)
    _, document = api.documents(publication, URLS, {})["organ/bromma-stadsdelsnamnd.json"]
    lists = document["anvisningar"]
    posts = {p["id"]: p for p in document["anvisningsposter"]}
    listed = [entry["id"] for entries in lists.values() for entry in entries]
    assert len(posts) == len(document["anvisningsposter"]), "each anvisning once"
    assert set(posts) == set(listed)
    for key, entries in lists.items():
        assert [e["id"] for e in entries] == [a.id for a in getattr(answer, key)]
        for entry in entries:
            post = posts[entry["id"]]
            assert key in post["listor"]
            assert {k: post[k] for k in entry} == entry, "the list entry is the post's start"
    for id, post in posts.items():
        a = publication.model.anvisning_med_id(id)
        assert post["sammanfattning"] == a.sammanfattning
        assert post["exempelinnehall"] == a.exempelinnehall
        assert post["revideras_senast"] == (a.revideras_senast and a.revideras_senast.isoformat())
        assert post["ansvarig"]["id"] == a.ansvarig
