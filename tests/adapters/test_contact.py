"""The reporting address of the tillgänglighetsredogörelse (`tillganglighet_kontakt` in
mkdocs.yml): a mailbox or an https: address, anything else refused in Swedish
(THREATS.md, row 21)."""

from __future__ import annotations

import pytest

from styrdok.adapters.contact import reporting_address


@pytest.mark.parametrize(
    "given",
    ["mailto:tillganglighet@stockholm.se", "https://start.stockholm/synpunkter/", " https://a.se "],
)
def test_a_mailbox_or_an_https_address_is_accepted(given):
    assert reporting_address(given) == given.strip()


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("", "saknas"),
        ("javascript:alert(1)", "ska vara mailto:"),
        ("http://a.se/", "ska vara mailto:"),
        ("data:text/html,x", "ska vara mailto:"),
        ("mailto:", "ska vara mailto:"),
        ("mailto:a@b.se?subject=x", "ska vara mailto:"),
        ("mailto:a@b.se,c@d.se", "ska vara mailto:"),
        ("https://user:pw@a.se/", "ska vara mailto:"),
        ("https:///utan-vard", "ska vara mailto:"),
        ('https://a.se/"onmouseover=x', "citattecken"),
        ("https://a.se/\nx", "citattecken"),
        ("tillganglighet@stockholm.se", "ska vara mailto:"),
    ],
)
def test_anything_else_is_refused_in_swedish(given, said):
    with pytest.raises(ValueError, match=said):
        reporting_address(given)
