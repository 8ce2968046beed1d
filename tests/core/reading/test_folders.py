"""Which files of a folder in data/ are read: the limit on how many."""

from __future__ import annotations

from styrdok.core.kinds import KINDS

from helpers import check


def test_files_above_the_limit_are_refused_not_read(project):
    folder = KINDS["indikatorer"].data_folder
    source = (project / "data" / "indikatorer" / "otrygghet-kvall.yml").read_text(encoding="utf-8")
    limit = folder.max_files
    for n in range(limit):
        text = source.replace("id: otrygghet-kvall", f"id: extra-{n:03d}")
        (project / "data" / "indikatorer" / f"extra-{n:03d}.yml").write_text(text, encoding="utf-8")
    outcome = check(project)
    refused = [p for p in outcome.problems if p.code == "for-manga-filer"]
    # Two files were there already: the last two in name order are not read.
    assert [p.path for p in refused] == [
        "data/indikatorer/otrygghet-kvall.yml",
        "data/indikatorer/tillbud-internt.yml",
    ]
    assert "högst 200" in refused[0].hint
