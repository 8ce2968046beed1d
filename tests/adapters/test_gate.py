"""The gate after the build (adapters/gate.py), on a hand-made tree. On real builds of an
attacked project: site/test_trust_boundary.py (THREATS.md, 8)."""

from __future__ import annotations

from styrdok.adapters.gate import CONTENT_END, CONTENT_START, check_tree


def test_the_gate_finds_a_link_to_a_file_the_tree_does_not_contain(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/">ok</a><img src="finns-inte.png">')
    (tmp_path / "a" / "index.html").write_text(
        f'<!doctype html><html><body>{CONTENT_START}<p onclick="x">x</p><script>1</script>'
        f'<h2 id="__config">x</h2><!-->{CONTENT_END}'
        '<iframe src="../index.html"></iframe><a href="javascript:x">x</a></body></html>'
    )
    (tmp_path / "stray.pdf").write_text("x")
    found = [b.vad for b in check_tree(tmp_path, {"index.html", "a/index.html"})]
    assert any("finns-inte.png" in f for f in found)
    assert any("händelseattributet onclick" in f for f in found)
    assert any("<script> finns i innehållet" in f for f in found)
    assert any("<iframe>" in f for f in found)
    assert any("javascript:" in f for f in found)
    assert any("kommer inte från publikationen" in f for f in found)
    assert any("__config" in f for f in found)
    assert any("HTML-kommentar" in f for f in found)


def test_the_gate_refuses_the_git_host_in_the_theme_but_not_in_the_content(tmp_path):
    # The public site's header and edit pen went to the internal Git host (issue 14).
    (tmp_path / "index.html").write_text(
        '<a href="https://GIT.example.se/styrdok" class="md-source">förråd</a>'
        '<a href="//git.example.se/styrdok/edit/main/docs/index.md">redigera</a>'
        f"{CONTENT_START}<a href='https://git.example.se/en-länk-i-texten'>x</a>{CONTENT_END}"
        '<a href="https://annan.example.se/">annan</a>'
    )
    found = [b.vad for b in check_tree(tmp_path, {"index.html"}, refused_hosts=["git.example.se"])]
    assert (
        found
        == ["<a> länkar till Git-tjänsten git.example.se, som webbplatsen inte får länka till"] * 2
    )
    assert check_tree(tmp_path, {"index.html"}) == []


def test_the_same_element_is_judged_for_each_page_folder_and_place(tmp_path):
    # The gate decides each distinct element once (_Rules): what it finds must still
    # depend on the page's folder (a relative address) and on being in the content.
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.html").write_text(
            '<img src="bild.png">'
            f'<span class="md-typeset">tema</span>{CONTENT_START}'
            f'<span class="md-typeset">text</span>{CONTENT_END}'
        )
    (tmp_path / "a" / "bild.png").write_bytes(b"png")
    files = {"a/index.html", "b/index.html", "a/bild.png"}
    found = [(b.fil, b.vad) for b in check_tree(tmp_path, files)]
    assert sorted(found) == [
        ("a/index.html", "klassen md-typeset på <span> styr temats skript"),
        ("b/index.html", "klassen md-typeset på <span> styr temats skript"),
        ("b/index.html", "länken 'bild.png' i src på <img> går till en fil som inte publiceras"),
    ]
