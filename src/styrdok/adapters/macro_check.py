"""The macro pages, checked as the build renders them, before anything is built.

The pages listed under `makrosidor` in mkdocs.yml are rendered by `templating` with the
macros of `macros`; an editor's `{% include %}`, an unknown macro, a wrong number of
values or an id no macro knows (`{{ organ_lista("namnd") }}`) stops the build there.
`styrdok check` must say so first, with file and line, or a clean check would be
followed by a failed build. So each page is rendered here for each audience with the
same macros on that audience's publication, and only the outcome is kept: the text is
thrown away. `api_exempel` needs the built site's addresses and API; for it, only the
call itself (its values against its signature) is checked here, and the build's render
stays the net behind.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from styrdok.adapters import macros as macro_module
from styrdok.adapters.templating import MacroError, render
from styrdok.core.messages import problem
from styrdok.core.pipeline import Outcome
from styrdok.core.problems import Position, Problem, sorted_problems
from styrdok.core.project import Project
from styrdok.forbidden.check import Beside, checked, in_turn
from styrdok.select import MALGRUPPER, Publication
from styrdok.views import licens as licens_view


class _Tags(yaml.SafeLoader):
    """mkdocs.yml's own tags (!ENV, !!python/name) read as nothing: only the list of
    macro pages, a plain list of strings, is wanted from it."""


_Tags.add_multi_constructor("", lambda loader, suffix, node: None)
_Tags.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def makrosidor_of(config_file: Path) -> tuple[str, ...]:
    """The `makrosidor` of the styrdok plugin in mkdocs.yml; none if it cannot be read
    (the build reports what is wrong with mkdocs.yml, in Swedish)."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Tags)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
        return ()  # RecursionError: nesting deeper than the pure-Python composer goes
    plugins = config.get("plugins") if isinstance(config, dict) else None
    for entry in plugins if isinstance(plugins, list) else ():
        if isinstance(entry, dict) and isinstance(entry.get("styrdok"), dict):
            pages = entry["styrdok"].get("makrosidor")
            # Not a list (a number, one name): the build's config check says so.
            return tuple(p for p in pages if isinstance(p, str)) if isinstance(pages, list) else ()
    return ()


class _Stand_in:
    """What `macros.Macros` reads of the plugin, without a build: the publication and
    the repository; `api_exempel` is replaced below. The licence does not change
    whether a macro works: the default stands in for mkdocs.yml's."""

    licens = licens_view.STANDARD

    def __init__(self, publication: Any, root: Path) -> None:
        self.publication = publication
        self.project = Project.at(root)


def _call_only(method: Callable[..., str]) -> Callable[..., str]:
    """A macro whose values are checked against its signature but that is not run."""
    signature = inspect.signature(method)

    def checked(*args: Any, **kwargs: Any) -> str:
        signature.bind(*args, **kwargs)  # TypeError, worded by `render`, if they do not fit
        return ""

    return checked


def check_macro_pages(
    project: Project, publications: Mapping[str, Publication], pages: Sequence[str]
) -> Iterator[Problem]:
    """Every macro page that would stop a build of either audience, once per problem."""
    if not pages:
        return
    seen: set[tuple[str, int, str]] = set()
    for malgrupp in MALGRUPPER:
        pub = publications[malgrupp]
        stand_in = _Stand_in(pub, project.root)
        for page in pages:
            sida = pub.sida(page)
            if sida is None:
                continue  # withheld from this audience, or not a page: the plugin says so
            bound = macro_module.macros(stand_in, page)
            bound["api_exempel"] = _call_only(bound["api_exempel"])
            try:
                render(sida.text, bound)
            except MacroError as exc:
                line = sida.text_rad + exc.line - 1
                key = (sida.fil, line, exc.message)
                if key not in seen:
                    seen.add(key)
                    yield problem("makrosida", sida.fil, Position(line, 1), detalj=exc.message)


def check_site(
    project: Project,
    today: date | None = None,
    pages: Sequence[str] | None = None,
    *,
    now: date | None = None,
    leaks: bool = True,
    beside: Beside = in_turn,
) -> Outcome:
    """The whole check `styrdok check` and the plugin run: the source, the leaks (unless
    `leaks` is False; computed by `beside` while the rules run), and the macro pages
    (from mkdocs.yml when `pages` is not given)."""
    outcome, publications = checked(project, today, now=now, leaks=leaks, beside=beside)
    if outcome.model is None or not outcome.ok:
        # A page's macros are rendered on a model that passed; with errors, fix those first.
        return outcome
    if pages is None:
        pages = makrosidor_of(project.root / "mkdocs.yml")
    found = list(check_macro_pages(project, publications, pages))
    return Outcome(sorted_problems([*outcome.problems, *found]), outcome.model)
