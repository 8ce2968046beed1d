"""The macros hand-written pages may call, as {{ name(arguments) }}.

Developer code, reviewed like code. Only the pages listed under `makrosidor` in
mkdocs.yml are rendered, in a sandbox that knows nothing but these functions
(styrdok.adapters.templating). Each macro is a thin call into styrdok.views.fragments with the publication
the styrdok plugin selected and the page being rendered (`here`, below docs/), so links
come out relative to that page.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from styrdok.core.reading.guide import read_guide
from styrdok.views import fragments

# The names pages may call; each is a method of Macros below.
NAMES = (
    "program_status",
    "program_fakta",
    "malomraden_lista",
    "fokusomraden_lista",
    "anvisningar_tabell",
    "program_ansvar",
    "api_exempel",
    "forteckning",
    "organ_lista",
    "redaktorsguide",
    "indikatorer_kon",
)


def macros(plugin: Any, here: str) -> dict[str, Callable[..., str]]:
    """The macros for page `here`, bound to the publication the plugin selected."""
    bound = Macros(plugin, here)
    return {name: getattr(bound, name) for name in NAMES}


class Macros:
    def __init__(self, plugin: Any, here: str) -> None:
        self.plugin = plugin
        self.pub = plugin.publication
        self.here = here

    def program_status(self) -> str:
        return fragments.program_status(self.pub)

    def program_fakta(self) -> str:
        return fragments.program_fakta(self.pub)

    def malomraden_lista(self) -> str:
        return fragments.malomraden_lista(self.pub, self.here)

    def fokusomraden_lista(self) -> str:
        return fragments.fokusomraden_lista(self.pub, self.here)

    def anvisningar_tabell(self, fokusomrade: str | None = None, upphavda: bool = False) -> str:
        return fragments.anvisningar_tabell(self.pub, self.here, fokusomrade, upphavda)

    def program_ansvar(self, vem: str) -> str:
        return fragments.program_ansvar(self.pub, vem)

    def api_exempel(self, typ: str, id: str | None = None, poster: int = 1) -> str:
        """A JSON document as the API publishes it; lists are cut to `poster` entries."""
        document = self.plugin.api_dokument().exempel(typ, id, poster)
        text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)
        return f"```json\n{text}\n```"

    def forteckning(self) -> str:
        return fragments.forteckning(self.pub, self.here, self.plugin.licens)

    def organ_lista(self, typ: str) -> str:
        return fragments.organ_lista(self.pub, self.here, typ)

    def indikatorer_kon(self) -> str:
        return fragments.indikatorer_kon(self.pub, self.here)

    def redaktorsguide(self) -> str:
        """CONTRIBUTING.md from the repository root (the editor guide), as Markdown."""
        return read_guide(Path(self.plugin.project.root))
