"""mkdocs-macros module: the macros hand-written pages may use.

Each macro is a thin call into styrdok.pages with the publication the styrdok plugin
selected and the page being rendered, so links come out relative to that page. Macros
only render on pages with `render_macros: true` in their front matter.
"""

from __future__ import annotations

import json

from styrdok import api, pages
from styrdok.select import Publication


def define_env(env) -> None:
    def publication() -> Publication:
        plugin = env.conf["plugins"].get("styrdok")
        if plugin is None or plugin.publication is None:
            raise RuntimeError("Pluginet styrdok måste stå före macros i mkdocs.yml.")
        return plugin.publication

    def plugin():
        return env.conf["plugins"]["styrdok"]

    def here() -> str:
        return env.page.file.src_uri

    @env.macro
    def program_status() -> str:
        return pages.program_status(publication())

    @env.macro
    def program_fakta() -> str:
        return pages.program_fakta(publication())

    @env.macro
    def malomraden_lista() -> str:
        return pages.malomraden_lista(publication(), here())

    @env.macro
    def fokusomraden_lista() -> str:
        return pages.fokusomraden_lista(publication(), here())

    @env.macro
    def anvisningar_tabell(fokusomrade: str | None = None, upphavda: bool = False) -> str:
        return pages.anvisningar_tabell(publication(), here(), fokusomrade, upphavda)

    @env.macro
    def program_ansvar(vem: str) -> str:
        return pages.program_ansvar(publication(), vem)

    @env.macro
    def api_exempel(typ: str, id: str | None = None, poster: int = 1) -> str:
        """A JSON document as the API publishes it; lists are cut to `poster` entries."""
        document = api.example(publication(), plugin().urls, plugin().api_examples(), typ, id)
        text = json.dumps(
            api.shortened(document, poster), ensure_ascii=False, indent=2, sort_keys=True
        )
        return f"```json\n{text}\n```"

    @env.macro
    def forteckning() -> str:
        return pages.forteckning(publication(), here())

    @env.macro
    def organ_lista(typ: str) -> str:
        return pages.organ_lista(publication(), here(), typ)
