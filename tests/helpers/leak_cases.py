"""Projects whose source quotes what an audience must not see, in ways no single broken
file can (a skyddad anvisning and an öppen text that quotes it, an attachment made on
the fly). Shared by the check's tests (tools/test_leak_check.py) and the proof that
check and build agree."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf

from helpers.invalid import ANVISNING

BROMMA = "docs/anvisningar/trygghet-i-bromma.md"
SKYDDAT_DIARIENUMMER = "KS 2024/555"
SKYDDAD_TEXT = "Larmet går först till vakthavande tjänsteman vid stadens säkerhetscentral i Bromma."


def skyddad_quoted_in_history(project: Path) -> int:
    """Bromma made skyddad with a case number and a text of its own; the öppen
    krisledning's history quotes both. Returns the line of the quote."""
    bromma = project / BROMMA
    text = bromma.read_text(encoding="utf-8").replace("atkomst: intern", "atkomst: skyddad")
    text = text.replace("\n---\n", f"\ndiarienummer: {SKYDDAT_DIARIENUMMER}\n---\n", 1)
    bromma.write_text(text + f"\n{SKYDDAD_TEXT}\n", encoding="utf-8")
    anvisning = project / ANVISNING
    entry = (
        "historik:\n  - datum: 2019-05-02\n    version: 2\n"
        f"    andring: Enligt {SKYDDAT_DIARIENUMMER}. {SKYDDAD_TEXT}\n"
    )
    text = anvisning.read_text(encoding="utf-8").replace("version: 2\n", f"version: 2\n{entry}", 1)
    anvisning.write_text(text, encoding="utf-8")
    return (
        text.splitlines().index(f"    andring: Enligt {SKYDDAT_DIARIENUMMER}. {SKYDDAD_TEXT}") + 1
    )


PLAN = "docs/anvisningar/krisledning/plan.pdf"


def pdf(text: str, password: str | None = None) -> bytes:
    """A PDF whose page says `text`, made as an editor's would be; with `password`,
    one that cannot be opened without it."""
    from weasyprint import HTML  # here, not above: it takes a moment to load

    made = HTML(string=f"<p>{text}</p>").write_pdf()
    if password is None:
        return made
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(made))
    writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def attach(project: Path, data: bytes, path: str = PLAN) -> None:
    """`data` as an attachment of the öppen krisledning, declared on line 24."""
    (project / path).parent.mkdir(parents=True, exist_ok=True)
    (project / path).write_bytes(data)
    anvisning = project / ANVISNING
    text = anvisning.read_text(encoding="utf-8")
    name = path.removeprefix("docs/anvisningar/")
    text = text.replace("atkomst: öppen\n", f"atkomst: öppen\nbilagor: [{name}]\n", 1)
    anvisning.write_text(text, encoding="utf-8")


def make_bromma_skyddad(project: Path) -> None:
    """Bromma made skyddad, with a text of its own: its title is then withheld from the
    public site, its text from both."""
    bromma = project / BROMMA
    text = bromma.read_text(encoding="utf-8").replace("atkomst: intern", "atkomst: skyddad")
    bromma.write_text(text + f"\n{SKYDDAD_TEXT}\n", encoding="utf-8")


# Two öppen anvisningar with short titles, and an intern one whose text lists links to
# them: read on over the lines, the two link texts make an eight-word passage.
LINKED_TITLES = ("Rutin för nycklar i skolor", "Rutin för larm i förskolor")
LINKED_OWN_TEXT = "Rektorn ansvarar för att personalen känner till båda rutinerna och följer dem."
_LINKED_FRONT = """---
id: {id}
titel: {titel}
sammanfattning: {sammanfattning}
fokusomraden: [forebygga-brott]
ansvarig: kommunstyrelsen
galler_for: alla
status: gällande
beslutsdatum: 2020-05-02
beslutad_av: stadsledningskontoret
giltig_fran: 2020-06-01
revideras_senast: 2027-06-01
version: 1
kontakt:
  funktion: Säkerhetsavdelningen
atkomst: {atkomst}
---

{text}
"""


def intern_list_of_open_links(project: Path) -> None:
    """An intern anvisning whose text is, besides a sentence of its own, a list of links
    to two öppen ones, whose titles the public site shows side by side."""
    folder = project / "docs" / "anvisningar"
    for number, titel in enumerate(LINKED_TITLES, 1):
        text = f"Öppen rutin nummer {number} för hela staden, som alla får läsa."
        (folder / f"rutin-{number}.md").write_text(
            _LINKED_FRONT.format(
                id=f"rutin-{number}",
                titel=titel,
                sammanfattning=f"Den öppna rutinen nummer {number}.",
                atkomst="öppen",
                text=text,
            ),
            encoding="utf-8",
        )
    links = "\n".join(f"- [{titel}](rutin-{n}.md)" for n, titel in enumerate(LINKED_TITLES, 1))
    (folder / "skolrutiner.md").write_text(
        _LINKED_FRONT.format(
            id="skolrutiner",
            titel="Samlade rutiner för skolorna",
            sammanfattning="Vilka rutiner skolorna följer.",
            atkomst="intern",
            text=f"{LINKED_OWN_TEXT}\n\n{links}",
        ),
        encoding="utf-8",
    )
