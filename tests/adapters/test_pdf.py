"""The PDF of Hela programmet: WeasyPrint's URL fetcher reads regular files inside the
built site and refuses every other address, so rendering the PDF never reaches the
network or the build machine's other files (THREATS.md, row 17); what WeasyPrint cannot
do is a Swedish message (row 22)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from styrdok.adapters import pdf
from styrdok.adapters.pdf import _fetcher


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "bilder").mkdir(parents=True)
    (site / "bilder" / "karta.png").write_bytes(b"png")
    (tmp_path / "hemlig.txt").write_text("utanför webbplatsen")
    return site


def test_a_file_inside_the_site_is_read(site: Path):
    url = (site / "bilder" / "karta.png").as_uri()
    assert _fetcher(site).fetch(url).read() == b"png"


@pytest.mark.parametrize(
    "address",
    [
        "http://127.0.0.1:9/bild.png",
        "https://example.invalid/bild.png",
        "ftp://example.invalid/bild.png",
        "data:image/png;base64,cG5n",
        "file://example.invalid{site}/bilder/karta.png",
        "file://{outside}",
        "file://{site}/../hemlig.txt",
        "file://{site}/bilder/finns-inte.png",
        "file://{site}/bilder",
        "file:///etc/passwd",
    ],
)
def test_every_other_address_is_refused(site: Path, address: str):
    url = address.format(site=site.as_posix(), outside=(site.parent / "hemlig.txt").as_posix())
    with pytest.raises(ValueError):
        _fetcher(site).fetch(url)


def test_a_symbolic_link_out_of_the_site_is_refused(site: Path):
    (site / "bilder" / "lank.png").symlink_to(site.parent / "hemlig.txt")
    with pytest.raises(ValueError, match="finns inte i webbplatsen"):
        _fetcher(site).fetch((site / "bilder" / "lank.png").as_uri())


def test_nesting_weasyprint_cannot_lay_out_is_a_message_not_a_traceback(tmp_path):
    html = pdf.standalone("T", "", "<div>" * 2000 + "x" + "</div>" * 2000)
    with pytest.raises(PluginError, match="PDF:en av hela programmet kunde inte skapas"):
        pdf.write(html, tmp_path, tmp_path / "x.pdf")


def test_files_outside_the_site_and_other_hosts_are_not_read(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (tmp_path / "hemlig.png").write_bytes(b"\x89PNG hemlig")
    (site / "lank").symlink_to(tmp_path)
    fetcher = pdf._fetcher(site)
    for url in (
        (tmp_path / "hemlig.png").as_uri(),
        (site / "lank" / "hemlig.png").as_uri(),
        site.as_uri() + "/../hemlig.png",
        "file://evil.example/etc/passwd",
        "http://127.0.0.1/",
        "data:image/png;base64,iVBORw0KGgo=",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


# The alarm may go off in one of WeasyPrint's finalisers, where it is ignored (and
# repeated: adapters/test_guard.py).
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_pdf_that_takes_too_long_stops_with_a_message(tmp_path):
    # WeasyPrint lays out about 100 kB of table cells in 4 s; a megabyte of table in
    # each of a few öppna anvisningar held the build for an hour.
    table = "<table>" + ("<tr>" + "<td>c</td>" * 20 + "</tr>") * 500 + "</table>"
    with pytest.raises(PluginError, match=r"tog mer än 0\.2 sekunder"):
        pdf.write(pdf.standalone("T", "", table), tmp_path, tmp_path / "x.pdf", seconds=0.2)
    assert not (tmp_path / "x.pdf").exists()
