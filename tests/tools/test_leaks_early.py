"""The scan while MkDocs writes (`tools/leaks/early.py`) and the scan after it that reuses
what it read (`reading.scan_again`): whatever happened to the files in between, the
result is exactly `scan` of the final tree."""

from __future__ import annotations

import gzip
import os
import time
from pathlib import Path

import pytest

from styrdok.tools.leaks import early, reading, scan
from styrdok.tools.leaks.early import EarlyScan
from styrdok.tools.leaks.reading import Scanned, scan_again
from styrdok.tools.publish import write_manifest

STRINGS = {
    "Rutin för larmkoder och nycklar": "titeln på en skyddad anvisning",
    "Koderna till inbrottslarmen": "ett stycke ur en skyddad anvisning",
    '"larmkoder"': "id:t för en skyddad anvisning",
    "anvisningar/larmkoder": "adressen till en skyddad anvisning",
}
TITLE = "<h1>Rutin för larmkoder och nycklar</h1>"
PASSAGE = "<p>Koderna till inbrottslarmen byts varje år.</p>"


@pytest.fixture(autouse=True)
def at_once(monkeypatch):
    # A file is read as soon as it is seen: the tests write and rewrite within a second.
    monkeypatch.setattr(early, "SETTLE_NS", 0)
    monkeypatch.setattr(early, "LOOK_SECONDS", 0)


def write(site: Path, fil: str, text: str | bytes) -> None:
    path = site / fil
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)


def read_early(scanner: EarlyScan, files: set[str]) -> None:
    """Step the early scan until it has read at least `files` (it runs in a worker)."""
    deadline = time.monotonic() + 60
    while not files <= set(scanner.scanned):
        assert time.monotonic() < deadline, sorted(files - set(scanner.scanned))
        scanner.step()
        time.sleep(0.01)


def final(site: Path, scanner: EarlyScan, monkeypatch) -> tuple[list, list[str]]:
    """The scan after the build, as `styrdok bygg` runs it, and the files it read itself."""
    listed = write_manifest(site, "publik", 0)
    earlier = scanner.finish()
    read_now: list[str] = []
    leaks_of = reading.Reader.leaks_of

    def counting(self, fil, name, data):
        read_now.append(fil)
        return leaks_of(self, fil, name, data)

    monkeypatch.setattr(reading.Reader, "leaks_of", counting)
    found = scan_again(site, STRINGS, earlier, {e.path: e.sha256 for e in listed}, processes=1)
    monkeypatch.setattr(reading.Reader, "leaks_of", leaks_of)
    return found, read_now


def test_files_appearing_rewritten_and_deleted_give_exactly_the_scan_of_the_final_tree(
    tmp_path, monkeypatch
):
    site = tmp_path / "site"
    site.mkdir()
    page = "<html><body><p>Kameror vid entréer.</p>" + PASSAGE + "</body></html>"
    with EarlyScan(site, STRINGS) as scanner:
        write(site, "index.html", "<p>Startsida</p>")
        write(site, "a/index.html", TITLE)
        write(site, "halv/index.html", page[: len(page) // 2])  # half written: no leak yet
        write(site, "borta/index.html", TITLE)
        write(site, "andras/index.html", PASSAGE)
        write(site, "sitemap.xml.gz", gzip.compress(b"<loc>anvisningar/larmkoder</loc>"))
        write(site, "trasig.gz", b"\x1f\x8bnot gzip")
        os.symlink("a/index.html", site / "lank.html")
        os.symlink("a", site / "mapplank")  # not followed, by the scan or the early one
        read_early(scanner, {"index.html", "a/index.html", "halv/index.html", "andras/index.html"})
        read_early(scanner, {"borta/index.html", "sitemap.xml.gz", "trasig.gz", "lank.html"})
        assert not scanner.scanned["halv/index.html"].leaks
        # After the early scan read them: one written to the end, one rewritten without
        # its leak, one deleted, one added, a link pointed elsewhere.
        write(site, "halv/index.html", page)
        write(site, "andras/index.html", "<p>Inget hemligt längre.</p>")
        (site / "borta/index.html").unlink()
        (site / "borta").rmdir()
        write(site, "ny/index.html", '{"id": "larmkoder"}')
        (site / "lank.html").unlink()
        os.symlink("index.html", site / "lank.html")
        found, read_now = final(site, scanner, monkeypatch)
    assert found == scan(site, STRINGS, processes=1)
    assert {type(leak).__name__ for leak in found} == {"Leak", "Unreadable"}
    # Read again: what changed or appeared, and the manifests; nothing else.
    assert sorted(read_now) == [
        "MANIFEST.json",
        "SHA256SUMS",
        "andras/index.html",
        "halv/index.html",
        "lank.html",
        "ny/index.html",
    ]


def test_a_leak_written_late_is_found_and_one_removed_late_is_not_reported(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    with EarlyScan(site, STRINGS) as scanner:
        write(site, "sen/index.html", "<p>Kameror</p>")
        write(site, "rensad/index.html", TITLE)
        read_early(scanner, {"sen/index.html", "rensad/index.html"})
        assert scanner.scanned["rensad/index.html"].leaks
        write(site, "sen/index.html", TITLE)
        # As many bytes, other bytes: only the hash tells them apart.
        write(site, "rensad/index.html", b"x" * len(TITLE.encode("utf-8")))
        found, _ = final(site, scanner, monkeypatch)
    assert [(leak.fil, leak.text) for leak in found] == [
        ("sen/index.html", "Rutin för larmkoder och nycklar")
    ]


def test_an_earlier_result_counts_only_for_the_same_bytes(tmp_path):
    site = tmp_path / "site"
    write(site, "a.html", TITLE)
    write(site, "b.html", "<p>Inget</p>")
    invented = reading.Leak("b.html", "påhittad", "påhittad")
    earlier = {
        "a.html": Scanned("0" * 64, ()),  # another file's bytes: read again
        "b.html": Scanned("1" * 64, (invented,)),
        "borta.html": Scanned("2" * 64, (invented,)),  # no longer there: dropped
    }
    hashes = {"a.html": "f" * 64, "b.html": "1" * 64, "borta.html": "2" * 64}
    found = scan_again(site, STRINGS, earlier, hashes, processes=1)
    # b.html's result is reused because its hash is the one read: the trust is the hash's.
    fresh = [leak for leak in scan(site, STRINGS, processes=1) if leak.fil == "a.html"]
    assert fresh
    assert found == [*fresh, invented]


def test_the_final_pass_reads_on_several_processes_in_the_order_of_the_files(tmp_path):
    site = tmp_path / "site"
    for i in range(reading.CHUNK * 3):
        write(site, f"sida-{i:03}/index.html", TITLE if i % 7 == 2 else "<p>Kameror</p>")
    earlier = {}
    hashes = {}
    assert scan_again(site, STRINGS, earlier, hashes, processes=2) == scan(
        site, STRINGS, processes=1
    )


def test_an_early_scan_that_fails_leaves_everything_to_the_final_pass(tmp_path, monkeypatch):
    site = tmp_path / "site"
    write(site, "a.html", TITLE)

    def broken(*args, **kwargs):
        raise OSError("inga processer kvar")

    monkeypatch.setattr(early.multiprocessing, "Pool", broken)
    with EarlyScan(site, STRINGS) as scanner:
        scanner.step()  # no exception: the early scan just stops
        scanner.step()
        assert scanner.finish() == {}
    assert scan_again(site, STRINGS, {}, {}, processes=1) == scan(site, STRINGS, processes=1)


def test_files_that_vanish_or_fail_in_the_worker_are_left_out(tmp_path, monkeypatch):
    site = tmp_path / "site"
    write(site, "a.html", TITLE)
    write(site, "b.html", "<p>Kameror</p>")
    monkeypatch.setattr(early, "_reader", reading.Reader.of(STRINGS))
    batch = [("a.html", site / "a.html"), ("borta.html", site / "borta.html")]
    result = dict(early._scan_batch([*batch, ("b.html", site / "b.html")]))
    assert set(result) == {"a.html", "b.html"}
    assert result["a.html"].leaks == tuple(scan(site, STRINGS, processes=1))
    assert result["b.html"].leaks == ()


def test_the_pdf_is_read_before_the_files_that_wait(tmp_path):
    site = tmp_path / "site"
    for i in range(reading.CHUNK * 3):
        write(site, f"sida-{i:03}.html", "<p>Kameror</p>")
    scanner = EarlyScan(site, STRINGS)
    scanner._look()
    write(site, "hela-programmet.pdf", b"%PDF-1.4 trasig")
    scanner._look()
    assert scanner._waiting[0][0] == "hela-programmet.pdf"
    scanner.close()


def test_closing_stops_the_worker(tmp_path):
    site = tmp_path / "site"
    write(site, "a.html", TITLE)
    scanner = EarlyScan(site, STRINGS)
    scanner.step()
    pool = scanner._pool
    assert pool is not None
    workers = list(pool._pool)
    scanner.close()
    assert all(not worker.is_alive() for worker in workers)
    assert scanner.finish() == scanner.scanned
