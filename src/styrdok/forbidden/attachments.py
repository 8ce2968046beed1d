"""The attachments each audience publishes, read as the leak scan after the build reads
them.

An attachment (a file a document declares under `bilagor`) is published as it is, so
what it holds reaches the site unchanged: a PDF on an öppen anvisning that names a
skyddad anvisning's title, a password-protected PDF that the scan cannot read through.
Read here with the scan's own reader (`files`), within the same budget, so the check
says first, at the attachment, what the build would refuse.

Linear: each attachment is read once, whichever audiences publish it, and each of its
views is matched once per audience that does.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from styrdok.core.project import Project
from styrdok.core.rules.attachments import MAX_ATTACHMENT_BYTES
from styrdok.forbidden.files import Unreadable, contents, found_in
from styrdok.forbidden.matcher import Matcher
from styrdok.select import MALGRUPPER, Publication


@dataclass(frozen=True)
class Found:
    """A string an audience must not see, in an attachment it publishes."""

    fil: str  # the attachment as editors see it (docs/…)
    inre: str  # the file inside it where it is an archive (a .docx's word/document.xml)
    string: str
    malgrupp: str


@dataclass(frozen=True)
class Closed:
    """An attachment the scan could not read through, and who would publish it."""

    fil: str
    why: Unreadable
    malgrupper: tuple[str, ...]


def attachment_leaks(
    project: Project,
    publications: Mapping[str, Publication],
    matchers: Mapping[str, Matcher],
) -> Iterator[Found | Closed]:
    """What the scan of each audience's build would refuse in the attachments it
    publishes, attachment by attachment in the order of their paths."""
    audiences: dict[str, list[str]] = {}
    for malgrupp in MALGRUPPER:
        for path in publications[malgrupp].bilagor:
            audiences.setdefault(path, []).append(malgrupp)
    for path in sorted(audiences):
        data = _read(project, path)
        if data is None:
            continue
        fil = project.display(project.docs_dir / path)
        for label, views in contents(fil, posixpath.basename(path), data):
            if isinstance(views, Unreadable):
                yield Closed(fil, views, tuple(audiences[path]))
                continue
            inner = label.removeprefix(fil).removeprefix(": ")
            for malgrupp in audiences[path]:
                for string in found_in(matchers[malgrupp], views):
                    yield Found(fil, inner, string, malgrupp)


def _read(project: Project, path: str) -> bytes | None:
    """The attachment's bytes; None for one the check already refuses (missing, a link
    out of docs/, larger than an attachment may be), which no build publishes."""
    docs = project.docs_dir
    source = docs / path
    try:
        if source.is_symlink() or not source.is_file():
            return None
        if not source.resolve().is_relative_to(docs.resolve()):
            return None
        if source.stat().st_size > MAX_ATTACHMENT_BYTES:
            return None
        return source.read_bytes()
    except OSError:
        return None
