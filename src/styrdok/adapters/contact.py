"""The address readers report accessibility problems to, from mkdocs.yml: developer
configuration, but it ends up as a link on every build's statement, so it is held to
what a link there may be: mailto: with one e-mail address, or https: with a host."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# One address, no display name, no query (?subject= could carry anything): the local
# part and domain of an ordinary mailbox.
_EMAIL = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+"
)
# Characters no address of ours needs and that would end a link or an attribute early.
_UNSAFE = re.compile(r"[\s\"'<>\\`\x00-\x1f\x7f]")


def reporting_address(given: str) -> str:
    """`given` if it is a usable reporting address; otherwise ValueError saying why,
    in Swedish, as the end of a sentence that starts with the option's name."""
    value = given.strip()
    if not value:
        raise ValueError(
            "saknas: ange en e-postadress (mailto:namn@exempel.se) eller en webbadress "
            "(https://…) dit läsare kan rapportera brister i tillgängligheten."
        )
    if _UNSAFE.search(value):
        raise ValueError(
            f"'{_shown(value)}' innehåller mellanslag, citattecken eller andra tecken som "
            "inte hör hemma i en adress."
        )
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    if scheme == "mailto" and _EMAIL.fullmatch(parts.path) and not (parts.query or parts.fragment):
        return value
    if scheme == "https" and parts.hostname and not parts.username and not parts.password:
        return value
    raise ValueError(
        f"ska vara mailto: med en e-postadress eller en https:-adress, inte '{_shown(value)}'."
    )


def _shown(value: str) -> str:
    """The value as a message may quote it: printable and short."""
    printable = "".join(ch if ch.isprintable() else "?" for ch in value)
    return printable if len(printable) <= 80 else printable[:77] + "…"
