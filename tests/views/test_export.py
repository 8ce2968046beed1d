"""The förteckning as a CSV file for Swedish Excel (views/export.py): made from the
publication, and as the real site publishes it next to the förteckning."""

from __future__ import annotations

import csv
import io

from styrdok.views.export import CSV_KOLUMNER, forteckning_csv

from helpers import publication_of

# Made from the small project ---------------------------------------------------------------


def test_csv_has_one_row_per_published_anvisning_for_swedish_excel(project):
    pub = publication_of(project)
    text = forteckning_csv(pub)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert tuple(rows[0]) == CSV_KOLUMNER
    assert [r[0] for r in rows[1:]] == [a.id for a in pub.anvisningar]
    assert "\r\n" in text
    krisledning = dict(zip(rows[0], rows[[r[0] for r in rows].index("krisledning")], strict=True))
    assert krisledning["status"] == "Gällande"
    assert krisledning["fokusomraden"] == "Bygga motståndskraft"
    assert krisledning["ersatter"] == "krisledning-gammal"


def test_csv_cells_cannot_become_formulas(project):
    doc = project / "docs" / "anvisningar" / "krisledning.md"
    doc.write_text(
        doc.read_text().replace("titel: Anvisning för krisledning", 'titel: "=HYPERLINK(1)"')
    )
    text = forteckning_csv(publication_of(project))
    assert ";'=HYPERLINK(1);" in text


# In the real built site (slow: they read built_site) ----------------------------------------


def test_csv_download_has_one_row_per_published_anvisning(built_site, repo_publication):
    raw = (built_site / "anvisningar" / "forteckning.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == len(repo_publication.anvisningar) + 1
    html = (built_site / "anvisningar" / "index.html").read_text()
    assert 'href="forteckning.csv"' in html and "download" in html


def test_the_csv_has_one_row_per_anvisning_in_the_same_order(api_index, site_file, api_anvisningar):
    raw = site_file(api_index["csv"]).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "no UTF-8 BOM"
    assert raw.endswith(b"\r\n")
    text = raw.decode("utf-8").removeprefix("\ufeff")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert all(len(row) == len(header) for row in body)
    records = [dict(zip(header, row, strict=True)) for row in body]
    assert [r["id"] for r in records] == [a["id"] for a in api_anvisningar]
    assert [r["titel"] for r in records] == [a["titel"] for a in api_anvisningar]
