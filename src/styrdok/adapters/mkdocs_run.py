"""MkDocs for editors: `build` and `serve` through MkDocs' Python API, speaking Swedish.

    python -m styrdok.adapters.mkdocs_run build -f mkdocs.yml -d MAPP
    python -m styrdok.adapters.mkdocs_run serve -f mkdocs.yml [--adress 127.0.0.1:8000]

`styrdok bygg` runs `build` in a subprocess (as it ran `mkdocs build --strict`) and
`styrdok forhandsgranska` runs `serve`. Both are always strict: a warning stops the
build, as under `mkdocs build --strict`. The log goes through `mkdocs_messages`, so the
editor reads Swedish lines with file and line, and MkDocs' closing "Aborted with …" is
replaced by a Swedish summary. Exit status: 0 built, 1 not built, 2 wrong usage.

The preview builds each change into a fresh folder and serves it only if the build
succeeded: after a broken save the browser keeps the last good site and the terminal
shows what is wrong. (`mkdocs serve` builds into the folder it serves, so a failed
build leaves a half-cleaned site, and it prints a traceback.)
"""

from __future__ import annotations

import argparse
import errno
import logging
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TextIO
from urllib.parse import urlsplit

import yaml

from styrdok.adapters.mkdocs_messages import Sources, is_error, translate
from styrdok.adapters.preview_cache import PreviewCaches
from styrdok.core.problems import Position
from styrdok.core.reading.safe_yaml import syntax_problem

# Material prints a banner about MkDocs 2.0 when started as `mkdocs`; never here.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError, ConfigurationError, MkDocsException
from mkdocs.livereload import LiveReloadServer

from styrdok.adapters.preview_watch import (
    POLLING_SECONDS,
    SETTLE_SECONDS,
    Watcher,
    files_as_they_are,
    watched_paths,
)

OK, NOT_BUILT, USAGE = 0, 1, 2


class SwedishLog(logging.Handler):
    """Prints each MkDocs log record as `mkdocs_messages` words it, and counts the
    problems (warnings and errors: under strict mode each one stops the build)."""

    def __init__(self, sources: Sources, out: TextIO) -> None:
        super().__init__(logging.INFO)
        self.sources = sources
        self.out = out
        self.problems = 0
        # The preview rebuilds on every save: a warning it has already shown is not
        # repeated, so the editor's new error is not buried under the same old lines.
        self.repeat_warnings = True
        self.shown_warnings: set[str] = set()
        self.held_back = 0

    def emit(self, record: logging.LogRecord) -> None:
        if is_error(record):
            self.problems += 1
        line = translate(record, self.sources)
        if line is None:
            return
        if ": varning: " in line and not is_error(record):
            if not self.repeat_warnings and line in self.shown_warnings:
                self.held_back += 1
                return
            self.shown_warnings.add(line)
        print(line, file=self.out, flush=True)


class _RequestsAreNotProblems(logging.Filter):
    """The preview logs a request it cannot answer (404) as a warning; a strict build
    running at that moment would count it and fail. It is information, not a problem."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and '" code ' in record.getMessage():
            record.levelno, record.levelname = logging.INFO, "INFO"
        return True


@contextmanager
def swedish_log(sources: Sources, out: TextIO) -> Iterator[SwedishLog]:
    """MkDocs' log through SwedishLog while the block runs, and through nothing else."""
    logger = logging.getLogger("mkdocs")
    handler = SwedishLog(sources, out)
    saved = logger.level, logger.propagate, list(logger.handlers)
    for old in saved[2]:
        logger.removeHandler(old)
    logger.addHandler(handler)
    # INFO, not higher: the plugin refuses a build whose warnings could be silenced.
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        for old in saved[2]:
            logger.addHandler(old)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]


def sources_of(config_file: Path) -> Sources:
    """The folders the log's file names are looked up in, read from mkdocs.yml without
    running the plugins (the log is needed before and while they run)."""
    root = config_file.resolve().parent
    docs, watched = root / "docs", [root / "CONTRIBUTING.md"]
    # Quiet (and not Python's last-resort handler, which prints MkDocs' English): what
    # is wrong with mkdocs.yml is said once, in Swedish, by the build.
    logger, quiet = logging.getLogger("mkdocs"), logging.NullHandler()
    logger.addHandler(quiet)
    propagate, logger.propagate = logger.propagate, False
    try:
        config = load_config(config_file=str(config_file))
        docs = Path(config.docs_dir)
        watched = [Path(p) for p in config.watch if Path(p).is_file()]
    except (MkDocsException, OSError, ValueError):
        pass  # the build itself reports what is wrong with mkdocs.yml
    finally:
        logger.removeHandler(quiet)
        logger.propagate = propagate
    return Sources(root, docs, tuple(watched))


def config_problem(config_file: Path, exc: MkDocsException) -> str:
    """What is wrong with mkdocs.yml when MkDocs could not load it. A YAML error is said
    as `styrdok check` says one, with line and column; a wrong setting has been logged
    (and translated) by MkDocs before it gave up."""
    cause = exc.__context__
    name = config_file.name
    if isinstance(cause, yaml.MarkedYAMLError):
        mark = cause.problem_mark or cause.context_mark
        position = Position(mark.line + 1, mark.column + 1) if mark else Position()
        return str(syntax_problem(name, position, cause))
    if isinstance(cause, yaml.YAMLError):
        return (
            f"{name}:1:1: fel: YAML-koden går inte att läsa – MkDocs säger (på engelska): {cause}"
        )
    return f"styrdok: fel: {name} har fel (se ovan)."


def _load(config_file: Path, **options: object) -> MkDocsConfig:
    return load_config(config_file=str(config_file), strict=True, **options)


def build_once(
    config_file: Path,
    site_dir: Path,
    log: SwedishLog,
    adjust: Callable[[MkDocsConfig], None] = lambda config: None,
    serve_url: str | None = None,
) -> bool:
    """One strict build of the site into `site_dir`; whether it succeeded. What went
    wrong has been printed in Swedish through `log` by then."""
    before = log.problems
    try:
        config = _load(config_file, site_dir=str(site_dir))
        adjust(config)
        # As `mkdocs build` and `mkdocs serve` do: some plugins set up and clean up here.
        config.plugins.on_startup(command="serve" if serve_url else "build", dirty=False)
        try:
            mkdocs_build(config, serve_url=serve_url)
        finally:
            config.plugins.on_shutdown()
    except ConfigurationError as exc:
        print(config_problem(config_file, exc), file=log.out)
        return False
    except (Abort, BuildError):
        # MkDocs has logged the reason (the plugin's Swedish message, or the warnings);
        # its own closing line is English and is replaced by the summary.
        return False
    except (OSError, UnicodeDecodeError) as exc:
        where = getattr(exc, "filename", None) or config_file
        print(f"styrdok: fel: {where} kunde inte läsas: {exc}", file=log.out)
        return False
    except Exception as exc:  # a bug in a plugin is no reason for a traceback
        print(
            f"styrdok: fel: bygget stoppades av ett oväntat fel ({type(exc).__name__}: {exc}). "
            "Det är ett fel i verktyget, inte i texten: visa meddelandet för förvaltaren.",
            file=log.out,
        )
        return False
    return log.problems == before


SUMMARY = "styrdok: webbplatsen byggdes inte – rätta felen ovan och försök igen."


def run_build(config_file: Path, site_dir: Path, out: TextIO = sys.stderr) -> int:
    with swedish_log(sources_of(config_file), out) as log:
        start = time.monotonic()
        if not build_once(config_file, site_dir, log):
            print(SUMMARY, file=out)
            return NOT_BUILT
    seconds = f"{time.monotonic() - start:.1f}".replace(".", ",")
    print(f"styrdok: webbplatsen byggdes på {seconds} sekunder.", file=out)
    return OK


# --- The preview ------------------------------------------------------------------------


class Preview:
    """Builds into a fresh folder on every change and serves the last one that built."""

    def __init__(self, config_file: Path, host: str, port: int, out: TextIO) -> None:
        self.config_file = config_file
        self.host, self.port = host, port
        self.out = out
        self.work = Path(tempfile.mkdtemp(prefix="styrdok-forhandsgranskning-"))
        self.served: Path | None = None
        self.server: LiveReloadServer | None = None
        self.url = ""
        self._lock = threading.Lock()
        # Kept from one rebuild to the next: compiled templates, unchanged pages' HTML.
        self.caches = PreviewCaches.new()

    def _adjust(self, config: MkDocsConfig) -> None:
        config.site_url = self.url
        plugin = config.plugins.get("styrdok")
        if plugin is not None:
            plugin.preview = self.caches  # type: ignore[attr-defined]

    def build(self, log: SwedishLog) -> bool:
        fresh = Path(tempfile.mkdtemp(prefix="bygge-", dir=self.work))
        if not build_once(self.config_file, fresh, log, self._adjust, serve_url=self.url):
            shutil.rmtree(fresh, ignore_errors=True)
            return False
        with self._lock:
            old, self.served = self.served, fresh
            if self.server is not None:
                self.server.root = str(fresh)
        if old is not None:
            # In the background: removing a site takes seconds on a slow disk, and the
            # next save should not wait for it (the preview's folder goes at the end).
            threading.Thread(target=shutil.rmtree, args=(old, True), daemon=True).start()
        return True

    def error_page(self, code: int) -> bytes | None:
        page = self.served / f"{code}.html" if self.served else None
        return page.read_bytes() if page is not None and page.is_file() else None


def run_serve(
    config_file: Path, address: str, out: TextIO = sys.stdout, *, polling: bool = False
) -> int:
    host, _, port_text = address.rpartition(":")
    # An IPv6 address ([::1]:8000) is not served by MkDocs' server; say so before building.
    if (
        not host
        or ":" in host
        or "[" in host
        or not port_text.isdigit()
        or not 0 < int(port_text) < 65536
    ):
        print(
            f"styrdok: fel: adressen '{address}' ska skrivas som 127.0.0.1:8000 "
            "(en port från 1 till 65535)",
            file=out,
        )
        return USAGE
    preview = Preview(config_file, host, int(port_text), out)
    # The built intranet site must not stay behind in /tmp when the preview is stopped
    # with SIGTERM (`timeout`, a closed terminal's job control) rather than Ctrl+C.
    with sigterm_as_interrupt(), swedish_log(sources_of(config_file), out) as log:
        logging.getLogger("mkdocs.livereload").addFilter(_RequestsAreNotProblems())
        try:
            return _serve(preview, log, polling)
        except MkDocsException as exc:  # mkdocs.yml cannot be read: nothing to serve
            print(config_problem(config_file, exc), file=out)
            print(SUMMARY, file=out)
            return NOT_BUILT
        except KeyboardInterrupt:
            print("styrdok: förhandsgranskningen avslutades.", file=out)
            return OK
        finally:
            shutil.rmtree(preview.work, ignore_errors=True)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM raises KeyboardInterrupt while the block runs (main thread only), so the
    finally blocks that remove temporary folders run: a cancelled CI job (`styrdok bygg`)
    and a stopped preview both get SIGTERM."""
    try:
        previous = signal.signal(signal.SIGTERM, _interrupt)
    except ValueError:  # Only the main thread may set handlers; then no clean-up on TERM.
        yield
        return
    try:
        yield
    finally:
        # None: the handler was not set from Python; the default is the closest match.
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)


def address_problem(host: str, port: int, exc: OSError) -> str:
    """Why the preview cannot listen at host:port, in Swedish: the system's own words
    ("[Errno 98] Address already in use") are English. A second `make serve` is the
    usual cause."""
    where = f"styrdok: fel: kan inte använda {host}:{port}"
    if exc.errno == errno.EADDRINUSE:
        return (
            f"{where}: adressen används redan, kanske av en förhandsgranskning som redan "
            "körs i en annan terminal – avsluta den med Ctrl+C, eller välj en annan port "
            f"med --adress {host}:{port + 1 if port < 65535 else 8001}"
        )
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"{where}: datorn tillåter inte den porten – välj en port över 1024, t.ex. 8000"
    if exc.errno == errno.EADDRNOTAVAIL:
        return f"{where}: datorn har inte den adressen – använd 127.0.0.1"
    return f"{where}: {exc.strerror or exc}"


def _serve(preview: Preview, log: SwedishLog, polling: bool = False) -> int:
    out = preview.out
    config = _load(preview.config_file)
    mount = config.site_url or "/"
    path = "/" + urlsplit(mount).path.strip("/") + "/"
    preview.url = f"http://{preview.host}:{preview.port}{path.replace('//', '/')}"
    watched = watched_paths(config, preview.config_file)
    # What is saved while the first build runs, before anything is watched, is seen
    # by comparing the files then with the files once they are watched.
    before = files_as_they_are(watched)
    first = preview.build(log)

    log.repeat_warnings = False

    def rebuild() -> None:
        print("styrdok: en fil ändrades – bygger igen …", file=out, flush=True)
        log.held_back = 0
        built = preview.build(log)
        if log.held_back:
            print(
                f"styrdok: {log.held_back} varningar som redan har visats visas inte igen.",
                file=out,
                flush=True,
            )
        if built:
            print(f"styrdok: byggd igen kl. {time.strftime('%H:%M:%S')}.", file=out, flush=True)
        else:
            print(
                "styrdok: webbplatsen kunde inte byggas. Förhandsgranskningen visar den "
                "senaste versionen som gick att bygga; rätta felen ovan och spara igen.",
                file=out,
                flush=True,
            )

    root = str(preview.served or preview.work)
    try:
        server = LiveReloadServer(
            builder=rebuild,
            host=preview.host,
            port=preview.port,
            root=root,
            mount_path=path,
            polling_interval=POLLING_SECONDS,
        )
    except OSError as exc:
        print(address_problem(preview.host, preview.port, exc), file=out)
        return USAGE
    preview.server = server
    server.error_handler = preview.error_page
    server.build_delay = SETTLE_SECONDS
    watcher = Watcher(server, polling)
    for one in watched:
        server.watch(one)

    def ready() -> None:
        # Only once the watcher has its first view of the files: a save before it
        # would go unseen, so the address is not given until a save is seen.
        if first:
            print(f"styrdok: förhandsgranskningen finns på {preview.url}", file=out)
        else:
            print(
                "styrdok: webbplatsen kunde inte byggas; rätta felen ovan och spara, så byggs "
                f"den igen. Förhandsgranskningen finns sedan på {preview.url}",
                file=out,
            )
        print(
            "styrdok: öppna adressen i webbläsaren. Sidan laddas om när du sparar en fil. "
            "Avsluta med Ctrl+C.",
            file=out,
            flush=True,
        )
        if files_as_they_are(watched) != before:
            watcher.tell_of_a_change()

    watcher.when_started = ready
    try:
        server.serve()
    except OSError as exc:
        print(address_problem(preview.host, preview.port, exc), file=out)
        return USAGE
    finally:
        server.shutdown()
    return OK


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m styrdok.adapters.mkdocs_run")
    commands = main.add_subparsers(dest="kommando", required=True)
    once = commands.add_parser("build")
    once.add_argument("-f", dest="config", type=Path, required=True)
    once.add_argument("-d", dest="site", type=Path, required=True)
    serve = commands.add_parser("serve")
    serve.add_argument("-f", dest="config", type=Path, required=True)
    serve.add_argument("--adress", default="127.0.0.1:8000")
    serve.add_argument("--polla", action="store_true")
    return main


def main(argv: Sequence[str] | None = None) -> int:
    # Called by styrdok, never by an editor: its usage errors need no Swedish.
    args = parser().parse_args(argv)
    if args.kommando == "build":
        return run_build(args.config, args.site)
    return run_serve(args.config, args.adress, polling=args.polla)


if __name__ == "__main__":
    sys.exit(main())
