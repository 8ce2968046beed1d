"""The help editors get: the guide, the editor's schema mappings, the pre-commit hooks, the
PR template and CI.

Editors are not developers. What protects them here: every field the schemas allow is
explained in CONTRIBUTING.md, VS Code maps each data file to the schema `styrdok check`
uses for it, and the example workflow runs the same command as CI.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from styrdok.core.kinds import DATA_FILES, DATA_FOLDERS, SCHEMA_FILES
from styrdok.core.reading.bodies import links

from helpers import REPO

SCHEMA_DIR = REPO / "schema"
GUIDE = REPO / "CONTRIBUTING.md"
VSCODE_SETTINGS = REPO / ".vscode" / "settings.json"
WORKFLOW = REPO / ".github" / "workflows" / "styrdok.yml"
PR_TEMPLATE = REPO / ".github" / "pull_request_template.md"
EDITOR_PAGE = REPO / "docs" / "for-redaktorer.md"
GUIDE_MACRO = "{{ redaktorsguide() }}"

# Schema keywords whose values are data, not subschemas.
NOT_SCHEMAS = frozenset(
    {"examples", "enum", "const", "default", "required", "title", "description"}
)


def load_schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


def resolve(ref: str, current: str) -> tuple[str, Any]:
    """The schema a `$ref` points at, and the file it is in."""
    file, _, pointer = ref.partition("#")
    file = file or current
    target: Any = load_schema(file)
    for part in filter(None, pointer.split("/")):
        target = target[part.replace("~1", "/").replace("~0", "~")]
    return file, target


def property_names(schema_file: str) -> set[str]:
    """Every property name an editor can write in a file of this schema, at any depth."""
    names: set[str] = set()
    seen: set[tuple[str, str]] = set()

    def walk(node: Any, file: str) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item, file)
            return
        if not isinstance(node, dict):
            return
        ref = node.get("$ref")
        if isinstance(ref, str) and (file, ref) not in seen:
            seen.add((file, ref))
            target_file, target = resolve(ref, file)
            walk(target, target_file)
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                names.update(value)
                for sub in value.values():
                    walk(sub, file)
            elif key not in NOT_SCHEMAS and key != "$ref":
                walk(value, file)

    walk(load_schema(schema_file), schema_file)
    return names


FIELDS = sorted(
    {
        (name, schema)
        for schema in ("anvisning", "sida", "uppfoljning")
        for name in property_names(SCHEMA_FILES[schema])
    }
)


def test_property_walk_reaches_nested_and_referenced_fields():
    anvisning = property_names(SCHEMA_FILES["anvisning"])
    sida = property_names(SCHEMA_FILES["sida"])
    # kontakt is defined in gemensam.schema.json; galler_for's fields are inside oneOf.
    assert {"funktion", "epost", "telefon"} <= anvisning
    assert {"organtyper", "organ"} <= anvisning
    assert {"datum", "version", "andring"} <= anvisning
    assert {"title", "description", "atkomst", "bilagor", "hide", "search"} <= sida
    assert {"exclude", "boost"} <= sida


@pytest.mark.parametrize(("name", "schema"), FIELDS, ids=[f"{s}-{n}" for n, s in FIELDS])
def test_every_schema_field_is_explained_in_the_editor_guide(name, schema):
    guide = GUIDE.read_text(encoding="utf-8")
    assert f"`{name}`" in guide, (
        f"CONTRIBUTING.md förklarar inte fältet `{name}` ({schema}.schema.json); "
        "skriv fältnamnet inom backticks där det förklaras"
    )


def test_editor_guide_has_no_relative_links_that_would_break_on_the_site():
    guide = GUIDE.read_text(encoding="utf-8")
    # Parsed, so examples in `code` are not counted as links.
    targets = [link.target for link in links(guide)]
    relative = [t for t in targets if not re.match(r"(https?://|mailto:|#)", t)]
    assert relative == [], "skriv sökvägar i förrådet som `kod`, inte som relativa länkar"


# The editor's schema mappings (VS Code with the YAML extension).


def vscode_schemas() -> dict[str, list[str]]:
    settings = json.loads(VSCODE_SETTINGS.read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    return {
        schema: [globs] if isinstance(globs, str) else list(globs)
        for schema, globs in mapping.items()
    }


def matching_files(pattern: str) -> set[Path]:
    """Files a yaml.schemas glob selects, relative to the workspace (the repository)."""
    pattern = pattern.removeprefix("./").lstrip("/")
    if "/" not in pattern:
        pattern = f"**/{pattern}"
    return {p.resolve() for p in REPO.glob(pattern) if p.is_file()}


def local_schema(schema: str) -> Path | None:
    if re.match(r"[a-z]+://", schema):
        return None
    return (REPO / schema.removeprefix("./").lstrip("/")).resolve()


def test_every_mapped_schema_exists_and_is_json():
    for schema in vscode_schemas():
        path = local_schema(schema)
        if path is None:
            continue
        assert path.is_file(), f".vscode/settings.json: {schema} finns inte"
        json.loads(path.read_text(encoding="utf-8"))


def test_every_mapped_glob_matches_a_file():
    for schema, globs in vscode_schemas().items():
        for pattern in globs:
            if pattern.startswith("!"):
                continue
            assert matching_files(pattern), (
                f".vscode/settings.json: '{pattern}' ({schema}) matchar ingen fil"
            )


DATA_PATHS = sorted((REPO / "data").glob("*.yml"))


@pytest.mark.parametrize("path", DATA_PATHS, ids=[p.name for p in DATA_PATHS])
def test_data_file_is_mapped_to_its_schema_in_vscode(path):
    assert path.name in DATA_FILES, f"okänd datafil {path.name}"
    expected = (SCHEMA_DIR / SCHEMA_FILES[DATA_FILES[path.name]]).resolve()
    mapped = {
        local_schema(schema)
        for schema, globs in vscode_schemas().items()
        if any(path.resolve() in matching_files(g) for g in globs if not g.startswith("!"))
    }
    assert mapped == {expected}, f"{path.name} ska mappas till {expected.name}, inte {mapped}"


@pytest.mark.parametrize("path", DATA_PATHS, ids=[p.name for p in DATA_PATHS])
def test_data_file_starts_with_a_modeline_for_its_schema(path):
    schema = SCHEMA_FILES[DATA_FILES[path.name]]
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../schema/{schema}"


FOLDER_PATHS = sorted(
    path for folder in DATA_FOLDERS for path in (REPO / "data" / folder).glob("*.yml")
)


@pytest.mark.parametrize("path", FOLDER_PATHS, ids=[p.name for p in FOLDER_PATHS])
def test_file_of_a_data_folder_is_mapped_and_starts_with_a_modeline(path):
    schema = SCHEMA_FILES[DATA_FOLDERS[path.parent.name].name]
    mapped = {
        local_schema(name)
        for name, globs in vscode_schemas().items()
        if any(path.resolve() in matching_files(g) for g in globs if not g.startswith("!"))
    }
    assert mapped == {(SCHEMA_DIR / schema).resolve()}
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../../schema/{schema}"


# The pre-commit hooks (in a separate process, as pre-commit runs them).


@pytest.mark.slow
def test_pre_commit_config_is_valid():
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_data_files_pass_yamllint():
    result = subprocess.run(
        [sys.executable, "-m", "yamllint", "--strict", "-c", ".yamllint.yml", "data"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout


# The example workflow and the pull request template.


def workflow() -> dict[Any, Any]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def run_lines() -> list[str]:
    return [
        step["run"]
        for job in workflow()["jobs"].values()
        for step in job.get("steps", [])
        if "run" in step
    ]


def test_workflow_runs_on_pull_requests_and_pushes():
    flow = workflow()
    # YAML 1.1 (PyYAML) reads the key `on` as true.
    triggers = flow.get("on", flow.get(True))
    names = {triggers} if isinstance(triggers, str) else set(triggers)
    assert {"pull_request", "push"} <= names


def test_workflow_runs_the_same_ci_entry_point_as_ci():
    assert (REPO / ".ci" / "run").is_file()
    assert any(".ci/run" in line for line in run_lines())


def test_workflow_uses_only_make_targets_that_exist():
    targets = set(re.findall(r"^([a-z][a-z-]*):", (REPO / "Makefile").read_text(), re.M))
    used = {t for line in run_lines() for t in re.findall(r"\bmake ([a-z][a-z-]*)", line)}
    assert used, "arbetsflödet bygger inte webbplatsen med make"
    assert used <= targets, f"okända make-mål: {sorted(used - targets)}"


def test_workflow_only_reads_by_default():
    assert workflow()["permissions"] == {"contents": "read"}


def test_the_readers_diff_is_made_by_the_target_branchs_code_only():
    # In a job where the pull request's code runs, that code could write any comment.
    jobs = workflow()["jobs"]
    diff = jobs["diff"]
    assert "needs" not in diff
    checkouts = [s for s in diff["steps"] if str(s.get("uses", "")).startswith("actions/checkout")]
    tool = next(s for s in checkouts if s["with"].get("ref") == "${{ github.base_ref }}")
    tool_path = tool["with"]["path"]
    for step in diff["steps"]:
        if "run" in step:
            assert f"{tool_path}/" in step["run"] and "bash .ci/run" not in step["run"], step
    assert jobs["kommentar"]["needs"] == "diff"
    assert all("styrdok diff" not in s.get("run", "") for s in jobs["kontroll"]["steps"])


def test_the_comment_updated_is_the_workflows_own():
    script = next(
        s["with"]["script"]
        for s in workflow()["jobs"]["kommentar"]["steps"]
        if "github-script" in str(s.get("uses", ""))
    )
    assert 'c.user.login === "github-actions[bot]"' in script


def test_pull_request_template_is_a_checklist():
    template = PR_TEMPLATE.read_text(encoding="utf-8")
    assert len(re.findall(r"^- \[ \] ", template, re.M)) >= 3


# The guide on the site.


def test_editor_page_includes_the_guide_and_is_open():
    text = EDITOR_PAGE.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    assert meta["atkomst"] == "öppen"
    assert "render_macros" not in meta
    assert GUIDE_MACRO in body.splitlines()


# VS Code: the task that runs the check, and its problem matchers.

VSCODE_TASKS = REPO / ".vscode" / "tasks.json"
VSCODE_EXTENSIONS = REPO / ".vscode" / "extensions.json"


def jsonc(path: Path) -> Any:
    """A VS Code settings file: JSON with whole-line // comments."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return json.loads("\n".join(line for line in lines if not line.lstrip().startswith("//")))


def check_task() -> dict[str, Any]:
    (task,) = [t for t in jsonc(VSCODE_TASKS)["tasks"] if t["label"] == "styrdok check"]
    return task


def test_the_check_task_runs_the_check_from_the_virtual_environment():
    task = check_task()
    assert task["command"] == "${workspaceFolder}/.venv/bin/styrdok"
    assert task["windows"]["command"] == "${workspaceFolder}\\.venv\\Scripts\\styrdok.exe"
    assert task["args"] == ["check"]
    assert task["group"] == {"kind": "build", "isDefault": True}


def test_the_recommended_extensions_include_the_yaml_extension():
    assert "redhat.vscode-yaml" in jsonc(VSCODE_EXTENSIONS)["recommendations"]


def matched(line: str) -> tuple[str, int, int, str, str] | None:
    """What VS Code makes of a line of output with the task's problem matchers: the
    first matcher whose pattern matches gives file, line, column, severity, message."""
    for matcher in check_task()["problemMatcher"]:
        pattern = matcher["pattern"]
        # The patterns are JavaScript regular expressions; these use only what Python
        # reads the same way (anchors, groups, \d, lazy .+?).
        found = re.search(pattern["regexp"], line)
        if found:
            assert matcher["fileLocation"] == ["relative", "${workspaceFolder}"]
            return (
                found.group(pattern["file"]),
                int(found.group(pattern["line"])),
                int(found.group(pattern["column"])),
                matcher["severity"],
                found.group(pattern["message"]),
            )
    return None


def test_the_problem_matchers_read_every_problem_of_real_check_output(tmp_path, capsys):
    from styrdok.core.pipeline import check_project
    from styrdok.core.project import Project
    from styrdok.tools.cli import main

    from helpers import TODAY, guide

    root = guide.copy_repository(tmp_path / "forrad")
    kamera = root / guide.KAMERA
    text = kamera.read_text(encoding="utf-8")
    text = text.replace("  - forebygga-brott\n", "  - forebyga-brott\n", 1)
    text = text.replace("revideras_senast: 2028-03-31", "revideras_senast: 2025-12-31")
    kamera.write_text(text, encoding="utf-8")
    (root / "data" / "organ.yml").write_text("organ: [\n", encoding="utf-8")

    assert main(["check", "--rot", str(root), "--idag", TODAY.isoformat()]) == 1
    *lines, summary = capsys.readouterr().out.splitlines()
    problems = check_project(Project.at(root), TODAY).problems
    severity = {"fel": "error", "varning": "warning"}
    expected = [
        (
            p.path,
            p.position.line,
            p.position.column,
            severity[str(p.severity)],
            f"{p.message} – {p.hint}" if p.hint else p.message,
        )
        for p in problems
    ]
    assert {e[3] for e in expected} == {"error", "warning"}
    assert [matched(line) for line in lines] == expected
    assert matched(summary) is None
    for path, *_ in expected:
        assert (root / path).is_file(), path
