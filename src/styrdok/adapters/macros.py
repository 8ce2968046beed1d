"""The macros hand-written pages may call, as {{ name(arguments) }}.

Developer code, reviewed like code. Only the pages listed under `makrosidor` in
mkdocs.yml are rendered, in a sandbox that knows nothing but these functions
(styrdok.templating). Each macro is a thin call into styrdok.pages with the publication
the styrdok plugin selected and the page being rendered (`here`, below docs/), so links
come out relative to that page.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from styrdok.core.load import MAX_FILE_BYTES
from styrdok.views import api, pages

# The one file outside docs/ shown on the site: the editor guide, at a fixed path.
REDAKTORSGUIDE = "CONTRIBUTING.md"


def macros(plugin, here: str) -> dict[str, Callable[..., str]]:
    publication = plugin.publication

    def program_status() -> str:
        return pages.program_status(publication)

    def program_fakta() -> str:
        return pages.program_fakta(publication)

    def malomraden_lista() -> str:
        return pages.malomraden_lista(publication, here)

    def fokusomraden_lista() -> str:
        return pages.fokusomraden_lista(publication, here)

    def anvisningar_tabell(fokusomrade: str | None = None, upphavda: bool = False) -> str:
        return pages.anvisningar_tabell(publication, here, fokusomrade, upphavda)

    def program_ansvar(vem: str) -> str:
        return pages.program_ansvar(publication, vem)

    def api_exempel(typ: str, id: str | None = None, poster: int = 1) -> str:
        """A JSON document as the API publishes it; lists are cut to `poster` entries."""
        document = api.example(publication, plugin.urls, plugin.api_examples(), typ, id)
        text = json.dumps(
            api.shortened(document, poster), ensure_ascii=False, indent=2, sort_keys=True
        )
        return f"```json\n{text}\n```"

    def forteckning() -> str:
        return pages.forteckning(publication, here)

    def organ_lista(typ: str) -> str:
        return pages.organ_lista(publication, here, typ)

    def redaktorsguide() -> str:
        """CONTRIBUTING.md from the repository root (the editor guide), as Markdown."""
        path = Path(plugin.project.root) / REDAKTORSGUIDE
        # A link could point anywhere on the build machine; only the file itself is shown.
        if path.is_symlink() or not path.is_file():
            raise ValueError(f"{REDAKTORSGUIDE} ska vara en vanlig fil i förrådets rot")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ValueError(f"{REDAKTORSGUIDE} är större än {MAX_FILE_BYTES} byte")
        try:
            return path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise ValueError(f"{REDAKTORSGUIDE} är inte sparad som UTF-8") from None

    return {
        "program_status": program_status,
        "program_fakta": program_fakta,
        "malomraden_lista": malomraden_lista,
        "fokusomraden_lista": fokusomraden_lista,
        "anvisningar_tabell": anvisningar_tabell,
        "program_ansvar": program_ansvar,
        "api_exempel": api_exempel,
        "forteckning": forteckning,
        "organ_lista": organ_lista,
        "redaktorsguide": redaktorsguide,
    }
