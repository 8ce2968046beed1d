"""Integrity helpers, tested on plain data."""

from __future__ import annotations

from styrdok.core.rules.integrity import find_cycles


def test_find_cycles_reports_each_cycle_once_from_its_smallest_id():
    edges = {"c": ("a",), "a": ("b",), "b": ("c",), "x": ("x",), "y": ("z",), "z": ()}
    assert find_cycles(edges) == [("a", "b", "c"), ("x",)]


def test_find_cycles_handles_long_chains_without_recursion():
    edges = {f"n{i}": (f"n{i + 1}",) for i in range(20000)}
    assert find_cycles(edges) == []
    edges["n20000"] = ("n0",)
    (cycle,) = find_cycles(edges)
    assert len(cycle) == 20001
