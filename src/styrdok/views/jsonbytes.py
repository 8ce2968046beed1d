"""The published JSON's bytes: `json.dumps(value, ensure_ascii=False, indent=2,
sort_keys=True)` and a newline, as UTF-8, made by orjson where that gives the same bytes.

With `indent`, the json module encodes in pure Python (its C encoder is for compact
output only); at thousands of documents that was a fifth of the API's cost. orjson's
indented, key-sorted output is the json module's, character for character, for strings
(the same escapes: `"`, `\\`, the short forms `\\b \\f \\n \\r \\t`, other control
characters as lowercase `\\u00xx`; U+2028, U+2029, `</script>` and astral characters as
they are), for booleans, null, integers within 64 bits and for floats, except those
below 1e-4 in magnitude (orjson writes 0.00001 where Python writes 1e-05) and NaN and
the infinities (orjson writes null). So orjson writes only values made of dicts with
string keys, lists, strings, booleans, None, integers and floats it writes alike;
anything else (a tuple, a subclass, a date, an odd float, a lone surrogate) goes to the
json module, which also raises the same errors as before for what JSON cannot hold.
tests/views/test_jsonbytes.py holds both to the same bytes.
"""

from __future__ import annotations

import json
import math
from typing import Any

import orjson

_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS
# The smallest magnitude orjson writes as Python does.
_SMALLEST_ALIKE = 1e-4


def dumps(value: Any) -> bytes:
    """`value` as the API publishes it: indented by two, keys sorted, UTF-8, newline."""
    if alike(value):
        try:
            return orjson.dumps(value, option=_OPTIONS) + b"\n"
        except orjson.JSONEncodeError:
            # A lone surrogate, a key that is not a string, an integer beyond 64 bits,
            # too deep a nesting: the json module writes it or raises as it always did.
            pass
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def alike(value: Any) -> bool:
    """Whether every part of `value` is one orjson writes as the json module does."""
    stack = [value]
    pop, push = stack.pop, stack.extend
    while stack:
        item = pop()
        kind = type(item)
        if kind is str or kind is bool or item is None:
            continue
        if kind is dict:
            # A key that is not a string makes orjson raise, and dumps fall back.
            push(item.values())
        elif kind is list:
            push(item)
        elif kind is int:
            continue  # one beyond 64 bits makes orjson raise, and dumps fall back
        elif kind is float:
            if not math.isfinite(item) or (item != 0.0 and abs(item) < _SMALLEST_ALIKE):
                return False
        else:
            return False
    return True
