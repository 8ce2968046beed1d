"""The leak check's work grows with the content, not with texts × strings.

Counted, not timed, on the benchmark's generated corpus at n and 2n anvisningar: one
automaton for both audiences; each distinct form of a text searched once, however many
audiences publish it and whether the published texts' pass or the sources' met it
first; the characters searched and the matches Python looks at (one per string found
in a text, not one per occurrence) grow with n. And `forbidden_by_audience` gives each
audience exactly what `forbidden` worked out with a matcher of its own."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from styrdok.core.pipeline import check_project as check_source
from styrdok.core.project import Project
from styrdok.forbidden import matcher as matcher_module
from styrdok.forbidden import strings
from styrdok.forbidden.matcher import Matcher
from styrdok.forbidden.sources import check_leaks
from styrdok.select import MALGRUPPER, select

from helpers import REPO, TODAY


@pytest.fixture(scope="module")
def generated():
    spec = importlib.util.spec_from_file_location(
        "generated_corpus", REPO / "benchmarks" / "generated_corpus.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


class _Counting:
    """An automaton that counts its searches, the characters searched and the matches."""

    def __init__(self, automaton, counts: dict) -> None:
        self.automaton = automaton
        self.counts = counts

    def find_matches_as_indexes(self, text: str, overlapping: bool) -> list:
        found = self.automaton.find_matches_as_indexes(text, overlapping=overlapping)
        self.counts["searched"].append(text)
        self.counts["characters"] += len(text)
        self.counts["strings found"] += len({index for index, _, _ in found})
        return found


def _work(root: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    counts: dict = {"automata": 0, "searched": [], "characters": 0, "strings found": 0}
    counts["forms"] = set()
    real = matcher_module._automaton
    real_find = Matcher.find_word_form

    def counting(patterns):
        counts["automata"] += 1
        return _Counting(real(patterns), counts)

    def asked(self, padded):
        counts["forms"].add(padded)
        return real_find(self, padded)

    monkeypatch.setattr(matcher_module, "_automaton", counting)
    monkeypatch.setattr(Matcher, "find_word_form", asked)
    strings.published_word_forms.cache_clear()
    outcome = check_source(Project.at(root), TODAY)
    assert outcome.model is not None
    publications = {m: select(outcome.model, m, TODAY) for m in MALGRUPPER}
    assert check_leaks(Project.at(root), outcome.model, publications) == []
    monkeypatch.undo()
    return counts


@pytest.fixture(scope="module")
def corpora(generated, tmp_path_factory):
    folder = tmp_path_factory.mktemp("linear")
    return {n: generated.make_generated_corpus(folder / str(n), n) for n in (40, 80)}


def test_the_leak_check_is_linear_in_the_content(corpora, monkeypatch):
    small, large = (_work(corpora[n], monkeypatch) for n in (40, 80))
    for work in (small, large):
        assert work["automata"] == 1  # both audiences' strings, and nothing found to place
        assert len(work["searched"]) == len(work["forms"])  # each distinct form once
    assert large["characters"] <= 2.3 * small["characters"]
    assert large["strings found"] <= 2.3 * small["strings found"] + 10
    assert len(large["searched"]) <= 2.3 * len(small["searched"])


def test_each_audience_gets_what_a_matcher_of_its_own_gives(corpora):
    root = corpora[40]
    outcome = check_source(Project.at(root), TODAY)
    publications = {m: select(outcome.model, m, TODAY) for m in MALGRUPPER}
    guide = strings.published_sources(root)
    together = strings.forbidden_by_audience(outcome.model, publications, guide)
    for malgrupp, pub in publications.items():
        found = strings._withheld(outcome.model, pub)
        own = Matcher(found)
        public = set().union(
            *(
                own.find_word_form(form)
                for text in strings._published(pub, guide)
                if text
                for form in strings.published_word_forms(text)
            )
        )
        expected = {s: what for s, what in found.items() if s not in public}
        assert together[malgrupp].strings == expected
        assert list(together[malgrupp].strings) == list(expected)
        assert strings.forbidden(outcome.model, pub, guide) == expected
