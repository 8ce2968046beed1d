"""At most MAX_VERSIONS kept versions of one anvisning are read; the rest are refused
by name, before anything is parsed."""

from __future__ import annotations

from styrdok.core.limits import MAX_VERSIONS

from helpers import check


def test_versions_above_the_limit_are_refused_not_read(project):
    folder = project / "docs" / "anvisningar" / "krisledning"
    kept = (folder / "version-1.md").read_text(encoding="utf-8")
    for n in range(2, MAX_VERSIONS + 3):
        # Not even valid YAML: a refused file must not be read.
        (folder / f"version-{n}.md").write_text("---\n: [\n---\n" if n > MAX_VERSIONS else kept)
    found = [(p.code, p.path) for p in check(project).problems if p.code == "for-manga-filer"]
    assert found == [
        ("for-manga-filer", f"docs/anvisningar/krisledning/version-{n}.md")
        for n in (MAX_VERSIONS + 1, MAX_VERSIONS + 2)
    ]
    codes = {p.code for p in check(project).problems}
    assert "ogiltig-yaml" not in codes
