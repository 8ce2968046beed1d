"""The API stays linear in the anvisningar (views/api.py, api_files.py): for the benchmark's
corpus at n and 2n anvisningar, the functions that cost the most are called about twice
as often, and those made per anvisning a bounded number of times per anvisning, however
many organ list it. Call counts, not timings: the machine's speed does not matter."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from styrdok.core.pipeline import check_project
from styrdok.core.project import Project
from styrdok.select import select
from styrdok.views import andringsdatum, api, api_files, api_links, jsonbytes, urls
from styrdok.views.tvillingar import Sidtext
from styrdok.views.urls import API_DIR, SCHEMAS, Urls, sidadress

from helpers import REPO

DAG = date(2026, 12, 1)
SITE = "https://intranat.example.se/ts/"

# What the profile of a 2,000-anvisning build showed to cost the most, by where to count.
COUNTED: dict[str, tuple[Any, str]] = {
    "anvisning_kort": (api, "anvisning_kort"),
    "anvisningspost": (api, "_anvisningspost"),
    "anvisning_metadata": (api, "anvisning_metadata"),
    "version_entry": (api, "_version_entry"),
    "organ_ref": (api_links, "organ"),
    "anvisning_ref": (api_links, "anvisning"),
    "urljoin": (urls, "urljoin"),
    "serialize": (jsonbytes, "dumps"),
    "document_date": (andringsdatum, "document_date"),
}


def _corpus_module() -> Any:
    spec = importlib.util.spec_from_file_location("corpus", REPO / "benchmarks" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _counted(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    calls: Counter[str] = Counter()

    def wrap(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def counted(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return function(*args, **kwargs)

        return counted

    for name, (module, attribute) in COUNTED.items():
        monkeypatch.setattr(module, attribute, wrap(name, getattr(module, attribute)))
    return calls


def _api(root: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, Counter[str]]:
    outcome = check_project(Project.at(root), DAG, now=DAG)
    assert outcome.model is not None and not outcome.errors
    pub = select(outcome.model, "intranät", DAG)
    html = {a.sida: "<p>Text</p>\n" for a in pub.anvisningar}
    pages = {t.sida: Sidtext(t.titel, None, "<p>…</p>\n") for t in pub.texts()}
    source = REPO / "schema" / API_DIR
    schemas = {k: json.loads((source / n).read_text("utf-8")) for k, n in SCHEMAS.items()}
    openapi = json.loads((source / "openapi.json").read_text("utf-8"))
    site = Urls(SITE, sidadress)
    with monkeypatch.context() as patch:
        calls = _counted(patch)
        samling = api_files.Dokumentsamling(pub, site)
        # As a build: the guide's examples first, then publishing.
        for kind in ("index", "anvisningar", "organ", "anvisning"):
            id = {"organ": pub.organ[0].id, "anvisning": pub.anvisningar[0].id}.get(kind)
            samling.exempel(kind, id)
        api_files.api_files(pub, site, html, schemas, openapi, pages=pages, samling=samling)
    return len(pub.anvisningar), calls


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    corpus = _corpus_module()
    base = tmp_path_factory.mktemp("skala")
    return corpus.make_corpus(base / "n", 2), corpus.make_corpus(base / "2n", 4)


def test_the_api_grows_linearly_with_the_anvisningar(corpora, monkeypatch):
    n, small = _api(corpora[0], monkeypatch)
    two_n, large = _api(corpora[1], monkeypatch)
    assert two_n == 2 * n
    for name in COUNTED:
        # Twice the anvisningar, at most about twice the calls (what does not grow
        # with them, the organ and the fixed documents, keeps the ratio below 2).
        assert large[name] <= 2.1 * small[name] + 5, (name, small[name], large[name])


def test_what_is_made_per_anvisning_is_made_a_few_times_not_once_per_organ(corpora, monkeypatch):
    n, calls = _api(corpora[0], monkeypatch)
    # Each anvisning's list entry, organ entry and metadata once per build, not once
    # per organ whose document lists it (some twins list them again, made their own way).
    assert calls["anvisningspost"] <= n
    assert calls["anvisning_metadata"] <= n
    assert calls["anvisning_kort"] <= 4 * n
    # Addresses from the fixed base are not urljoin's: only links inside texts are.
    assert calls["urljoin"] == 0
    # Each document serialised once, then the index and the OpenAPI description (the
    # guide's index example serialises the one document it shows).
    assert calls["serialize"] <= calls["document_date"] + 3
