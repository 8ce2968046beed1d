"""The terms on which the published data may be reused: one licence for the whole site,
stated in the API index, on the pages the CSV files are linked from, in the DCAT
catalogue record and (later) in the OpenAPI description.

The default is CC0 1.0. The programme and its anvisningar are decisions of the city's
bodies, which upphovsrättslagen (1960:729) 9 § leaves without copyright; for such
information DIGG's recommendation on open licences (with PRV) advises PDM or CC0, and
CC0 for databases made in the exercise of public authority. CC0 also waives the
database right (49 §), which the mark PDM does not, and it is what SCB (since 2021) and
Lantmäteriet use for their open data. An installation may choose another licence in
mkdocs.yml (`licens`): one of the known ones by SPDX id or URI, or its own terms at an
https address.

The URI of a known licence is written exactly as DCAT-AP-SE's harvester compares it
(http, with the closing slash): the same licence under two URIs counts as two.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Licens:
    namn: str
    # The licence's identifier (for a known one, its canonical URI).
    url: str
    # The SPDX identifier, when the licence has one.
    spdx: str | None
    # Where a reader reads the licence (https, in Swedish where there is a translation).
    lasbar: str

    def json(self) -> dict[str, str | None]:
        """As index.json carries it."""
        return {"namn": self.namn, "url": self.url, "spdx": self.spdx}

    def openapi(self) -> dict[str, str]:
        """OpenAPI 3.1's info.license: `identifier` and `url` exclude each other, and
        the SPDX id is the one a tool understands."""
        if self.spdx:
            return {"name": self.namn, "identifier": self.spdx}
        return {"name": self.namn, "url": self.url}


CC0 = Licens(
    "CC0 1.0 Universell (Public Domain Dedication)",
    "http://creativecommons.org/publicdomain/zero/1.0/",
    "CC0-1.0",
    "https://creativecommons.org/publicdomain/zero/1.0/deed.sv",
)
CC_BY = Licens(
    "Creative Commons Erkännande 4.0 Internationell",
    "http://creativecommons.org/licenses/by/4.0/",
    "CC-BY-4.0",
    "https://creativecommons.org/licenses/by/4.0/deed.sv",
)
CC_BY_SA = Licens(
    "Creative Commons Erkännande-DelaLika 4.0 Internationell",
    "http://creativecommons.org/licenses/by-sa/4.0/",
    "CC-BY-SA-4.0",
    "https://creativecommons.org/licenses/by-sa/4.0/deed.sv",
)
KANDA = (CC0, CC_BY, CC_BY_SA)
STANDARD = CC0


def _key(uri: str) -> str:
    """A licence URI as it may be written: http or https, with or without the slash."""
    parts = urlsplit(uri.strip())
    return f"{(parts.hostname or '').lower()}{parts.path.rstrip('/')}"


_BY_NAME = {
    **{licens.spdx.lower(): licens for licens in KANDA if licens.spdx},
    **{_key(licens.url): licens for licens in KANDA},
}


def licens(given: str) -> Licens:
    """The licence `given` names: an SPDX id or URI of a known licence, or an https
    address of other terms. ValueError, in Swedish, the end of a sentence that starts
    with the option's name, otherwise."""
    value = given.strip()
    if not value:
        return STANDARD
    known = _BY_NAME.get(value.lower()) or _BY_NAME.get(_key(value))
    if known is not None:
        return known
    parts = urlsplit(value)
    # Nothing that would end a Markdown link or an attribute early.
    unsafe = any(ch.isspace() or ch in "\"'<>\\`[]()" or not ch.isprintable() for ch in value)
    if (
        parts.scheme.lower() == "https"
        and parts.hostname
        and not (parts.username or parts.password)
        and not unsafe
    ):
        return Licens(f"Licensvillkoren på {value}", value, None, value)
    names = ", ".join(licens.spdx for licens in KANDA if licens.spdx)
    shown = "".join(ch if ch.isprintable() else "?" for ch in value)[:80]
    raise ValueError(
        f"ska vara en känd licens ({names} eller dess adress hos Creative Commons) eller "
        f"en https:-adress till egna villkor, inte '{shown}'."
    )


def csv_mening(vald: Licens, vad: str = "CSV-filen") -> str:
    """The sentence beside a CSV link, as Markdown: under which terms the file is used."""
    if vald.spdx == CC0.spdx:
        terms = "utan villkor, också utan att ange källa"
    else:
        terms = "enligt villkoren i licensen"
    return (
        f"Uppgifterna i {vad} får användas fritt {terms}: de är öppna data under "
        f"[{vald.namn}]({vald.lasbar})."
    )
