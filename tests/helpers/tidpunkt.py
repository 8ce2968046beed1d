"""An anvisning at version 3 with versions 1 and 2 kept, each with its own dates and its
own circle of bodies, repealed after version 3; and one whose version 2 was decided after
the day it took effect. For the tests of "what applied on a day": the query, the page,
the JSON and `styrdok gallde` (one test drives all three: site/test_gallde.py).

`add_versions(project)` writes them into a copy of the small valid project. `VERSION_ON`
and `ORGAN_VERSION_ON` are the expected answers, written out by hand from the dates below.
"""

from __future__ import annotations

from pathlib import Path

UTRYMNING = "utrymning-vid-larm"
RATTELSE = "rapportvagar"

# Day -> the version of UTRYMNING in force (None: none was).
VERSION_ON = {
    "2016-06-01": None,  # before version 1
    "2017-01-01": 1,  # its first day
    "2017-06-01": 1,
    "2018-03-31": 1,  # its last day
    "2018-04-01": 2,
    "2019-01-01": 2,
    "2020-05-20": 2,  # version 3 was decided, but applies from 2020-06-01
    "2020-06-01": 3,
    "2022-01-01": 3,
    "2023-12-31": 3,  # the last day before the repeal
    "2024-06-01": None,  # repealed from 2024-01-01
}
# (day, organ) -> the version of UTRYMNING in force for the organ, by that version's
# galler_for: version 1 for all bodies, 2 for the stadsdelsnämnder, 3 for them and
# Socialnämnden.
ORGAN_VERSION_ON = {
    ("2017-06-01", "bromma-stadsdelsnamnd"): 1,
    ("2017-06-01", "socialnamnden"): 1,
    ("2017-06-01", "stadsledningskontoret"): None,  # a förvaltning does not apply the programme
    ("2019-01-01", "bromma-stadsdelsnamnd"): 2,
    ("2019-01-01", "socialnamnden"): None,
    ("2022-01-01", "bromma-stadsdelsnamnd"): 3,
    ("2022-01-01", "socialnamnden"): 3,
    ("2024-06-01", "socialnamnden"): None,
}
# RATTELSE's version 2 was decided on 2021-09-01 with effect from 2021-06-01: on a day
# in between version 1 applied, and version 2 is a later decision reaching back to it.
RETROACTIVE_DAY = "2021-07-01"

TITLES = {
    1: "Anvisning för utrymning vid larm",
    2: "Anvisning för utrymning och inrymning vid larm",
    3: "Anvisning för utrymning, inrymning och samling vid larm",
}


def _front_matter(fields: str, version: int, status: str = "gällande") -> str:
    return (
        f"---\nid: {UTRYMNING}\ntitel: {TITLES[version]}\n"
        f"sammanfattning: Vad som gäller vid larm, som det löd i version {version}.\n"
        "fokusomraden: [krisberedskap]\nansvarig: kommunstyrelsen\n"
        f"status: {status}\nbeslutad_av: kommunstyrelsen\nversion: {version}\n"
        "kontakt:\n  funktion: Beredskapsavdelningen\nexempelinnehall: true\natkomst: öppen\n"
        f"{fields}---\n\nTexten i version {version}.\n"
    )


VERSION_1 = _front_matter(
    "galler_for: alla\nbeslutsdatum: 2016-11-20\ngiltig_fran: 2017-01-01\n"
    "revideras_senast: 2018-12-31\n",
    1,
)
VERSION_2 = _front_matter(
    "galler_for:\n  organtyper: [stadsdelsnämnd]\nbeslutsdatum: 2018-03-01\n"
    "giltig_fran: 2018-04-01\nrevideras_senast: 2020-12-31\n",
    2,
)
VERSION_3 = _front_matter(
    "galler_for:\n  organtyper: [stadsdelsnämnd]\n  organ: [socialnamnden]\n"
    "beslutsdatum: 2020-05-15\ngiltig_fran: 2020-06-01\nrevideras_senast: 2023-12-31\n"
    "upphavd_datum: 2024-01-01\n",
    3,
    status="upphävd",
)

RATTELSE_TEMPLATE = """---
id: rapportvagar
titel: Anvisning för rapportvägar
sammanfattning: Vem som rapporterar till vem.
fokusomraden: [krisberedskap]
ansvarig: kommunstyrelsen
galler_for: alla
status: gällande
beslutad_av: kommunstyrelsen
version: {version}
beslutsdatum: {beslutsdatum}
giltig_fran: {giltig_fran}
revideras_senast: 2030-01-01
kontakt:
  funktion: Beredskapsavdelningen
exempelinnehall: true
atkomst: öppen
---

Rapportvägarna i version {version}.
"""


def add_versions(project: Path) -> None:
    folder = project / "docs" / "anvisningar"
    (folder / UTRYMNING).mkdir()
    (folder / UTRYMNING / "version-1.md").write_text(VERSION_1, encoding="utf-8")
    (folder / UTRYMNING / "version-2.md").write_text(VERSION_2, encoding="utf-8")
    (folder / f"{UTRYMNING}.md").write_text(VERSION_3, encoding="utf-8")
    (folder / RATTELSE).mkdir()
    (folder / RATTELSE / "version-1.md").write_text(
        RATTELSE_TEMPLATE.format(version=1, beslutsdatum="2020-12-01", giltig_fran="2021-01-01"),
        encoding="utf-8",
    )
    (folder / f"{RATTELSE}.md").write_text(
        RATTELSE_TEMPLATE.format(version=2, beslutsdatum="2021-09-01", giltig_fran="2021-06-01"),
        encoding="utf-8",
    )


def page_of(version: int) -> str:
    """The address, relative to the site, of UTRYMNING's version `version`."""
    return f"anvisningar/{UTRYMNING}/" + ("" if version == 3 else f"version-{version}/")


def version_in(document: dict, id: str, day: str, organ_id: str | None = None) -> int | None:
    """The version of anvisning `id` in force on `day` by tidslinje.json alone, read by
    the rule its schema states (as gallde.js reads it), for `organ_id` if given."""
    organ = next((o for o in document["organ"] if o["id"] == organ_id), None)
    assert organ_id is None or organ is not None, organ_id
    anvisning = next(a for a in document["anvisningar"] if a["id"] == id)
    decided = [
        v for v in anvisning["versioner"] if v["beslutsdatum"] is None or v["beslutsdatum"] <= day
    ]
    for number, version in enumerate(decided):
        after = decided[number + 1]["giltig_fran"] if number + 1 < len(decided) else None
        end = after or anvisning["upphavd_datum"]
        if version["giltig_fran"] <= day and (end is None or day < end):
            return version["version"] if applies(version["galler_for"], organ) else None
    return None


def applies(krets: dict, organ: dict | None) -> bool:
    if organ is None:
        return True
    if krets["alla"]:
        return organ["tillampar_programmet"]
    return organ["typ"] in krets["organtyper"] or organ["id"] in krets["organ"]
