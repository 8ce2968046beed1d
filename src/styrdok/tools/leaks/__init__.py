"""Scan a built site for what the selection withheld: a last check before publishing.

Selection decides what is published; this package checks the result from the other
side. From the whole model `forbidden` lists what must not appear for an audience (ids,
titles, summaries, case numbers and passages of text of withheld documents; for
skyddad anvisningar everything but the metadata) and `reading` looks for all of them at
once in every file of the built site, in every form a reader or a program could see it
(read by `forbidden.files`, the reader the check uses for attachments too).
Both sides are compared in the one form of `normal`, and `matcher` finds every string in
a single pass over each view of a file.
"""

from __future__ import annotations

from styrdok.forbidden.files import Leak, Unreadable
from styrdok.forbidden.matcher import Matcher
from styrdok.forbidden.normal import normalise, words
from styrdok.forbidden.strings import forbidden, passages, published_sources
from styrdok.tools.leaks.reading import scan

__all__ = [
    "Leak",
    "Matcher",
    "Unreadable",
    "forbidden",
    "normalise",
    "passages",
    "published_sources",
    "scan",
    "words",
]
