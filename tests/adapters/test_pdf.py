"""The PDF writer: what WeasyPrint cannot do is a Swedish message, and it reads nothing
from outside the built site."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from styrdok.adapters import pdf


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
