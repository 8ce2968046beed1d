"""Material's markup that no template override can reach, made valid HTML after rendering.

Material 9.8.2 writes the drawer's and the search's toggles straight into base.html,
outside any block, with autocomplete="off" (which HTML allows on no checkbox; it is
there so a browser restoring form state does not reopen the drawer or search: the theme's
javascripts/paneler.js closes them instead). Overriding base.html for two attributes
would mean keeping a copy of the theme's whole page, so the exact markup is replaced
here, and a build whose theme no longer writes it stops, so an upgrade is noticed
(overrides/README.md lists this with the template overrides).
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

# Material's markup and what it becomes; each must occur exactly once on every page.
REPLACEMENTS: tuple[tuple[str, str], ...] = tuple(
    (
        f'<input class="md-toggle" data-md-toggle="{toggle}" type="checkbox" id="__{toggle}" '
        'autocomplete="off">',
        f'<input class="md-toggle" data-md-toggle="{toggle}" type="checkbox" id="__{toggle}">',
    )
    for toggle in ("drawer", "search")
)


def valid_toggles(html: str, fil: str) -> str:
    """Page `html` (the built file `fil`) without the invalid attributes on the toggles."""
    for theirs, ours in REPLACEMENTS:
        found = html.count(theirs)
        if found != 1:
            raise PluginError(
                f"styrdok: {fil}: temat skrev inte reglaget som väntat ({found} gånger i "
                f"stället för en: {theirs}). Har Material uppdaterats? Se över "
                "src/styrdok/adapters/theme_markup.py och overrides/README.md."
            )
        html = html.replace(theirs, ours)
    return html
