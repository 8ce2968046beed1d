"""The data's licence from mkdocs.yml: known licences by SPDX id or URI, other terms by
an https address, anything else refused in Swedish."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from styrdok.adapters.mkdocs_plugin import catalogue_contact, data_licence
from styrdok.views.licens import CC0, CC_BY, STANDARD, csv_mening, licens


def test_the_default_is_cc0_as_digg_recommends_for_decisions_of_authorities():
    assert licens("") is STANDARD is CC0
    assert CC0.json() == {
        "namn": "CC0 1.0 Universell (Public Domain Dedication)",
        "url": "http://creativecommons.org/publicdomain/zero/1.0/",
        "spdx": "CC0-1.0",
    }


@pytest.mark.parametrize(
    "given",
    [
        "CC-BY-4.0",
        "cc-by-4.0",
        "http://creativecommons.org/licenses/by/4.0/",
        "https://creativecommons.org/licenses/by/4.0",
    ],
)
def test_a_known_licence_is_found_by_its_spdx_id_or_any_form_of_its_uri(given):
    # One URI whatever was written: the harvester counts two spellings as two licences.
    assert licens(given) is CC_BY
    assert licens(given).url == "http://creativecommons.org/licenses/by/4.0/"


def test_other_terms_at_an_https_address_are_named_by_that_address():
    own = licens("https://start.stockholm/villkor-oppna-data")
    assert own.url == own.lasbar == "https://start.stockholm/villkor-oppna-data"
    assert own.spdx is None
    assert own.openapi() == {"name": own.namn, "url": own.url}


def test_the_openapi_licence_uses_the_spdx_id_where_there_is_one():
    assert CC0.openapi() == {"name": CC0.namn, "identifier": "CC0-1.0"}


@pytest.mark.parametrize(
    "given",
    [
        "MIT-ish",
        "http://example.se/villkor",
        "javascript:alert(1)",
        "https://example.se/a b",
        "https://example.se/(x)",
        'https://example.se/"x',
        "https://user:pw@example.se/",
    ],
)
def test_anything_else_is_refused_with_a_swedish_message(given):
    with pytest.raises(PluginError, match=r"licens i mkdocs\.yml ska vara en känd licens"):
        data_licence(given)


def test_the_csv_sentence_links_the_licence_for_readers():
    assert csv_mening(CC0) == (
        "Uppgifterna i CSV-filen får användas fritt utan villkor, också utan att ange "
        "källa: de är öppna data under [CC0 1.0 Universell (Public Domain Dedication)]"
        "(https://creativecommons.org/publicdomain/zero/1.0/deed.sv)."
    )
    assert "enligt villkoren i licensen" in csv_mening(CC_BY)


def test_the_catalogue_contact_falls_back_to_the_accessibility_address_if_it_is_mail():
    assert catalogue_contact("", "mailto:a@example.se") == "mailto:a@example.se"
    assert catalogue_contact("mailto:data@example.se", "https://x.se/") == "mailto:data@example.se"


@pytest.mark.parametrize(
    ("given", "fallback", "option"),
    [
        ("", "https://example.se/kontakt", "tillganglighet_kontakt"),
        ("https://example.se/data", "mailto:a@example.se", "katalog_kontakt"),
        ("mailto:inte en adress", "mailto:a@example.se", "katalog_kontakt"),
    ],
)
def test_the_catalogue_needs_an_e_mail_address(given, fallback, option):
    with pytest.raises(PluginError, match=rf"{option} i mkdocs\.yml"):
        catalogue_contact(given, fallback)
