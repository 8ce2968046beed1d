"""The check's YAML style is yamllint's, read without its second parse."""

from __future__ import annotations

from pathlib import Path

import pytest
from yamllint import linter

from styrdok.core.rules.yaml_style import CONFIG, REPORTED_ELSEWHERE, _config, _lint

ROOT = Path(__file__).resolve().parents[3]
DATA = sorted((ROOT / "data").rglob("*.yml"))


def styled(text: str) -> str:
    """A data file with the slips editors make: trailing blanks, a tab-less bad indent,
    a missing space after a comment's #, a blank line too many, no final line break."""
    lines = text.split("\n")
    lines[3] += "   "
    lines.insert(5, "#kommentar")
    lines.insert(6, "")
    lines.insert(6, "")
    lines.insert(6, "")
    return "\n".join(lines).rstrip("\n")


@pytest.mark.parametrize("path", DATA, ids=[p.name for p in DATA])
def test_the_check_finds_what_yamllint_finds(path: Path) -> None:
    config = _config(ROOT / CONFIG, (ROOT / CONFIG).stat().st_mtime)
    assert config is not None
    for text in (path.read_text(encoding="utf-8"), styled(path.read_text(encoding="utf-8"))):
        expected = tuple(
            (p.line, p.column, p.rule, p.desc)
            for p in linter.run(text, config)
            if p.rule not in REPORTED_ELSEWHERE
        )
        assert _lint(text, config) == expected
    assert expected, "the slips must be found"


def test_a_file_may_switch_the_style_off_as_yamllint_allows() -> None:
    config = _config(ROOT / CONFIG, (ROOT / CONFIG).stat().st_mtime)
    assert _lint("# yamllint disable-file\nid: x   \n", config) == ()
    assert _lint("id: x   \n", config) != ()
