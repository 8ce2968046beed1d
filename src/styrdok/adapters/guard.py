"""Limits on the build itself: no page may render for ever or crash with a traceback,
the log may not be silenced, and no extension or plugin may open the disk to page text."""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# Markdown extensions and plugins that would let page text reach the disk or a template
# engine outside the sandbox.
REFUSED_EXTENSIONS = frozenset({"pymdownx.snippets"})
REFUSED_PLUGINS = frozenset({"macros"})


def refuse_unsafe_config(config: MkDocsConfig) -> None:
    refused = [e for e in config.markdown_extensions if e in REFUSED_EXTENSIONS]
    refused += [p for p in config.plugins if p in REFUSED_PLUGINS]
    if refused:
        raise PluginError(
            f"styrdok: {', '.join(refused)} får inte användas: det låter sidornas text "
            "läsa filer eller köra mallkod. Ta bort det ur mkdocs.yml."
        )


# Seconds one page may take to render. Python-Markdown is quadratic on some inputs (many
# unclosed brackets); a hostile text must stop the build, not hold it for hours.
PAGE_SECONDS = 30


class TooSlow(Exception):
    pass


RETRY_SECONDS = 0.25


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TooSlow in the block after `seconds` (in the main thread; MkDocs builds there).

    Raised again every RETRY_SECONDS until the block ends: an exception raised while a
    finaliser (__del__) runs is ignored, and WeasyPrint's garbage ran there and let a
    PDF past its limit."""
    timer = threading.current_thread() is threading.main_thread()
    if timer:
        previous = signal.signal(signal.SIGALRM, _too_slow)
        signal.setitimer(signal.ITIMER_REAL, seconds, RETRY_SECONDS)
    try:
        yield
    finally:
        if timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def guarded_render(page: Page, fil: str, seconds: float) -> Callable[..., None]:
    """Page.render that ends in a Swedish message, not a traceback or a hang."""
    render_page = page.render

    def render_within_limits(config: MkDocsConfig, files: Files) -> None:
        try:
            with time_limit(seconds):
                render_page(config, files)
        except TooSlow:
            raise PluginError(
                f"styrdok: {fil}: fel: sidan tog mer än {seconds:g} sekunder att bygga – "
                "förenkla eller dela upp texten (mycket många [, ( eller * i rad gör den "
                "långsam att läsa)."
            ) from None
        except RecursionError:
            raise PluginError(
                f"styrdok: {fil}: fel: texten är för djupt nästlad för att byggas (listor, citat "
                "eller * och _ i hundratal i rad) – förenkla den."
            ) from None

    return render_within_limits


def _too_slow(signum, frame) -> None:
    raise TooSlow


class _OnlyOurMessage(logging.Filter):
    """MkDocs logs "Error reading page 'x':" in English before our own Swedish message
    about the same page; that line says nothing more, so it is left out."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (
            message.startswith(("Error reading page", "Error building page"))
            and message.endswith(":")
        )


def refuse_quiet_logging() -> None:
    """`mkdocs build --strict -q` raises the log level above warnings, so strict mode
    counts none and a build with broken links passes: refuse to build that way."""
    if logging.getLogger("mkdocs").getEffectiveLevel() > logging.WARNING:
        raise PluginError(
            "styrdok: bygget får inte tystas (-q): varningar måste synas och stoppa bygget. "
            "Bygg utan -q."
        )


def keep_only_our_message() -> None:
    build_log = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _OnlyOurMessage) for f in build_log.filters):
        build_log.addFilter(_OnlyOurMessage())
