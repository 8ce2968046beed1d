"""Rendering published text to HTML: links to what an audience does not get become plain
text, and the result is sanitised.

Links are found in Python-Markdown's element tree, after it has parsed every Markdown
link syntax (inline, reference-style, autolinks, any quoting of titles, %-encoded
names), and before MkDocs resolves them, so a withheld page is never looked up. Links
in raw HTML are not in that tree; the sanitiser removes their addresses instead.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from functools import lru_cache
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from styrdok.core import sanitize
from styrdok.core.withheld import as_text, names_withheld

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
            if not names_withheld(page, target, withholds):
                continue
            if element.tag == "img":
                label = element.get("alt") or ""
                element.tag = "span"
                element.attrib.clear()
                element.text = as_text(label, image=True)
            else:
                element.tag = "span"
                element.attrib.clear()
                if len(element):
                    last = element[-1]
                    last.tail = as_text(last.tail or "")
                else:
                    element.text = as_text(element.text or "")
            element.set("class", "sd-ej-publicerad")


class WithheldLinks(Extension):
    """Set `page` (below docs/) before each page is rendered; `withholds(path)` says
    whether a file below docs/ is kept from this audience."""

    def __init__(self, withholds: Callable[[str], bool]) -> None:
        super().__init__()
        self.withholds = withholds
        self.page = ""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_WithheldLinks(md, self), "styrdok_withheld", PRIORITY)


class WithheldAddresses:
    """Whether an address on a page names a file withheld from this audience, decided
    once per folder and address: every page of a build repeats the theme's and the
    lists' links, and `names_withheld` reads only the folder of the page."""

    def __init__(self, withholds: Callable[[str], bool], size: int = 1 << 16) -> None:
        @lru_cache(maxsize=size)
        def decided(folder: str, url: str) -> bool:
            return names_withheld(posixpath.join(folder, "sida.md"), url, withholds)

        self._decided = decided

    def __call__(self, page: str, url: str) -> bool:
        return self._decided(posixpath.dirname(page), url)


def clean_page_html(
    html: str,
    page: str,
    withholds: Callable[[str], bool],
    known: WithheldAddresses | None = None,
) -> str:
    """A rendered page body, sanitised; raw-HTML links to withheld files lose their
    address. `known`, made once per build for `withholds`, remembers its decisions."""
    if known is None:
        return sanitize.clean(html, lambda url: names_withheld(page, url, withholds))
    return sanitize.clean(html, lambda url: known(page, url))
