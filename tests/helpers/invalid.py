"""The broken files in tests/data/invalid: where each goes in the valid project and the
rule and line it must produce there.

Shared by the rule tests (core/test_pipeline.py), the pinned messages
(core/test_messages.py) and the schema tests (core/test_schema.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import INVALID

ANVISNING = "docs/anvisningar/krisledning.md"
GAMMAL = "docs/anvisningar/krisledning-gammal.md"
AR = "data/uppfoljning/2025.yml"
INDIKATOR = "data/indikatorer/otrygghet-kvall.yml"
VERSION = "docs/anvisningar/krisledning/version-1.md"
REDOGORELSE = "data/tillganglighet.yml"

# file in tests/data/invalid -> (where it goes in the project, rule, line)
EXPECTED: dict[str, tuple[str, str, int]] = {
    "tom-fil--blanksteg.yml": ("data/organ.yml", "tom-fil", 1),
    "binar-fil--nolltecken.md": (ANVISNING, "binar-fil", 1),
    "teckenkodning--latin1.md": (ANVISNING, "teckenkodning", 3),
    "tabb--indrag.yml": ("data/malomraden.yml", "tabb", 3),
    "ogiltig-yaml--kolon-i-text.md": (ANVISNING, "ogiltig-yaml", 3),
    "ogiltig-yaml--indrag.yml": ("data/organ.yml", "ogiltig-yaml", 20),
    "dubblett-nyckel--titel.md": (ANVISNING, "dubblett-nyckel", 4),
    "ogiltig-nyckel--lista-som-nyckel.yml": ("data/forfattningar.yml", "ogiltig-nyckel", 4),
    "yaml-cirkel--ankare.yml": ("data/forfattningar.yml", "yaml-cirkel", 1),
    "yaml-hanvisningar--for-manga.yml": ("data/forfattningar.yml", "yaml-hanvisningar", 3),
    "yaml-expansion--miljard-skratt.md": (ANVISNING, "yaml-expansion", 6),
    "yaml-djup--nastlade-listor.md": (ANVISNING, "yaml-djup", 5),
    "frontmatter-saknas--bara-text.md": (ANVISNING, "frontmatter-saknas", 1),
    "frontmatter-oavslutad--ingen-slutrad.md": (ANVISNING, "frontmatter-oavslutad", 1),
    "fel-struktur--frontmatter-lista.md": (ANVISNING, "fel-struktur", 2),
    "fel-struktur--datafil-mappning.yml": ("data/organ.yml", "fel-struktur", 1),
    # The statement is one mapping, not a list.
    "fel-struktur--redogorelse-lista.yml": (REDOGORELSE, "fel-struktur", 1),
    "ogiltigt-varde--forenlighet.yml": (REDOGORELSE, "ogiltigt-varde", 3),
    # Fully compliant, yet shortcomings are listed: the statement contradicts itself.
    "forenlighet-och-brister--helt-med-brister.yml": (REDOGORELSE, "forenlighet-och-brister", 3),
    "okand-datafil--stavfel.yml": ("data/fokusområden.yml", "okand-datafil", 1),
    "saknat-falt--ansvarig.md": (ANVISNING, "saknat-falt", 2),
    "saknat-falt--gallande-utan-beslutsdatum.md": (ANVISNING, "saknat-falt", 2),
    "saknat-falt--program-utan-period.yml": ("data/program.yml", "saknat-falt", 13),
    "ogiltigt-varde--organtyp.yml": ("data/organ.yml", "ogiltigt-varde", 21),
    "okant-falt--stavfel.md": (ANVISNING, "okant-falt", 5),
    "skyddsvard-men-oppen--sakerhetsskyddslagen.md": (ANVISNING, "skyddsvard-men-oppen", 24),
    "saknat-falt--atkomst-pa-skyddsvard-anvisning.md": (ANVISNING, "saknat-falt", 2),
    "ogiltigt-varde--atkomst.md": (ANVISNING, "ogiltigt-varde", 23),
    "fel-typ--sfs-utan-citattecken.yml": ("data/forfattningar.yml", "fel-typ", 7),
    "fel-typ--text-i-stallet-for-lista.md": (ANVISNING, "fel-typ", 5),
    "ogiltigt-varde--status.md": (ANVISNING, "ogiltigt-varde", 9),
    "ogiltigt-varde--galler-for.md": (ANVISNING, "ogiltigt-varde", 8),
    "ogiltigt-datum--30-februari.md": (ANVISNING, "ogiltigt-datum", 10),
    "ogiltigt-format--id-versaler.yml": ("data/malomraden.yml", "ogiltigt-format", 1),
    "for-fa--tom-lista.yml": ("data/fokusomraden.yml", "for-fa", 6),
    "for-lang--sammanfattning.md": (ANVISNING, "for-lang", 4),
    "dubblett-varde--fokusomraden.md": (ANVISNING, "dubblett-varde", 6),
    "utanfor-intervall--version-noll.md": (ANVISNING, "utanfor-intervall", 14),
    "dubblett-id--organ.yml": ("data/organ.yml", "dubblett-id", 32),
    "reserverat-id--organ-samtliga.yml": ("data/organ.yml", "reserverat-id", 32),
    "rapporterar-ordning--slutar-fore-start.yml": ("data/organ.yml", "rapporterar-ordning", 36),
    "organisationsnummer-kontrollsiffra--sista-siffran.yml": (
        "data/organ.yml",
        "organisationsnummer-kontrollsiffra",
        26,
    ),
    "organisationsnummer-personnummer--enskild-firma.yml": (
        "data/organ.yml",
        "organisationsnummer-personnummer",
        26,
    ),
    "ogiltigt-format--organisationsnummer-utan-bindestreck.yml": (
        "data/organ.yml",
        "ogiltigt-format",
        26,
    ),
    "id-filnamn--annat-id.md": (ANVISNING, "id-filnamn", 2),
    "okant-program--malomrade.yml": ("data/malomraden.yml", "okant-program", 2),
    "okant-malomrade--fokusomrade.yml": ("data/fokusomraden.yml", "okant-malomrade", 16),
    "okant-fokusomrade--stavfel.md": (ANVISNING, "okant-fokusomrade", 6),
    "okant-organ--ansvarig.md": (ANVISNING, "okant-organ", 7),
    "okant-organ--galler-for.md": (ANVISNING, "okant-organ", 11),
    "okand-anvisning--ersatter.md": (ANVISNING, "okand-anvisning", 17),
    "okand-forfattning--stavfel.md": (ANVISNING, "okand-forfattning", 19),
    "ersatt-men-gallande--anvisning.md": (GAMMAL, "ersatt-men-gallande", 8),
    "ersatt-men-gallande--program.yml": ("data/program.yml", "ersatt-men-gallande", 18),
    "ersattningscykel--anvisning.md": (GAMMAL, "ersattningscykel", 17),
    "revision-passerad--gammalt-datum.md": (ANVISNING, "revision-passerad", 13),
    "datumordning--giltig-fore-beslut.md": (ANVISNING, "datumordning", 12),
    "historik-ordning--nyast-forst.md": (ANVISNING, "historik-ordning", 19),
    "historik-version--hogre-an-aktuell.md": (ANVISNING, "historik-version", 16),
    "flera-karnor--tva.yml": ("data/malomraden.yml", "flera-karnor", 12),
    "fel-program--malomrade-i-annat-program.yml": ("data/fokusomraden.yml", "fel-program", 6),
    "programperiod-slut--perioden-har-lopt-ut.yml": ("data/program.yml", "programperiod-slut", 6),
    "inget-gallande-program--forslag.yml": ("data/program.yml", "inget-gallande-program", 1),
    "fel-filandelse--markdown.markdown": (
        "docs/anvisningar/krisledning.markdown",
        "fel-filandelse",
        1,
    ),
    "okand-fil--utan-agare.txt": ("docs/anvisningar/hemlig.txt", "okand-fil", 1),
    "bilaga-saknas--stavfel.md": (ANVISNING, "bilaga-saknas", 24),
    "bilaga-fel-mapp--annans-mapp.md": (ANVISNING, "bilaga-fel-mapp", 24),
    "otillaten-html--script.md": (ANVISNING, "otillaten-html", 29),
    "otillatet-attribut--onmouseover.md": (ANVISNING, "otillatet-attribut", 28),
    "otillaten-lank--javascript.md": (ANVISNING, "otillaten-lank", 28),
    "otillaten-attributlista--onclick.md": (ANVISNING, "otillaten-attributlista", 28),
    "inkludering--snippet.md": (ANVISNING, "inkludering", 28),
    "html-kommentar--anteckning.md": (ANVISNING, "html-kommentar", 30),
    "styrtecken--i-brodtext.md": (ANVISNING, "styrtecken", 28),
    "styrtecken--yaml-escape.yml": (INDIKATOR, "styrtecken", 3),
    "extern-bild--sparpixel.md": (ANVISNING, "extern-bild", 28),
    # Reporting: a year's file, data/uppfoljning/<år>.yml.
    "fel-filnamn--utkast.yml": ("data/uppfoljning/2025-utkast.yml", "fel-filnamn", 1),
    "ar-filnamn--annat-ar.yml": (AR, "ar-filnamn", 1),
    "saknat-falt--atkomst-pa-rapport.yml": (AR, "saknat-falt", 20),
    "saknat-falt--inlamnad-utan-datum.yml": (AR, "saknat-falt", 16),
    "otillatet-falt--datum-utan-inlamning.yml": (AR, "otillatet-falt", 18),
    "utanfor-intervall--sannolikhet-sex.yml": (AR, "utanfor-intervall", 27),
    "okant-organ--rapport.yml": (AR, "okant-organ", 24),
    "okant-fokusomrade--risk.yml": (AR, "okant-fokusomrade", 26),
    "rapport-saknas--socialnamnden.yml": (AR, "rapport-saknas", 3),
    "rapport-dubblett--bromma.yml": (AR, "rapport-dubblett", 24),
    "rapport-fel-organ--forvaltning.yml": (AR, "rapport-fel-organ", 24),
    "sen-rapport--utan-notering.yml": (AR, "sen-rapport", 18),
    "rapport-ej-inlamnad--efter-sista-dag.yml": (AR, "rapport-ej-inlamnad", 17),
    "fel-typ--heltal-med-decimal.yml": (AR, "fel-typ", 2),
    "rapport-utanfor-ar--framtidsnamnden.yml": (AR, "rapport-utanfor-ar", 49),
    "sista-dag-utanfor--langt-fram.yml": (AR, "sista-dag-utanfor", 3),
    "inlamnad-fore-aret--2001.yml": (AR, "inlamnad-fore-aret", 8),
    "platshallare-kvar--atgarder.yml": (AR, "platshallare-kvar", 26),
    # Indicators: data/indikatorer/<id>.yml.
    "indikator-filnamn--annat-id.yml": (INDIKATOR, "indikator-filnamn", 2),
    "indikator-ar-dubblett--2023.yml": (INDIKATOR, "indikator-ar-dubblett", 13),
    "indikator-over-100--130.yml": (INDIKATOR, "indikator-over-100", 12),
    "okant-fokusomrade--indikator.yml": (INDIKATOR, "okant-fokusomrade", 6),
    "saknat-falt--kvinnor-utan-man.yml": (INDIKATOR, "saknat-falt", 12),
    "saknat-falt--atkomst-pa-indikator.yml": (INDIKATOR, "saknat-falt", 2),
    "ogiltigt-varde--atkomst-pa-indikator.yml": (INDIKATOR, "ogiltigt-varde", 9),
    "version-filnamn--fel-version.md": (VERSION, "version-filnamn", 14),
    "version-ej-aldre--samma-som-aktuell.md": (
        "docs/anvisningar/krisledning/version-2.md",
        "version-ej-aldre",
        14,
    ),
    "version-saknas--version-2.md": (ANVISNING, "version-saknas", 14),
    "version-datumordning--efter-nyare.md": (VERSION, "version-datumordning", 12),
    "version-upphavd--i-tidigare-version.md": (VERSION, "version-upphavd", 14),
    "ogiltigt-varde--version-som-utkast.md": (VERSION, "ogiltigt-varde", 9),
    "platshallare-historik--ny-version.md": (ANVISNING, "platshallare-historik", 16),
    # Messages that must not send the editor the wrong way (issue 14).
    "kommentar-i-varde--diarienummer.md": (ANVISNING, "kommentar-i-varde", 15),
    "tomt-varde--status.md": (ANVISNING, "tomt-varde", 9),
    "okand-forfattning--annan-lag.md": (ANVISNING, "okand-forfattning", 19),
    "okant-falt--ersatt-av.md": (GAMMAL, "okant-falt", 8),
    "ogiltigt-format--organ-som-namn.md": (ANVISNING, "ogiltigt-format", 7),
    "ogiltig-yaml--blanksteg-efter-kolon.md": (ANVISNING, "ogiltig-yaml", 3),
    "ogiltig-yaml--oavslutat-citat.md": (ANVISNING, "ogiltig-yaml", 3),
    "ogiltigt-datum--ensiffrig-manad.md": (ANVISNING, "ogiltigt-datum", 10),
    # The example texts of `styrdok ny anvisning`, left in.
    "platshallare-anvisning--sammanfattning.md": (ANVISNING, "platshallare-anvisning", 4),
    "platshallare-utkast--text.md": (ANVISNING, "platshallare-utkast", 28),
    # Dates, history, headings and the schema modeline.
    "version-utan-historik--version-3.md": (ANVISNING, "version-utan-historik", 14),
    "datum-i-framtiden--historik.md": (ANVISNING, "datum-i-framtiden", 16),
    "rubrik-niva-1--syfte.md": (ANVISNING, "rubrik-niva-1", 26),
    "fel-modeline--en-mapp-for-lite.md": (ANVISNING, "fel-modeline", 2),
    # Links inside the site, judged as the build judges them.
    "lank-saknas--stavfel.md": (ANVISNING, "lank-saknas", 30),
    "ankare-saknas--okand-rubrik.md": (ANVISNING, "ankare-saknas", 30),
    "lank-absolut--snedstreck-forst.md": (ANVISNING, "lank-absolut", 30),
    "lank-ej-publicerad--intern-anvisning.md": (ANVISNING, "lank-ej-publicerad", 30),
    "ankare-okontrollerat--genererad-sida.md": (ANVISNING, "ankare-okontrollerat", 30),
    # What the leak scan after the build would refuse, found in the source first.
    "lacka--intern-titel-i-historik.md": (ANVISNING, "lacka", 18),
    "lacka--intern-adress-i-texten.md": (ANVISNING, "lacka", 31),
    "lank-i-html--a-href.md": (ANVISNING, "lank-i-html", 30),
    # A line opening with <span> is a paragraph to Python-Markdown, raw HTML to CommonMark.
    "lank-saknas--i-span-block.md": (ANVISNING, "lank-saknas", 31),
    # A macro page rendered as the build renders it (adapters/macro_check.py).
    "makrosida--include.md": ("docs/index.md", "makrosida", 16),
    # The YAML style of .yamllint.yml.
    "yaml-stil--blanksteg-i-slutet.yml": ("data/organ.yml", "yaml-stil", 3),
}

# The cycle is reported at the member with the smallest id, which is not the file added.
REPORTED_IN = {
    "ersattningscykel--anvisning.md": ANVISNING,
    # The newer version is the one that starts too early.
    "version-datumordning--efter-nyare.md": ANVISNING,
}


def place(project: Path, name: str) -> None:
    """Put the broken file `name` where EXPECTED says, in the project."""
    target, _, _ = EXPECTED[name]
    shutil.copy(INVALID / name, project / target)
