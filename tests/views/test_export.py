"""The förteckning as a CSV file for Swedish Excel (views/export.py): made from the
publication, and as the real site publishes it next to the förteckning."""

from __future__ import annotations

import csv
import io
import re

from styrdok.views.export import CSV_KOLUMNER, LISTSEPARATOR, forteckning_csv, lista

from helpers import publication_of
from helpers.api import SITE, URLS

# Made from the small project ---------------------------------------------------------------


def test_csv_has_one_row_per_published_anvisning_for_swedish_excel(project):
    pub = publication_of(project)
    text = forteckning_csv(pub, URLS)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert tuple(rows[0]) == CSV_KOLUMNER
    assert [r[0] for r in rows[1:]] == [a.id for a in pub.anvisningar]
    assert "\r\n" in text
    krisledning = dict(zip(rows[0], rows[[r[0] for r in rows].index("krisledning")], strict=True))
    assert krisledning["status"] == "Gällande"
    assert krisledning["fokusomraden"] == "Bygga motståndskraft"
    assert krisledning["ersatter"] == "krisledning-gammal"


def _records(text: str) -> dict[str, dict[str, str]]:
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=";"))
    return {r["id"]: r for r in rows}


def test_the_columns_of_api_v1_keep_their_places_and_the_new_ones_come_last():
    # People's spreadsheets refer to these by position: never move or rename them.
    assert CSV_KOLUMNER[:18] == (
        "id", "titel", "status", "version", "fokusomraden", "ansvarig", "galler_for",
        "beslutsdatum", "beslutad_av", "giltig_fran", "revideras_senast", "upphavd_datum",
        "diarienummer", "ersatter", "ersatt_av", "rattslig_grund", "kontakt", "exempelinnehall",
    )  # fmt: skip


def test_csv_has_ids_and_addresses_beside_the_names(project):
    pub = publication_of(project)
    row = _records(forteckning_csv(pub, URLS))["krisledning"]
    a = pub.model.anvisning_med_id("krisledning")
    assert row["url"] == SITE + "anvisningar/krisledning/"
    assert row["json_url"] == SITE + "api/v1/anvisningar/krisledning.json"
    assert row["giltighet"] == pub.giltighet(a).tillstand.value
    assert row["fokusomraden_id"] == LISTSEPARATOR.join(a.fokusomraden)
    assert row["ansvarig_id"] == a.ansvarig == "kommunstyrelsen"
    assert row["beslutad_av_id"] == (a.beslutad_av or "")
    assert row["galler_for_alla"] == ("ja" if a.galler_for.alla else "nej")
    assert row["rattslig_grund_id"] == LISTSEPARATOR.join(a.rattslig_grund)
    assert row["rattslig_grund_sfs"] == "2006:544"


def test_every_list_cell_has_one_separator_and_splits_back_into_its_values(project):
    doc = project / "docs" / "anvisningar" / "krisledning.md"
    doc.write_text(
        doc.read_text().replace("fokusomraden:\n", "fokusomraden:\n  - forebygga-brott\n", 1)
    )
    fokus = project / "data" / "fokusomraden.yml"
    fokus.write_text(
        fokus.read_text().replace("namn: Förebygga brott", "namn: Brott, | och \\\\ annat")
    )
    pub = publication_of(project)
    row = _records(forteckning_csv(pub, URLS))["krisledning"]
    names = [
        f.namn
        for f in map(
            pub.model.fokusomrade_med_id, pub.model.anvisning_med_id("krisledning").fokusomraden
        )
    ]
    assert len(names) == 2 and any("|" in n and "\\" in n for n in names)
    assert row["fokusomraden"] == lista(names)
    split = [
        v.replace("\\|", "|").replace("\\\\", "\\")
        for v in re.split(r"(?<!\\) \| ", row["fokusomraden"])
    ]
    assert split == names
    assert "; " not in row["rattslig_grund"] and ", " not in row["fokusomraden_id"]


def test_csv_cells_cannot_become_formulas(project):
    doc = project / "docs" / "anvisningar" / "krisledning.md"
    doc.write_text(
        doc.read_text().replace("titel: Anvisning för krisledning", 'titel: "=HYPERLINK(1)"')
    )
    text = forteckning_csv(publication_of(project), URLS)
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
