"""The theme's toggles lose the attribute HTML does not allow, and a theme that writes
them differently stops the build instead of passing unnoticed."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from styrdok.adapters.theme_markup import REPLACEMENTS, valid_toggles

MATERIAL = "<body>\n" + "\n".join(theirs for theirs, _ in REPLACEMENTS) + "\n<label></label>"


def test_the_toggles_keep_everything_but_autocomplete():
    html = valid_toggles(MATERIAL, "begrepp/index.html")
    assert "autocomplete" not in html
    assert html.count('type="checkbox"') == 2
    assert 'id="__drawer"' in html and 'id="__search"' in html


def test_markup_the_theme_no_longer_writes_stops_the_build_naming_the_page():
    changed = MATERIAL.replace('autocomplete="off"', 'autocomplete="on"', 1)
    with pytest.raises(PluginError, match=r"begrepp/index\.html.*0 gånger.*Material"):
        valid_toggles(changed, "begrepp/index.html")


def test_a_toggle_written_twice_stops_the_build():
    with pytest.raises(PluginError, match="2 gånger"):
        valid_toggles(MATERIAL + MATERIAL, "404.html")
