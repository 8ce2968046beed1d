"""The HTML that published content may contain: one allow-list, applied by a maintained
sanitiser (nh3, the Python binding of Rust's ammonia).

Every page body is sanitised after Markdown has rendered it, generated parts and editor
text alike, so what reaches the site, the JSON `text_html` and the search index is only
what this module allows. `styrdok check` reads the same lists to tell an editor, with
file and line, what would be removed and why; the gate after the build reads them to
verify that every page holds nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from urllib.parse import urlsplit

import nh3

# Characters a text never needs and that do harm unseen: C0 and C1 controls but tab and
# line breaks (XML cannot hold them, so one in a title breaks the Atom feed for every
# reader), and bidirectional overrides and zero-width spaces (they make a text look
# like another). YAML lets them through as escapes ("\x01") in double quotes.
INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2060\u202a-\u202e\u2066-\u2069\ufffe\uffff]"
)

# Elements Markdown and our generated pages produce, and the few an editor may write.
TAGS: frozenset[str] = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "u",
        "ul",
        "var",
    }
)

# Attributes per element; "*" applies to all. No event handlers, no style (except the
# alignment Markdown tables write, see STYLE_PROPERTIES), no data-* beyond our own.
ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"id", "class", "title", "lang"}),
    "a": frozenset({"href", "download", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "abbr": frozenset({"title"}),
    "ol": frozenset({"start", "type"}),
    "li": frozenset({"value"}),
    "td": frozenset({"colspan", "rowspan", "style"}),
    "th": frozenset({"colspan", "rowspan", "scope", "style"}),
    "details": frozenset({"open"}),
    # The columns of a filterable table and what its rows are, read by forteckning.js
    # as text only; where "Vad gällde den …?" reads its data, which gallde.js follows
    # only to tidslinje.json on the same site.
    # data-search-exclude: what Material's search indexer leaves out (it only narrows
    # the index; no script acts on it).
    "div": frozenset(
        {"data-kolumner", "data-en", "data-flera", "data-tidslinje", "data-search-exclude"}
    ),
    # On a heading: its whole section is left out of the index.
    "h2": frozenset({"data-search-exclude"}),
}
STYLE_PROPERTIES: frozenset[str] = frozenset({"text-align"})
URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto", "tel"})
URL_ATTRIBUTES: frozenset[str] = frozenset({"href", "src"})

# Why an element is refused, for the editor's message.
WHY_ELEMENT: dict[str, str] = {
    "script": "Skript körs i läsarens webbläsare och kan ta över sidan.",
    "noscript": "Innehåll för webbläsare utan skript publiceras inte.",
    "iframe": "Inbäddat innehåll från andra platser publiceras inte.",
    "frame": "Inbäddat innehåll från andra platser publiceras inte.",
    "object": "Inbäddade program och filer publiceras inte.",
    "embed": "Inbäddade program och filer publiceras inte.",
    "form": "Formulär kan lura läsare att lämna uppgifter.",
    "input": "Formulär kan lura läsare att lämna uppgifter.",
    "button": "Formulär kan lura läsare att lämna uppgifter.",
    "textarea": "Formulär kan lura läsare att lämna uppgifter.",
    "select": "Formulär kan lura läsare att lämna uppgifter.",
    "style": "Stilmallar kan dölja eller förfalska innehåll på sidan.",
    "link": "Stilmallar och andra filer läses in av webbplatsen, inte av texten.",
    "base": "Elementet ändrar vart alla länkar på sidan går.",
    "meta": "Elementet ändrar hur hela sidan läses in.",
    "svg": "SVG kan innehålla skript; lägg bilden som png eller jpg under bilagor:.",
    "math": "Elementet publiceras inte.",
}
DEFAULT_WHY_ELEMENT = "Bara ett begränsat urval av HTML publiceras."


def why_attribute(attribute: str) -> str:
    if attribute.startswith("on"):
        return "Händelseattribut (on…) kör skript i läsarens webbläsare."
    if attribute == "style":
        return "Stilar kan dölja eller förfalska innehåll på sidan."
    if attribute.startswith("class="):
        return "Klassen styr webbplatsens eget skript (mermaid, md-…) och tas bort."
    if attribute.startswith("id="):
        return "Id:t kan förväxlas med webbplatsens egna delar: skriv det med bokstäver, siffror och -."
    return "Attributet tas bort vid publiceringen; använd Markdown i stället."


# The theme finds its own parts by id (__config, __search, __drawer, …): an id in the
# content that could be taken for one of them, or that is not a plain word, is removed.
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}")


def allowed_id(value: str) -> bool:
    return _ID.fullmatch(value) is not None


def allowed_attribute(element: str, attribute: str) -> bool:
    return attribute in ATTRIBUTES["*"] or attribute in ATTRIBUTES.get(element, frozenset())


# What a browser strips from either end of a URL: spaces and C0 controls, and DEL.
_URL_ENDS = "".join(chr(c) for c in range(0x21)) + "\x7f"
# Pages repeat the same addresses (the theme's, the organ links of every list); the
# functions below are pure, so each distinct URL is decided once per process. Bounded,
# so a corpus of millions of distinct links cannot grow it without limit.
_URL_CACHE = 1 << 16


@lru_cache(maxsize=_URL_CACHE)
def normalized_url(url: str) -> str:
    """A URL as a browser reads it: tabs and line breaks anywhere are dropped, and
    spaces and control characters at either end."""
    url = url.replace("\t", "").replace("\n", "").replace("\r", "")
    return url.strip(_URL_ENDS)


@lru_cache(maxsize=_URL_CACHE)
def is_external(url: str) -> bool:
    """Whether a URL leaves this site (a scheme, or //host/…)."""
    url = normalized_url(url)
    return url_scheme(url) is not None or url.startswith(("//", "\\", "/\\", "\\/"))


# Classes Material's script acts on: a <pre class="mermaid"> makes it load mermaid from
# a CDN, md-* classes are the theme's own parts.
def allowed_class(name: str) -> bool:
    return name not in ("mermaid", "arithmatex") and not name.startswith("md-")


@lru_cache(maxsize=_URL_CACHE)
def url_scheme(url: str) -> str | None:
    """The scheme of a URL as a browser reads it (ignoring case, spaces and control
    characters inside it, which browsers drop), or None for a relative URL."""
    cleaned = "".join(ch for ch in url if ch > " " and ch != "\x7f")
    try:
        scheme = urlsplit(cleaned).scheme
    except ValueError:
        return "ogiltig"
    return scheme.lower() or None


@lru_cache(maxsize=_URL_CACHE)
def _kept_classes(value: str) -> str | None:
    """The classes of a class attribute that are not the theme's, or None if none is left."""
    kept = " ".join(c for c in value.split() if allowed_class(c))
    return kept or None


def clean(html: str, drop_url: Callable[[str], bool] | None = None) -> str:
    """`html` with everything outside the allow-list removed, comments included.

    `drop_url(url)` says whether a link or image address points at something this
    audience does not get; such an address is removed, so the link is inert text."""

    def attribute_filter(element: str, attribute: str, value: str) -> str | None:
        # One branch per attribute name: each test below concerns one name only.
        if attribute in URL_ATTRIBUTES:
            if drop_url is not None and drop_url(value):
                return None
            # An image from another host would tell it who reads the page: only attachments.
            if attribute == "src" and is_external(value):
                return None
            return normalized_url(value)
        if attribute == "id":
            return value if allowed_id(value) else None
        if attribute == "class":
            return _kept_classes(value)
        return value

    return nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags={"script", "style"},
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        attribute_filter=attribute_filter,
        strip_comments=True,
        link_rel=None,
        url_schemes=set(URL_SCHEMES),
        filter_style_properties=set(STYLE_PROPERTIES),
    )


def text(value: str) -> str:
    """Plain text from HTML (a heading's inner HTML, say), escaped for HTML again."""
    return nh3.clean(value, tags=set())
