"""What the theme gets about a page: its metadata from the model, never from front
matter, and every title escaped once, so Material's templates print nothing raw."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.toc import AnchorLink

from styrdok.core import sanitize
from styrdok.select import Publication
from styrdok.views import jsonld
from styrdok.views.blocks import REPEALED_BOOST, GeneratedPage
from styrdok.views.versions import VERSION_BOOST, version_titel


def _safe(text: str | None) -> Markup | None:
    """Text from the data as the theme may print it: escaped once. Markup keeps Jinja's
    `| e` from escaping it again, and `| striptags` from undoing it where it matters."""
    return None if text is None else escape(text)


def safe_toc(items: list[AnchorLink]) -> None:
    """The theme prints a TOC entry's title and `#id` unescaped: both are made safe."""
    for item in items:
        item.title = Markup(sanitize.text(item.title))
        item.id = escape(item.id)
        safe_toc(item.children)


def page_meta(
    pub: Publication, generated: Mapping[str, GeneratedPage], src: str, parsed: Mapping[str, Any]
) -> dict[str, Any]:
    """What the theme may read about page `src`; `parsed` is the front matter MkDocs read."""
    anvisning = pub.anvisning_for_sida(src)
    if anvisning is not None:
        meta = {"title": _safe(anvisning.titel), "description": _safe(anvisning.sammanfattning)}
        if pub.giltighet(anvisning).upphavd:
            meta["search"] = {"boost": REPEALED_BOOST}
        return meta
    version = pub.version_for_sida(src)
    if version is not None:
        return {
            "title": _safe(version_titel(version)),
            "description": _safe(version.sammanfattning),
            "search": {"boost": VERSION_BOOST},
        }
    sida = pub.sida(src)
    if sida is not None:
        meta: dict[str, Any] = {"title": _safe(sida.titel)}
        if sida.beskrivning:
            meta["description"] = _safe(sida.beskrivning)
        if sida.dolj:
            meta["hide"] = list(sida.dolj)
        search: dict[str, Any] = {}
        if sida.sok_uteslut:
            search["exclude"] = True
        if sida.sok_vikt is not None:
            search["boost"] = sida.sok_vikt
        if search:
            meta["search"] = search
        return meta
    page = generated.get(src)
    if page is not None:
        meta = {"title": _safe(page.titel)}
        # Generated front matter is ours; only the search weight is taken from it.
        if isinstance(parsed.get("search"), dict):
            meta["search"] = {"boost": parsed["search"].get("boost")}
        return meta
    return {}


def feeds_and_lastmod(feeds: Sequence[tuple[str, str]], lastmod: date | None) -> dict[str, Any]:
    """What overrides/ reads besides: the page's own feeds for its head (title escaped,
    path from the site's root) and the day for sitemap.xml (none: no lastmod)."""
    meta: dict[str, Any] = {}
    if feeds:
        meta["styrdok_floden"] = [{"titel": _safe(titel), "adress": path} for titel, path in feeds]
    if lastmod is not None:
        meta["styrdok_lastmod"] = lastmod.isoformat()
    return meta


def linked_data(node: Mapping[str, Any] | None) -> dict[str, Any]:
    """The page's JSON-LD for overrides/main.html: already safe inside <script>
    (`jsonld.script_text`), so Markup keeps Jinja from escaping its quotes."""
    if node is None:
        return {}
    return {"styrdok_jsonld": Markup(jsonld.script_text(dict(node)))}


def twin(path: str) -> dict[str, Any]:
    """The page's JSON twin for overrides/main.html: a path from the site's root, made by
    views/tvillingar.py from the publication (no editor text)."""
    return {"styrdok_tvilling": path}


def without_repository(config: MkDocsConfig) -> frozenset[str]:
    """Take the Git host out of a public site's config: no repository link in the header
    and no edit pen on the pages, since the repository is on the city's internal Git host
    and holds the text of every intern and skyddad document. Returns the host, which the
    gate then refuses anywhere in the theme's part of the pages."""
    hosts = frozenset(
        host for host in [urlsplit(config.repo_url or "").hostname] if host is not None
    )
    config.repo_url = None
    config.repo_name = None
    config.edit_uri = None
    config.edit_uri_template = None
    return hosts
