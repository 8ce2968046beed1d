"""The PDF of "Hela programmet", made with WeasyPrint from a standalone HTML document.

WeasyPrint is a Python library (no browser process in the build); it writes a tagged
PDF (its PDF/UA-1 variant: /StructTreeRoot, /MarkInfo; the structure is not checked by
any PDF/UA validator here), takes the title from <title> and the
language from <html lang>. It fetches nothing but files inside the built site: its URL
fetcher refuses every other address, so no build ever reaches the network. It writes no
dates and no /ID unless asked, so two builds give the same bytes.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mkdocs.exceptions import PluginError

from styrdok.adapters.guard import TooSlow, time_limit

# Tagged, with the title shown and the XMP metadata PDF/UA asks for.
PDF_VARIANT = "pdf/ua-1"
# Seconds the PDF may take. The real programme takes about 4; WeasyPrint lays out a
# table at about 4 s per 100 kB of cells, so öppna texts of a megabyte of table each
# (each page renders for the site within its own limit) would hold CI for hours.
PDF_SECONDS = 120


def standalone(title: str, css: str, body: str) -> str:
    """A self-contained HTML document: our stylesheet inline, nothing loaded from outside.
    `body` is sanitised HTML; `css` the site's print stylesheet (developer code)."""
    # "</" cannot end a <style> the stylesheet never holds, but make sure.
    css = css.replace("</", "<\\/")
    return (
        '<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>\n{css}\n</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


class _Refused(ValueError):
    pass


def _fetcher(site: Path):
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    root = site.resolve()

    class SiteOnly(URLFetcher):
        """Files inside the built site only; every other address is refused."""

        def fetch(self, url: str, headers=None) -> URLFetcherResponse:
            parts = urlsplit(url)
            if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
                raise _Refused(f"{url} hämtas inte")
            path = Path(unquote(parts.path)).resolve()
            if not path.is_relative_to(root) or not path.is_file():
                raise _Refused(f"{url} finns inte i webbplatsen")
            return URLFetcherResponse(url, path.read_bytes())

    return SiteOnly(allowed_protocols=("file",))


def render(html: str, site: Path, seconds: float = PDF_SECONDS) -> bytes:
    """The PDF of the standalone `html`; relative addresses in it are read from the
    site's root folder. Raises PluginError with a Swedish message on any failure."""
    from weasyprint import HTML

    try:
        with time_limit(seconds):
            document = HTML(
                string=html, base_url=site.resolve().as_uri() + "/", url_fetcher=_fetcher(site)
            )
            return document.write_pdf(pdf_variant=PDF_VARIANT)
    except TooSlow:
        raise PluginError(
            f"styrdok: PDF:en av hela programmet tog mer än {seconds:g} sekunder att skapa – "
            "de gällande anvisningarnas texter är för stora (mycket långa tabeller?). "
            "Förenkla eller dela upp dem."
        ) from None
    except (OSError, ValueError, RecursionError) as exc:
        # RecursionError: nesting WeasyPrint cannot lay out (sammanstallning.MAX_DEPTH
        # keeps editor text below it); a message, not a traceback, if anything still is.
        raise PluginError(
            f"styrdok: PDF:en av hela programmet kunde inte skapas: {exc or type(exc).__name__}"
        ) from exc


def write(html: str, site: Path, target: Path, seconds: float = PDF_SECONDS) -> None:
    """Render the standalone `html` to `target` in this process."""
    data = render(html, site, seconds)
    try:
        target.write_bytes(data)
    except OSError as exc:
        raise PluginError(
            f"styrdok: PDF:en av hela programmet kunde inte skapas: {exc or type(exc).__name__}"
        ) from exc
