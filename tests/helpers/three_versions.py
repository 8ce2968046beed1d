"""The small project's krisledning at version 3: version 1 and 2 kept, version 3 the
anvisning's own file, each with a text and dates of its own.

As `make_version_3` leaves it, on helpers.TODAY (2026-01-01): version 1 applied
2017-01-01 – 2019-05-31, version 2 2019-06-01 – 2024-12-31, version 3 from 2025-01-01.
"""

from __future__ import annotations

from pathlib import Path

V2_TEXT = """## Syfte

Texten beskriver hur nämnderna leder arbetet vid en kris och vem som larmas först.

## Så här gör ni

1. Chefen larmar tjänstemannen i beredskap.
2. Staben samlas inom en timme.
"""

V3_TEXT = """## Syfte

Texten beskriver hur nämnderna leder arbetet vid en allvarlig kris och vem som larmas först.

## Så här gör ni

1. Chefen larmar tjänstemannen i beredskap.
2. Staben samlas inom två timmar.

## Övning

Krisledningen övas varje år.
"""


def make_version_3(
    project: Path,
    status: str = "gällande",
    giltig_fran: str = "2025-01-01",
    beslutsdatum: str = "2024-11-20",
) -> None:
    """Raise krisledning to version 3 (`status` and dates as given), keeping version 2."""
    anvisningar = project / "docs" / "anvisningar"
    current = anvisningar / "krisledning.md"
    front, _, _ = current.read_text(encoding="utf-8").partition("\n---\n")
    # Version 2 as it was: the file before the change, with a text of its own.
    (anvisningar / "krisledning" / "version-2.md").write_text(
        f"{front}\n---\n\n{V2_TEXT}", encoding="utf-8"
    )
    newer = (
        front.replace("version: 2\n", "version: 3\n")
        .replace("status: gällande\n", f"status: {status}\n")
        .replace("giltig_fran: 2019-06-01\n", f"giltig_fran: {giltig_fran}\n")
        .replace("beslutsdatum: 2019-05-02\n", f"beslutsdatum: {beslutsdatum}\n")
        .replace("diarienummer: KS 2019/100\n", "diarienummer: KS 2024/300\n")
        .replace(
            "titel: Anvisning för krisledning\n", "titel: Anvisning för krisledning och stab\n"
        )
    )
    if status == "utkast":
        # A draft is not decided: no decision, no day it applies from.
        newer = "\n".join(
            line
            for line in newer.split("\n")
            if not line.startswith(("beslutsdatum:", "beslutad_av:", "giltig_fran:"))
        )
    current.write_text(f"{newer}\n---\n\n{V3_TEXT}", encoding="utf-8")
