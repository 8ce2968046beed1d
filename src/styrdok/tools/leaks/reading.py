"""Reading a built site: every file, through the reader the check shares
(`forbidden.files`), with one `Matcher` for all the strings the audience must not see."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from styrdok.forbidden.files import Leak, Unreadable, contents, found_in
from styrdok.forbidden.matcher import Matcher


def scan(site: Path, strings: Mapping[str, str]) -> list[Leak]:
    """Every file below `site` that contains one of `strings`, once per string found,
    in the order of the files and then of `strings`."""
    matcher = Matcher(strings)
    order = {string: i for i, string in enumerate(strings)}
    leaks: list[Leak] = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        fil = path.relative_to(site).as_posix()
        for label, views in contents(fil, path.name, path.read_bytes()):
            if isinstance(views, Unreadable):
                leaks.append(views)
                continue
            found = found_in(matcher, views)
            leaks += [Leak(label, strings[s], s) for s in sorted(found, key=order.__getitem__)]
    return leaks
