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
    return compare(select(old.model, malgrupp), select(new.model, malgrupp))


EXPECTED = """\
## Ändringar för läsarna (HEAD~1 → HEAD)

Jämförelsen gäller det som visas för målgruppen Intranät.

### Nya anvisningar

- **Utrymning** (`utrymning`)

### Ändrade anvisningar

- **Anvisning för krisledning** (`krisledning`): revideras senast 2027-06-01 → 2028-06-01; texten ändrad
- **Brandskydd** (`brandskydd`): status gällande → upphävd; upphävd – → 2026-01-15
- **Informationssäkerhet** (`informationssakerhet`): åtkomst öppen → skyddad; texten ändrad
- **Kamerabevakning** (`kamera`): gäller för samtliga nämnder och bolagsstyrelser → Bromma stadsdelsnämnd

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
        "krisledning": ["revideras_senast"],
        "brandskydd": ["status", "upphavd_datum"],
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
        "- **Informationssäkerhet** (`informationssakerhet`): texten ändrad\n"
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
        "### Programmet, målområden, fokusområden och organ\n\n"
        "- Fokusområdet **Förebygga brott** heter nu **Förebygga brott och skadegörelse** "
        "(`forebygga-brott`)\n"
        "- Nytt organ: **Spånga-Tensta stadsdelsnämnd** (`spanga-tensta`)\n"
    )


def test_a_source_with_errors_is_compared_with_a_warning_at_the_top(repo, capsys):
    (repo / "docs/anvisningar/krisledning.md").write_bytes(
        (INVALID / "okant-organ--ansvarig.md").read_bytes()
    )
    assert main(["diff", "HEAD", "--rot", str(repo)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (
        "> **Varning:** Källan i den här grenen har 1 fel; jämförelsen kan vara ofullständig."
    )


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
