"""The benchmark's corpus stays buildable: `make bench` is not run in CI, this is."""

from __future__ import annotations

import importlib.util
import sys

from helpers import REPO, check


def load_corpus_module():
    spec = importlib.util.spec_from_file_location("corpus", REPO / "benchmarks" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    # A dataclass looks its module up in sys.modules while it is made.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_multiplied_corpus_passes_the_check_and_builds(tmp_path, mkdocs_build):
    corpus = load_corpus_module().make_corpus(tmp_path / "korpus", 2)
    outcome = check(corpus)
    assert outcome.ok, outcome.problems
    original = check(REPO).model
    assert len(outcome.model.anvisningar) == 2 * len(original.anvisningar)
    result = mkdocs_build(corpus / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.stderr


def test_generated_follow_up_passes_the_check_without_warnings(tmp_path):
    corpus = load_corpus_module()
    spec = corpus.FollowUp(years=3, risks=4, bodies=50, indicators=6)
    outcome = check(corpus.make_corpus(tmp_path / "korpus", 1, follow_up=spec))
    # The real programmes' periods have ended, and the check says so until an editor
    # records what applies now; that warning is about data/program.yml, not the corpus.
    assert [p for p in outcome.problems if p.code != "programperiod-slut"] == []
    model = outcome.model
    assert [y.ar for y in sorted(model.uppfoljning, key=lambda y: y.ar)] == [2022, 2023, 2024]
    for year in model.uppfoljning:
        assert len(year.rapporter) == 50
        assert all(r.inlamnad and len(r.risker) == 4 for r in year.rapporter)
        assert {r.atkomst for r in year.rapporter} == {"öppen", "intern", "skyddad"}
    assert len(model.indikatorer) == 6
    assert all(len(i.varden) == 3 for i in model.indikatorer)
