"""`styrdok diff`: the reader-visible changes between two revisions, as Markdown."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pytest

from styrdok.select import select
from styrdok.tools.cli import main
from styrdok.tools.diff import Changes, Source, compare, load_source, report

from helpers import INVALID, make_project

SECRET_TEXT = "HEMLIG-TEXT-OM-SKYDDSOBJEKT"
SECRET_SUMMARY = "HEMLIG-SAMMANFATTNING"


def anvisning(
    id: str,
    titel: str,
    *,
    galler_for: str = "alla",
    status: str = "gällande",
    atkomst: str = "öppen",
    revideras: str = "2027-06-01",
    upphavd: str | None = None,
    ersatter: tuple[str, ...] = (),
    sammanfattning: str = "En sammanfattning.",
    text: str = "Texten.",
) -> str:
    lines = [
        "---",
        f"id: {id}",
        f"titel: {titel}",
        f"sammanfattning: {sammanfattning}",
        "fokusomraden: [krisberedskap]",
        "ansvarig: kommunstyrelsen",
        f"galler_for: {galler_for}",
        f"status: {status}",
        "beslutsdatum: 2020-01-10",
        "beslutad_av: kommunstyrelsen",
        "giltig_fran: 2020-02-01",
        f"revideras_senast: {revideras}",
        *([f"upphavd_datum: {upphavd}"] if upphavd else []),
        "version: 1",
        *([f"ersatter: [{', '.join(ersatter)}]"] if ersatter else []),
        "kontakt:",
        "  funktion: Beredskapsavdelningen",
        f"atkomst: {atkomst}",
        "---",
        "",
        text,
        "",
    ]
    return "\n".join(lines)


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def write(repo: Path, name: str, text: str) -> None:
    (repo / "docs/anvisningar" / f"{name}.md").write_text(text, encoding="utf-8")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The small valid project in git: a first commit, then a second with one change of
    each kind (HEAD~1 → HEAD), and a clean working tree."""
    root = make_project(tmp_path / "forrad")
    write(root, "brandskydd", anvisning("brandskydd", "Brandskydd"))
    write(root, "kamera", anvisning("kamera", "Kamerabevakning"))
    write(
        root,
        "informationssakerhet",
        anvisning("informationssakerhet", "Informationssäkerhet", text="Öppen text."),
    )
    git(root, "init", "-q")
    git(root, "config", "user.name", "Test")
    git(root, "config", "user.email", "test@example.se")
    git(root, "config", "commit.gpgsign", "false")
    commit(root, "Första")

    # Added, and replacing brandskydd, which is repealed.
    write(
        root,
        "utrymning",
        anvisning(
            "utrymning",
            "Utrymning",
            galler_for="{organtyper: [stadsdelsnämnd]}",
            ersatter=("brandskydd",),
        ),
    )
    write(
        root,
        "brandskydd",
        anvisning("brandskydd", "Brandskydd", status="upphävd", upphavd="2026-01-15"),
    )
    # A new review date and a new text.
    krisledning = root / "docs/anvisningar/krisledning.md"
    edit(krisledning, "revideras_senast: 2027-06-01", "revideras_senast: 2028-06-01")
    edit(krisledning, "## Syfte", "## Syfte och omfattning")
    # Narrowed from all nämnder and bolagsstyrelser to one named organ.
    write(
        root,
        "kamera",
        anvisning("kamera", "Kamerabevakning", galler_for="{organ: [bromma-stadsdelsnamnd]}"),
    )
    # Made skyddad, with a new summary and text that must never be shown.
    write(
        root,
        "informationssakerhet",
        anvisning(
            "informationssakerhet",
            "Informationssäkerhet",
            atkomst="skyddad",
            sammanfattning=SECRET_SUMMARY,
            text=SECRET_TEXT,
        ),
    )
    commit(root, "Andra")
    return root


def diff(repo: Path, rev: str, rev2: str | None = None, malgrupp: str = "intranät") -> str:
    return report(load_source(repo, rev), load_source(repo, rev2), malgrupp)


def changes(repo: Path, rev: str, rev2: str | None = None, malgrupp: str = "intranät") -> Changes:
    old, new = load_source(repo, rev), load_source(repo, rev2)
    return compare(select(old.model, malgrupp), select(new.model, malgrupp), rubriker=new.rubriker)


EXPECTED = """\
## Ändringar för läsarna (HEAD~1 → HEAD)

Jämförelsen gäller det som visas för målgruppen Intranät.

### Nya anvisningar

- **Utrymning** (`utrymning`)
  - Status: Gällande
  - Åtkomst: öppen
  - Gäller för: alla stadsdelsnämnder
  - Ansvarig: Kommunstyrelsen
  - Fokusområden: Bygga motståndskraft
  - Giltig från: 2020-02-01
  - Ersätter: Brandskydd

### Ändrade anvisningar

- **Anvisning för krisledning** (`krisledning`)
  - Revideras senast: 2027-06-01 → 2028-06-01
  - Texten ändrad:
    ```diff
    - Syfte
    + Syfte och omfattning
    ```
- **Brandskydd** (`brandskydd`)
  - **Anvisningen upphävs från 2026-01-15 och ersätts av Utrymning** (status gällande → upphävd)
- **Informationssäkerhet** (`informationssakerhet`)
  - Åtkomst: öppen → skyddad
  - Texten ändrad (skyddad, innehållet visas inte)
- **Kamerabevakning** (`kamera`)
  - Gäller för: samtliga nämnder och bolagsstyrelser → Bromma stadsdelsnämnd

### Vad som gäller för organ

- **Brandskydd** (`brandskydd`): gäller inte längre för samtliga nämnder och bolagsstyrelser; Kommunstyrelsen ansvarar inte längre för den
- **Kamerabevakning** (`kamera`): gäller nu för Bromma stadsdelsnämnd (tidigare för samtliga nämnder och bolagsstyrelser)
- **Utrymning** (`utrymning`): gäller nu för alla stadsdelsnämnder; Kommunstyrelsen ansvarar nu för den
"""


def test_the_report_lists_exactly_the_changes_readers_see(repo):
    assert diff(repo, "HEAD~1", "HEAD") == EXPECTED


def test_the_working_tree_is_the_default_second_revision(repo):
    assert diff(repo, "HEAD~1") == EXPECTED.replace("HEAD~1 → HEAD", "HEAD~1 → den här grenen")


def test_compare_returns_the_changes_as_data(repo):
    found = changes(repo, "HEAD~1", "HEAD")
    assert [r.id for r in found.nya] == ["utrymning"]
    assert found.borttagna == ()
    assert {c.anvisning.id: [f.namn for f in c.falt] for c in found.andrade} == {
        "krisledning": ["revideras_senast", "text"],
        "brandskydd": ["status", "upphavd_datum", "ersatt_av"],
        "informationssakerhet": ["atkomst"],
        "kamera": ["galler_for"],
    }
    assert found.data == ()


def test_a_comment_or_key_order_alone_is_no_change(repo):
    krisledning = repo / "docs/anvisningar/krisledning.md"
    edit(krisledning, "atkomst: öppen\n", "")
    edit(
        krisledning, "---\nid: krisledning", "---\n# En kommentar\natkomst: öppen\nid: krisledning"
    )
    edit(repo / "data/organ.yml", "- id: socialnamnden", "# Facknämnder\n- id: socialnamnden")
    assert git(repo, "status", "--porcelain")
    assert diff(repo, "HEAD") == "Inga ändringar som läsarna ser (HEAD → den här grenen).\n"


def test_a_change_for_all_namnder_is_said_once_not_per_organ(repo):
    lines = [line for line in diff(repo, "HEAD~1", "HEAD").splitlines() if "`brandskydd`" in line]
    organ_line = lines[-1]
    assert "gäller inte längre för samtliga nämnder och bolagsstyrelser" in organ_line
    for name in ("Socialnämnden", "Bromma stadsdelsnämnd", "AB Svenska Bostäder"):
        assert name not in organ_line


def test_a_type_specific_change_names_the_type_and_a_named_change_the_organ(repo):
    found = {
        c.anvisning.id: c for c in changes(repo, "HEAD~1", "HEAD").organ if c.kategori == "galler"
    }
    assert found["utrymning"].tillkom.organtyper == ("stadsdelsnämnd",)
    assert found["kamera"].efter.organ == ("Bromma stadsdelsnämnd",)
    assert found["kamera"].fore.samtliga


def test_a_skyddad_text_and_summary_never_appear(repo):
    write(
        repo,
        "informationssakerhet",
        anvisning(
            "informationssakerhet",
            "Informationssäkerhet",
            atkomst="skyddad",
            sammanfattning=SECRET_SUMMARY + "-2",
            text=SECRET_TEXT + " ändrad",
        ),
    )
    outputs = [diff(repo, "HEAD~1", "HEAD"), diff(repo, "HEAD"), diff(repo, "HEAD~1")]
    for output in outputs:
        assert "HEMLIG" not in output
        assert "sammanfattning" not in output
    # Skyddad before and after: its changed text is reported, and nothing more.
    assert outputs[1] == (
        "## Ändringar för läsarna (HEAD → den här grenen)\n\n"
        "Jämförelsen gäller det som visas för målgruppen Intranät.\n\n"
        "### Ändrade anvisningar\n\n"
        "- **Informationssäkerhet** (`informationssakerhet`)\n"
        "  - Texten ändrad (skyddad, innehållet visas inte)\n"
    )


def test_the_public_view_knows_nothing_of_intern_or_skyddad_anvisningar(repo):
    edit(
        repo / "docs/anvisningar/trygghet-i-bromma.md",
        "titel: Lokal trygghetsmätning i Bromma",
        "titel: Lokal trygghetsmätning i Bromma och Ängby",
    )
    assert "Ängby" in diff(repo, "HEAD~1")
    public = diff(repo, "HEAD~1", malgrupp="publik")
    assert "Jämförelsen gäller det som visas för målgruppen Publik webb." in public
    assert "Bromma och Ängby" not in public and "trygghet-i-bromma" not in public
    assert "HEMLIG" not in public
    # Made skyddad: for the public it is simply gone.
    assert (
        "### Borttagna anvisningar\n\n- **Informationssäkerhet** (`informationssakerhet`)\n"
        in public
    )
    assert "åtkomst" not in public


def test_programme_data_changes_are_listed_briefly(repo):
    edit(
        repo / "data/fokusomraden.yml",
        "namn: Förebygga brott",
        "namn: Förebygga brott och skadegörelse",
    )
    with (repo / "data/organ.yml").open("a", encoding="utf-8") as organ:
        organ.write(
            "\n- id: spanga-tensta\n  namn: Spånga-Tensta stadsdelsnämnd\n  typ: stadsdelsnämnd\n"
        )
    # A new nämnd reports like every other, so the source stays without errors.
    with (repo / "data/uppfoljning/2025.yml").open("a", encoding="utf-8") as year:
        year.write("  - organ: spanga-tensta\n    inlamnad: false\n    atkomst: intern\n")
    assert diff(repo, "HEAD") == (
        "## Ändringar för läsarna (HEAD → den här grenen)\n\n"
        "Jämförelsen gäller det som visas för målgruppen Intranät.\n\n"
        "### Programmet, data och sidor\n\n"
        "- Fokusområdet **Förebygga brott och skadegörelse** (`forebygga-brott`)\n"
        "  - Namn: ”Förebygga brott” → ”Förebygga brott och skadegörelse”\n"
        "- Nytt organ: **Spånga-Tensta stadsdelsnämnd** (`spanga-tensta`)\n"
        "- Uppföljningen **2025**\n"
        "  - Rapporter: tillagt ”organ Spånga-Tensta stadsdelsnämnd, inlämnad nej, "
        "åtkomst intern”\n"
    )


def test_a_source_with_errors_is_compared_with_a_warning_at_the_top(repo, capsys):
    (repo / "docs/anvisningar/krisledning.md").write_bytes(
        (INVALID / "okant-organ--ansvarig.md").read_bytes()
    )
    assert main(["diff", "HEAD", "--rot", str(repo)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (
        "> **Varning:** Källan i den här grenen har 1 fel i 1 fil: "
        "docs/anvisningar/krisledning.md (1 fel). Kör styrdok check för att se dem. Det som "
        "står i en fil med fel jämförs bara där det går: det sägs aldrig vara nytt eller "
        "borttaget."
    )
    assert "Borttagna" not in out


def test_an_unknown_revision_exits_2_with_a_swedish_message(repo, capsys):
    assert main(["diff", "finns-inte", "--rot", str(repo)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("styrdok: fel: okänd revision 'finns-inte'")
    assert "Traceback" not in captured.err


def test_a_folder_outside_git_exits_2(tmp_path, capsys):
    project = make_project(tmp_path / "utan-git")
    assert main(["diff", "HEAD", "--rot", str(project)]) == 2
    assert "ligger inte i ett git-förråd" in capsys.readouterr().err


def test_the_temporary_copy_is_removed(repo, tmp_path, monkeypatch):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", None)
    source = load_source(repo, "HEAD~1")
    assert isinstance(source, Source) and source.fel == 0
    assert list(scratch.iterdir()) == []


def test_the_command_runs_end_to_end(repo, styrdok_cli):
    done = styrdok_cli("diff", "HEAD~1", "HEAD", cwd=repo)
    assert done.returncode == 0, done.stderr
    assert done.stdout == EXPECTED


def test_an_unknown_revision_from_the_command_line_has_no_traceback(repo, styrdok_cli):
    done = styrdok_cli("diff", "origin/main", cwd=repo)
    assert done.returncode == 2
    assert "okänd revision 'origin/main'" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_kept_version_changed_afterwards_is_flagged(repo):
    kept = repo / "docs/anvisningar/krisledning/version-1.md"
    edit(kept, "Den första versionen", "En omskriven första version")
    report_text = diff(repo, "HEAD")
    assert "### Tidigare versioner" in report_text
    assert "version 1: **ändrad i efterhand**" in report_text
    assert "ska inte ändras eller tas bort" in report_text
    kept.unlink()
    assert "version 1: **borttagen**" in diff(repo, "HEAD")


def test_a_newly_kept_version_is_listed_without_alarm(repo):
    kept = repo / "docs/anvisningar/krisledning/version-1.md"
    git(repo, "rm", "-q", str(kept))
    commit(repo, "Utan sparad version")
    git(repo, "checkout", "-q", "HEAD~1", "--", str(kept))
    found = changes(repo, "HEAD")
    assert [(v.anvisning.id, v.version, v.slag) for v in found.versioner] == [
        ("krisledning", 1, "sparad")
    ]
    assert not found.historik_andrad
    assert "ska inte ändras" not in diff(repo, "HEAD")


# Every reader-visible change of every source kind ------------------------------------

KRIS = "docs/anvisningar/krisledning.md"


def changed(repo: Path, path: str, old: str, new: str) -> str:
    """The report for one edit of the working tree against HEAD."""
    edit(repo / path, old, new)
    return diff(repo, "HEAD")


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        (
            "  funktion: Beredskapsavdelningen",
            "  funktion: Säkerhetsenheten",
            "  - Kontakt, funktion: Beredskapsavdelningen → Säkerhetsenheten",
        ),
        (
            "exempelinnehall: true\n",
            "",
            "  - Inte längre exempelinnehåll: banderollen om exempel tas bort",
        ),
        (
            "diarienummer: KS 2019/100",
            "diarienummer: KS 2019/200",
            "  - Diarienummer: KS 2019/100 → KS 2019/200",
        ),
        (
            "beslutad_av: stadsledningskontoret",
            "beslutad_av: kommunstyrelsen",
            "  - Beslutad av: Stadsledningskontoret → Kommunstyrelsen",
        ),
        (
            "rattslig_grund:\n  - leh",
            "rattslig_grund:\n  - leh\n  - lso",
            "  - Rättslig grund: tillagt ”Lag om skydd mot olyckor, LSO (SFS 2003:778)”",
        ),
        (
            "titel: Anvisning för krisledning",
            "titel: Anvisning för krisledning och stabsarbete",
            "  - Titel: ”Anvisning för krisledning” → ”Anvisning för krisledning och stabsarbete”",
        ),
        (
            "sammanfattning: Hur nämnderna leder vid kris.",
            "sammanfattning: Hur nämnderna leder vid kris och höjd beredskap.",
            "    + Hur nämnderna leder vid kris och höjd beredskap.",
        ),
        (
            "status: gällande",
            "status: under revidering",
            "  - Status: gällande → under revidering",
        ),
    ],
    ids=[
        "kontakt",
        "exempelinnehall",
        "diarienummer",
        "beslutad_av",
        "rattslig_grund",
        "titel",
        "sammanfattning",
        "status",
    ],
)
def test_each_field_of_an_anvisning_is_shown(repo, old, new, line):
    report_text = changed(repo, KRIS, old, new)
    assert "- **Anvisning för krisledning" in report_text
    assert line in report_text.splitlines(), report_text


def test_a_new_historik_entry_is_shown(repo):
    text = (repo / KRIS).read_text(encoding="utf-8")
    text = text.replace(
        "atkomst: öppen\n",
        "atkomst: öppen\nhistorik:\n  - datum: 2019-05-02\n    version: 2\n"
        "    andring: Ny krisledningsorganisation.\n",
    )
    (repo / KRIS).write_text(text, encoding="utf-8")
    assert "Ny krisledningsorganisation." in diff(repo, "HEAD")
    assert "  - Versionshistorik: tillagt ”" in diff(repo, "HEAD")


def test_a_body_change_shows_an_excerpt_of_only_what_changed(repo):
    long = "Första meningen är lång och stannar. " * 8
    edit(repo / KRIS, "Texten med {{ klammer }}", f"{long}Texten med {{{{ klammer }}}}")
    commit(repo, "Lång text")
    report_text = changed(repo, KRIS, "stannar. Texten med", "stannar. Den nya texten med")
    assert "  - Texten ändrad:\n    ```diff\n    - …" in report_text
    assert "    + …" in report_text and "Den nya texten med" in report_text
    # The excerpt starts near the change, not at the paragraph's beginning.
    excerpt = next(line for line in report_text.splitlines() if line.startswith("    + "))
    assert len(excerpt) < 200


def test_many_changed_paragraphs_are_bounded(repo):
    paragraphs = "\n\n".join(f"Stycke {i} om kris." for i in range(30))
    edit(repo / KRIS, "Texten med", f"{paragraphs}\n\nTexten med")
    commit(repo, "Många stycken")
    text = (repo / KRIS).read_text(encoding="utf-8").replace(" om kris.", " om krisen.")
    (repo / KRIS).write_text(text, encoding="utf-8")
    report_text = diff(repo, "HEAD")
    assert report_text.count("    + Stycke") == 4
    assert "… och 26 ändringar till i texten" in report_text


def test_a_code_fence_in_the_body_cannot_end_the_excerpt(repo):
    report_text = changed(repo, KRIS, "## Syfte", "## Syfte ```` slut")
    assert "    `````diff" in report_text


def test_a_title_cannot_mention_anyone_in_the_comment(repo):
    report_text = changed(
        repo, KRIS, "titel: Anvisning för krisledning", "titel: Krisledning @stockholm/alla"
    )
    assert "Krisledning @&#8203;stockholm/alla" in report_text
    assert "@stockholm" not in report_text


def test_an_attachment_with_new_content_is_shown(repo):
    picture = repo / "docs/anvisningar/krisledning/karta.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\nFORE")
    edit(repo / KRIS, "atkomst: öppen", "bilagor:\n  - krisledning/karta.png\natkomst: öppen")
    text = (repo / KRIS).read_text(encoding="utf-8")
    (repo / KRIS).write_text(text + "\n![Karta](krisledning/karta.png)\n", encoding="utf-8")
    commit(repo, "Med karta")
    assert "Inga ändringar" in diff(repo, "HEAD")
    picture.write_bytes(b"\x89PNG\r\n\x1a\nEFTER")
    report_text = diff(repo, "HEAD")
    assert load_source(repo, None).fel == 0
    assert "- Bilagan ”karta.png” har fått nytt innehåll" in report_text, report_text


def test_a_law_renamed_in_forfattningar_is_shown(repo):
    report_text = changed(
        repo, "data/forfattningar.yml", "namn: Lag om kommuners", "namn: Lagen om kommuners"
    )
    assert "- Författningen **Lagen om kommuners" in report_text
    assert "  - Namn: ”Lag om kommuners" in report_text


def test_a_law_no_published_text_rests_on_is_not_shown(repo):
    assert "Inga ändringar" in changed(
        repo, "data/forfattningar.yml", "namn: Säkerhetsskyddslag", "namn: Säkerhetsskyddslagen"
    )


def test_a_changed_malsattning_is_shown(repo):
    report_text = changed(
        repo, "data/fokusomraden.yml", "- Brotten minskar.", "- Brotten och otryggheten minskar."
    )
    assert "- Fokusområdet **Förebygga brott** (`forebygga-brott`)" in report_text
    assert (
        "  - Målsättningar: tillagt ”Brotten och otryggheten minskar.”; "
        "borttaget ”Brotten minskar.”" in report_text
    )


def test_organ_malomrade_and_program_fields_are_shown(repo):
    with (repo / "data/organ.yml").open(encoding="utf-8") as f:
        assert "socialnamnden" in f.read()
    edit(repo / "data/organ.yml", "- id: socialnamnden", "- id: socialnamnden\n  beskrivning: Ny.")
    edit(repo / "data/malomraden.yml", "beskrivning: Kärnan.", "beskrivning: Kärnan i allt.")
    edit(repo / "data/program.yml", "titel: ", "titel: Nytt ")
    report_text = diff(repo, "HEAD")
    assert "- Organet **Socialnämnden** (`socialnamnden`)\n  - Beskrivning: – → Ny." in report_text
    assert "- Målområdet **Individens trygghet och säkerhet** (`individens-trygghet`)\n" in (
        report_text
    )
    assert "  - Beskrivning: Kärnan. → Kärnan i allt." in report_text
    assert "- Programmet **Nytt " in report_text and "  - Titel: ”" in report_text


def test_a_report_in_a_year_is_compared_per_organ(repo):
    report_text = changed(
        repo,
        "data/uppfoljning/2025.yml",
        "inlamnad_datum: 2026-02-27",
        "inlamnad_datum: 2026-02-26",
    )
    assert "- Uppföljningen **2025**" in report_text
    assert (
        "  - Rapporter, AB Svenska Bostäder: Inlämnad datum: 2026-02-27 → 2026-02-26"
        in report_text.replace("Inlämnad den", "Inlämnad datum")
    ), report_text


def test_an_indicator_value_is_shown(repo):
    report_text = changed(
        repo,
        "data/indikatorer/otrygghet-kvall.yml",
        "{ar: 2023, kvinnor: 30,",
        "{ar: 2023, kvinnor: 30.5,",
    )
    assert "- Indikatorn **Otrygga i det egna bostadsområdet sent på kvällen**" in report_text
    assert ", 2023: " in report_text and ": 30 → 30,5" in report_text, report_text


def test_a_hand_written_page_is_shown_with_an_excerpt(repo):
    report_text = changed(repo, "docs/index.md", "# Testprogrammet", "# Testprogrammet 2026")
    assert "- Sidan **Start** (docs/index.md)\n  - Texten ändrad:" in report_text
    assert "    + Testprogrammet 2026" in report_text
    (repo / "docs/begrepp.md").write_text(
        "---\natkomst: öppen\ntitle: Begrepp\n---\n\n# Begrepp\n\nOrd.\n", encoding="utf-8"
    )
    assert "- Ny sida: **Begrepp** (docs/begrepp.md)" in diff(repo, "HEAD")


def test_an_intern_page_is_not_in_the_public_report(repo):
    (repo / "docs/intern-sida.md").write_text(
        "---\natkomst: intern\ntitle: Intern sida\n---\n\n# Intern sida\n\nHEMLIG.\n",
        encoding="utf-8",
    )
    assert "Intern sida" in diff(repo, "HEAD")
    assert "Inga ändringar" in diff(repo, "HEAD", malgrupp="publik")


def test_a_kept_version_changed_afterwards_shows_what(repo):
    kept = repo / "docs/anvisningar/krisledning/version-1.md"
    edit(kept, "Den första versionen", "En omskriven första version")
    assert "    + En omskriven första version" in diff(repo, "HEAD")


def test_a_new_anvisning_says_what_it_is(repo):
    found = changes(repo, "HEAD~1", "HEAD")
    (new,) = found.nya
    assert dict(new.uppgifter) == {
        "status": "Gällande",
        "åtkomst": "öppen",
        "gäller för": "alla stadsdelsnämnder",
        "ansvarig": "Kommunstyrelsen",
        "fokusområden": "Bygga motståndskraft",
        "giltig från": "2020-02-01",
        "ersätter": "Brandskydd",
    }


def test_an_anvisning_with_an_error_on_the_branch_is_not_removed(repo):
    edit(repo / KRIS, "status: gällande", "status: klar")
    report_text = diff(repo, "HEAD")
    assert "docs/anvisningar/krisledning.md (1 fel)" in report_text
    assert "Borttagna anvisningar" not in report_text
    assert "### Kunde inte jämföras" in report_text
    assert "- Anvisning för krisledning (krisledning)" in report_text


def test_the_versions_and_laws_of_an_anvisning_with_an_error_are_not_removed(repo):
    # The error hides the anvisning, and with it its kept version and the law only it
    # cites: neither was removed by the branch.
    edit(repo / KRIS, "  - leh", "  - leh\n  - sakerhetsskyddslagen")
    git(repo, "commit", "-qam", "Ny lag")
    edit(repo / KRIS, "status: gällande", "status: klar")
    report_text = diff(repo, "HEAD")
    assert "### Kunde inte jämföras" in report_text
    assert "borttagen" not in report_text.lower(), report_text
    assert "ska inte ändras" not in report_text


def test_a_kept_version_of_an_anvisning_made_skyddad_shows_none_of_its_text(repo):
    edit(repo / KRIS, "atkomst: öppen", "atkomst: skyddad")
    report_text = diff(repo, "HEAD")
    assert "Åtkomst: öppen → skyddad" in report_text
    for secret in ("Den första versionen", "KS 2018/90", "som det var skrivet i version 1"):
        assert secret not in report_text, report_text
    # The version's file is as it was: its history was not edited.
    assert "ändrad i efterhand" not in report_text
    assert "ska inte ändras" not in report_text


def test_a_broken_data_file_invents_no_removals(repo):
    (repo / "data/organ.yml").write_text("- id: [trasig\n", encoding="utf-8")
    report_text = diff(repo, "HEAD")
    assert report_text.startswith("> **Varning:** Källan i den här grenen har")
    assert "Borttaget" not in report_text and "Borttagna" not in report_text
    assert "Kör styrdok check" in report_text


def test_the_public_report_names_no_file_with_errors(repo):
    edit(repo / "docs/anvisningar/trygghet-i-bromma.md", "ansvarig:", "ansvarig: x\nokand:")
    public = diff(repo, "HEAD", malgrupp="publik")
    assert "trygghet-i-bromma" not in public
    assert "fel i 1 fil." in public


CANARY = "KANARIE-SKYDDAD-7731"


def test_nothing_of_a_skyddad_anvisning_beyond_its_metadata_is_printed(repo):
    path = repo / "docs/anvisningar/informationssakerhet.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("atkomst: skyddad", f"atkomst: skyddad\ndiarienummer: KS {CANARY}")
    text = text.replace(
        "version: 1",
        f"version: 1\nrattslig_grund: [sakerhetsskyddslagen]\nhistorik:\n"
        f"  - datum: 2020-01-10\n    andring: {CANARY} historik\n",
    )
    text = text.replace(SECRET_TEXT, f"{CANARY} i texten\n\n## {CANARY} rubrik")
    text = text.replace(SECRET_SUMMARY, f"{CANARY} sammanfattning")
    path.write_text(text, encoding="utf-8")
    (repo / "docs/anvisningar/informationssakerhet").mkdir()
    kept = text.replace("version: 1", "version: 1", 1)
    (repo / "docs/anvisningar/informationssakerhet/version-1.md").write_text(kept, encoding="utf-8")
    edit(path, "version: 1", "version: 2")
    for rev, malgrupp in [("HEAD", "intranät"), ("HEAD~1", "intranät"), ("HEAD", "publik")]:
        output = diff(repo, rev, malgrupp=malgrupp)
        assert CANARY not in output, output
        assert "Säkerhetsskyddslag" not in output


def test_every_schema_field_is_compared_or_said_to_be_invisible():
    """A field added to a schema must be shown by the diff (the model has it, so the
    comparison walks it) or listed in `fields.OSYNLIGA` with a reason."""
    import dataclasses
    import typing

    from styrdok.core.kinds import KINDS
    from styrdok.core.model import Model
    from styrdok.tools.diff.fields import MODELLNAMN, osynlig, schema_properties

    from helpers import REPO

    hints = typing.get_type_hints(Model)
    for kind in KINDS:
        entry_class = typing.get_args(hints[kind])[0]
        model_fields = {f.name for f in dataclasses.fields(entry_class)}
        for prop in schema_properties(REPO / "schema", kind):
            names = MODELLNAMN.get(kind, {}).get(prop, (prop,))
            for name in names:
                assert name in model_fields or osynlig(kind, name), (
                    f"{kind}.{prop}: not in the model, so the diff cannot show it; "
                    "compare it or list it in fields.OSYNLIGA with a reason"
                )


def test_every_kind_of_data_has_swedish_words_in_the_report():
    from styrdok.core.kinds import KINDS
    from styrdok.tools.diff.wording import DATA_NAMN

    assert set(KINDS) - {"anvisningar", "versioner"} <= set(DATA_NAMN)


def test_every_field_has_a_swedish_name_from_its_schema():
    import dataclasses
    import typing

    from styrdok.core.kinds import KINDS
    from styrdok.core.model import Model
    from styrdok.tools.diff.fields import osynlig, rubriker

    from helpers import REPO

    titles = rubriker(REPO / "schema")
    hints = typing.get_type_hints(Model)
    for kind in KINDS:
        entry_class = typing.get_args(hints[kind])[0]
        for f in dataclasses.fields(entry_class):
            if not osynlig(kind, f.name):
                assert f.name in titles[kind], f"{kind}.{f.name} has no Swedish name"
