"""The PDF of Hela programmet: WeasyPrint's URL fetcher reads regular files inside the
built site and refuses every other address, so rendering the PDF never reaches the
network or the build machine's other files (THREATS.md, row 17)."""

from __future__ import annotations

from pathlib import Path

import pytest

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
