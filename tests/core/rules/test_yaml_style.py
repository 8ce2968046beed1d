"""The check's YAML style is yamllint's, read without its second parse."""

from __future__ import annotations

from pathlib import Path

import pytest
from yamllint import linter

from styrdok.core.rules.yaml_style import CONFIG, REPORTED_ELSEWHERE, SYNTAX, _config, _lint

from helpers import check, make_project

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
        expected = as_run(text)
        assert _lint(text, config) == expected
    assert expected, "the slips must be found"


def as_run(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """What yamllint's run() finds, its syntax error (rule None) named SYNTAX."""
    config = _config(ROOT / CONFIG, (ROOT / CONFIG).stat().st_mtime)
    assert config is not None
    return tuple(
        (p.line, p.column, p.rule or SYNTAX, p.desc)
        for p in linter.run(text, config)
        if p.rule not in REPORTED_ELSEWHERE
    )


# Text libyaml (the loader) reads but yamllint's pure-Python parser refuses.
LIBYAML_ONLY = [
    "id: x\nenhet:\tprocent\n",
    "id: x\nnamn: !\ttext\n",
    "id: x\nnamn: >#\n  text\n",
    "id:  x   \nnamn: >\t\n  text\n",
]


@pytest.mark.parametrize("text", LIBYAML_ONLY)
def test_what_only_libyaml_reads_is_yamllints_syntax_error(text: str) -> None:
    config = _config(ROOT / CONFIG, (ROOT / CONFIG).stat().st_mtime)
    assert config is not None
    assert any(rule == SYNTAX for *_, rule, _ in _lint(text, config))
    assert _lint(text, config) == as_run(text)


def indicator(root: Path) -> Path:
    return root / "data" / "indikatorer" / "otrygghet-kvall.yml"


def test_a_tab_after_a_colon_is_an_error_as_in_yamllint(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    path = indicator(root)
    path.write_text(path.read_text(encoding="utf-8").replace("enhet: ", "enhet:\t"))
    found = [(p.code, p.path) for p in check(root).problems]
    assert found == [("ogiltig-yaml", "data/indikatorer/otrygghet-kvall.yml")]


def test_old_mac_line_ends_are_linted_as_yamllint_reads_them(tmp_path: Path) -> None:
    # A lone CR is a line end to the loader but not to yamllint: one line, no final LF.
    root = make_project(tmp_path / "p")
    path = indicator(root)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r"))
    assert {p.code for p in check(root).problems} == {"yaml-stil"}


@pytest.mark.parametrize(
    "name", ["indikatorer/.utkast.yml", "annat/post.yml", ".yml", "annat/.yamllint"]
)
def test_yaml_files_the_loader_skips_are_linted_as_yamllint_lints_them(
    tmp_path: Path, name: str
) -> None:
    root = make_project(tmp_path / "p")
    (root / "data" / name).parent.mkdir(parents=True, exist_ok=True)
    (root / "data" / name).write_text("namn:   x   \n", encoding="utf-8")
    found = {(p.code, p.path) for p in check(root).problems}
    assert found == {("yaml-stil", f"data/{name}")}


def test_a_symbolic_link_the_loader_skips_is_not_read(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    secret = tmp_path / "hemlig.yml"
    secret.write_text("hemligt:    HEMLIGT   \n", encoding="utf-8")
    (root / "data" / "annat").mkdir()
    (root / "data" / "annat" / "lank.yml").symlink_to(secret)
    assert "HEMLIGT" not in "".join(str(p) for p in check(root).problems)


def test_a_file_may_switch_the_style_off_as_yamllint_allows() -> None:
    config = _config(ROOT / CONFIG, (ROOT / CONFIG).stat().st_mtime)
    assert _lint("# yamllint disable-file\nid: x   \n", config) == ()
    assert _lint("id: x   \n", config) != ()
