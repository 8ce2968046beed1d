"""The data flow, enforced: each stage imports only what it may.

    core      -> core only; knows nothing of MkDocs or Python-Markdown
    select    -> core
    forbidden -> core, select; the strings an audience must not see and the check
                 that looks for them in the source (it needs the publication)
    views     -> the publication (select), the model's types and a few pure core helpers,
                 other views; never the loader, the checker, an adapter or a tool
    adapters  -> anything but tools
    tools     -> anything

Read from the source with `ast`, so a new module is covered the day it is added.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "styrdok"

# What a view may take from the core: the model's types and helpers that read nothing.
VIEW_MAY_USE_FROM_CORE = {
    "styrdok.core.model": "the model's types",
    "styrdok.core.addresses": "where each page lives below docs/",
    "styrdok.core.sortering": "Swedish alphabetical order",
    "styrdok.core.giltighet": "validity on a day, a pure function of the model's dates",
    "styrdok.core.riskbild": "the risk matrices' type and scales (selection counts them)",
    "styrdok.core.reading.bodies": "the links in an editor's text, as the check reads them",
}
RENDERERS = ("mkdocs", "markdown", "material", "pymdownx")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(source: str, name: str, is_package: bool = False) -> Iterator[tuple[int, str]]:
    """(line, imported module) for every import in a module's source, relative ones resolved."""
    package = name if is_package else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                stem = ".".join(base)
                target = f"{stem}.{node.module}" if node.module else stem
            else:
                target = node.module or ""
            yield node.lineno, target
            # `from styrdok.core import load` imports the module styrdok.core.reading.load.
            for alias in node.names:
                yield node.lineno, f"{target}.{alias.name}"


def stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "styrdok" else ""


def is_namespace(module: str) -> bool:
    """A package whose __init__ holds nothing but its docstring: importing from it means
    importing its modules, which are checked one by one. A package with code of its own
    (tools/publish) is checked like a module."""
    init = PACKAGE.parent / Path(*module.split(".")) / "__init__.py"
    if not init.is_file():
        return False
    body = ast.parse(init.read_text(encoding="utf-8")).body
    return all(isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant) for n in body)


def is_module(module: str) -> bool:
    relative = Path(*module.split("."))
    return (PACKAGE.parent / relative).with_suffix(".py").is_file() or (
        PACKAGE.parent / relative / "__init__.py"
    ).is_file()


def violation(importer: str, imported: str) -> str | None:
    """Why `importer` may not import `imported`, or None if it may."""
    here, there = stage(importer), stage(imported)
    if imported.split(".")[0] in RENDERERS and here in ("core", "select", "views"):
        return f"{here} must not know the renderer ({imported})"
    # `from styrdok.core import addresses` names the package too; the module is what counts.
    if not there or is_namespace(imported):
        return None
    if not is_module(imported):
        return None
    if here == "core" and there != "core":
        return "the core imports only the core"
    if here == "select" and there not in ("core", "select"):
        return "selection imports only the core"
    if here == "forbidden" and there not in ("core", "select", "forbidden"):
        return "the leak strings and their check read the model and the publication only"
    if here == "views":
        if there == "forbidden":
            return "a view reads the publication, not the checker"
        if there == "core" and imported not in VIEW_MAY_USE_FROM_CORE:
            return "a view reads the publication, not the source or the checker"
        if there in ("adapters", "tools"):
            return f"a view must not import {there}"
    if here == "adapters" and there == "tools":
        return "an adapter must not import a tool"
    return None


def violations() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        importer = module_name(path)
        source = path.read_text(encoding="utf-8")
        for line, imported in imports(source, importer, path.name == "__init__.py"):
            why = violation(importer, imported)
            if why:
                found.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {imported}: {why}")
    return found


def test_no_module_imports_by_name_at_run_time():
    """An import the rules cannot read (importlib, __import__) would pass them unseen."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = ast.unparse(node.func)
                if name in ("__import__", "importlib.import_module", "import_module"):
                    found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: {name}")
            elif isinstance(node, ast.ImportFrom) and node.module == "importlib":
                found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: importlib")
    assert not found, "imports the architecture test cannot check:\n" + "\n".join(found)


def test_every_stage_imports_only_what_it_may():
    found = violations()
    assert not found, "imports against the data flow:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("importer", "imported"),
    [
        ("styrdok.views.crossref", "styrdok.core.reading.load"),
        ("styrdok.views.api", "styrdok.core.pipeline"),
        ("styrdok.views.pages", "styrdok.adapters.mkdocs_plugin"),
        ("styrdok.views.feed", "mkdocs.structure.files"),
        ("styrdok.core.model", "styrdok.select"),
        ("styrdok.core.rules.schema", "styrdok.views.markdown"),
        ("styrdok.core.linking.linker", "markdown"),
        ("styrdok.select", "styrdok.views.queries"),
        ("styrdok.adapters.mkdocs_plugin", "styrdok.tools.cli"),
        # A name from a package with code of its own is that package's to answer for.
        ("styrdok.views.crossref", "styrdok.tools.publish"),
        ("styrdok.views.crossref", "styrdok.tools.leaks"),
        ("styrdok.forbidden.sources", "styrdok.views.queries"),
        ("styrdok.forbidden.check", "styrdok.adapters.render"),
        ("styrdok.core.pipeline", "styrdok.forbidden.check"),
        ("styrdok.views.api", "styrdok.forbidden.strings"),
    ],
)
def test_the_rules_refuse_an_import_against_the_flow(importer, imported):
    assert violation(importer, imported) is not None


@pytest.mark.parametrize(
    ("importer", "imported"),
    [
        ("styrdok.views.crossref", "styrdok.core.model"),
        ("styrdok.views.crossref", "styrdok.select"),
        ("styrdok.views.api", "styrdok.views.queries"),
        ("styrdok.adapters.mkdocs_plugin", "styrdok.core.pipeline"),
        ("styrdok.tools.cli", "styrdok.adapters.mkdocs_plugin"),
        ("styrdok.forbidden.strings", "styrdok.select"),
        ("styrdok.adapters.mkdocs_plugin", "styrdok.forbidden.check"),
    ],
)
def test_the_rules_allow_imports_along_the_flow(importer, imported):
    assert violation(importer, imported) is None


def test_imports_are_read_as_written_relative_ones_included():
    source = (
        "from .. import model\nfrom ...views import queries\nimport styrdok.core.reading.load\n"
    )
    found = {m for _, m in imports(source, "styrdok.core.linking.linker")}
    assert {"styrdok.core.model", "styrdok.views.queries", "styrdok.core.reading.load"} <= found
