"""`styrdok diff`: what changed for readers between two revisions of the source.

Each revision is loaded with the same core as `styrdok check` (`revisions`) and selected
for one audience with `select`, so the comparison sees exactly what that audience's site
shows: a document the selection leaves out cannot appear here either. `compare` is pure
(two publications in, a `Changes` out; what applies to organ in `organ`) and `wording`
holds all the Swedish wording, for a CI job to post as a comment on a pull request.
"""

from __future__ import annotations

from styrdok.select import STANDARD_MALGRUPP, select
from styrdok.tools.diff.changes import Changes
from styrdok.tools.diff.compare import compare, textandringar
from styrdok.tools.diff.revisions import RevisionError, Source, load_source
from styrdok.tools.diff.wording import as_markdown, felvarning

__all__ = [
    "Changes",
    "RevisionError",
    "Source",
    "as_markdown",
    "compare",
    "load_source",
    "report",
    "textandringar",
]


def report(old: Source, new: Source, malgrupp: str = STANDARD_MALGRUPP) -> str:
    """Both revisions selected for `malgrupp`, compared and written as Markdown.

    A side with errors is compared as far as it is safe: an entry of a file with errors
    that is found on one side only is neither added nor removed, and a side that could
    not be read at all is not compared (that would list everything as removed)."""
    warnings = [felvarning(s, malgrupp) for s in (old, new) if s.fel]
    if not (old.har_modell and new.har_modell):
        return as_markdown(None, old.etikett, new.etikett, varningar=warnings, malgrupp=malgrupp)
    changes = compare(
        select(old.model, malgrupp),
        select(new.model, malgrupp),
        skyddade_textandringar=textandringar(old.model, new.model),
        rubriker=new.rubriker or old.rubriker,
        osakra=frozenset(old.felfiler) | frozenset(new.felfiler),
        andrade_bilagor=frozenset(
            path for path, digest in new.bilagor.items() if old.bilagor.get(path, digest) != digest
        ),
    )
    return as_markdown(changes, old.etikett, new.etikett, varningar=warnings)
