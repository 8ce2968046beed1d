"""The gate's page reading as it was before it was made fast (issue 17), kept word for
word as the reference that tests/adapters/test_gate_identity.py compares the gate with.
Not used by the build. A change to the gate's rules changes both, in the same commit."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser

from styrdok.core import sanitize

CONTENT_START = "<!-- styrdok:innehall -->"
CONTENT_END = "<!-- styrdok:innehall-slut -->"

FORBIDDEN_ELEMENTS = frozenset({"iframe", "frame", "frameset", "object", "embed", "base", "applet"})
URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "poster", "data", "cite", "background", "xlink:href"}
)
FETCHED_LINKS = frozenset(
    {"stylesheet", "preload", "prefetch", "modulepreload", "icon", "manifest", "preconnect"}
)
# Attributes whose address the browser fetches by itself, without a click.
LOADING_ATTRIBUTES = frozenset({"src", "srcset", "poster", "data", "background", "xlink:href"})


@dataclass(frozen=True)
class Breach:
    fil: str
    vad: str

    def __str__(self) -> str:
        return f"{self.fil}: {self.vad}"


class _Rules:
    """The rules for one element, fixed for one tree. What they find depends only on the
    element, on whether it is in the content and on the folder of its page (relative
    addresses), so each distinct element is judged once: the theme writes the same
    header, navigation and footer into every page."""

    def __init__(self, exists, root_path: str, refused_hosts: frozenset[str]) -> None:
        self.exists = exists
        self.root_path = root_path
        self.refused_hosts = refused_hosts
        self.element = lru_cache(maxsize=1 << 16)(self._element)
        # Addresses repeat more than whole elements (an id makes each heading unique).
        self._url = lru_cache(maxsize=1 << 16)(self._url_breaches)

    def _element(
        self, folder: str, in_content: bool, tag: str, attrs: tuple[tuple[str, str | None], ...]
    ) -> tuple[str, ...]:
        found: list[str] = []
        breach = found.append
        # A <link> the browser fetches by itself (not rel=canonical or alternate).
        fetched = tag == "link" and bool(
            set((dict(attrs).get("rel") or "").lower().split()) & FETCHED_LINKS
        )
        if tag in FORBIDDEN_ELEMENTS:
            breach(f"elementet <{tag}> får inte finnas på en sida")
        if in_content and tag not in sanitize.TAGS:
            breach(f"elementet <{tag}> finns i innehållet men inte i tillåtelselistan")
        for name, value in attrs:
            if name.startswith("on"):
                breach(f"händelseattributet {name} på <{tag}>")
            if in_content and not sanitize.allowed_attribute(tag, name):
                breach(f"attributet {name} på <{tag}> finns inte i tillåtelselistan")
            if in_content and name == "id" and not sanitize.allowed_id(value or ""):
                breach(f"id '{(value or '')[:40]}' på <{tag}> kan förväxlas med temats")
            if tag == "meta" and name == "http-equiv" and (value or "").lower() == "refresh":
                breach("<meta http-equiv=refresh> leder läsaren till en annan sida")
            if in_content and name == "class":
                for name_ in (value or "").split():
                    if not sanitize.allowed_class(name_):
                        breach(f"klassen {name_} på <{tag}> styr temats skript")
            loads = name in LOADING_ATTRIBUTES or (tag == "link" and name == "href" and fetched)
            if loads and value is not None and sanitize.is_external(value):
                breach(f"<{tag}> hämtar '{value.strip()[:60]}' från en annan webbplats")
            if name in URL_ATTRIBUTES and value is not None:
                found += self._url(folder, in_content, tag, name, sanitize.normalized_url(value))
            if name == "srcset" and value:
                for candidate in value.split(","):
                    if candidate.strip():
                        found += self._url(folder, in_content, tag, name, candidate.split()[0])
        return tuple(found)

    def _url_breaches(
        self, folder: str, in_content: bool, tag: str, name: str, value: str
    ) -> tuple[str, ...]:
        return tuple(self._url_found(folder, in_content, tag, name, value))

    def _url_found(
        self, folder: str, in_content: bool, tag: str, name: str, value: str
    ) -> list[str]:
        found: list[str] = []
        scheme = sanitize.url_scheme(value)
        # The content is the editors' and checked before the build; the theme's links are not.
        if not in_content and self.refused_hosts and (scheme is not None or value.startswith("//")):
            host = (urlsplit(value).hostname or "").lower()
            if host in self.refused_hosts:
                found.append(
                    f"<{tag}> länkar till Git-tjänsten {host}, som webbplatsen inte får länka till"
                )
        if scheme is not None:
            if scheme not in sanitize.URL_SCHEMES:
                found.append(f"adressen '{value[:60]}' i {name} på <{tag}> använder {scheme}:")
            return found
        if value.startswith("//"):
            return found
        parts = urlsplit(value)
        if not parts.path:
            return found
        target = unquote(parts.path)
        if target.startswith("/"):
            # The 404 page links from the site's root path, wherever it is served.
            if not target.startswith(self.root_path):
                path = None
            else:
                path = posixpath.normpath(target.removeprefix(self.root_path) or ".")
        else:
            path = posixpath.normpath(posixpath.join(folder, target))
        if path is None or path.startswith(".."):
            # An absolute path or one above the site: it cannot be checked here.
            found.append(f"adressen '{value[:60]}' i {name} på <{tag}> leder utanför webbplatsen")
        elif not self.exists(path, target.endswith("/")):
            found.append(
                f"länken '{value[:60]}' i {name} på <{tag}> går till en fil som inte publiceras"
            )
        return found


# Parsed as a browser parses it (lexbor, an HTML5 parser), not with html.parser: the two
# disagree on constructs such as "<!-->", and only the browser's reading counts.
def _read_page(fil: str, html: str, rules: _Rules) -> list[Breach]:
    breaches: list[Breach] = []
    folder = posixpath.dirname(fil)
    in_content = False
    tree = LexborHTMLParser(html)
    for node in tree.root.traverse(include_text=False) if tree.root else ():
        if node.tag == "-comment":
            marker = f"<!-- {(node.comment_content or '').strip()} -->"
            if marker == CONTENT_START:
                in_content = True
            elif marker == CONTENT_END:
                in_content = False
            elif in_content:
                breaches.append(Breach(fil, "en HTML-kommentar finns i innehållet"))
            continue
        attrs = tuple(node.attributes.items())
        if not attrs and not in_content and node.tag not in FORBIDDEN_ELEMENTS:
            # Outside the content only attributes and forbidden elements can breach.
            continue
        for what in rules.element(folder, in_content, node.tag, attrs):
            breaches.append(Breach(fil, what))
    return breaches


def check_tree(
    site: Path,
    expected: Iterable[str],
    expected_prefixes: Iterable[str] = (),
    root_path: str = "/",
    refused_hosts: Iterable[str] = (),
) -> list[Breach]:
    """Breaches of the rules above in the tree below `site`; `root_path` is the path of
    the site's address (from site_url), for the few links written from the root;
    `refused_hosts` the hosts the theme's part of a page may not link to."""
    refused = frozenset(host.lower() for host in refused_hosts)
    expected = set(expected)
    prefixes = tuple(expected_prefixes)
    files: set[str] = set()
    breaches: list[Breach] = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.is_symlink():
            breaches.append(Breach(rel, "en symbolisk länk i bygget"))
        elif path.is_file():
            files.add(rel)
            if rel not in expected and not rel.startswith(prefixes):
                breaches.append(Breach(rel, "filen kommer inte från publikationen"))
    folders = {posixpath.dirname(f) for f in files}

    def exists(path: str, folder: bool) -> bool:
        if path == ".":
            return "index.html" in files
        if folder or path in folders:
            return f"{path}/index.html" in files
        return path in files

    root = root_path if root_path.endswith("/") else root_path + "/"
    rules = _Rules(exists, root, refused)
    for rel in sorted(f for f in files if f.endswith(".html")):
        html = (site / rel).read_text(encoding="utf-8", errors="replace")
        breaches.extend(_read_page(rel, html, rules))
    return breaches
