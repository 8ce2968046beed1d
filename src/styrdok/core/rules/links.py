"""Links inside the site, judged as the build will judge them: MkDocs in strict mode
stops at a link to a page it does not have, or to an avsnitt (anchor) that page lacks,
and prints it in English. The check says it first, in Swedish, with the line.

A link to a page an audience does not get is not an error: selection turns it into plain
text marked "ej publicerad" for that audience (core/withheld.py), and the build passes.
On the public site that quietly changes what a reader sees, so the editor is told with a
warning. A link to an avsnitt of a skyddad anvisning is an error: its text, and so its
headings, is not on any site.
"""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Iterator, Sequence
from urllib.parse import unquote

from styrdok.core.messages import closest, problem, shorten
from styrdok.core.model import Anvisning, Model, Sida
from styrdok.core.problems import Position, Problem
from styrdok.core.reading.bodies import Link, Scan, resolve
from styrdok.core.reading.headings import anchors, slugify
from styrdok.core.rules.text_rules import Avvisad
from styrdok.core.sanitize import url_scheme
from styrdok.core.site_pages import PUBLIK, rank, site_pages

# Sections the anvisning page adds around the editor's text (views/anvisning_page.py).
ANVISNING_SECTIONS = frozenset({"versioner", "versionshistorik", "hanvisningar-hit"})


class _Site:
    """Every page of the site with what a link to it needs to know."""

    def __init__(self, model: Model, files: Sequence[str], rejected: Sequence[Avvisad]) -> None:
        self.pages = site_pages(model)
        self.files = set(files)
        self.documents: dict[str, Anvisning | Sida] = {d.sida: d for d in model.texts()}
        # Pages whose front matter has errors: they exist, but what they will be (their
        # access level, their avsnitt) is known once the errors are fixed.
        self.rejected = {page.sida for page in rejected} - set(self.documents)
        current = {a.id: a.atkomst for a in model.anvisningar}
        # A kept version is published at least as strictly as its anvisning (select.py).
        self.levels = {d.sida: d.atkomst for d in model.texts()}
        for version in model.versioner:
            level = current.get(version.id, "skyddad")
            self.levels[version.sida] = max(version.atkomst, level, key=rank)
        self.skyddade = {a.sida for a in (*model.anvisningar, *model.versioner)}
        self.skyddade &= {s for s, level in self.levels.items() if level == "skyddad"}
        self.page_names = sorted(
            {
                *self.documents,
                *self.rejected,
                *(p for p in self.pages.generated if p.endswith(".md")),
            }
        )

    def page_at(self, address: str) -> str | None:
        """The page whose address on the site is `address` (a/b/ is a/b.md or a/b/index.md)."""
        stem = unquote(address).strip("/")
        for page in (f"{stem}.md", f"{stem}/index.md" if stem else "index.md", stem):
            if page in self.documents or page in self.rejected or page in self.pages.generated:
                return page
        return None

    def anchors_of(self, sida: str) -> frozenset[str] | None:
        """The avsnitt of a page, or None when the build makes them (a generated page)."""
        document = self.documents.get(sida)
        declared = self.pages.anchors.get(sida, frozenset())
        if document is None:
            return declared or None
        found = anchors(document.text) | declared
        if isinstance(document, Anvisning):
            found |= ANVISNING_SECTIONS | {slugify(document.titel)}
        return found

    def macros(self, sida: str) -> bool:
        """Whether the page's text calls macros, which may write avsnitt of their own."""
        document = self.documents.get(sida)
        return document is None or "{{" in document.text


def check_links(
    model: Model, scans: dict[str, Scan], files: Sequence[str], rejected: Sequence[Avvisad] = ()
) -> Iterator[Problem]:
    site = _Site(model, files, rejected)
    for document in (*model.texts(), *rejected):
        level = site.levels.get(document.sida, getattr(document, "atkomst", None))
        if level == "skyddad":
            continue  # its text is on no site, so its links reach no build
        lines = document.text.split("\n")
        for link in scans[document.sida].links:
            found = _judge(site, document, link)
            if found is None:
                continue
            code, values = found
            line_text = lines[link.line - 1] if 0 < link.line <= len(lines) else ""
            column = line_text.find(link.target) + 1 or 1
            position = Position(document.text_rad + link.line - 1, column)
            yield problem(code, document.fil, position, lank=shorten(link.target, 60), **values)


def _judge(
    site: _Site, document: Anvisning | Sida | Avvisad, link: Link
) -> tuple[str, dict] | None:
    target = link.target.strip()
    if url_scheme(target) is not None or target.startswith("//"):
        return None
    here = document.sida
    folder = posixpath.dirname(here)
    if target.startswith("/"):
        address = target.lstrip("/").split("#", 1)[0].split("?", 1)[0]
        page = site.page_at(address)
        return "lank-absolut", {"forslag": _relative(page, folder) if page else "sida.md"}
    anchor = unquote(target.split("#", 1)[1]) if "#" in target else None
    path = resolve(here, target) if not target.startswith("#") else here
    if path is None:
        written = unquote(target.split("#", 1)[0])
        return "lank-saknas", {"sida": written, "forslag": _closest(site, written, folder)}
    if path in site.files:
        return None  # an attachment: core/rules/attachments.py judges it
    if link.html and path.endswith(".md"):
        # MkDocs turns only Markdown links into the page's address; the gate then
        # refuses the .md address left in the HTML, on both sites.
        return "lank-i-html", {"forslag": f"[…]({shorten(target, 60)})"}
    if path in site.rejected:
        return None  # it exists; its errors are reported in its own file
    if path in site.documents:
        return _to_document(site, document, path, anchor)
    audiences = site.pages.generated.get(path)
    if audiences is None:
        return "lank-saknas", {"sida": path, "forslag": _closest(site, path, folder)}
    if PUBLIK not in audiences and site.levels.get(here) == "öppen":
        return "lank-bara-intranat", {"sida": path}
    if anchor:
        return _anchor(site, path, anchor)
    return None


def _to_document(
    site: _Site, document: Anvisning | Sida | Avvisad, path: str, anchor: str | None
) -> tuple[str, dict] | None:
    level = site.levels.get(path, "öppen")
    if anchor and path in site.skyddade:
        return "ankare-skyddad", {"sida": path, "ankare": anchor}
    if anchor:
        found = _anchor(site, path, anchor)
        if found is not None:
            return found
    if level != "öppen" and site.levels.get(document.sida) == "öppen":
        return "lank-ej-publicerad", {"sida": path, "atkomst": level}
    return None


def _anchor(site: _Site, path: str, anchor: str) -> tuple[str, dict] | None:
    known = site.anchors_of(path)
    if known is not None and anchor in known:
        return None
    if known is None or site.macros(path):
        return "ankare-okontrollerat", {"sida": path, "ankare": anchor}
    # An avsnitt's name is written like an id, so it is suggested as ids are (messages).
    close = closest(anchor, sorted(known))
    hint = f"Menade du '#{close}'? " if close else ""
    return "ankare-saknas", {"sida": path, "ankare": anchor, "forslag": hint}


def _closest(site: _Site, written: str, folder: str) -> str:
    """'Menade du …?' with the closest page, written relative to the linking page."""
    names = {_relative(page, folder): page for page in site.page_names}
    wanted = _relative(written, folder) if not written.startswith("..") else written
    close = difflib.get_close_matches(wanted, list(names), n=1, cutoff=0.6)
    if not close:
        # The file name alone, for a page in another folder.
        by_name = {posixpath.basename(p): r for r, p in names.items()}
        hit = difflib.get_close_matches(posixpath.basename(written), list(by_name), n=1)
        close = [by_name[hit[0]]] if hit else []
    return f"Menade du '{close[0]}'? " if close else ""


def _relative(path: str, folder: str) -> str:
    return posixpath.relpath(path, folder or ".")
