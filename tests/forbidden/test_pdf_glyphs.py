"""The build's own PDF is read with WeasyPrint's glyph runs compacted (forbidden.files):
the same text as reading it as it is, and nothing compacted where a stream holds what
would make it unsafe (literal strings, inline images, comments)."""

from __future__ import annotations

from pathlib import Path

import pytest

from styrdok.forbidden import files

REPO = Path(__file__).resolve().parents[2]


def _pdf(body: str) -> bytes:
    from weasyprint import HTML

    from styrdok.adapters.pdf import PDF_VARIANT, standalone

    css = (REPO / "overrides" / "stylesheets" / "utskrift.css").read_text(encoding="utf-8")
    return HTML(string=standalone("Hela programmet", css, body)).write_pdf(pdf_variant=PDF_VARIANT)


def test_the_compacted_pdf_reads_as_the_pdf_as_it_is():
    body = "".join(
        f"<h2>Anvisning {i} om brandskydd</h2><p>Säkerhetsskydd, kränkande "
        f"<strong>åtgärder</strong> och <em>tillträdes</em>begränsning; AVA, Tv, Wa.</p>"
        f"<table><tr><td>Ägare</td><td>Stadsledningskontoret {i}</td></tr></table>"
        for i in range(60)
    )
    data = _pdf(body)
    as_it_is = files._pdf_text_of(data, files._Budget(), built=False)
    assert "Stadsledningskontoret 59" in as_it_is
    assert files._pdf_text_of(data, files._Budget(), built=True) == as_it_is


def test_zero_adjustments_between_hex_strings_are_left_out_of_tj_arrays_only():
    stream = b"BT [<0029>0<0052>40<004e>0<0058>] TJ ET [<01>0<02>] 1 d0 <0a>0<0b> Tj"
    assert files._compact_glyphs(stream) == (
        b"BT [<00290052>40<004e0058>] TJ ET [<01>0<02>] 1 d0 <0a>0<0b> Tj"
    )


@pytest.mark.parametrize(
    "stream",
    [
        b"BT [<0029>0<0052>] TJ (a>0<b) Tj ET",
        b"BI /W 1 /H 1 ID [<0029>0<0052>] TJ EI",
        b"% [<0029>0<0052>] TJ\nBT ET",
    ],
)
def test_a_stream_with_anything_but_hex_strings_is_not_compacted(stream: bytes):
    assert files._compact_glyphs(stream) is None
