"""The benchmark's corpus stays buildable: `make bench` is not run in CI, this is."""

from __future__ import annotations

import importlib.util

from helpers import REPO, check


def load_corpus_module():
    spec = importlib.util.spec_from_file_location("corpus", REPO / "benchmarks" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
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
