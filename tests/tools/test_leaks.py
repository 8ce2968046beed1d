"""The leak scanner on small hand-made sites: what it sees through (case, whitespace,
entities, Unicode forms, markup, compression), what it must not report (wording that is
published anyway) and how it reports. No MkDocs build: the site is a few files."""

from __future__ import annotations

import gzip
import html
import io
import json
import tarfile
import unicodedata
import zipfile
from pathlib import Path

import pypdf
import pytest
from hypothesis import given
from hypothesis import strategies as st

from styrdok.select import Publication, select
from styrdok.tools.cli import main
from styrdok.tools.leaks import (
    Leak,
    Matcher,
    Unreadable,
    forbidden,
    normalise,
    passages,
    published_sources,
    scan,
    words,
)

from helpers import REPO, check
from helpers.canaries import (
    REPORT_CANARIES,
    add_canaries,
    add_report_canaries,
    add_version_canaries,
)
from helpers.leak_cases import LINKED_OWN_TEXT, LINKED_TITLES, intern_list_of_open_links

FRONT = """---
id: {id}
titel: {titel}
sammanfattning: {sammanfattning}
fokusomraden: [forebygga-brott]
ansvarig: kommunstyrelsen
galler_for: alla
status: utkast
atkomst: {atkomst}
version: 1
{extra}kontakt:
  funktion: Säkerhetsavdelningen
---

{text}
"""

SKYDDAD_TEXT = "Koderna till inbrottslarmen i stadshuset förvaras i kassaskåpet på plan två."
PASSAGE = "Koderna till inbrottslarmen i stadshuset förvaras i kassaskåpet"
SKYDDAD_SAMMANFATTNING = "Var koderna till larmen förvaras och vem som får dem."
INTERN_TITEL = "Anvisning för kameror i entréer"

# The editor guide as an editor would find it: the intern anvisning's title as example.
GUIDE = f"""# Så skriver du en anvisning

```sh
styrdok ny anvisning --titel "{INTERN_TITEL}" --fokusomrade forebygga-brott
```

| `titel` | Alltid | `titel: {INTERN_TITEL}` |
"""


def add_documents(project: Path) -> None:
    anvisningar = project / "docs" / "anvisningar"
    documents = {
        "kamera": FRONT.format(
            id="kamera",
            titel=INTERN_TITEL,
            sammanfattning="Hur entréerna övervakas med kameror dygnet runt.",
            atkomst="intern",
            extra="",
            text="Kamerorna vid entréerna spelar in dygnet runt och materialet sparas i "
            "trettio dagar.",
        ),
        "kamerabevakning": FRONT.format(
            id="kamerabevakning",
            titel="Anvisning för kamerabevakning",
            sammanfattning="Hur staden använder kamerabevakning.",
            atkomst="öppen",
            extra="",
            text="Staden får bara kamerabevaka där det behövs.",
        ),
        "larmkoder": FRONT.format(
            id="larmkoder",
            titel="Rutin för larmkoder och nycklar",
            sammanfattning=SKYDDAD_SAMMANFATTNING,
            atkomst="skyddad",
            extra="diarienummer: KS 2024/999\n",
            text=SKYDDAD_TEXT,
        ),
    }
    for id, text in documents.items():
        (anvisningar / f"{id}.md").write_text(text, encoding="utf-8")


@pytest.fixture
def model(project):
    add_documents(project)
    outcome = check(project)
    assert outcome.ok, outcome.problems
    return outcome.model


def strings_for(model, malgrupp: str, published_texts=()) -> dict[str, str]:
    pub: Publication = select(model, malgrupp)
    return forbidden(model, pub, published_texts)


def site_with(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    site = tmp_path / "site"
    for name, content in files.items():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return site


def found(site: Path, strings: dict[str, str]) -> set[tuple[str, str]]:
    return {(leak.fil, leak.text) for leak in scan(site, strings)}


# --- Normalisation ----------------------------------------------------------------------


def test_an_upper_cased_passage_is_found(tmp_path, model):
    strings = strings_for(model, "intranät")
    site = site_with(tmp_path, {"a/index.html": f"<p>{SKYDDAD_TEXT.upper()}</p>"})
    assert found(site, strings) == {("a/index.html", PASSAGE)}


def test_a_passage_with_line_breaks_and_nbsp_is_found(tmp_path, model):
    strings = strings_for(model, "intranät")
    broken = "Koderna  till\ninbrottslarmen&nbsp;i\r\n  stadshuset\u00a0förvaras i\tkassaskåpet"
    site = site_with(tmp_path, {"a.html": f"<p>{broken}</p>", "b.txt": broken})
    assert found(site, strings) == {("a.html", PASSAGE), ("b.txt", PASSAGE)}


def test_entity_encoded_and_nfd_forms_are_found(tmp_path, model):
    strings = strings_for(model, "intranät")
    site = site_with(
        tmp_path,
        {
            "named.html": PASSAGE.replace("ö", "&ouml;").replace("å", "&aring;"),
            "numeric.html": PASSAGE.replace("ö", "&#246;").replace("å", "&#xE5;"),
            "nfd.html": unicodedata.normalize("NFD", PASSAGE),
            "nfd-entity.html": PASSAGE.replace("å", "a&#778;"),
        },
    )
    assert {fil for fil, _ in found(site, strings)} == {
        "named.html",
        "numeric.html",
        "nfd.html",
        "nfd-entity.html",
    }


def test_invisible_characters_markup_and_punctuation_do_not_hide_a_passage(tmp_path, model):
    strings = strings_for(model, "intranät")
    site = site_with(
        tmp_path,
        {
            "soft.html": PASSAGE.replace("kassaskåpet", "kassa&shy;skåpet"),
            "zero.txt": PASSAGE.replace("inbrottslarmen", "inbrotts\u200blarmen\ufeff"),
            "markup.html": "<p>Koderna <strong>till</strong> inbrottslarmen i "
            '<a href="x">stadshuset</a>\n förvaras i <em>kassa</em>skåpet</p>',
            "punctuation.html": "Koderna till inbrottslarmen – i stadshuset, förvaras "
            "(i) kassaskåpet!",
            "fullwidth.txt": unicodedata.normalize("NFKD", PASSAGE).replace("K", "\uff2b"),
        },
    )
    assert {fil for fil, _ in found(site, strings)} == {
        "soft.html",
        "zero.txt",
        "markup.html",
        "punctuation.html",
        "fullwidth.txt",
    }


def test_json_strings_are_decoded(tmp_path, model):
    strings = strings_for(model, "intranät")
    encoded = json.dumps({"t": f"<p>{SKYDDAD_SAMMANFATTNING.upper()}</p>"}, ensure_ascii=True)
    assert "\\u00c5" in encoded or "\\u00d6" in encoded or "\\u00c4" in encoded
    site = site_with(tmp_path, {"search/search_index.json": encoded})
    assert found(site, strings) == {("search/search_index.json", SKYDDAD_SAMMANFATTNING)}


def test_the_same_normalisation_on_both_sides():
    assert normalise("Å\u00a0 b\u00ad\n&amp;") == normalise("a\u030a b &")
    assert words(normalise("Risk- och <b>sårbarhets</b>analys, t.ex.")) == (
        "risk och b sårbarhets b analys t ex"
    )


# --- Compressed files and archives --------------------------------------------------------


def test_a_leak_in_sitemap_xml_gz_is_found(tmp_path, model):
    strings = strings_for(model, "publik")
    sitemap = (
        "<urlset><url><loc>https://example.se/anvisningar/kamerabevakning/</loc></url>"
        "<url><loc>https://example.se/anvisningar/kamera/</loc></url></urlset>"
    )
    site = site_with(tmp_path, {"sitemap.xml.gz": gzip.compress(sitemap.encode())})
    assert found(site, strings) == {("sitemap.xml.gz", "anvisningar/kamera")}


def test_files_in_an_archive_are_read_and_named(tmp_path, model):
    strings = strings_for(model, "intranät")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", f"<w:t>{SKYDDAD_SAMMANFATTNING}</w:t>")
        archive.writestr("word/styles.xml", "<w:styles/>")
    site = site_with(tmp_path, {"bilagor/plan.docx": buffer.getvalue()})
    assert found(site, strings) == {
        ("bilagor/plan.docx: word/document.xml", SKYDDAD_SAMMANFATTNING)
    }


def test_a_tar_gz_is_unpacked_layer_by_layer(tmp_path, model):
    strings = strings_for(model, "intranät")
    inner = f"<p>{SKYDDAD_SAMMANFATTNING}</p>".encode()
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        info = tarfile.TarInfo("export/sida.html")
        info.size = len(inner)
        archive.addfile(info, io.BytesIO(inner))
    site = site_with(tmp_path, {"export.tar.gz": gzip.compress(buffer.getvalue())})
    assert found(site, strings) == {("export.tar.gz: export/sida.html", SKYDDAD_SAMMANFATTNING)}


def test_escaped_markup_and_cdata_in_a_feed_are_read_as_text(tmp_path, model):
    strings = strings_for(model, "intranät")
    marked = "Koderna <b>till</b> inbrottslarmen i stadshuset förvaras i <i>kassa</i>skåpet"
    site = site_with(
        tmp_path,
        {
            "escaped.xml": f'<feed><content type="html">{html.escape(marked)}</content></feed>',
            "cdata.xml": f"<feed><content><![CDATA[<p>{marked}</p>]]></content></feed>",
        },
    )
    assert found(site, strings) == {("escaped.xml", PASSAGE), ("cdata.xml", PASSAGE)}


def test_a_broken_compressed_file_is_reported_as_unreadable(tmp_path, model):
    strings = strings_for(model, "intranät")
    site = site_with(tmp_path, {"sitemap.xml.gz": b"\x1f\x8b\x08\x00trasig"})
    [leak] = scan(site, strings)
    assert isinstance(leak, Unreadable)
    assert str(leak).startswith("sitemap.xml.gz: kan inte sökas igenom: ")


def _pdf(body: str, title: str = "Hela programmet") -> bytes:
    """A PDF as the build makes it (WeasyPrint, tagged, compressed streams)."""
    from weasyprint import HTML

    from styrdok.adapters.pdf import PDF_VARIANT, standalone

    return HTML(string=standalone(title, "", body)).write_pdf(pdf_variant=PDF_VARIANT)


def test_a_passage_in_a_pdf_is_found_in_its_text_not_its_bytes(tmp_path, model):
    strings = strings_for(model, "intranät")
    data = _pdf(f"<p>Inledning.</p><p>{SKYDDAD_TEXT}</p>")
    # The content stream is compressed: the bytes alone would hide the passage.
    assert PASSAGE.encode() not in data
    site = site_with(tmp_path, {"hela-programmet.pdf": data})
    assert ("hela-programmet.pdf", PASSAGE) in found(site, strings)


def test_a_title_in_a_pdfs_document_information_is_found(tmp_path, model):
    strings = strings_for(model, "publik")
    site = site_with(tmp_path, {"hela-programmet.pdf": _pdf("<p>Text.</p>", INTERN_TITEL)})
    assert ("hela-programmet.pdf", INTERN_TITEL) in found(site, strings)


def test_a_pdf_without_withheld_text_is_clean(tmp_path, model):
    strings = strings_for(model, "publik")
    site = site_with(tmp_path, {"hela-programmet.pdf": _pdf("<p>Programmets text.</p>")})
    assert scan(site, strings) == []


def test_a_broken_pdf_is_reported_as_unreadable(tmp_path, model):
    strings = strings_for(model, "intranät")
    site = site_with(tmp_path, {"hela-programmet.pdf": b"%PDF-1.7\n1 0 obj << /Type trasig"})
    [leak] = scan(site, strings)
    assert isinstance(leak, Unreadable)
    assert str(leak).startswith("hela-programmet.pdf: kan inte sökas igenom: PDF-filen")


# --- What is not a leak -----------------------------------------------------------------


def test_a_title_in_the_published_editor_guide_is_not_reported(tmp_path, model):
    site = site_with(
        tmp_path,
        {
            "for-redaktorer/index.html": f"<pre><code>titel: {INTERN_TITEL}</code></pre>",
            "search/search_index.json": json.dumps({"docs": [{"text": GUIDE}]}),
        },
    )
    # The control: without the guide, the intern title counts as a leak.
    assert found(site, strings_for(model, "publik")) == {
        ("for-redaktorer/index.html", INTERN_TITEL),
        ("search/search_index.json", INTERN_TITEL),
    }
    assert found(site, strings_for(model, "publik", [GUIDE])) == set()


def test_cli_passes_the_guide_at_the_repository_root(tmp_path, project, capsys):
    add_documents(project)
    site = site_with(tmp_path, {"for-redaktorer/index.html": f"<code>{INTERN_TITEL}</code>"})
    command = ["lackor", str(site), "--malgrupp", "publik", "--rot", str(project)]
    assert main(command) == 1
    assert f"titeln på intern anvisning 'kamera': '{INTERN_TITEL}'" in capsys.readouterr().out
    (project / "CONTRIBUTING.md").write_text(GUIDE, encoding="utf-8")
    assert published_sources(project) == [GUIDE]
    assert main(command) == 0
    assert "0 läckor" in capsys.readouterr().out


def test_an_id_stays_forbidden_even_if_a_published_text_mentions_it(model):
    guide = "Se `docs/anvisningar/kamera.md` och adressen anvisningar/kamera/."
    strings = strings_for(model, "publik", [guide])
    assert {'"kamera"', "anvisningar/kamera", "kamera.md"} <= strings.keys()


def test_wording_a_published_text_shares_is_not_forbidden(model):
    quoting = f"Ett citat: {SKYDDAD_TEXT.lower()} Och {SKYDDAD_SAMMANFATTNING}"
    assert PASSAGE in strings_for(model, "intranät")
    strings = strings_for(model, "intranät", [quoting])
    assert PASSAGE not in strings and SKYDDAD_SAMMANFATTNING not in strings
    assert "KS 2024/999" in strings


def test_the_intranet_may_show_a_skyddad_title_but_not_its_summary(tmp_path, model):
    strings = strings_for(model, "intranät")
    assert "Rutin för larmkoder och nycklar" not in strings
    site = site_with(
        tmp_path,
        {"larm.html": "<h1>Rutin för larmkoder och nycklar</h1><p>KS 2024/999</p>"},
    )
    assert found(site, strings) == {("larm.html", "KS 2024/999")}


def test_anvisningar_kamera_does_not_match_anvisningar_kamerabevakning(tmp_path, model):
    strings = strings_for(model, "publik")
    site = site_with(
        tmp_path,
        {
            "ok.html": '<a href="../anvisningar/kamerabevakning/">Kamerabevakning</a>',
            "ok.json": '{"id": "kamerabevakning", "url": "anvisningar/kamerabevakning/"}',
            "ok.txt": "anvisningar/kamera-gammal/ och ../andra/kamera.md",
            "adress.html": '<a href="../anvisningar/kamera/">Kameror</a>',
            "id.json": '{"id": "kamera"}',
            "lank.json": '{"text": "Se [kameror](kamera.md)."}',
        },
    )
    assert found(site, strings) == {
        ("adress.html", "anvisningar/kamera"),
        ("id.json", '"kamera"'),
        ("lank.json", "kamera.md"),
    }


def test_a_title_matches_whole_words_only(tmp_path):
    strings = {"Anvisning för kameror": "titeln"}
    site = site_with(
        tmp_path,
        {"a.html": "Anvisning för kamerorna", "b.html": "ANVISNING FÖR KAMEROR."},
    )
    assert found(site, strings) == {("b.html", "Anvisning för kameror")}


# --- Reporting --------------------------------------------------------------------------


def test_the_scanner_reports_file_and_what_leaked(tmp_path, model):
    strings = strings_for(model, "publik")
    site = site_with(
        tmp_path,
        {
            "b/index.html": f"<title>{INTERN_TITEL}</title><p>{SKYDDAD_TEXT}</p>",
            "a.html": "<p>Inget här.</p>",
        },
    )
    assert [str(leak) for leak in scan(site, strings)] == [
        f"b/index.html: innehåller titeln på intern anvisning 'kamera': '{INTERN_TITEL}'",
        f"b/index.html: innehåller text ur skyddad anvisning 'anvisningar/larmkoder.md': "
        f"'{PASSAGE}'",
    ]
    assert str(Leak("a/b.html", "titeln", "X")) == "a/b.html: innehåller titeln: 'X'"


def test_overlapping_strings_are_all_reported(tmp_path):
    strings = {"alfa beta gamma": "a", "alfa beta": "b", "beta gamma delta": "c", "gamma": "d"}
    site = site_with(tmp_path, {"x.txt": "x Alfa, beta; gamma delta y"})
    assert [leak.vad for leak in scan(site, strings)] == ["a", "b", "c", "d"]


def test_passages_continue_over_short_lines():
    text = "Koderna till\ninbrottslarmen i\nstadshuset förvaras\ni kassaskåpet.\n\nKort."
    assert next(passages(text)) == f"{PASSAGE}."


def test_passages_do_not_run_through_a_links_text():
    text = (
        "- [Rutin för nycklar i skolor](a.md)\n- [Rutin för larm i förskolor](b.md)\n\n"
        "Se [rutinen](a.md) som beskriver hur koderna till larmen förvaras\n"
        "och vem som får dem, [och här](c.md) enligt rutinen."
    )
    # From after a link, and on over the line break, but not into the next link.
    assert list(passages(text)) == ["som beskriver hur koderna till larmen förvaras och"]
    # A link text as long as a passage is one, on its own; an image's text reads on.
    long_title = "Rutin för larm i förskolor och skolor i hela staden"
    assert list(passages(f"Se [{long_title}](a.md) nu.")) == [" ".join(long_title.split()[:8])]
    assert list(passages("Se bilden ![ett larm i skolan](b.png) och läs sedan vidare.")) == [
        "Se bilden ett larm i skolan och läs"
    ]


@pytest.mark.parametrize("hidden", ["[]()", "[ ](#)", "[&#8203;](#)", "[<span></span>](#)"])
def test_a_link_that_shows_no_words_does_not_split_a_passage(hidden):
    # Invisible once rendered: were it a link text of its own, one every few words
    # would leave a withheld text without a single passage for the scan to find.
    sentence = "Koderna till inbrottslarmen i stadshuset förvaras i kassaskåpet hos vaktmästaren"
    words = sentence.split()
    text = " ".join(f"{word} {hidden}" if i % 3 == 2 else word for i, word in enumerate(words))
    assert " ".join(words[:8]) in list(passages(text))


def test_titles_of_open_links_side_by_side_are_no_leak(tmp_path, project):
    # An intern text that lists links to two öppen anvisningar: read on over the lines,
    # the link texts made an eight-word passage, and the public site shows the two
    # titles side by side (in the navigation, on every page), so every build failed.
    intern_list_of_open_links(project)
    whole = check(project).model
    strings = forbidden(whole, select(whole, "publik"))
    assert not [s for s in strings if LINKED_TITLES[0] in s or LINKED_TITLES[1] in s]
    nav = "".join(f'<li><a href="../rutin-{n}/">{t}</a></li>' for n, t in enumerate(LINKED_TITLES))
    site = site_with(tmp_path, {"index.html": f"<ul>{nav}</ul>", "b.html": LINKED_OWN_TEXT})
    # The intern text's own words are still forbidden, and so is its address.
    assert found(site, strings) == {("b.html", " ".join(LINKED_OWN_TEXT.split()[:8]))}
    assert "anvisningar/skolrutiner" in strings


def test_scanner_reports_file_and_canary(tmp_path, project):
    add_canaries(project)
    whole = check(project).model
    strings = forbidden(whole, select(whole, "publik"))
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "sida.html").write_text("<p>Om KANARIE-INTERN-SAMMANFATTNING</p>")
    (site / "data.json").write_text(
        '{"x": "KANARIE-SKYDDAD-TEXT står i brödtexten och får aldrig nå"}'
    )
    (site / "ren.html").write_text("<p>Inget här.</p>")
    leaks = scan(site, strings)
    assert {(leak.fil, leak.text) for leak in leaks} == {
        ("a/sida.html", "KANARIE-INTERN-SAMMANFATTNING"),
        ("data.json", "KANARIE-SKYDDAD-TEXT står i brödtexten och får aldrig nå"),
    }
    assert str(Leak("a/b.html", "titeln", "X")) == "a/b.html: innehåller titeln: 'X'"


def test_a_withheld_reports_texts_are_forbidden_for_the_audiences_without_them(project):
    add_report_canaries(project)
    whole = check(project).model
    for malgrupp, withheld in (
        ("intranät", REPORT_CANARIES["skyddad"]),
        ("publik", REPORT_CANARIES["skyddad"] + REPORT_CANARIES["intern"]),
    ):
        pub = select(whole, malgrupp)
        strings = forbidden(whole, pub, published_sources(REPO))
        missing = [canary for canary in withheld if canary not in strings]
        assert missing == [], malgrupp
        # ...and none of them is in what the audience is handed, which would excuse it.
        handed = repr(pub.uppfoljning) + "".join(published_sources(REPO))
        assert not [canary for canary in withheld if canary in handed], malgrupp
    intranat = forbidden(whole, select(whole, "intranät"))
    assert not [canary for canary in REPORT_CANARIES["intern"] if canary in intranat]
    assert "Öppen risk i Bromma" not in forbidden(whole, select(whole, "publik"))


def test_withheld_versions_texts_are_forbidden_for_the_audiences_without_them(project):
    add_canaries(project)
    add_version_canaries(project)
    whole = check(project).model

    def texts(strings: dict[str, str]) -> set[str]:
        return {s.split()[0] for s in strings if s.startswith("KANARIE-") and "-V" in s}

    publik = forbidden(whole, select(whole, "publik"), published_sources(REPO))
    assert texts(publik) >= {
        "KANARIE-INTERN-V1-TEXT",  # öppen then, but the anvisning is intern now
        "KANARIE-INTERN-V2-TEXT",
        "KANARIE-SKYDDAD-V1-TEXT",
        "KANARIE-INTERN-V1-SAMMANFATTNING",
        "KANARIE-INTERN-V1-TITEL",
    }
    assert publik["anvisningar/kanarie-intern-id/version-1"].startswith("adressen till")
    assert "anvisningar/krisledning/version-1" not in publik
    intranat = forbidden(whole, select(whole, "intranät"), published_sources(REPO))
    # The intranet reads the intern versions in full and the skyddad one's title.
    assert texts(intranat) == {"KANARIE-SKYDDAD-V1-TEXT", "KANARIE-SKYDDAD-V1-SAMMANFATTNING"}
    assert "KANARIESKYDDADV1DNR 2023/2" in intranat


def test_a_skyddad_reports_risk_in_a_site_is_a_leak(tmp_path, project):
    add_report_canaries(project)
    whole = check(project).model
    site = site_with(tmp_path, {"x.html": "<li>KANARIE-SKYDDAD-RISK-TITEL</li>"})
    (leak,) = scan(site, forbidden(whole, select(whole, "intranät")))
    assert leak.vad == "en risk i skyddad rapport från 'socialnamnden' för 2024"


def test_scanner_sees_through_html_entities_and_json_escapes(tmp_path):
    strings = {"KANARIE-INTERN-TITEL": "titeln"}
    (tmp_path / "a.html").write_text("<p>KANARIE&#45;INTERN&#45;TITEL</p>")
    (tmp_path / "b.json").write_text('{"t": "KANARIE\\u002dINTERN-TITEL"}')
    (tmp_path / "c.html").write_text("<p>Något annat</p>")
    assert {leak.fil for leak in scan(tmp_path, strings)} == {"a.html", "b.json"}


# --- The matcher against the obvious, slow definition -----------------------------------

word = st.sampled_from(["alfa", "beta", "gamma", "åska", "Å", "beta2"])
phrase = st.lists(word, min_size=1, max_size=4).map(" ".join)
separator = st.sampled_from([" ", "  ", "\n", ", ", "&nbsp;", " – ", "\u00ad "])


@given(
    strings=st.lists(phrase, min_size=1, max_size=8, unique=True),
    text=st.lists(st.tuples(word, separator), max_size=20).map(
        lambda parts: "".join(w + s for w, s in parts)
    ),
)
def test_the_matcher_finds_exactly_the_strings_that_occur(strings, text):
    def occurs(string: str) -> bool:
        return f" {words(normalise(string))} " in f" {words(normalise(text))} "

    assert Matcher(strings).find(text) == {s for s in strings if occurs(s)}


def test_many_strings_make_one_matcher(tmp_path):
    strings = {f"ord{i} och ord{i + 1} i följd": str(i) for i in range(5000)}
    site = site_with(tmp_path, {"a.txt": "… ORD4711 och ord4712 i följd …"})
    assert [leak.vad for leak in scan(site, strings)] == ["4711"]


def test_nested_archives_share_one_unpacking_budget(tmp_path, monkeypatch):
    import io
    import zipfile

    from styrdok.forbidden import files

    monkeypatch.setattr(files, "MAX_UNPACKED", 1024 * 1024)

    def archive(members: dict[str, bytes]) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in members.items():
                z.writestr(name, data)
        return out.getvalue()

    inner = archive({f"noll{i}.txt": bytes(300 * 1024) for i in range(3)})
    # Each inner archive stays below the limit; together they are far above it.
    (tmp_path / "bomb.docx").write_bytes(archive({f"b{i}.docx": inner for i in range(20)}))
    found = scan(tmp_path, {"HEMLIG TEXT SOM INTE FÅR SYNAS": "x"})
    assert found and all("kan inte sökas igenom" in str(leak) for leak in found)


def test_an_editor_guide_that_cannot_be_read_is_no_published_source(tmp_path):
    # A Latin-1 CONTRIBUTING.md crashed the scan; the build stops on it with a message.
    (tmp_path / "CONTRIBUTING.md").write_bytes("Redaktörer".encode("latin-1"))
    assert published_sources(tmp_path) == []
    (tmp_path / "CONTRIBUTING.md").write_text("# Redaktörer\n", encoding="utf-8")
    assert published_sources(tmp_path) == ["# Redaktörer\n"]


def test_a_list_a_published_text_shares_is_not_forbidden(project):
    # An intern text and an öppen one share a numbered list (an earlier version and the
    # current, say). Rendered, the items read on without their numbers ("… varje år.
    # Vakten …"), so a passage over two items is the öppen text's wording, not a leak.
    items = (
        "1. Koderna till inbrottslarmen förvaras i kassaskåpet på plan två i\n"
        "   stadshuset och byts varje år.\n"
        "2. Vakten på plan ett lämnar ut nyckeln mot kvitto och legitimation.\n"
    )
    add_documents(project)
    intern = project / "docs" / "anvisningar" / "kamera.md"
    intern.write_text(intern.read_text(encoding="utf-8") + "\n" + items, encoding="utf-8")
    whole = check(project).model
    over_two_items = next(p for p in passages(items) if "år. Vakten" in p)
    assert over_two_items in forbidden(whole, select(whole, "publik"))
    strings = forbidden(whole, select(whole, "publik"), [f"Ur en öppen text:\n\n{items}"])
    assert over_two_items not in strings


def _printed_pdf(body: str) -> bytes:
    """A PDF with the site's print stylesheet: page numbers in each page's foot."""
    from weasyprint import HTML

    from styrdok.adapters.pdf import PDF_VARIANT, standalone

    css = (REPO / "overrides" / "stylesheets" / "utskrift.css").read_text(encoding="utf-8")
    return HTML(string=standalone("Hela programmet", css, body)).write_pdf(pdf_variant=PDF_VARIANT)


def test_a_title_across_a_page_break_is_found_past_the_page_number(tmp_path, model):
    # The foot of a page ("1 (2)") sat between the words in the PDF's text.
    strings = strings_for(model, "publik")
    words = "".join(f"<p>{word}</p>" for word in INTERN_TITEL.split())
    for filler in range(10, 200):
        data = _printed_pdf("<p>Text.</p>" * filler + words)
        pages = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]
        if len(pages) == 2 and INTERN_TITEL.split()[0] in pages[0] and "entréer" in pages[1]:
            break
    else:
        pytest.fail("no page break inside the title")
    site = site_with(tmp_path, {"hela-programmet.pdf": data})
    assert ("hela-programmet.pdf", INTERN_TITEL) in found(site, strings)


def test_a_title_hyphenated_at_a_line_end_is_found(tmp_path, model):
    # Soft hyphens (&shy;) in a narrow column: WeasyPrint breaks "kame‐" / "ror".
    strings = strings_for(model, "publik")
    shy = INTERN_TITEL.replace("kameror", "ka&shy;me&shy;ror").replace(
        "entréer", "en&shy;tré&shy;er"
    )
    cells = "<td>xxxxxxxxxxxxxxx</td>" * 12
    data = _printed_pdf(f"<table><tr><td>{shy}</td>{cells}</tr></table>")
    text = pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "\u2010\n" in text
    site = site_with(tmp_path, {"hela-programmet.pdf": data})
    assert ("hela-programmet.pdf", INTERN_TITEL) in found(site, strings)
