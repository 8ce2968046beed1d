"""Rendering published text to HTML: links to what an audience does not get become plain
text, and the result is sanitised.

Links are found in Python-Markdown's element tree, after it has parsed every Markdown
link syntax (inline, reference-style, autolinks, any quoting of titles, %-encoded
names), and before MkDocs resolves them, so a withheld page is never looked up. Links
in raw HTML are not in that tree; the sanitiser removes their addresses instead.
"""

from __future__ import annotations

from collections.abc import Callable
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from . import sanitize
from .bodies import resolve

EJ_PUBLICERAD = "ej publicerad"
# Above MkDocs' relpath (0), which would otherwise warn about a page it cannot find.
PRIORITY = 1


class _WithheldLinks(Treeprocessor):
    def __init__(self, md: Markdown, owner: WithheldLinks) -> None:
        super().__init__(md)
        self.owner = owner

    def run(self, root: Element) -> None:
        page, withholds = self.owner.page, self.owner.withholds
        for element in root.iter():
            attribute = {"a": "href", "img": "src"}.get(element.tag)
            target = element.get(attribute) if attribute else None
            if target is None:
                continue
            if not _withheld(page, target, withholds):
                continue
            if element.tag == "img":
                label = element.get("alt") or "bild"
                element.tag = "span"
                element.attrib.clear()
                element.text = f"({label} – {EJ_PUBLICERAD})"
            else:
                element.tag = "span"
                element.attrib.clear()
                if len(element):
                    last = element[-1]
                    last.tail = (last.tail or "") + f" ({EJ_PUBLICERAD})"
                else:
                    element.text = (element.text or "") + f" ({EJ_PUBLICERAD})"
            element.set("class", "sd-ej-publicerad")


def _withheld(page: str, target: str, withholds: Callable[[str], bool]) -> bool:
    """Whether a link target names a withheld file. Python-Markdown reads some title
    forms (`(titel)`) as part of the address, so the part before a space counts too."""
    for candidate in {target, target.strip().split(" ", 1)[0]}:
        path = resolve(page, candidate)
        if path is not None and withholds(path):
            return True
    return False


class WithheldLinks(Extension):
    """Set `page` (below docs/) before each page is rendered; `withholds(path)` says
    whether a file below docs/ is kept from this audience."""

    def __init__(self, withholds: Callable[[str], bool]) -> None:
        super().__init__()
        self.withholds = withholds
        self.page = ""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_WithheldLinks(md, self), "styrdok_withheld", PRIORITY)


def clean_page_html(html: str, page: str, withholds: Callable[[str], bool]) -> str:
    """A rendered page body, sanitised; raw-HTML links to withheld files lose their address."""

    return sanitize.clean(html, lambda url: _withheld(page, url, withholds))
