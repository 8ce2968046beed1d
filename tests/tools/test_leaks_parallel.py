"""The scan reads a large site on several processes and reports exactly what reading it
in one process reports: the same leaks, in the order of the files and then of the
strings."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from styrdok.tools.leaks import reading, scan

STRINGS = {
    "Rutin för larmkoder och nycklar": "titeln på en skyddad anvisning",
    "Koderna till inbrottslarmen": "ett stycke ur en skyddad anvisning",
    '"larmkoder"': "id:t för en skyddad anvisning",
    "anvisningar/larmkoder": "adressen till en skyddad anvisning",
}


def planted_site(tmp_path: Path) -> Path:
    """A site of several chunks with leaks spread over them, several in one file, one in
    a compressed file and one file that cannot be unpacked."""
    site = tmp_path / "site"
    for i in range(reading.CHUNK * 3 + 5):
        page = site / "anvisningar" / f"sida-{i:03}" / "index.html"
        page.parent.mkdir(parents=True)
        body = f"<p>Sida {i} om kameror.</p>"
        if i % 17 == 3:
            body += "<h1>RUTIN FÖR <b>LARM</b>KODER OCH NYCKLAR</h1>"
        if i % 23 == 5:
            body += '<a href="../anvisningar/larmkoder/">Koderna till inbrottslarmen</a>'
        page.write_text(body, encoding="utf-8")
    (site / "api").mkdir()
    (site / "api" / "larm.json").write_text('{"id": "larmkoder"}', encoding="utf-8")
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(b"<loc>anvisningar/larmkoder</loc>"))
    (site / "trasig.gz").write_bytes(b"\x1f\x8bnot gzip")
    return site


def test_several_processes_report_what_one_reports(tmp_path):
    site = planted_site(tmp_path)
    alone = scan(site, STRINGS, processes=1)
    assert len(alone) > 10
    assert {type(leak).__name__ for leak in alone} == {"Leak", "Unreadable"}
    assert scan(site, STRINGS, processes=2) == alone
    assert scan(site, STRINGS, processes=3) == alone


def test_the_leaks_come_in_the_order_of_the_files(tmp_path):
    leaks = scan(planted_site(tmp_path), STRINGS, processes=2)
    files = [leak.fil for leak in leaks]
    assert files == sorted(files, key=lambda fil: fil.split(":")[0])
    assert files[0] == "anvisningar/sida-003/index.html"
    # Within a file, in the order of the strings.
    both = [leak.text for leak in leaks if leak.fil == "anvisningar/sida-005/index.html"]
    assert both == ["Koderna till inbrottslarmen", "anvisningar/larmkoder"]


def test_the_heaviest_chunks_are_handed_out_first(tmp_path, monkeypatch):
    site = planted_site(tmp_path)
    # Broken, but by its weight still the heaviest chunk of the site.
    (site / "hela-programmet.pdf").write_bytes(b"%PDF-1.4 broken" + b" " * 1000)
    handed: list[str] = []
    submit = reading.ProcessPoolExecutor.submit

    def recording(self, fn, files):
        handed.append(files[0][0])
        return submit(self, fn, files)

    monkeypatch.setattr(reading.ProcessPoolExecutor, "submit", recording)
    leaks = scan(site, STRINGS, processes=2)
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    pdf_chunk_start = files.index("hela-programmet.pdf") // reading.CHUNK * reading.CHUNK
    assert handed[0] == files[pdf_chunk_start]
    assert sorted(handed) == files[:: reading.CHUNK]
    assert "hela-programmet.pdf" in {leak.fil for leak in leaks}


@pytest.mark.parametrize("processes", [1, 2])
def test_a_site_of_one_chunk_is_read_in_this_process(tmp_path, monkeypatch, processes):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>Koderna till inbrottslarmen</p>", encoding="utf-8")

    def no_pool(*args, **kwargs):
        raise AssertionError("no pool for one chunk")

    monkeypatch.setattr(reading, "ProcessPoolExecutor", no_pool)
    assert [leak.text for leak in scan(site, STRINGS, processes=processes)] == [
        "Koderna till inbrottslarmen"
    ]
