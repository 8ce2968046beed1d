"""Which files below docs/ may exist: pages to load, other files, and what is refused.

Nothing below docs/ is published unless it is a page or an attachment a document
declares, so every entry is sorted into one of those or refused with a rule code.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from styrdok.core.kinds import ENTRY_FOLDERS, is_version_page
from styrdok.core.limits import MAX_VERSIONS

# What MkDocs would render as Markdown (utils.markdown_extensions), in any case: only
# the lower-case .md is a page here, so nothing can be rendered that the loader skipped.
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn"})
PAGE_PATH = re.compile(r"([a-z0-9][a-z0-9_-]*/)*[a-z0-9][a-z0-9_-]*\.md")
ENTRY_PREFIXES = tuple(f"{folder}/" for folder in ENTRY_FOLDERS)
# The API's folders on the site (api/v1/, a later api/v2/): the build writes them, and
# the gate lets anything below them through as the API's, so nothing from docs/ may be
# published there.
API_FOLDER = re.compile(r"api/v[0-9]+/")


@dataclass
class Inventory:
    """Everything below docs/: pages to load, other files, and entries that are refused."""

    pages: list[Path] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    sizes: dict[str, int] = field(default_factory=dict)
    refused: list[tuple[Path, str, dict[str, str]]] = field(default_factory=list)

    def add(self, path: Path, rel: str) -> None:
        """Sort one file (`rel` is its path below docs/) into pages, files or refused."""
        if path.is_symlink():
            self.refused.append((path, "symbolisk-lank", {"namn": rel}))
            return
        if path.name.startswith(".") or not path.is_file():
            return
        refusal = misnamed(path, rel)
        if refusal is not None:
            self.refused.append((path, *refusal))
        elif path.suffix == ".md":
            self.pages.append(path)
        else:
            self.files.append(rel)
            self.sizes[rel] = path.stat().st_size


def misnamed(path: Path, rel: str) -> tuple[str, dict[str, str]] | None:
    """The rule a file breaks by its name and folder alone, with its values, or None."""
    api = API_FOLDER.match(rel)
    if api is not None:
        # Consumers take what is there for the API; a page would even answer for the
        # folder's own address (the catalogue record's endpoint).
        return "i-api-mappen", {"namn": rel, "mapp": f"docs/{api.group()}"}
    if path.suffix == ".md" and not PAGE_PATH.fullmatch(rel):
        # The path becomes the page's address and its edit link: plain words only.
        return "ogiltigt-filnamn", {"namn": rel}
    if (
        path.suffix == ".md"
        and rel.count("/") > 1
        and rel.startswith(ENTRY_PREFIXES)
        and not is_version_page(rel)
    ):
        # An entry's folder holds its attachments and its kept earlier versions; any
        # other page there would be published under an address that names the entry.
        return "sida-i-bilagemapp", {"namn": rel}
    if path.suffix != ".md" and path.suffix.lower() in MARKDOWN_SUFFIXES:
        return "fel-filandelse", {"namn": rel, "andelse": path.suffix}
    return None


def inventory(docs_dir: Path) -> Inventory:
    """Walk docs/ without following symbolic links: every entry is a page, another file
    (an attachment if a document declares it), or refused with a rule code.

    Hidden files and folders (.DS_Store, .git) are skipped: nothing publishes them."""
    found = Inventory()
    if not docs_dir.is_dir():
        return found
    for folder, subfolders, names in os.walk(docs_dir, followlinks=False):
        base = Path(folder)
        for name in sorted(subfolders):
            if (base / name).is_symlink():
                found.refused.append((base / name, "symbolisk-lank", {"namn": name}))
        subfolders[:] = sorted(
            n for n in subfolders if not n.startswith(".") and not (base / n).is_symlink()
        )
        for name in sorted(names):
            path = base / name
            found.add(path, path.relative_to(docs_dir).as_posix())
    found.pages.sort()
    found.files.sort()
    refuse_same_address(found, docs_dir)
    refuse_too_many_versions(found, docs_dir)
    return found


def refuse_too_many_versions(found: Inventory, docs_dir: Path) -> None:
    """At most MAX_VERSIONS kept versions of one anvisning are read: the oldest ones, so
    the chain stays whole and the check says which files are too many."""
    by_folder: dict[Path, list[Path]] = {}
    for path in found.pages:
        if is_version_page(path.relative_to(docs_dir).as_posix()):
            by_folder.setdefault(path.parent, []).append(path)
    refused: set[Path] = set()
    for folder, pages in by_folder.items():
        pages.sort(key=lambda p: int(p.stem.removeprefix("version-")))
        mapp = folder.relative_to(docs_dir.parent).as_posix() + "/"
        for path in pages[MAX_VERSIONS:]:
            values = {"namn": path.name, "mapp": mapp, "max": str(MAX_VERSIONS)}
            found.refused.append((path, "for-manga-filer", values))
            refused.add(path)
    found.pages = [p for p in found.pages if p not in refused]


def refuse_same_address(found: Inventory, docs_dir: Path) -> None:
    """x.md and x/index.md are both published at x/: one would silently replace the other,
    so the index is refused."""
    addresses: dict[str, Path] = {}
    for path in sorted(found.pages, key=lambda p: (p.stem == "index", p)):
        rel = path.relative_to(docs_dir).as_posix().removesuffix(".md")
        address = (
            rel.removesuffix("index").rstrip("/") if rel.endswith(("/index", "index")) else rel
        )
        if address in addresses:
            other = addresses[address].relative_to(docs_dir).as_posix()
            found.refused.append((path, "samma-adress", {"namn": rel + ".md", "annan": other}))
        else:
            addresses[address] = path
    refused = {path for path, code, _ in found.refused if code == "samma-adress"}
    found.pages = [p for p in found.pages if p not in refused]
