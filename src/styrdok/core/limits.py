"""Limits on what one source file may cost to read.

Anyone who can open a pull request can make CI read a file, so reading, checking and
describing a file must cost time and memory linear in its size, and the size itself is
limited.
"""

from __future__ import annotations

# The largest real source file is data/organ.yml at about 13 kB (benchmarks/corpus.py
# with --organ-factor 10 gives about 130 kB); an anvisning is a few kB. 1 MiB is far
# above any text an editor writes and far below what hurts CI.
MAX_FILE_BYTES = 1024 * 1024
# A YAML alias (*namn) repeats the anchored value; nested anchors multiply, so nine
# lines can stand for a billion values ("billion laughs"). No source file here needs
# aliases at all, so the limits only have to leave room for a few small shared lists.
MAX_ALIASES = 100
# Values that aliases add when written out, counting each use of an anchor in full.
MAX_ALIAS_VALUES = 100_000
# Levels of lists and mappings, aliases written out. Real files nest at most 5 deep;
# the schema validator and Python's repr recurse, so this also keeps them off the stack.
MAX_DEPTH = 50
# Kept earlier versions of one anvisning: each is a page, a comparison page and a JSON
# document, so a pull request adding thousands would hold CI. A programme's anvisning is
# revised every few years; a hundred versions is centuries of them.
MAX_VERSIONS = 100
