"""argparse in Swedish: usage, section titles, `-h` and every error message.

argparse takes its strings through `gettext` (module-level `_` and `ngettext`), and
Python ships no Swedish catalogue for it. Installing one through `gettext.install` or a
text domain would change every program in the process that uses the default domain, so
the catalogue here is an object that answers argparse's message ids and is put in place
only while one of our parsers builds itself, formats help or parses: `SwedishParser`
wraps exactly those calls. Nothing else in the process sees Swedish argparse, and an
argparse message id without a translation stays as it is (the test of the CLI's error
paths would then find the English word).

The ids are those of Python 3.11's argparse; a new Python that words one differently
falls back to English, which the test catches.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator, Sequence
from typing import Any

# argparse's message ids (Python 3.11) and their Swedish text, same placeholders.
SINGULAR: dict[str, str] = {
    "usage: ": "Användning: ",
    "positional arguments": "argument",
    "options": "flaggor",
    "show this help message and exit": "visa den här hjälptexten och avsluta",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fel: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "the following arguments are required: %s": "det här måste anges: %s",
    "one of the arguments %s is required": "ett av de här måste anges: %s",
    "unrecognized arguments: %s": "okända argument: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "okänt val %(value)r (välj ett av %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "ogiltigt värde %(value)r",
    "expected one argument": "ett värde behövs efter flaggan",
    "expected at most one argument": "högst ett värde får anges",
    "expected at least one argument": "minst ett värde behövs",
    "ambiguous option: %(option)s could match %(matches)s": (
        "flaggan %(option)s är tvetydig: den kan vara %(matches)s"
    ),
    "not allowed with argument %s": "får inte anges tillsammans med %s",
    "ignored explicit argument %r": "flaggan tar inget värde, men fick %r",
    "unexpected option string: %s": "oväntad flagga: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "okänt kommando %(parser_name)r (välj ett av %(choices)s)"
    ),
}
PLURAL: dict[str, tuple[str, str]] = {
    "expected %s argument": ("%s värde behövs efter flaggan", "%s värden behövs efter flaggan"),
}


def gettext(message: str) -> str:
    return SINGULAR.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    if singular in PLURAL:
        one, many = PLURAL[singular]
        return one if n == 1 else many
    return singular if n == 1 else plural


@contextlib.contextmanager
def swedish() -> Iterator[None]:
    """argparse speaks Swedish while the block runs; the English is back afterwards."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = gettext, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class SwedishParser(argparse.ArgumentParser):
    """An ArgumentParser whose own text and messages are Swedish. Subparsers made with
    `add_subparsers` are of the same class, so every subcommand is Swedish too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with swedish():  # the section titles and the -h help are worded here
            super().__init__(*args, **kwargs)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        with swedish():  # "unrecognized arguments" is worded here, after parse_known_args
            return super().parse_args(args, namespace)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        with swedish():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with swedish():
            return super().format_usage()

    def format_help(self) -> str:
        with swedish():
            return super().format_help()

    def error(self, message: str) -> Any:
        with swedish():
            self.print_usage(sys.stderr)
            line = gettext("%(prog)s: error: %(message)s\n") % {
                "prog": self.prog,
                "message": message,
            }
            self.exit(2, f"{line}Skriv '{self.prog} -h' för hjälp.\n")
