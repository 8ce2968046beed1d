"""The gate after the build: the built tree is read back and checked before it may be
published. It is the second line behind selection and sanitising, and it does not trust
either of them:

- every file in the tree is one the build was expected to write (no stray files);
- no page has an event-handler attribute, a `javascript:`-style address, or an element
  that loads another document (iframe, object, embed, base, meta refresh);
- inside the content of each page (between the markers the plugin writes around the
  sanitised body) there is no element or attribute outside the sanitiser's allow-list;
- every relative `href`/`src` points to a file that is in the tree, so nothing links to
  a page or attachment this audience's publication does not contain;
- outside the content, no address goes to a refused host (the internal Git host, on
  the public site: no repository link, no edit pen).

Every page is parsed and every element visited, but what an element breaches is decided
once per tree (`_Rules`), and the pages are read on both cores (`check_tree`): what is
reported is the same, in the same order, as the gate that judged element by element on
one core (kept as the reference in tests/helpers/gate_reference.py and compared in
tests/adapters/test_gate_identity.py).
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import posixpath
import signal
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser

from styrdok.adapters.workers import die_with_parent
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


@dataclass(frozen=True, slots=True)
class _Lookup:
    """A relative address, to be looked up from the folder of the page it is on: the
    normalised path climbs `up` folders and then goes down `rest` ("" for nowhere)."""

    up: int
    rest: str
    folder: bool
    outside: str
    missing: str


# What an element is found to breach: messages that hold wherever its page is, and
# lookups that depend on the page's folder, in the order they are reported.
_Plan = tuple[str | _Lookup, ...]

# Distinct elements and attributes kept: bounded, so a corpus of millions of distinct
# ids or links cannot grow the caches without limit (a dropped one is judged again).
_CACHE = 1 << 17


class _Rules:
    """The rules, fixed for one tree. What they find in an element depends only on the
    element and on whether it is in the content, except for relative addresses, which
    are looked up from the page's folder (`_Lookup`). So each distinct element is
    judged once, whatever page it is on: the theme writes the same header, navigation
    and footer into every page. An element seen for the first time (a heading's id, a
    page's own links) is put together from its attributes, each also judged once."""

    def __init__(self, exists: _Exists, root_path: str, refused_hosts: frozenset[str]) -> None:
        self.exists = exists
        self.root_path = root_path
        self.refused_hosts = refused_hosts
        self.plan = lru_cache(maxsize=_CACHE)(self._plan)
        self._attribute = lru_cache(maxsize=_CACHE)(self._attribute_plan)
        self._url = lru_cache(maxsize=_CACHE)(self._url_plan)

    def _plan(self, in_content: bool, tag: str, attrs: tuple[tuple[str, str | None], ...]) -> _Plan:
        found: list[str | _Lookup] = []
        if tag in FORBIDDEN_ELEMENTS:
            found.append(f"elementet <{tag}> får inte finnas på en sida")
        if in_content and tag not in sanitize.TAGS:
            found.append(f"elementet <{tag}> finns i innehållet men inte i tillåtelselistan")
        # A <link> the browser fetches by itself (not rel=canonical or alternate).
        fetched = tag == "link" and bool(
            set((dict(attrs).get("rel") or "").lower().split()) & FETCHED_LINKS
        )
        for name, value in attrs:
            found += self._attribute(in_content, tag, fetched, name, value)
        return tuple(found)

    def _attribute_plan(
        self, in_content: bool, tag: str, fetched: bool, name: str, value: str | None
    ) -> _Plan:
        found: list[str | _Lookup] = []
        breach = found.append
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
            found += self._url(in_content, tag, name, sanitize.normalized_url(value))
        if name == "srcset" and value:
            for candidate in value.split(","):
                if candidate.strip():
                    found += self._url(in_content, tag, name, candidate.split()[0])
        return tuple(found)

    def _url_plan(self, in_content: bool, tag: str, name: str, value: str) -> _Plan:
        found: list[str | _Lookup] = []
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
            return tuple(found)
        if value.startswith("//"):
            return tuple(found)
        parts = urlsplit(value)
        if not parts.path:
            return tuple(found)
        target = unquote(parts.path)
        outside = f"adressen '{value[:60]}' i {name} på <{tag}> leder utanför webbplatsen"
        missing = f"länken '{value[:60]}' i {name} på <{tag}> går till en fil som inte publiceras"
        if target.startswith("/"):
            # The 404 page links from the site's root path, wherever it is served.
            if not target.startswith(self.root_path):
                found.append(outside)
            else:
                path = posixpath.normpath(target.removeprefix(self.root_path) or ".")
                found += self._judged(path, target.endswith("/"), outside, missing)
            return tuple(found)
        # normpath(join(folder, target)) for any folder of the tree (which has no "." or
        # ".." in it) is the folder less `up` of its last names, followed by the rest of
        # the normalised target: normalising is lexical, so the target can be first.
        names = posixpath.normpath(target).split("/")
        up = 0
        while up < len(names) and names[up] == "..":
            up += 1
        rest = "/".join(name for name in names[up:] if name != ".")
        found.append(_Lookup(up, rest, target.endswith("/"), outside, missing))
        return tuple(found)

    def _judged(self, path: str, folder: bool, outside: str, missing: str) -> list[str]:
        if path.startswith(".."):
            # An absolute path or one above the site: it cannot be checked here.
            return [outside]
        if not self.exists(path, folder):
            return [missing]
        return []

    def looked_up(self, lookup: _Lookup, bases: list[str]) -> list[str]:
        """What `lookup` finds from a page whose folder, less its last k names, is
        `bases[k]`."""
        up, rest = lookup.up, lookup.rest
        if up < len(bases):
            base = bases[up]
            path = f"{base}/{rest}" if base and rest else base or rest or "."
        else:
            path = "/".join([".."] * (up - len(bases) + 1) + ([rest] if rest else []))
        return self._judged(path, lookup.folder, lookup.outside, lookup.missing)


def _bases(folder: str) -> list[str]:
    """The folder, then the folder less its last name, and so on to the site's root."""
    names = folder.split("/") if folder else []
    return ["/".join(names[: len(names) - k]) for k in range(len(names) + 1)]


# Parsed as a browser parses it (lexbor, an HTML5 parser), not with html.parser: the two
# disagree on constructs such as "<!-->", and only the browser's reading counts.
def _read_page(fil: str, html: str, rules: _Rules) -> list[Breach]:
    breaches: list[Breach] = []
    bases = _bases(posixpath.dirname(fil))
    plan_of = rules.plan
    in_content = False
    tree = LexborHTMLParser(html)
    for node in tree.root.traverse(include_text=False) if tree.root else ():
        tag = node.tag
        if tag == "-comment":
            marker = f"<!-- {(node.comment_content or '').strip()} -->"
            if marker == CONTENT_START:
                in_content = True
            elif marker == CONTENT_END:
                in_content = False
            elif in_content:
                breaches.append(Breach(fil, "en HTML-kommentar finns i innehållet"))
            continue
        attrs = node.attributes
        if not attrs and not in_content and tag not in FORBIDDEN_ELEMENTS:
            # Outside the content only attributes and forbidden elements can breach.
            continue
        for item in plan_of(in_content, tag, tuple(attrs.items())):
            if type(item) is str:
                breaches.append(Breach(fil, item))
            else:
                breaches += [Breach(fil, what) for what in rules.looked_up(item, bases)]
    return breaches


class _Exists:
    """Whether a path, as a link names it, is a file of the tree."""

    def __init__(self, files: frozenset[str]) -> None:
        self.files = files
        self.folders = frozenset(posixpath.dirname(f) for f in files)

    def __call__(self, path: str, folder: bool) -> bool:
        if path == ".":
            return "index.html" in self.files
        if folder or path in self.folders:
            return f"{path}/index.html" in self.files
        return path in self.files


class GateCache:
    """What the gate keeps from one preview rebuild to the next (`PreviewCaches`): the
    rules with what they have decided, and each page's breaches by the digest of its
    bytes. Both hold only while the tree has the same files and the gate the same
    arguments; otherwise everything is judged again. Pages not read in the last
    rebuild are dropped, so the cache does not grow."""

    def __init__(self) -> None:
        self._inputs: tuple[object, ...] | None = None
        self.rules: _Rules | None = None
        self._pages: dict[tuple[str, bytes], list[Breach]] = {}
        self.hits = 0

    def rules_for(self, inputs: tuple[object, ...], make: Callable[[], _Rules]) -> _Rules:
        if inputs != self._inputs or self.rules is None:
            self._inputs, self.rules, self._pages = inputs, make(), {}
        return self.rules

    def read(self, pages: Iterable[tuple[str, Path]], rules: _Rules) -> list[Breach]:
        kept, self._pages = self._pages, {}
        self.hits = 0
        breaches: list[Breach] = []
        for fil, path in pages:
            data = path.read_bytes()
            key = (fil, hashlib.sha256(data).digest())
            found = kept.get(key)
            if found is None:
                found = _read_page(fil, data.decode("utf-8", errors="replace"), rules)
            else:
                self.hits += 1
            self._pages[key] = found
            breaches += found
        return breaches


def _read_pages(pages: Sequence[tuple[str, Path]], rules: _Rules) -> list[Breach]:
    breaches: list[Breach] = []
    for fil, path in pages:
        html = path.read_text(encoding="utf-8", errors="replace")
        breaches += _read_page(fil, html, rules)
    return breaches


# Pages per chunk when two processes read them: small enough that both stay busy to
# the end, large enough that handing a chunk over costs nothing beside reading it.
CHUNK = 64
# At most this many processes read the pages (the machines that build have two cores).
MAX_WORKERS = 2

# The rules of a worker process, set once when it starts (inherited where processes
# are forked), not sent with every chunk.
_worker_rules: _Rules | None = None


def _start(rules: _Rules) -> None:
    global _worker_rules
    die_with_parent()
    # Ctrl+C reaches the whole process group: the build process stops the workers and
    # says so in Swedish, a worker's own traceback would be English noise.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The build's objects, inherited, are never freed here: kept out of the collector,
    # which would otherwise walk (and copy, page by page) the whole build's heap.
    gc.freeze()
    _worker_rules = rules


def _read_chunk(pages: Sequence[tuple[str, Path]]) -> list[Breach]:
    assert _worker_rules is not None, "_start runs before any chunk"
    return _read_pages(pages, _worker_rules)


def workers() -> int:
    """The processes to read the pages with: one per core this process may use, at
    most MAX_WORKERS."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(MAX_WORKERS, cores or 1))


def _can_fork() -> bool:
    # A worker forked from the build inherits its rules instead of importing the build
    # anew; forked while another thread runs (a server) it could inherit a held lock.
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def _read_in_parallel(
    pages: Sequence[tuple[str, Path]], rules: _Rules, processes: int
) -> list[Breach]:
    """The breaches of `pages`, read in chunks by `processes` processes and put back in
    the order of the pages: the same as reading them one after the other."""
    chunks = [pages[i : i + CHUNK] for i in range(0, len(pages), CHUNK)]
    if processes <= 1 or len(chunks) <= 1 or not _can_fork():
        return _read_pages(pages, rules)
    # The largest chunks first (the förteckning is many times an anvisning), so that
    # no process is left alone with one at the end.
    size = [sum(path.stat().st_size for _, path in chunk) for chunk in chunks]
    by_size = sorted(range(len(chunks)), key=lambda i: -size[i])
    pool = ProcessPoolExecutor(
        processes, multiprocessing.get_context("fork"), initializer=_start, initargs=(rules,)
    )
    try:
        futures = {i: pool.submit(_read_chunk, chunks[i]) for i in by_size}
        return [breach for i in range(len(chunks)) for breach in futures[i].result()]
    finally:
        # After an error or an interrupt the chunks not yet read are dropped.
        pool.shutdown(cancel_futures=True)


def _entries(site: Path) -> list[tuple[str, bool]]:
    """The files and symbolic links below `site`, each with whether it is a link, in
    the order of sorted(site.rglob("*")) (by their names, folder by folder): listed
    with os.scandir, which has the kinds at hand, at a fifth of pathlib's cost."""
    found: list[tuple[tuple[str, ...], bool]] = []

    def walk(folder: Path, names: tuple[str, ...]) -> None:
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except PermissionError:
            return  # as rglob does
        for entry in entries:
            here = (*names, entry.name)
            if entry.is_symlink():
                found.append((here, True))
            elif entry.is_file():
                found.append((here, False))
            if entry.is_dir(follow_symlinks=False):
                walk(Path(entry.path), here)

    walk(site, ())
    found.sort()
    return [("/".join(names), link) for names, link in found]


def check_tree(
    site: Path,
    expected: Iterable[str],
    expected_prefixes: Iterable[str] = (),
    root_path: str = "/",
    refused_hosts: Iterable[str] = (),
    *,
    processes: int | None = None,
    cache: GateCache | None = None,
) -> list[Breach]:
    """Breaches of the rules above in the tree below `site`; `root_path` is the path of
    the site's address (from site_url), for the few links written from the root;
    `refused_hosts` the hosts the theme's part of a page may not link to.

    The files are reported in order, then each page's breaches in order. The pages are
    read by `processes` processes (default: `workers()`), or, with `cache` (the
    preview's), in this one, taking the breaches of pages unchanged since the last
    call from it."""
    refused = frozenset(host.lower() for host in refused_hosts)
    expected = set(expected)
    prefixes = tuple(expected_prefixes)
    files: set[str] = set()
    breaches: list[Breach] = []
    for rel, link in _entries(site):
        if link:
            breaches.append(Breach(rel, "en symbolisk länk i bygget"))
        else:
            files.add(rel)
            if rel not in expected and not rel.startswith(prefixes):
                breaches.append(Breach(rel, "filen kommer inte från publikationen"))
    tree = frozenset(files)
    root = root_path if root_path.endswith("/") else root_path + "/"
    pages = [(rel, site / rel) for rel in sorted(f for f in tree if f.endswith(".html"))]

    def make() -> _Rules:
        return _Rules(_Exists(tree), root, refused)

    if cache is not None:
        rules = cache.rules_for((tree, root, refused), make)
        return breaches + cache.read(pages, rules)
    processes = workers() if processes is None else processes
    return breaches + _read_in_parallel(pages, make(), processes)
