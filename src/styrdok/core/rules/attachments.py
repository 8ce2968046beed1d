"""Attachments: every file below docs/ that is not a page belongs to the one document
that declares it under `bilagor:`, and is published with that document's access level.

A file nobody declares is an error rather than something published by default; a link
from a text to a file its document does not declare is an error too, so that no file
reaches a site because a text happened to mention it.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Mapping, Sequence

from styrdok.core.messages import problem, size_text
from styrdok.core.model import Model
from styrdok.core.problems import Position, Problem
from styrdok.core.reading.bodies import Scan, resolve
from styrdok.core.rules.text_rules import texts

# Attachments are published as they are; a very large file belongs in the city's
# document management, linked from the text.
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


def check_attachments(
    model: Model,
    files: Sequence[str],
    scans: dict[str, Scan],
    docs_display: str,
    sizes: Mapping[str, int] | None = None,
) -> Iterator[Problem]:
    present = set(files)
    sizes = sizes or {}
    declared: dict[str, str] = {}
    sources = {document.sida: document.fil for document in model.texts()}
    # An earlier version is a copy of its anvisning's page and keeps its attachments:
    # they are in the anvisning's folder, and both may declare them.
    home = {v.sida: a.sida for a in model.anvisningar for v in model.versioner_av(a.id)}
    own: dict[str, set[str]] = {}
    for document in model.texts():
        fil = document.fil
        page = home.get(document.sida, document.sida)
        folder = posixpath.dirname(page)
        own[document.sida] = set(document.bilagor)
        kalla = getattr(document, "kalla", None)
        for index, path in enumerate(document.bilagor):
            where = kalla.plats(f"bilagor[{index}]") if kalla else Position()
            name = posixpath.relpath(path, folder or ".")
            own_folder = page.removesuffix(".md") + "/"
            if not path.startswith(own_folder):
                # Its address would name another document (a skyddad one's id, say).
                right = posixpath.relpath(own_folder + posixpath.basename(path), folder or ".")
                yield problem(
                    "bilaga-fel-mapp",
                    fil,
                    where,
                    namn=name,
                    mapp=own_folder.rstrip("/"),
                    ratt=right,
                )
                continue
            if path in declared:
                if home.get(declared[path], declared[path]) != page:
                    other = sources.get(declared[path], declared[path])
                    yield problem("bilaga-dubblett", fil, where, namn=name, annan=other)
                continue
            declared[path] = document.sida
            if path not in present:
                yield problem("bilaga-saknas", fil, where, namn=name, sokvag=path)
            elif sizes.get(path, 0) > MAX_ATTACHMENT_BYTES:
                yield problem(
                    "for-stor-bilaga",
                    fil,
                    where,
                    namn=name,
                    storlek=size_text(sizes[path]),
                    grans=size_text(MAX_ATTACHMENT_BYTES),
                )
    for path in sorted(present - set(declared)):
        yield problem("okand-fil", f"{docs_display}/{path}", Position(), namn=path)
    for fil, sida, first_line, _ in texts(model):
        folder = posixpath.dirname(sida)
        for link in scans[sida].links:
            path = resolve(sida, link.target)
            # A file declared by another document may be linked: selection decides
            # whether the link survives for each audience.
            if path is None or path in own[sida] or path in declared:
                continue
            if path in present:
                yield problem(
                    "bilaga-odeklarerad",
                    fil,
                    Position(first_line + link.line - 1, 1),
                    namn=posixpath.relpath(path, folder or "."),
                    forslag=posixpath.relpath(path, folder or "."),
                )
