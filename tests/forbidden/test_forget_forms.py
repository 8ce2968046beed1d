"""The leak check's remembered forms are dropped once a build has checked its source
(a few hundred megabytes at thousands of anvisningar), and kept by the preview."""

from __future__ import annotations

from pathlib import Path

import pytest

from styrdok.adapters.mkdocs_plugin import StyrdokPlugin
from styrdok.adapters.preview_cache import PreviewCaches
from styrdok.core.project import Project
from styrdok.forbidden import sources, strings

REMEMBERED = (
    strings.plain,
    strings._passages,
    strings.published_word_forms,
    strings.rendered_word_form,
    sources._remembered_forms,
)
REPO = Path(__file__).resolve().parents[2]


def remembered() -> int:
    return sum(cache.cache_info().currsize for cache in REMEMBERED)


def test_forget_forms_empties_every_cache_of_forms() -> None:
    strings.published_word_forms("Ett **hot** mot [verksamheten](x.md).")
    strings.plain("- en rad")
    list(strings.passages("ett två tre fyra fem sex sju åtta nio tio elva tolv"))
    sources._remembered_forms(("en rad", "en till"))
    assert remembered() > 0
    sources.forget_forms()
    assert remembered() == 0


@pytest.mark.parametrize("preview", [False, True])
def test_a_build_forgets_them_after_its_check_and_the_preview_keeps_them(preview: bool) -> None:
    plugin = StyrdokPlugin()
    plugin.load_config({})
    plugin.preview = PreviewCaches.new() if preview else None
    plugin._checked_model(Project.at(REPO), None)
    assert (remembered() > 0) is preview


def test_the_plugin_leaves_the_sources_leaks_to_styrdok_bygg_when_told(monkeypatch) -> None:
    """`styrdok bygg` sets STYRDOK_KALLANS_LACKOR=false and looks for them itself while
    MkDocs builds; `mkdocs build` looks for them in the plugin."""
    from styrdok.forbidden import check

    asked: list[bool] = []
    monkeypatch.setattr(check, "check_leaks", lambda *args: asked.append(True) or [])
    for kallans_lackor in (True, False):
        asked.clear()
        plugin = StyrdokPlugin()
        plugin.load_config({"kallans_lackor": kallans_lackor})
        plugin._checked_model(Project.at(REPO), None)
        assert asked == ([True] if kallans_lackor else [])
