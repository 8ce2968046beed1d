"""`styrdok ny version ID` (tools/new_version.py): the current version kept, the next one
started, on a copy of the small valid project (krisledning: version 1 kept, 2 current)."""

from __future__ import annotations

import posixpath
import re
from datetime import date
from pathlib import Path

import pytest

from styrdok.core.giltighet import Tillstand
from styrdok.core.messages import problem
from styrdok.core.pipeline import Outcome
from styrdok.core.problems import Position
from styrdok.core.project import Project
from styrdok.core.reading.bodies import links, resolve
from styrdok.core.rules.versions import PLATSHALLARE_ANDRING
from styrdok.tools import new_version
from styrdok.tools.cli import main
from styrdok.tools.scaffold import ScaffoldError

from helpers import check, publication_of

DAY = date(2026, 1, 10)
CURRENT = "docs/anvisningar/krisledning.md"
KEPT = "docs/anvisningar/krisledning/version-2.md"


def run(project: Path, id: str = "krisledning", day: date = DAY) -> new_version.NewVersion:
    outcome = check(project, day)
    made = new_version.new_version(Project.at(project), outcome.model, outcome.problems, id, day)
    new_version.write_checked(Project.at(project), made, outcome.problems, day)
    return made


def read(project: Path, path: str) -> str:
    return (project / path).read_bytes().decode("utf-8")


def edit(project: Path, path: str, old: str, new: str) -> None:
    text = read(project, path)
    assert text.count(old) == 1, (path, old)
    (project / path).write_bytes(text.replace(old, new).encode("utf-8"))


def codes(project: Path) -> list[str]:
    return sorted(p.code for p in check(project, DAY).problems)


def describe_the_change(project: Path) -> None:
    edit(project, CURRENT, f'"{PLATSHALLARE_ANDRING}"', "Ny rutin för larmkedjan.")


# The result -------------------------------------------------------------------------------


def test_version_2_is_kept_and_version_3_is_a_draft_that_passes_but_for_the_change_text(
    project,
):
    before = read(project, CURRENT)
    made = run(project)
    kept = read(project, KEPT)
    assert kept.startswith("---\n# Sparad version 2 av anvisningen, kopierad 2026-01-10")
    # A faithful copy: the old file, with the comment at the top and nothing else.
    assert kept.replace("".join(kept.splitlines(keepends=True)[1:4]), "") == before
    current = read(project, CURRENT)
    assert re.search(r"^version: 3$", current, re.MULTILINE)
    assert re.search(r"^status: utkast$", current, re.MULTILINE)
    for line in (
        "beslutsdatum: 2019-05-02",
        "giltig_fran: 2019-06-01",
        "revideras_senast: 2027-06-01",
    ):
        assert f"\n# {line}\n" in current
    assert current.endswith(
        "historik:\n  - datum: 2026-01-10\n    version: 3\n"
        f'    andring: "{PLATSHALLARE_ANDRING}"\n---\n\n## Syfte\n\n'
        "Texten med {{ klammer }} som inte är ett makro.\n"
    )
    assert current.splitlines()[made.historik_rad - 1] == "  - datum: 2026-01-10"
    assert codes(project) == ["platshallare-historik"]


def test_once_the_change_is_described_version_2_applies_until_version_3_is_decided(project):
    run(project)
    describe_the_change(project)
    assert codes(project) == []
    pub = publication_of(project)
    krisledning = pub.anvisning_for_sida("anvisningar/krisledning.md")
    g = pub.giltighet(krisledning)
    assert g.tillstand is Tillstand.UNDER_REVIDERING
    assert g.gallande is not None and g.gallande.version == 2
    assert [v.version for v in pub.versioner(krisledning)] == [1, 2]


def test_the_draft_once_decided_is_version_3_in_force(project):
    run(project)
    describe_the_change(project)
    edit(project, CURRENT, "status: utkast", "status: gällande")
    edit(project, CURRENT, "# beslutsdatum: 2019-05-02", "beslutsdatum: 2025-11-03")
    edit(project, CURRENT, "# giltig_fran: 2019-06-01", "giltig_fran: 2025-12-01")
    edit(project, CURRENT, "# revideras_senast: 2027-06-01", "revideras_senast: 2028-12-01")
    assert codes(project) == []
    pub = publication_of(project)
    g = pub.giltighet(pub.anvisning_for_sida("anvisningar/krisledning.md"))
    assert (g.tillstand, g.gallande.version) == (Tillstand.GALLANDE, 3)
    assert [(p.version, p.till) for p in g.perioder][1] == (2, date(2025, 11, 30))


# Links in the kept copy -------------------------------------------------------------------

TEXT_WITH_LINKS = """
## Syfte

Se [den gamla](krisledning-gammal.md) och [Bromma](trygghet-i-bromma.md "titel"),
[startsidan](../index.md), [en rubrik](#syfte), [stadens webb](https://start.stockholm/x.md)
och [e-post](mailto:beredskap@example.se). ![Karta](krisledning/karta.png)

En [referenslänk][gammal] och [en till][gammal], [inom vinkelparenteser](<krisledning-gammal.md>)
och en länk över
två rader till [den
gamla](krisledning-gammal.md).

<p>Rå HTML: <a href="krisledning/karta.png">kartan</a> <img src="krisledning/karta.png" alt="Karta"></p>

```
[kod, ingen länk](krisledning-gammal.md)
```

[gammal]: krisledning-gammal.md
"""


def with_links(project: Path) -> None:
    edit(project, CURRENT, "atkomst: öppen\n", "atkomst: öppen\nbilagor: [krisledning/karta.png]\n")
    (project / "docs/anvisningar/krisledning/karta.png").write_bytes(b"\x89PNG\r\n\x1a\n karta")
    text = read(project, CURRENT)
    head = text[: text.index("---\n", 4) + 4]
    (project / CURRENT).write_bytes((head + TEXT_WITH_LINKS).encode("utf-8"))
    # Bromma is intern: on the public site its links become text, which the check says.
    # (Raw HTML links to a file, not a page: MkDocs leaves a .md address in HTML as
    # written, so the check refuses one, lank-i-html.)
    assert set(codes(project)) <= {"lank-ej-publicerad"}


def targets(sida: str, text: str) -> list[str | None]:
    body = text.split("\n---\n", 1)[1]
    return [resolve(sida, link.target) or link.target for link in links(body)]


def test_relative_links_and_images_in_the_kept_copy_lead_where_they_led(project):
    with_links(project)
    original = read(project, CURRENT)
    run(project)
    kept = read(project, KEPT)
    before = targets("anvisningar/krisledning.md", original)
    after = targets("anvisningar/krisledning/version-2.md", kept)
    assert after == before
    assert len(before) == 13
    docs = project / "docs"
    for target in after:
        if target and not re.match(r"(https?|mailto):|#", target):
            assert (docs / posixpath.normpath(target)).exists(), target
    # As an editor would have written them from the version's folder.
    for written in (
        "[den gamla](../krisledning-gammal.md)",
        '[Bromma](../trygghet-i-bromma.md "titel")',
        "[startsidan](../../index.md)",
        "![Karta](karta.png)",
        "(<../krisledning-gammal.md>)",
        "gamla](../krisledning-gammal.md).",
        '<a href="karta.png">',
        '<img src="karta.png"',
        "[gammal]: ../krisledning-gammal.md",
    ):
        assert written in kept, written
    # What is the same from anywhere is left alone, and so is code.
    for same in (
        "[en rubrik](#syfte)",
        "(https://start.stockholm/x.md)",
        "(mailto:beredskap@example.se)",
        "[kod, ingen länk](krisledning-gammal.md)",
    ):
        assert same in kept, same
    # The bilagor stay as written: the version's attachments are the anvisning's.
    assert "bilagor: [krisledning/karta.png]" in kept
    # Bromma is intern: the check says its links become text on the public site.
    assert [c for c in codes(project) if c != "lank-ej-publicerad"] == ["platshallare-historik"]


def test_a_link_the_command_cannot_place_is_refused_and_nothing_is_written(project):
    edit(
        project,
        CURRENT,
        "Texten med",
        "Se [gammal] och\n\n[gammal]:\n  krisledning-gammal.md\n\nTexten med",
    )
    assert codes(project) == []
    before = read(project, CURRENT)
    with pytest.raises(ScaffoldError, match="kunde inte skrivas om"):
        run(project)
    assert read(project, CURRENT) == before
    assert not (project / KEPT).exists()


# The anvisning's file as text ----------------------------------------------------------------

WINDOWS = """---\r
# yaml-language-server: $schema=../../schema/anvisning.schema.json\r
id: krisledning\r
titel: Anvisning för krisledning  # rubriken som i beslutet\r
sammanfattning: Hur nämnderna leder vid kris.\r
fokusomraden:\r
  - krisberedskap\r
ansvarig: kommunstyrelsen\r
galler_for: alla\r
status: gällande\r
beslutsdatum: 2019-05-02  # KS 2019-05-02 § 4\r
beslutad_av: stadsledningskontoret\r
giltig_fran: 2019-06-01\r
revideras_senast: 2027-06-01\r
version: 2\r
historik:\r
    -   datum: 2019-05-02\r
        version: 2\r
        andring: Ny larmkedja.\r
    # Kommentaren efter sista raden står kvar.\r
diarienummer: KS 2019/100\r
ersatter:\r
  - krisledning-gammal\r
rattslig_grund:\r
  - leh\r
kontakt:\r
  funktion: Beredskapsavdelningen\r
exempelinnehall: true\r
atkomst: öppen\r
---\r
\r
## Syfte\r
\r
Se [den gamla](krisledning-gammal.md).\r
"""


def test_comments_and_windows_line_ends_survive_in_both_files(project):
    (project / CURRENT).write_bytes(("\ufeff" + WINDOWS).encode("utf-8"))
    assert codes(project) == []
    run(project)
    current, kept = read(project, CURRENT), read(project, KEPT)
    for text in (current, kept):
        assert text.startswith("\ufeff---\r\n")
        assert "\n" not in text.replace("\r\n", "")
    for comment in (
        "# yaml-language-server: $schema=../../schema/anvisning.schema.json",
        "titel: Anvisning för krisledning  # rubriken som i beslutet",
        "# beslutsdatum: 2019-05-02  # KS 2019-05-02 § 4",
        "    # Kommentaren efter sista raden står kvar.",
    ):
        assert comment in current
    # The new entry continues the list as it is written, before the comment after it.
    assert (
        "        andring: Ny larmkedja.\r\n"
        "    -   datum: 2026-01-10\r\n"
        "        version: 3\r\n"
        f'        andring: "{PLATSHALLARE_ANDRING}"\r\n'
        "    # Kommentaren efter sista raden står kvar.\r\n"
    ) in current
    # The kept copy's schema comment points at the version schema from its folder.
    assert (
        "# yaml-language-server: $schema=../../../schema/anvisningsversion.schema.json\r\n" in kept
    )
    assert "Se [den gamla](../krisledning-gammal.md).\r\n" in kept
    assert codes(project) == ["platshallare-historik"]


def test_an_empty_history_gets_the_entry(project):
    edit(project, CURRENT, "version: 2\n", "version: 2\nhistorik: []  # inget ännu\n")
    run(project)
    assert "historik:  # inget ännu\n  - datum: 2026-01-10\n    version: 3\n" in read(
        project, CURRENT
    )
    assert codes(project) == ["platshallare-historik"]


def test_a_history_in_flow_style_is_left_for_the_editor(project):
    edit(
        project,
        CURRENT,
        "version: 2\n",
        "version: 2\nhistorik: [{datum: 2019-05-02, version: 2, andring: Ny.}]\n",
    )
    before = read(project, CURRENT)
    with pytest.raises(ScaffoldError, match="historik är skrivet på ett sätt"):
        run(project)
    assert read(project, CURRENT) == before and not (project / KEPT).exists()


# What is refused ------------------------------------------------------------------------------


def test_an_unknown_id_is_refused_with_a_suggestion(project):
    with pytest.raises(
        ScaffoldError, match="okänd anvisning 'krislednin' – Menade du 'krisledning'"
    ):
        run(project, "krislednin")


@pytest.mark.parametrize("id", ["../krisledning", "Krisledning", ""])
def test_an_id_that_is_not_one_is_refused_without_touching_a_path(project, id):
    with pytest.raises(ScaffoldError, match="okänd anvisning"):
        run(project, id)


def test_a_draft_is_refused_there_is_nothing_decided_to_keep(project):
    with pytest.raises(ScaffoldError, match="trygghet-i-bromma är ett utkast"):
        run(project, "trygghet-i-bromma")


def test_a_repealed_anvisning_is_refused(project):
    with pytest.raises(ScaffoldError, match="krisledning-gammal är upphävd"):
        run(project, "krisledning-gammal")


def test_a_version_already_kept_is_refused(project):
    (project / KEPT).write_text("finns redan\n", encoding="utf-8")
    with pytest.raises(ScaffoldError, match=r"version-2\.md finns redan"):
        run(project)
    assert read(project, KEPT) == "finns redan\n"


def test_a_file_that_does_not_pass_the_check_is_refused_and_left_alone(project):
    edit(project, CURRENT, "titel: Anvisning för krisledning", "titel: Anvisning: krisledning")
    before = read(project, CURRENT)
    with pytest.raises(ScaffoldError, match="klarar inte styrdok check"):
        run(project)
    assert read(project, CURRENT) == before and not (project / KEPT).exists()


def test_a_date_before_the_last_history_entry_is_refused(project):
    edit(
        project,
        CURRENT,
        "version: 2\n",
        "version: 2\nhistorik:\n  - datum: 2026-02-01\n    andring: Ny.\n",
    )
    with pytest.raises(ScaffoldError, match="ligger före den senaste raden i historiken"):
        run(project)


def test_running_it_twice_refuses_the_second_time_the_new_version_is_a_draft(project):
    run(project)
    after_first = read(project, CURRENT)
    with pytest.raises(ScaffoldError, match="krisledning är ett utkast \\(version 3\\)"):
        run(project)
    assert read(project, CURRENT) == after_first
    assert not (project / "docs/anvisningar/krisledning/version-3.md").exists()


def test_anything_new_the_check_finds_undoes_both_files(project, monkeypatch):
    before = read(project, CURRENT)
    real = new_version.check_project

    def with_a_new_error(root: Project, today: date) -> Outcome:
        outcome = real(root, today)
        where = Position(17, 1)
        broken = problem("version-ej-aldre", KEPT, where, version=2, aktuell=2, fil=CURRENT)
        return Outcome([*outcome.problems, broken], outcome.model)

    monkeypatch.setattr(new_version, "check_project", with_a_new_error)
    with pytest.raises(ScaffoldError, match="har återställts: docs/anvisningar/krisledning/"):
        run(project)
    assert read(project, CURRENT) == before
    assert not (project / KEPT).exists()


# The command -------------------------------------------------------------------------------------


def test_cli_keeps_the_version_and_says_what_to_do_next(project, capsys):
    assert (
        main(["ny", "version", "krisledning", "--datum", "2026-01-10", "--rot", str(project)]) == 0
    )
    out = capsys.readouterr().out
    assert "Sparade version 2 av krisledning i docs/anvisningar/krisledning/version-2.md" in out
    assert "Version 2 gäller tills version 3 är beslutad" in out
    assert f'skriv över "{PLATSHALLARE_ANDRING}"' in out
    assert "öppna en pull request" in out
    assert (project / KEPT).is_file()


def test_cli_refusal_exits_1_with_a_swedish_message(project, capsys):
    assert main(["ny", "version", "trygghet-i-bromma", "--rot", str(project)]) == 1
    assert "styrdok: fel: trygghet-i-bromma är ett utkast" in capsys.readouterr().err


def test_cli_date_that_is_not_one_exits_2(project, capsys):
    with pytest.raises(SystemExit) as exit:
        main(["ny", "version", "krisledning", "--datum", "10 januari", "--rot", str(project)])
    assert exit.value.code == 2
    assert "ogiltigt datum '10 januari'" in capsys.readouterr().err
