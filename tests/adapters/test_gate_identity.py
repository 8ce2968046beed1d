"""The gate made fast (issue 17) finds exactly what it found before: the same breaches,
in the same order, as the reference kept in helpers/gate_reference.py, on every page of
the repository's built site and on hostile pages; read on two processes or taken from
the preview's cache, the same again."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from styrdok.adapters import gate
from styrdok.adapters.gate import CONTENT_END, CONTENT_START, GateCache, check_tree

from helpers import gate_reference as reference

# What an editor, a broken template or an attacker could put on a page.
HOSTILE = [
    CONTENT_START,
    CONTENT_END,
    "<!-- en kommentar -->",
    "<!-->",
    "<!--->",
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href=" \tjavascript:x">x</a>',
    '<a href="vbscript:x">x</a>',
    '<a href="data:text/html,x">x</a>',
    '<a href="mailto:a@b.se">x</a>',
    '<a href="https://git.example.se/styrdok">förråd</a>',
    '<a href="//git.example.se/x">x</a>',
    '<a href="https://annan.example.se/">x</a>',
    '<a href="../">upp</a>',
    '<a href="../../../../../etc/passwd">x</a>',
    '<a href="./">här</a>',
    '<a href=".">här</a>',
    '<a href="..">upp</a>',
    '<a href="..foo">x</a>',
    '<a href="a/./b/../">x</a>',
    '<a href="b/">b</a>',
    '<a href="b">b</a>',
    '<a href="b/index.html">b</a>',
    '<a href="../b/index.html#x">b</a>',
    '<a href="finns-inte.pdf">x</a>',
    '<a href="bild%2Epng">x</a>',
    '<a href="%2F%2Fevil.example/">x</a>',
    '<a href="/">rot</a>',
    '<a href="/webb/">rot</a>',
    '<a href="/webb/b/">b</a>',
    '<a href="/webb/../x">x</a>',
    '<a href="/annan/">x</a>',
    '<a href="#rubrik">x</a>',
    '<a href="?q=1">x</a>',
    '<a href="">x</a>',
    "<a href>x</a>",
    '<img src="bild.png" srcset="bild.png 1x, ../bild.png 2x, https://evil.example/x.png 3x">',
    '<img srcset=" , ,">',
    '<img src="https://evil.example/spår.gif">',
    '<img src="bild.png" onerror="alert(1)">',
    '<p ONCLICK="x" onclick="y">x</p>',
    '<p class="md-typeset mermaid ok">x</p>',
    '<pre class="mermaid">graph</pre>',
    '<p style="color:red">x</p>',
    '<h2 id="__config">x</h2>',
    '<h2 id="rubrik">x</h2>',
    '<h2 id="a" id="b">x</h2>',
    '<base href="https://evil.example/">',
    '<meta http-equiv="Refresh" content="0;url=https://evil.example/">',
    '<meta http-equiv=refresh content="0">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<link rel="Preload Stylesheet" href="saknas.css">',
    '<link rel="canonical" href="https://evil.example/">',
    '<iframe src="../index.html"></iframe>',
    '<object data="x.swf"></object>',
    '<embed src="x.swf">',
    "<frameset><frame src=x></frameset>",
    '<form action="https://evil.example/"><button formaction="javascript:x">x</button></form>',
    '<video poster="https://evil.example/p.png"></video>',
    '<blockquote cite="https://evil.example/">x</blockquote>',
    '<table background="https://evil.example/b.png"><tr><td>x</td></tr></table>',
    '<svg><a xlink:href="javascript:x"><text>x</text></a><use href="#x"/></svg>',
    "<svg><script>alert(1)</script><foreignObject><iframe></iframe></foreignObject></svg>",
    "<math><mtext><img src=x onerror=alert(1)></mtext></math>",
    "<p><b>oavslutad <i>text",
    "<div><span>",
    "</div></p>",
    "<textarea><!-- styrdok:innehall --></textarea>",
    "<noscript><img src=x onerror=y></noscript>",
    "<template><script>x</script></template>",
    "<p>vanlig text med &amp; och &lt;</p>",
    "<ul><li>a</li><li>b</li></ul>",
    '<a href="https://intranat.example.se/webb/">x</a>',
    "<P CLASS=MD-X>x</P>",
]


def _tree(root: Path, pages: dict[str, str], others: list[str]) -> set[str]:
    for rel, html in pages.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(html, encoding="utf-8")
    for rel in others:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(b"x")
    return set(pages) | set(others)


def _pairs(breaches) -> list[tuple[str, str]]:
    # The reference has its own Breach class: compared by what they say.
    return [(b.fil, b.vad) for b in breaches]


def _same(site: Path, expected: set[str]) -> list[tuple[str, str]]:
    args = (site, expected, ("api/",), "/webb/", ["git.example.se"])
    before = _pairs(reference.check_tree(*args))
    assert _pairs(check_tree(*args, processes=1)) == before
    return before


FOLDERS = ["", "a", "b", "a/c", "a/c/d"]
OTHERS = ["bild.png", "a/bild.png", "b/index.html", "a/c/b", "stray.txt", "api/x.json"]


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    pages=st.dictionaries(
        st.sampled_from(FOLDERS),
        st.lists(st.sampled_from(HOSTILE), max_size=25),
        min_size=1,
    )
)
def test_hostile_pages_breach_exactly_as_before(tmp_path_factory, pages):
    site = tmp_path_factory.mktemp("hostile")
    html = {
        posixpath.join(folder, "index.html"): "<!doctype html><html><body>"
        + "".join(parts)
        + "</body></html>"
        for folder, parts in pages.items()
    }
    files = _tree(site, html, [f for f in OTHERS if f not in html])
    # Stray files too: the file-level breaches come first, as before.
    _same(site, files - {"stray.txt"})


def test_every_hostile_snippet_is_seen(tmp_path):
    # The test above is not vacuous: together the snippets breach in many ways.
    html = "".join(HOSTILE) + CONTENT_START + "".join(HOSTILE)
    files = _tree(tmp_path, {"a/c/index.html": html}, OTHERS)
    found = _same(tmp_path, files)
    assert len({vad for _, vad in found}) > 40


@pytest.mark.parametrize(
    ("folder", "target"),
    [
        (f, t)
        for f in ["", "a", "a/b", "a/b/c"]
        for t in [
            "x",
            "../x",
            "../../x",
            "../../../..",
            "./",
            ".",
            "..",
            "a/../../b/",
            "x/./y/..",
            "..foo",
            "...",
            "../.../x",
            "x//y",
        ]
    ],
)
def test_a_relative_address_is_resolved_as_normpath_resolves_it(folder, target):
    rules = gate._Rules(gate._Exists(frozenset()), "/", frozenset())
    (lookup,) = rules._url(True, "a", "href", target)
    assert isinstance(lookup, gate._Lookup)
    expected = posixpath.normpath(posixpath.join(folder, target))
    outside = [lookup.outside] if expected.startswith("..") else [lookup.missing]
    assert rules.looked_up(lookup, gate._bases(folder)) == outside


def test_two_processes_report_in_the_order_of_the_pages(tmp_path, monkeypatch):
    monkeypatch.setattr(gate, "CHUNK", 2)
    html = {
        f"{folder}/{i}/index.html": "".join(HOSTILE[i::7])
        for folder in ("a", "b")
        for i in range(7)
    }
    files = _tree(tmp_path, html, OTHERS)
    args = (tmp_path, files, (), "/webb/", ["git.example.se"])
    before = _pairs(reference.check_tree(*args))
    assert len(before) > 50
    assert gate._can_fork()  # so that the pages are read by two processes here
    assert _pairs(check_tree(*args, processes=2)) == before


def test_the_preview_cache_gives_what_a_fresh_gate_finds(tmp_path):
    html = {f"{f}/index.html": "".join(HOSTILE[i::5]) for i, f in enumerate(["a", "b", "c"])}
    files = _tree(tmp_path, html, OTHERS)
    args = (tmp_path, files, (), "/webb/", ["git.example.se"])
    cache = GateCache()
    assert _pairs(check_tree(*args, cache=cache)) == _pairs(reference.check_tree(*args))
    assert cache.hits == 0
    rules = cache.rules
    # A rebuild with one page changed: the others are taken from the cache.
    (tmp_path / "b/index.html").write_text(HOSTILE[7] + CONTENT_START + HOSTILE[3])
    assert _pairs(check_tree(*args, cache=cache)) == _pairs(reference.check_tree(*args))
    assert cache.hits == 2 and cache.rules is rules
    # A file less: links to it now breach, and nothing kept is trusted.
    (tmp_path / "bild.png").unlink()
    args = (tmp_path, files - {"bild.png"}, (), "/webb/", ["git.example.se"])
    assert _pairs(check_tree(*args, cache=cache)) == _pairs(reference.check_tree(*args))
    assert cache.hits == 0 and cache.rules is not rules
    # Other arguments, the same files: judged again.
    args = (tmp_path, files - {"bild.png"}, (), "/", [])
    assert _pairs(check_tree(*args, cache=cache)) == _pairs(reference.check_tree(*args))
    assert cache.hits == 0


def _pages_read_alike(site: Path, root_path: str) -> int:
    """Every page of `site` read by the reference and by the gate, with a third of the
    files missing (so that links breach) and the site's own host refused."""
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    present = frozenset(f for i, f in enumerate(files) if i % 3 or not f.endswith(".html"))
    refused = frozenset({"intranat.stockholm.se", "github.com", "git.stockholm.se"})
    exists = gate._Exists(present)
    old = reference._Rules(exists, root_path, refused)
    new = gate._Rules(exists, root_path, refused)
    breaches = 0
    for fil in (f for f in files if f.endswith(".html")):
        html = (site / fil).read_text(encoding="utf-8", errors="replace")
        before = _pairs(reference._read_page(fil, html, old))
        assert _pairs(gate._read_page(fil, html, new)) == before, fil
        breaches += len(before)
    return breaches


@pytest.mark.slow
def test_every_page_of_the_built_sites_is_read_as_before(built_site, built_publik_site, site_url):
    from urllib.parse import urlsplit

    root = urlsplit(site_url).path or "/"
    root = root if root.endswith("/") else root + "/"
    assert _pages_read_alike(built_site, root) > 100
    assert _pages_read_alike(built_publik_site, root) > 100
    assert _pages_read_alike(built_site, "/") > 100


def test_the_files_are_listed_and_reported_in_the_order_rglob_sorts_them(tmp_path):
    html = {rel: '<a href="../a-b/">x</a>' for rel in ("a/index.html", "a-b/index.html")}
    files = _tree(tmp_path, html, ["a/b", "a.b", "a-b/c/d.png", ".dold", "a/.dold/x", "Z", "ä"])
    (tmp_path / "länk").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "länk.html").symlink_to(tmp_path / "a" / "index.html")
    (tmp_path / "a" / "trasig").symlink_to(tmp_path / "finns-inte")
    listed = [
        (p.relative_to(tmp_path).as_posix(), p.is_symlink())
        for p in sorted(tmp_path.rglob("*"))
        if p.is_symlink() or p.is_file()
    ]
    assert gate._entries(tmp_path) == listed
    assert ("a-b/index.html", False) in listed and ("länk", True) in listed
    found = _same(tmp_path, files - {"Z"})
    assert ("länk", "en symbolisk länk i bygget") in found
