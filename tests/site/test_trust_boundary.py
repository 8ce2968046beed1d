"""The trust boundary, attacked as an editor with push access to a branch would: every
attack is either refused by `styrdok check` (and so by the build) with a Swedish
message naming file and line, or built in both audiences and found inert.

The attacks are the ones in THREATS.md, written the way they were first reproduced. The
parts that attack one module directly are beside it: the inventory (core/test_inventory.py),
withheld text (core/test_withheld.py), macro pages (adapters/test_templating.py), the
sanitiser (adapters/test_render.py) and the gate (adapters/test_gate.py).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from styrdok.adapters.gate import CONTENT_END, CONTENT_START, check_tree

from helpers import REPO, check, make_project
from helpers.html import assert_only_allowed

ANVISNING = "docs/anvisningar/krisledning.md"
SKYDDAD_TEXT = "HEMLIG-SKYDDAD-RAD"

SKYDDAD = f"""---
id: skyddad-plan
titel: Skyddad plan
sammanfattning: Planen är skyddad.
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
rattslig_grund: [leh]
kontakt:
  funktion: Säkerhetsavdelningen
bilagor: [skyddad-plan/plan.pdf, skyddad-plan/karta.png]
---

{SKYDDAD_TEXT} ett.
{SKYDDAD_TEXT} två.
{SKYDDAD_TEXT} tre.
"""


def body(project: Path, text: str, path: str = ANVISNING) -> None:
    """Replace the text of an anvisning, keeping its front matter."""
    file = project / path
    front = file.read_text(encoding="utf-8").split("---\n", 2)
    file.write_text(f"---\n{front[1]}---\n\n{text}\n", encoding="utf-8")


def front_field(project: Path, name: str, value: str, path: str = ANVISNING) -> None:
    file = project / path
    text = file.read_text(encoding="utf-8")
    text = re.sub(rf"^{name}:.*$", f"{name}: {value}", text, count=1, flags=re.MULTILINE)
    file.write_text(text, encoding="utf-8")


def codes(project: Path) -> set[tuple[str, str, int]]:
    return {(p.code, p.path, p.position.line) for p in check(project).problems}


def add_skyddad(project: Path) -> None:
    docs = project / "docs" / "anvisningar"
    (docs / "skyddad-plan.md").write_text(SKYDDAD, encoding="utf-8")
    (docs / "skyddad-plan").mkdir()
    (docs / "skyddad-plan" / "plan.pdf").write_bytes(b"%PDF-1.4 HEMLIG-BILAGA")
    (docs / "skyddad-plan" / "karta.png").write_bytes(b"\x89PNG HEMLIG-KARTA")


# 1. Other Markdown extensions -----------------------------------------------------


@pytest.mark.parametrize("suffix", [".markdown", ".mdown", ".mkdn", ".mkd", ".MD", ".Md"])
def test_other_markdown_extensions_are_refused(project, suffix):
    (project / "docs" / f"intern-sida{suffix}").write_text(
        "---\natkomst: intern\n---\n\nHEMLIG\n", encoding="utf-8"
    )
    assert ("fel-filandelse", f"docs/intern-sida{suffix}", 1) in codes(project)


# 2. Macros ----------------------------------------------------------------------------


def test_render_macros_in_front_matter_is_refused(project):
    path = project / "docs" / "index.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "atkomst: öppen", "atkomst: öppen\nrender_macros: true"
        ),
        encoding="utf-8",
    )
    assert any(code == "okant-falt" and fil == "docs/index.md" for code, fil, _ in codes(project))


def test_pages_the_site_links_to_must_be_open(project):
    path = project / "docs" / "index.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("atkomst: öppen", "atkomst: intern"),
        encoding="utf-8",
    )
    assert ("fast-sida", "docs/index.md", 1) in codes(project)


def test_titles_have_a_length_limit(project):
    front_field(project, "titel", "Anvisning " + "mycket " * 100)
    assert any(code == "for-lang" for code, _, _ in codes(project))


def test_an_editor_include_on_a_macro_page_stops_the_build(tmp_path, mkdocs_build):
    project = make_project(tmp_path / "projekt")
    add_skyddad(project)
    index = project / "docs" / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8") + '\n{% include "anvisningar/skyddad-plan.md" %}\n',
        encoding="utf-8",
    )
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    # The address of a skyddad page in a published text is refused as a leak before the
    # macros are looked at; an include of anything is refused as a macro construct.
    assert "docs/index.md:" in result.stderr and "skyddad" in result.stderr
    assert "Traceback" not in result.stderr
    assert (
        not (tmp_path / "site" / "index.html").exists()
        or SKYDDAD_TEXT not in (tmp_path / "site" / "index.html").read_text()
    )


def test_the_site_configuration_refuses_mkdocs_macros_and_snippets(tmp_path, mkdocs_build):
    project = make_project(tmp_path / "projekt")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "  - pymdownx.snippets\n", encoding="utf-8"
    )
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert "pymdownx.snippets får inte användas" in result.stderr


# 3. Snippets ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ['--8<-- "docs/anvisningar/skyddad-plan.md:18:20"', '--8<-- ".git/config"', "-8<- x.md"],
)
def test_snippet_lines_are_refused(project, line):
    add_skyddad(project)
    body(project, f"## Syfte\n\n{line}\n")
    assert ("inkludering", ANVISNING, 28) in codes(project)


def test_the_real_site_has_no_snippet_extension():
    assert "pymdownx.snippets" not in (REPO / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "# No pymdownx.snippets", ""
    )


# 4. Editor text becomes script -------------------------------------------------------

SCRIPTY = '"><script>alert(1)</script><img src=x onerror=alert(2)>'


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("<script>alert(1)</script>", "otillaten-html"),
        ('<iframe src="https://example.invalid"></iframe>', "otillaten-html"),
        ("<object data=x></object>", "otillaten-html"),
        ("<embed src=x>", "otillaten-html"),
        ('<form action="https://example.invalid"><input name=p></form>', "otillaten-html"),
        ("<style>body{display:none}</style>", "otillaten-html"),
        ('<base href="https://example.invalid/">', "otillaten-html"),
        ('<meta http-equiv="refresh" content="0;url=https://example.invalid">', "otillaten-html"),
        ("<svg onload=alert(1)></svg>", "otillaten-html"),
        ('<img src="x" onerror="alert(1)">', "otillatet-attribut"),
        ('<p style="position:fixed;top:0">Falsk</p>', "otillatet-attribut"),
        ("[Klicka](javascript:alert(1))", "otillaten-lank"),
        ("[Klicka](JaVaScRiPt:alert(1))", "otillaten-lank"),
        ("[Klicka](java\tscript:alert(1))", "otillaten-lank"),
        ("[Klicka](data:text/html;base64,PHNjcmlwdD4=)", "otillaten-lank"),
        ("![bild](vbscript:msgbox)", "otillaten-lank"),
        ('<a href="javascript:alert(1)">x</a>', "otillaten-lank"),
        ("[Länk](https://start.stockholm/){ onmouseover=alert(1) }", "otillaten-attributlista"),
        ("## Rubrik { onclick='alert(1)' }", "otillaten-attributlista"),
        (
            '[Länk](https://start.stockholm/){: href="javascript:alert(1)" }',
            "otillaten-attributlista",
        ),
        ("!!! note\n    <script>alert(1)</script>", "otillaten-html"),
        ('<img src="&#9;//evil.example/x.png" alt="a">', "extern-bild"),
        ('<img src="\n//evil.example/x.png" alt="b">', "extern-bild"),
        ('<pre class="mermaid">graph TD; A-->B</pre>', "otillatet-attribut"),
        ('<h2 id="__config">x</h2>', "otillatet-attribut"),
        ("## Rubrik {: #__config }", "otillaten-attributlista"),
        (
            "```\n## Rubrik {: id='x\"><!--><img src=x onerror=alert(1)//' }",
            "otillaten-attributlista",
        ),
        ("```%\n<!-- intern anteckning -->\n```", "html-kommentar"),
        ("- punkt\n\n    <iframe src=x></iframe>", "otillaten-html"),
    ],
)
def test_code_in_bodies_is_refused_with_file_and_line(project, text, code):
    body(project, f"## Syfte\n\n{text}\n")
    found = [p for p in check(project).problems if p.code == code]
    assert found, [str(p) for p in check(project).problems]
    assert found[0].path == ANVISNING and found[0].position.line >= 28
    assert re.search(r"[åäö]", found[0].message + (found[0].hint or ""))


def test_an_email_address_is_an_email_address(project):
    front_field(
        project, "  funktion", "Beredskapsavdelningen\n  epost: a@b.se)<img src=x onerror=alert(1)>"
    )
    assert any(code == "ogiltigt-format" for code, _, _ in codes(project))


# 5. Attachments of a skyddad anvisning -------------------------------------------------

ALL_LINK_SYNTAXES = """## Syfte

Inline [plan](skyddad-plan/plan.pdf), with a 'title' [plan](skyddad-plan/plan.pdf 'titel'),
with a (title) [plan](skyddad-plan/plan.pdf (titel)), with "title"
[plan](skyddad-plan/plan.pdf "titel"), in angle brackets [plan](<skyddad-plan/plan.pdf>),
%-encoded [plan](skyddad%2Dplan/plan%2Epdf), reference-style [plan][ref] and [ref],
an image ![karta](skyddad-plan/karta.png), an image reference ![karta][bild],
a raw link <a href="skyddad-plan/plan.pdf">plan</a>, a raw image <img src="skyddad-plan/karta.png" alt="karta">,
and the page itself [planen](skyddad-plan.md).

[ref]: skyddad-plan/plan.pdf
[bild]: skyddad-plan/karta.png 'Karta'
"""


@pytest.fixture(scope="module")
def attacked(tmp_path_factory, mkdocs_build) -> dict[str, Path]:
    """One project with every attack that must render inert, built for both audiences."""
    root = tmp_path_factory.mktemp("attack")
    project = make_project(root / "projekt")
    add_skyddad(project)
    body(project, ALL_LINK_SYNTAXES + "\n<!-- anteckning som inte ska publiceras -->\n")
    front_field(project, "titel", f"'Krisledning {SCRIPTY}'")
    front_field(project, "sammanfattning", f"'Hur {SCRIPTY} leds'")
    fokus = project / "data" / "fokusomraden.yml"
    fokus.write_text(
        fokus.read_text(encoding="utf-8").replace(
            "namn: Bygga motståndskraft",
            "namn: 'Bygga <img src=x onerror=alert(3)> motståndskraft'",
        ),
        encoding="utf-8",
    )
    organ = project / "data" / "organ.yml"
    organ.write_text(
        organ.read_text(encoding="utf-8").replace(
            "namn: Socialnämnden", "namn: 'Social</title><script>alert(4)</script>nämnden'"
        ),
        encoding="utf-8",
    )
    # Lines that MkDocs would read as MultiMarkdown metadata if the text were its own file.
    (project / "docs" / "meta.md").write_text(
        "---\natkomst: öppen\n---\ntemplate: 404.html\ntitle: Falsk titel\n\n# Sidan\n",
        encoding="utf-8",
    )
    problems = [p for p in check(project).problems if p.severity == "fel"]
    assert problems == [], [str(p) for p in problems]
    built: dict[str, Path] = {"projekt": project}
    for malgrupp in ("intranät", "publik"):
        site = root / f"site-{malgrupp}"
        result = mkdocs_build(project / "mkdocs.yml", site, malgrupp)
        assert result.returncode == 0, result.stderr
        built[malgrupp] = site
    return built


AUDIENCES = ["intranät", "publik"]


def all_files(site: Path) -> list[Path]:
    return [p for p in site.rglob("*") if p.is_file()]


@pytest.mark.parametrize("malgrupp", AUDIENCES)
def test_no_attachment_of_a_skyddad_anvisning_is_published_in_any_link_syntax(attacked, malgrupp):
    site = attacked[malgrupp]
    assert not (site / "anvisningar" / "skyddad-plan" / "plan.pdf").exists()
    assert not (site / "anvisningar" / "skyddad-plan" / "karta.png").exists()
    for path in all_files(site):
        data = path.read_bytes()
        assert b"HEMLIG" not in data, path
        assert SKYDDAD_TEXT.encode() not in data, path
    page = (site / "anvisningar" / "krisledning" / "index.html").read_text()
    assert "plan.pdf" not in page and "karta.png" not in page
    assert page.count("(ej publicerad)") >= 8


@pytest.mark.parametrize("malgrupp", AUDIENCES)
def test_editor_fields_are_escaped_in_title_meta_header_nav_and_json(attacked, malgrupp):
    site = attacked[malgrupp]
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "<script>alert" not in html, path
        assert "onerror=" not in html.replace("onerror=alert(2)&gt;", "").replace(
            "onerror=alert(3)&gt;", ""
        ), path
        assert "</title><script>" not in html, path
    page = (site / "anvisningar" / "krisledning" / "index.html").read_text()
    assert "<title>Krisledning &#34;&gt;&lt;script&gt;" in page
    assert 'content="Hur &#34;&gt;&lt;script&gt;' in page
    anvisning = json.loads((site / "api" / "v1" / "anvisningar" / "krisledning.json").read_text())
    assert anvisning["titel"].startswith('Krisledning "><script>')
    assert_only_allowed(anvisning["text_html"])
    assert "anteckning som inte ska publiceras" not in anvisning["text_html"]


@pytest.mark.parametrize("malgrupp", AUDIENCES)
def test_a_title_reads_as_itself_in_hela_programmets_table_of_contents(attacked, malgrupp):
    # The page's title is HTML (escaped once for the theme); the document escaped it
    # again, so "&" and '"' read "&amp;amp;" and "&amp;#34;" in its contents and PDF.
    from selectolax.lexbor import LexborHTMLParser

    page = (attacked[malgrupp] / "hela-programmet" / "index.html").read_text(encoding="utf-8")
    tree = LexborHTMLParser(page)
    href = "#del-anvisningar_krisledning"
    contents = tree.css_first(f'.sd-innehallsforteckning a[href="{href}"]').text()
    sidebar = tree.css_first(f'.md-sidebar--secondary a[href="{href}"]').text(strip=True)
    assert contents == sidebar == f"Krisledning {SCRIPTY}"


@pytest.mark.parametrize("malgrupp", AUDIENCES)
def test_text_at_the_top_of_a_page_is_text_not_page_settings(attacked, malgrupp):
    page = (attacked[malgrupp] / "meta" / "index.html").read_text()
    assert "template: 404.html" in page and "<title>Sidan" in page
    assert "Falsk titel -" not in page


@pytest.mark.parametrize("malgrupp", AUDIENCES)
def test_no_page_of_either_build_has_anything_outside_the_allow_list(attacked, malgrupp):
    site = attacked[malgrupp]
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if CONTENT_START not in html:
            continue
        content = html.split(CONTENT_START, 1)[1].split(CONTENT_END, 1)[0]
        assert_only_allowed(content)
        assert "<!--" not in content, path


@pytest.mark.parametrize("malgrupp", AUDIENCES)
def test_the_gate_passes_the_built_tree(attacked, malgrupp):
    # The build ran the gate already; this shows the gate reads what it should.
    site = attacked[malgrupp]
    expected = {p.relative_to(site).as_posix() for p in all_files(site)}
    assert check_tree(site, expected, root_path="/test/") == []


def test_undeclared_attachments_and_links_to_them_are_refused(project):
    (project / "docs" / "anvisningar" / "krisledning").mkdir(exist_ok=True)
    (project / "docs" / "anvisningar" / "krisledning" / "plan.pdf").write_bytes(b"%PDF")
    body(project, "## Syfte\n\nSe [planen](krisledning/plan.pdf).\n")
    found = codes(project)
    assert ("okand-fil", "docs/anvisningar/krisledning/plan.pdf", 1) in found
    assert ("bilaga-odeklarerad", ANVISNING, 28) in found


def test_an_attachment_belongs_to_one_document_and_lives_in_its_folder(project):
    add_skyddad(project)
    # Declared by an öppen anvisning, the skyddad one's file would be published under
    # an address that names the skyddad anvisning.
    front_field(project, "atkomst", "öppen\nbilagor: [skyddad-plan/plan.pdf]")
    assert ("bilaga-fel-mapp", ANVISNING, 24) in codes(project)
    # Nested pages' folders overlap: one file, two owners.
    docs = project / "docs"
    (docs / "a" / "b").mkdir(parents=True)
    (docs / "a" / "b" / "x.pdf").write_bytes(b"%PDF")
    (docs / "a.md").write_text("---\natkomst: intern\nbilagor: [a/b/x.pdf]\n---\n\nA\n")
    (docs / "a" / "b.md").write_text("---\natkomst: öppen\nbilagor: [b/x.pdf]\n---\n\nB\n")
    assert any(code == "bilaga-dubblett" for code, _, _ in codes(project))


def test_a_page_in_an_anvisnings_folder_is_refused(project):
    add_skyddad(project)
    (project / "docs" / "anvisningar" / "skyddad-plan" / "oppen.md").write_text(
        "---\natkomst: öppen\n---\n\n# Öppen\n", encoding="utf-8"
    )
    assert ("sida-i-bilagemapp", "docs/anvisningar/skyddad-plan/oppen.md", 1) in codes(project)


@pytest.mark.parametrize(
    "name",
    ["api/v1/index.md", "api/v1/sidor/beslutet.md", "api/v2/index.md", "api/v1/organ/x.csv"],
)
def test_nothing_from_docs_is_published_in_the_api_folder(project, name):
    """The gate lets everything below api/v1/ through as the API's: a page or an
    attachment there (docs/api/ is api.md's own folder) would be published among the
    API's documents, a page even at the address the catalogue record gives as endpoint."""
    path = project / "docs" / name
    path.parent.mkdir(parents=True)
    if name.endswith(".md"):
        path.write_text("---\natkomst: öppen\n---\n\n# Falskt API\n", encoding="utf-8")
    else:
        path.write_text("id;namn\nx;Falskt organ\n", encoding="utf-8")
        (project / "docs" / "api.md").write_text(
            f"---\natkomst: öppen\nbilagor: [{name}]\n---\n\n# API\n", encoding="utf-8"
        )
    assert ("i-api-mappen", f"docs/{name}", 1) in codes(project)


def test_a_theme_file_at_an_api_address_stops_the_build(tmp_path, mkdocs_build):
    """The API is written before MkDocs copies the static files: a file of the theme's
    folder (overrides/) at an API address would replace an API document."""
    project = make_project(tmp_path / "projekt")
    fake = project / "overrides" / "api" / "v1" / "anvisningar.json"
    fake.parent.mkdir(parents=True)
    fake.write_text('{"falskt": true}\n', encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
    )
    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert "api/v1/anvisningar.json skulle hamna i api/v1/" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "name",
    ['a"><!--><img src=x onerror=alert(1)>.md', "andringar.xml.md", "Stor.md", "mellan slag.md"],
)
def test_page_file_names_are_plain_words(project, name):
    (project / "docs" / name).write_text("---\natkomst: öppen\n---\n\n# Sida\n", encoding="utf-8")
    assert ("ogiltigt-filnamn", f"docs/{name}", 1) in codes(project)


def test_two_pages_with_one_address_are_refused(project):
    page = "---\natkomst: öppen\n---\n\n# Sida\n"
    (project / "docs" / "sida.md").write_text(page, encoding="utf-8")
    (project / "docs" / "sida").mkdir()
    (project / "docs" / "sida" / "index.md").write_text(page, encoding="utf-8")
    assert ("samma-adress", "docs/sida/index.md", 1) in codes(project)


def test_a_huge_attachment_is_refused_without_being_read(project):
    folder = project / "docs" / "anvisningar" / "krisledning"
    folder.mkdir(exist_ok=True)
    with (folder / "film.pdf").open("wb") as f:
        f.truncate(200 * 1024 * 1024)
    front_field(project, "atkomst", "öppen\nbilagor: [krisledning/film.pdf]")
    found = [p for p in check(project).problems if p.code == "for-stor-bilaga"]
    assert found and found[0].position.line == 24
    assert "209 715 200 byte" in found[0].message


# 6. Symbolic links ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "target"),
    [("passwd.md", "/etc/passwd"), ("git", "../.git"), ("anvisningar/karta.png", "/etc/passwd")],
)
def test_symbolic_links_in_docs_are_refused_and_not_followed(project, name, target):
    (project / ".git").mkdir(exist_ok=True)
    (project / ".git" / "config").write_text("[remote] url = https://token@example.invalid\n")
    os.symlink(target, project / "docs" / name)
    found = codes(project)
    assert ("symbolisk-lank", f"docs/{name}", 1) in found
    assert not any("root:" in str(p) for p in check(project).problems)


def test_a_data_file_that_is_a_symbolic_link_is_never_read(project):
    (project / "data" / "organ.yml").unlink()
    os.symlink("/etc/passwd", project / "data" / "organ.yml")
    problems = check(project).problems
    assert ("symbolisk-lank", "data/organ.yml", 1) in codes(project)
    assert not any("root" in str(p) for p in problems)


def test_the_editor_guide_must_not_be_a_symbolic_link(tmp_path, mkdocs_build):
    project = make_project(tmp_path / "projekt")
    os.symlink("/etc/passwd", project / "CONTRIBUTING.md")
    guide = project / "docs" / "for-redaktorer.md"
    guide.write_text("---\natkomst: öppen\n---\n\n{{ redaktorsguide() }}\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "        - index.md\n", "        - index.md\n        - for-redaktorer.md\n", 1
        ),
        encoding="utf-8",
    )
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/for-redaktorer.md:5:1: fel:" in result.stderr
    assert "root:" not in result.stderr + result.stdout


def test_the_number_of_pages_in_the_nav_is_bounded(project):
    # Every fokusområde is a page in the nav, which every page repeats: output would grow
    # with the square of their number.
    entry = (
        "- id: f{n}\n  program: program-nu\n  namn: F{n}\n  beskrivning: x\n"
        "  malomraden: [stadens-funktionalitet]\n  malsattningar: [x]\n  ordning: {o}\n"
    )
    fokus = project / "data" / "fokusomraden.yml"
    extra = "".join(entry.format(n=n, o=n + 10) for n in range(60))
    fokus.write_text(fokus.read_text(encoding="utf-8") + "\n" + extra, encoding="utf-8")
    assert any(code == "for-manga" for code, _, _ in codes(project))


@pytest.mark.parametrize("value", [".inf", ".nan", "-.inf", "!!python/name:os.system x"])
def test_numbers_that_are_not_numbers_and_python_tags_are_refused(project, value):
    path = project / "docs" / "index.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "atkomst: öppen", f"atkomst: öppen\nsearch:\n  boost: {value}"
        ),
        encoding="utf-8",
    )
    found = [p for p in check(project).problems if p.path == "docs/index.md"]
    assert found and all("Traceback" not in str(p) for p in found)
    assert re.search(r"inget vanligt tal|inte tillåten", " ".join(map(str, found)))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("*" * 2500 + "x" + "*" * 2500, "för djupt nästlad"),
        ("[a](" * 20000, "sekunder att bygga"),
    ],
)
def test_texts_that_markdown_cannot_render_stop_the_build_in_swedish(
    tmp_path, text, words, mkdocs_build
):
    project = make_project(tmp_path / "projekt")
    body(project, f"## Syfte\n\n{text}\n")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "      makrosidor:", "      sekunder_per_sida: 2\n      makrosidor:"
        ),
        encoding="utf-8",
    )
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert f"{ANVISNING}: fel:" in result.stderr and words in result.stderr
    assert "Traceback" not in result.stderr and "Error reading page" not in result.stderr


def test_a_text_nested_deeper_than_the_pdf_can_lay_out_builds_with_its_text(tmp_path, mkdocs_build):
    # The site's page showed 150 nested <div>s and `styrdok check` passed them; the PDF
    # of Hela programmet stopped the build with WeasyPrint's RecursionError.
    project = make_project(tmp_path / "projekt")
    body(project, "## Syfte\n\n" + "<div>" * 300 + "DJUPAST-ORDET" + "</div>" * 300 + "\n")
    assert [p for p in check(project).problems if p.severity == "fel"] == []
    site = tmp_path / "site"
    result = mkdocs_build(project / "mkdocs.yml", site, "publik", pdf=True)
    assert result.returncode == 0, result.stderr
    reader = pypdf.PdfReader(site / "hela-programmet.pdf")
    assert "DJUPAST-ORDET" in "".join(page.extract_text() for page in reader.pages)


# 7. Lesser ------------------------------------------------------------------------------


def test_html_comments_are_a_warning_and_never_published(attacked):
    assert any(p.code == "html-kommentar" for p in check(attacked["projekt"]).problems)
    for malgrupp in AUDIENCES:
        for path in all_files(attacked[malgrupp]):
            assert b"anteckning som inte ska publiceras" not in path.read_bytes(), path


@pytest.mark.slow
def test_quiet_builds_are_refused(tmp_path):
    project = make_project(tmp_path / "projekt")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-q",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(tmp_path / "site"),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode != 0
    assert "får inte tystas" in result.stderr
