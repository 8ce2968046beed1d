"""One reader of HTML for every test: the addresses a page links to or loads, its ids, its
elements with their attributes and its headings.

Built on the standard library's html.parser, a tokenizer: it reports every tag as it is
written, and it is not the parser the code under test uses (lexbor, in the check and the
gate), so a fault there is not repeated here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from styrdok.core import sanitize

_HEADING = re.compile(r"h[1-6]")
# Attributes holding one address each; srcset holds a list of them.
_ADDRESS_ATTRIBUTES = ("href", "src")


@dataclass(frozen=True)
class Link:
    """An address in an href, src or srcset attribute (one Link per srcset candidate)."""

    tag: str
    attribute: str
    url: str
    rel: str = ""
    type: str = ""
    in_head: bool = False
    # Inside Material's primary navigation, <nav class="md-nav--primary"> and the navs in it.
    in_nav: bool = False
    in_article: bool = False
    # Inside a heading within <article>, and the text of the heading above in <article>.
    in_heading: bool = False
    section: str = ""


@dataclass(frozen=True)
class Tag:
    """A start tag as written, with its attributes (a bare attribute's value is "")."""

    name: str
    attributes: dict[str, str]
    in_article: bool = False
    # The text of the heading above in <article>.
    section: str = ""

    @property
    def classes(self) -> list[str]:
        return self.attributes.get("class", "").split()


@dataclass
class Page:
    links: list[Link] = field(default_factory=list)
    ids: set[str | None] = field(default_factory=set)
    # (tag, "") for every start tag and (tag, attribute) for each of its attributes.
    elements: list[tuple[str, str]] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    # (tag, text) of each heading in <article>, in order, without the permalink's ¶.
    headings: list[tuple[str, str]] = field(default_factory=list)

    def find(self, name: str, *, cls: str | None = None) -> list[Tag]:
        """The start tags named `name`, with the class `cls` if given."""
        return [t for t in self.tags if t.name == name and (cls is None or cls in t.classes)]

    def hrefs(self, *, nav: bool = False) -> list[str]:
        """The non-empty href of every <a>, in order; with nav, those in the navigation."""
        return [
            link.url
            for link in self.links
            if link.tag == "a"
            and link.attribute == "href"
            and link.url
            and (link.in_nav or not nav)
        ]


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._in_head = False
        self._nav_depth = 0
        self._in_article = False
        self._heading: list[str] | None = None
        self._section = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.page.elements.append((tag, ""))
        self.page.elements.extend((tag, name) for name, _ in attrs)
        self.page.tags.append(
            Tag(
                tag,
                {name: value or "" for name, value in attrs},
                in_article=self._in_article,
                section=self._section,
            )
        )
        if "id" in attributes:
            self.page.ids.add(attributes["id"])
        if tag == "head":
            self._in_head = True
        if tag == "nav" and "md-nav--primary" in (attributes.get("class") or ""):
            self._nav_depth = 1
        elif tag == "nav" and self._nav_depth:
            self._nav_depth += 1
        if tag == "article":
            self._in_article = True
        elif self._in_article and _HEADING.fullmatch(tag):
            self._heading = []
        for name, value in attrs:
            if name in _ADDRESS_ATTRIBUTES and value is not None:
                self._add(tag, name, value, attributes)
            elif name == "srcset" and value:
                for part in value.split(","):
                    if part.strip():
                        self._add(tag, name, part.split()[0], attributes)

    def _add(self, tag: str, attribute: str, url: str, attributes: dict[str, str | None]) -> None:
        self.page.links.append(
            Link(
                tag=tag,
                attribute=attribute,
                url=url,
                rel=attributes.get("rel") or "",
                type=attributes.get("type") or "",
                in_head=self._in_head,
                in_nav=bool(self._nav_depth),
                in_article=self._in_article,
                in_heading=self._heading is not None,
                section=self._section,
            )
        )

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self._in_head = False
        if tag == "nav" and self._nav_depth:
            self._nav_depth -= 1
        if tag == "article":
            self._in_article = False
        elif self._heading is not None and _HEADING.fullmatch(tag):
            self._section = "".join(self._heading).replace("¶", "").strip()
            self.page.headings.append((tag, self._section))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading.append(data)


def parse_html(html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    return reader.page


def read_html(path: Path) -> Page:
    return parse_html(path.read_text(encoding="utf-8"))


def assert_only_allowed(html: str) -> None:
    """Every element and attribute in `html` is on the sanitiser's allow-list."""
    for tag, attribute in parse_html(html).elements:
        assert tag in sanitize.TAGS, tag
        if attribute:
            assert sanitize.allowed_attribute(tag, attribute), (tag, attribute)
