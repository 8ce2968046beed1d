"""Assembling "Hela programmet" from the site's own pages, as MkDocs rendered and the
plugin sanitised them: the document then says exactly what the site says, for the same
audience, and editor text never passes through a template engine.

Each part's element ids get a prefix of the part, so ids from different pages cannot
clash; its headings move down two levels below the document's own; its relative links
are rebased: a link to a page the document holds becomes an in-document anchor, any
other one the address of that page from where the document is (the page
hela-programmet/, or the site's absolute address for the PDF); folded <details> are
open, as a printed document cannot unfold them. The result is sanitised again with the
site's allow-list.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from styrdok.core import sanitize

_HEADING = re.compile(r"h([1-6])")
_NOT_ID = re.compile(r"[^A-Za-z0-9_-]+")
# Headings of a part sit below the document's h1 and its group's h2.
HEADING_SHIFT = 2
# Elements a part may nest: deeper ones give up their tag and keep their content.
# WeasyPrint recurses per level and stopped with a RecursionError at about 140 (150
# nested <div>s in an öppen text, which the site's pages show and `styrdok check`
# passes); real pages nest about ten.
MAX_DEPTH = 40
# Elements without an end tag, among those the sanitiser allows.
_VOID = frozenset({"br", "col", "hr", "img"})
INNEHALL_ID = "hela-programmet-innehall"


@dataclass(frozen=True)
class Renderad:
    """A rendered page taken into the document."""

    url: str  # the page's address below the site, as MkDocs gives it ("anvisningar/x/")
    titel: str
    html: str  # its sanitised content


@dataclass(frozen=True)
class Grupp:
    rubrik: str
    id: str  # the anchor of its heading
    delar: Sequence[Renderad]


@dataclass(frozen=True)
class Adresser:
    """Where a link from the document to a page or file it does not hold goes.

    `sida`: the address as written (a path below the site, "/" ending a page);
    returns the href for a link, or for an image when `resurs` is true."""

    link: Callable[[str], str]
    resurs: Callable[[str], str]


def for_page(here: str) -> Adresser:
    """Addresses relative to the page `here` (below the site, "hela-programmet/")."""

    def relative(target: str) -> str:
        path = posixpath.relpath(target.rstrip("/") or ".", here.rstrip("/") or ".")
        slash = "/" if target.endswith("/") or not target else ""
        return "./" if path == "." else path + slash

    return Adresser(relative, relative)


def for_pdf(site_url: str) -> Adresser:
    """Links to the site's absolute addresses (the PDF is read away from the site);
    images by their path below the site, which the PDF's fetcher reads from the build."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return Adresser(lambda target: urljoin(base, target), lambda target: target)


def del_id(url: str) -> str:
    """The anchor of the part that holds the page at `url`.

    The parts are the programme's fixed pages and anvisningar (ids of a-z, 0-9 and
    single "-"): a slash becomes "_", which neither holds, so two addresses never share
    an anchor (anvisningar/x/version-2/ and anvisningar/x-version-2/ did with "-"), and
    no anchor holds "--", which joins a part's anchor to its own ids."""
    return "del-" + (_NOT_ID.sub("-", url.strip("/").replace("/", "_")).strip("-") or "start")


def _resolve(base: str, href: str) -> tuple[str, str, str] | None:
    """(target below the site, query, fragment) of a relative address on the page at
    `base`; None for an absolute address or one above the site, which stays as it is."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("/"):
        return None
    if not parts.path:
        return base, parts.query, parts.fragment
    path = posixpath.normpath(posixpath.join(base, parts.path))
    if path.startswith(".."):
        return None
    path = "" if path == "." else path
    if path and parts.path.endswith("/"):
        path += "/"
    return path, parts.query, parts.fragment


class _Part(HTMLParser):
    """Re-writes one part's HTML: ids prefixed, headings shifted, links rebased."""

    def __init__(self, part: Renderad, held: dict[str, str], addresses: Adresser) -> None:
        super().__init__(convert_charrefs=True)
        self.part = part
        self.prefix = del_id(part.url)
        self.held = held  # page url -> its part's anchor
        self.addresses = addresses
        self.out: list[str] = []
        # For each open element, whether its tags are written (MAX_DEPTH).
        self.open: list[bool] = []

    def _id(self, value: str) -> str:
        return f"{self.prefix}--{value}"

    def _href(self, value: str) -> str:
        found = _resolve(self.part.url, value)
        if found is None:
            return value
        target, query, fragment = found
        anchor = self.held.get(target)
        if anchor is not None:
            prefix = anchor
            return f"#{prefix}--{fragment}" if fragment else f"#{prefix}"
        rebased = self.addresses.link(target)
        return rebased + (f"?{query}" if query else "") + (f"#{fragment}" if fragment else "")

    def _src(self, value: str) -> str:
        found = _resolve(self.part.url, value)
        return value if found is None else self.addresses.resurs(found[0])

    def _tag(self, tag: str) -> str:
        level = _HEADING.fullmatch(tag)
        return f"h{min(int(level[1]) + HEADING_SHIFT, 6)}" if level else tag

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], close: str) -> None:
        kept = len(self.open) < MAX_DEPTH or tag in _VOID
        if tag not in _VOID and not close:
            self.open.append(kept)
        if not kept:
            return
        written = []
        if tag == "details" and not any(name == "open" for name, _ in attrs):
            # A document to print: nothing folded away.
            attrs = [*attrs, ("open", None)]
        for name, value in attrs:
            if value is not None and name == "id":
                value = self._id(value)
            elif value is not None and name == "href":
                value = self._href(value)
            elif value is not None and name == "src":
                value = self._src(value)
            written.append(f" {name}" if value is None else f' {name}="{escape(value)}"')
        self.out.append(f"<{self._tag(tag)}{''.join(written)}{close}>")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, " /")

    def handle_endtag(self, tag: str) -> None:
        # The sanitiser's serialisation closes every element it opens, in order.
        if tag in _VOID or (self.open and not self.open.pop()):
            return
        self.out.append(f"</{self._tag(tag)}>")

    def handle_data(self, data: str) -> None:
        self.out.append(escape(data, quote=False))

    # Comments, declarations and processing instructions are dropped (the handlers
    # HTMLParser leaves empty), as the sanitiser would.


def _part_html(part: Renderad, held: dict[str, str], addresses: Adresser) -> str:
    rewriter = _Part(part, held, addresses)
    rewriter.feed(part.html)
    rewriter.close()
    return "".join(rewriter.out)


def innehallsforteckning(grupper: Sequence[Grupp], ovriga: Sequence[tuple[str, str]] = ()) -> str:
    """The table of contents: one list per group, each part linked to its anchor, then a
    link to each of `ovriga` (heading, anchor): sections of ours after the parts."""
    lists = []
    for grupp in grupper:
        if not grupp.delar:
            continue
        items = "".join(
            f'<li><a href="#{del_id(d.url)}">{escape(d.titel)}</a></li>' for d in grupp.delar
        )
        lists.append(f"<p><strong>{escape(grupp.rubrik)}</strong></p><ol>{items}</ol>")
    lists.extend(
        f'<p><strong><a href="#{escape(id)}">{escape(rubrik)}</a></strong></p>'
        for rubrik, id in ovriga
    )
    return (
        f'<div class="sd-innehallsforteckning"><h2 id="{INNEHALL_ID}">Innehåll</h2>'
        + "".join(lists)
        + "</div>"
    )


def dokument(
    grupper: Sequence[Grupp],
    addresses: Adresser,
    efter: str = "",
    drop_url: Callable[[str], bool] | None = None,
    ovriga: Sequence[tuple[str, str]] = (),
) -> str:
    """The table of contents and every part, group by group, sanitised; `efter` is
    HTML of ours (escaped by its maker) put after the parts, with the sections `ovriga`
    (heading, anchor) the table of contents links to."""
    held = {d.url: del_id(d.url) for g in grupper for d in g.delar}
    body = [innehallsforteckning(grupper, ovriga)]
    for grupp in grupper:
        if not grupp.delar:
            continue
        body.append(f'<h2 id="{grupp.id}">{escape(grupp.rubrik)}</h2>')
        for part in grupp.delar:
            body.append(
                f'<div class="sd-del" id="{del_id(part.url)}">'
                f"{_part_html(part, held, addresses)}</div>"
            )
    body.append(efter)
    return sanitize.clean("\n".join(body), drop_url)
