"""The scale benchmark's corpus (benchmarks/generated_corpus.py): valid, deterministic and
prefix-stable, so its measurements at 2,000 and 4,000 compare like with like."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from helpers import REPO, check


def load(name: str):
    """A module of benchmarks/ (not a package), as the benchmark itself imports it."""
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # a dataclass looks its module up while it is made
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generated():
    return load("generated_corpus")


def generated_files(root: Path) -> dict[str, bytes]:
    folder = root / "docs" / "anvisningar"
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("genererad-*")
        if p.is_file()
    } | {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.glob("genererad-*/*.md")}


def test_corpus_passes_the_check_with_n_anvisningar(generated, tmp_path):
    corpus = generated.make_generated_corpus(tmp_path / "korpus", 60)
    outcome = check(corpus)
    assert outcome.ok, outcome.problems
    assert [p for p in outcome.problems if "genererad" in p.path] == []
    model = outcome.model
    assert len(model.anvisningar) == 60
    made = [a for a in model.anvisningar if a.id.startswith("genererad-")]
    assert all(a.exempelinnehall for a in made)
    assert {a.atkomst for a in made} == {"öppen", "intern", "skyddad"}
    assert {a.status for a in made} >= {"gällande", "upphävd"}
    assert any(a.ersatter for a in made)
    assert any(v.id.startswith("genererad-") for v in model.versioner)
    assert any(not a.galler_for.alla for a in made) and any(a.galler_for.alla for a in made)


def test_bodies_are_realistic(generated, tmp_path):
    corpus = generated.make_generated_corpus(tmp_path / "korpus", 40)
    bodies = [
        p.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        for p in sorted((corpus / "docs" / "anvisningar").glob("genererad-*.md"))
    ]
    words = [len(b.split()) for b in bodies]
    assert min(words) >= 300 and max(words) <= 1700
    assert all("\n## " in b and "\n# " not in b for b in bodies)
    assert any("\n| " in b for b in bodies) and any("\n1. " in b for b in bodies)
    assert any("](" in b for b in bodies)


def test_same_n_same_bytes_and_a_prefix_is_the_same(generated, tmp_path):
    small = generated_files(generated.make_generated_corpus(tmp_path / "a", 30))
    again = generated_files(generated.make_generated_corpus(tmp_path / "b", 30))
    larger = generated_files(generated.make_generated_corpus(tmp_path / "c", 50))
    assert small == again
    assert len([f for f in larger if f.endswith(".md") and "/" not in f]) == 50 - 18
    assert {f: larger[f] for f in small} == small


def test_n_below_the_real_anvisningar_is_refused(generated, tmp_path):
    with pytest.raises(ValueError, match="minst"):
        generated.make_generated_corpus(tmp_path / "korpus", 3)
