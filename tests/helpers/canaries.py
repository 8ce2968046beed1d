"""Canaries: an intern and a skyddad anvisning, an intern page and an öppen page linking to
them, each field and body marked KANARIE-…, to look for in what is published; and a
year of reports (`add_report_canaries`) with an intern and a skyddad report marked alike,
an intern indicator (`add_indicator_canaries`) and an intern earlier version of an öppen
anvisning (`add_feed_version_canaries`), and kept versions of the intern and skyddad
anvisningar (`add_version_canaries`).

Shared by the end-to-end access tests (site/test_access.py), the selection tests
(test_select.py) and the leak scanner's tests (tools/test_leaks.py).
"""

from __future__ import annotations

from pathlib import Path

INTERN = """---
id: kanarie-intern-id
titel: KANARIE-INTERN-TITEL
sammanfattning: KANARIE-INTERN-SAMMANFATTNING
fokusomraden: [krisberedskap]
ansvarig: socialnamnden
galler_for:
  organ: [bromma-stadsdelsnamnd]
status: gällande
atkomst: intern
beslutsdatum: 2024-01-10
beslutad_av: kommunstyrelsen
giltig_fran: 2024-02-01
revideras_senast: 2028-01-01
version: 1
diarienummer: KANARIEINTERNDNR 2024/1
kontakt:
  funktion: KANARIE-INTERN-KONTAKT
  epost: kanarie-intern@example.se
bilagor: [kanarie-intern-id/bild.png]
---

KANARIE-INTERN-TEXT står i brödtexten, med en länk till [en öppen sida](../oppen-sida.md)
som bara den här anvisningen länkar till, och en bild: ![diagram](kanarie-intern-id/bild.png)
"""

SKYDDAD = """---
id: kanarie-skyddad-id
titel: KANARIE-SKYDDAD-TITEL
sammanfattning: KANARIE-SKYDDAD-SAMMANFATTNING
fokusomraden: [krisberedskap]
ansvarig: kommunstyrelsen
galler_for: alla
status: gällande
atkomst: skyddad
beslutsdatum: 2024-01-10
beslutad_av: kommunstyrelsen
giltig_fran: 2024-02-01
revideras_senast: 2028-01-01
version: 1
diarienummer: KANARIESKYDDADDNR 2024/2
rattslig_grund: [sakerhetsskyddslagen]
kontakt:
  funktion: KANARIE-SKYDDAD-KONTAKT
bilagor: [kanarie-skyddad-id/bilaga.txt, kanarie-skyddad-id/analys.pdf]
---

KANARIE-SKYDDAD-TEXT står i brödtexten och får aldrig nå webbplatsen. Se [bilagan](kanarie-skyddad-id/bilaga.txt)
och [analysen](kanarie-skyddad-id/analys.pdf).
"""


def add_canaries(project: Path) -> None:
    docs = project / "docs"
    (docs / "anvisningar" / "kanarie-intern-id.md").write_text(INTERN, encoding="utf-8")
    (docs / "anvisningar" / "kanarie-skyddad-id.md").write_text(SKYDDAD, encoding="utf-8")
    (docs / "anvisningar" / "kanarie-skyddad-id").mkdir()
    (docs / "anvisningar" / "kanarie-skyddad-id" / "bilaga.txt").write_text(
        "KANARIE-SKYDDAD-BILAGA\n"
    )
    (docs / "anvisningar" / "kanarie-skyddad-id/analys.pdf").write_bytes(
        b"%PDF-1.4 KANARIE-SKYDDAD-PDF"
    )
    (docs / "anvisningar" / "kanarie-intern-id").mkdir()
    (docs / "anvisningar" / "kanarie-intern-id" / "bild.png").write_bytes(
        b"\x89PNG\r\n\x1a\n KANARIE-INTERN-BILD"
    )
    (docs / "intern-sida.md").write_text(
        "---\ntitle: KANARIE-INTERN-SIDA-TITEL\natkomst: intern\n---\n\n# Intern\n\n"
        "KANARIE-INTERN-SIDA-TEXT och en länk till [krisledningen](anvisningar/krisledning.md).\n",
        encoding="utf-8",
    )
    (docs / "oppen-sida.md").write_text(
        "---\natkomst: öppen\n---\n\n# Öppen sida\n\nSidan länkar till [den interna anvisningen]"
        "(anvisningar/kanarie-intern-id.md) och [den skyddade](anvisningar/kanarie-skyddad-id.md).\n",
        encoding="utf-8",
    )
    krisledning = docs / "anvisningar" / "krisledning.md"
    krisledning.write_text(
        krisledning.read_text(encoding="utf-8") + "\nJämför [den interna](kanarie-intern-id.md).\n",
        encoding="utf-8",
    )


def add_feed_version_canaries(project: Path) -> None:
    """Version 1 of the öppen krisledning made intern, for Bromma only, its title marked:
    an earlier version is published no more openly than it was (select.strictest), so its
    decision must stay out of every public feed and be in Bromma's on the intranet."""
    version = project / "docs" / "anvisningar" / "krisledning" / "version-1.md"
    text = version.read_text(encoding="utf-8")
    for old, new in (
        ("titel: Anvisning för krisledning", "titel: KANARIE-VERSION-TITEL"),
        ("galler_for: alla", "galler_for:\n  organ: [bromma-stadsdelsnamnd]"),
        ("atkomst: öppen", "atkomst: intern"),
    ):
        assert old in text, old
        text = text.replace(old, new, 1)
    version.write_text(text, encoding="utf-8")


# A year of reports: kommunstyrelsen's is intern, socialnämndens skyddad, the rest öppen.
UPPFOLJNING = """ar: 2024
sista_dag: 2025-02-28
rapporter:
  - organ: kommunstyrelsen
    inlamnad: true
    inlamnad_datum: 2025-02-10
    referens: KANARIEINTERNRAPPORT 2025/1
    atkomst: intern
    notering: KANARIE-INTERN-NOTERING
    risker:
      - titel: KANARIE-INTERN-RISK-TITEL
        fokusomraden: [krisberedskap]
        sannolikhet: 2
        konsekvens: 3
        atgarder: KANARIE-INTERN-ATGARDER
  - organ: socialnamnden
    inlamnad: true
    inlamnad_datum: 2025-02-12
    referens: KANARIESKYDDADRAPPORT 2025/2
    atkomst: skyddad
    notering: KANARIE-SKYDDAD-NOTERING
    risker:
      - titel: KANARIE-SKYDDAD-RISK-TITEL
        fokusomraden: [krisberedskap]
        sannolikhet: 4
        konsekvens: 5
        atgarder: KANARIE-SKYDDAD-ATGARDER står i åtgärderna och får aldrig nå webbplatsen.
  - organ: bromma-stadsdelsnamnd
    inlamnad: true
    inlamnad_datum: 2025-02-20
    atkomst: öppen
    risker:
      - titel: Öppen risk i Bromma
        fokusomraden: [forebygga-brott]
        sannolikhet: 3
        konsekvens: 2
        atgarder: Öppna åtgärder i Bromma.
  - organ: stockholms-stadshus-ab
    inlamnad: true
    inlamnad_datum: 2025-02-21
    atkomst: öppen
  - organ: ab-svenska-bostader
    inlamnad: true
    inlamnad_datum: 2025-02-22
    atkomst: öppen
"""
REPORT_CANARIES = {
    "intern": (
        "KANARIE-INTERN-RISK-TITEL",
        "KANARIE-INTERN-ATGARDER",
        "KANARIE-INTERN-NOTERING",
        "KANARIEINTERNRAPPORT 2025/1",
    ),
    "skyddad": (
        "KANARIE-SKYDDAD-RISK-TITEL",
        "KANARIE-SKYDDAD-ATGARDER står i åtgärderna och får aldrig nå webbplatsen.",
        "KANARIE-SKYDDAD-NOTERING",
        "KANARIESKYDDADRAPPORT 2025/2",
    ),
}


def add_report_canaries(project: Path) -> None:
    (project / "data" / "uppfoljning" / "2024.yml").write_text(UPPFOLJNING, encoding="utf-8")


# An intern indicator, its every text marked; the file is named as its id.
INDIKATOR = """id: kanarie-intern
namn: KANARIE-INDIKATOR-NAMN
beskrivning: KANARIE-INDIKATOR-BESKRIVNING står i beskrivningen av en intern indikator.
enhet: procent
fokusomraden: [krisberedskap]
datakalla:
  namn: KANARIE-INDIKATOR-KALLA
  url: https://example.org/kanarie-indikator
  kommentar: KANARIE-INDIKATOR-KOMMENTAR
atkomst: intern
varden:
  - {ar: 2023, kvinnor: 41, man: 27, alla: 34}
  - {ar: 2024, kvinnor: 43, man: 25, alla: 34}
"""
INDICATOR_CANARIES = (
    "KANARIE-INDIKATOR-NAMN",
    "KANARIE-INDIKATOR-BESKRIVNING",
    "KANARIE-INDIKATOR-KALLA",
    "KANARIE-INDIKATOR-KOMMENTAR",
)


def add_indicator_canaries(project: Path) -> None:
    """data/indikatorer/kanarie-intern.yml: an intern indicator split by women and men."""
    (project / "data" / "indikatorer" / "kanarie-intern.yml").write_text(
        INDIKATOR, encoding="utf-8"
    )


# Kept earlier versions (docs/anvisningar/<id>/version-<n>.md): the intern canary at
# version 3 keeps an öppen version 1 (an öppen text of an anvisning that is now intern)
# and an intern version 2; the skyddad canary at version 2 keeps an intern version 1,
# which the intranet gets as metadata only. Every field and text is marked.
VERSION = """---
id: {id}
titel: {titel}
sammanfattning: {prefix}-SAMMANFATTNING för den här versionen
fokusomraden: [krisberedskap]
ansvarig: kommunstyrelsen
galler_for: alla
status: gällande
atkomst: {atkomst}
beslutsdatum: {beslut}
beslutad_av: kommunstyrelsen
giltig_fran: {fran}
revideras_senast: 2028-01-01
version: {version}
diarienummer: {dnr}
kontakt:
  funktion: Beredskapsavdelningen
---

{prefix}-TEXT står i brödtexten till en tidigare version och får bara synas där den får.
"""
VERSION_CANARIES = {
    # (id, version): (access level, the version's own title, prefix of its texts, dnr)
    ("kanarie-intern-id", 1): (
        "öppen",
        "KANARIE-INTERN-V1-TITEL",
        "KANARIE-INTERN-V1",
        "KANARIEINTERNV1DNR 2022/1",
    ),
    ("kanarie-intern-id", 2): (
        "intern",
        "KANARIE-INTERN-V2-TITEL",
        "KANARIE-INTERN-V2",
        "KANARIEINTERNV2DNR 2023/1",
    ),
    ("kanarie-skyddad-id", 1): (
        "intern",
        "KANARIE-SKYDDAD-V1-TITEL",
        "KANARIE-SKYDDAD-V1",
        "KANARIESKYDDADV1DNR 2023/2",
    ),
}
_VERSION_DATES = {1: ("2022-01-10", "2022-02-01"), 2: ("2023-01-10", "2023-02-01")}


def add_version_canaries(project: Path) -> None:
    """Kept versions of the canary anvisningar (after `add_canaries`), and the current
    versions raised to follow them."""
    anvisningar = project / "docs" / "anvisningar"
    for (id, version), (atkomst, titel, prefix, dnr) in VERSION_CANARIES.items():
        beslut, fran = _VERSION_DATES[version]
        text = VERSION.format(
            id=id,
            titel=titel,
            prefix=prefix,
            atkomst=atkomst,
            beslut=beslut,
            fran=fran,
            version=version,
            dnr=dnr,
        )
        (anvisningar / id / f"version-{version}.md").write_text(text, encoding="utf-8")
    for id, version in (("kanarie-intern-id", 3), ("kanarie-skyddad-id", 2)):
        current = anvisningar / f"{id}.md"
        text = current.read_text(encoding="utf-8")
        current.write_text(text.replace("version: 1\n", f"version: {version}\n"), encoding="utf-8")


# An öppen anvisning whose earlier versions were not: version 1 skyddad, version 2 intern.
# Its id and current text are öppen; of the earlier versions the public site shows nothing,
# the intranet version 2 in full and version 1 as metadata only.
def _version(version: int, atkomst: str, titel: str, fran: str, text: str) -> str:
    summary = titel.replace("TITEL", "SAMMANFATTNING")
    return f"""---
id: oppen-med-tidigare-versioner
titel: {titel}
sammanfattning: {summary}
fokusomraden: [krisberedskap]
ansvarig: kommunstyrelsen
galler_for: alla
status: gällande
atkomst: {atkomst}
beslutsdatum: {fran}
beslutad_av: kommunstyrelsen
giltig_fran: {fran}
revideras_senast: 2030-01-01
version: {version}
kontakt:
  funktion: Beredskapsavdelningen
---

{text}
"""


TIMELINE_VERSION_CANARIES = {
    "skyddad": ("KANARIE-SKYDDAD-VERSION-SAMMANFATTNING", "KANARIE-SKYDDAD-VERSION-TEXT"),
    "intern": (
        "KANARIE-INTERN-VERSION-TITEL",
        "KANARIE-INTERN-VERSION-SAMMANFATTNING",
        "KANARIE-INTERN-VERSION-TEXT",
    ),
    # Shown on the intranet: a skyddad version's title, as its metadata.
    "skyddad_titel": "KANARIE-SKYDDAD-VERSION-TITEL",
}


def add_timeline_version_canaries(project: Path) -> None:
    folder = project / "docs" / "anvisningar"
    (folder / "oppen-med-tidigare-versioner").mkdir()
    (folder / "oppen-med-tidigare-versioner" / "version-1.md").write_text(
        _version(
            1,
            "skyddad",
            "KANARIE-SKYDDAD-VERSION-TITEL",
            "2020-01-01",
            "KANARIE-SKYDDAD-VERSION-TEXT står i brödtexten och får aldrig nå webbplatsen.",
        ),
        encoding="utf-8",
    )
    (folder / "oppen-med-tidigare-versioner" / "version-2.md").write_text(
        _version(
            2,
            "intern",
            "KANARIE-INTERN-VERSION-TITEL",
            "2022-01-01",
            "KANARIE-INTERN-VERSION-TEXT står i brödtexten.",
        ),
        encoding="utf-8",
    )
    (folder / "oppen-med-tidigare-versioner.md").write_text(
        _version(3, "öppen", "Öppen anvisning med tidigare versioner", "2024-01-01", "Öppen text."),
        encoding="utf-8",
    )
