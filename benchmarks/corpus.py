"""Build a larger copy of the repository's source for the build benchmark.

`make_corpus(dest, factor)` copies the source a MkDocs build reads and multiplies the
anvisningar (and optionally the organ) so that the site grows by a known factor while
every copy stays valid for `styrdok check`.

Run directly to write one corpus and keep it, e.g. for looking at the built site:

    python benchmarks/corpus.py /tmp/corpus --factor 10 [--organ-factor 2]
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent

# What `mkdocs build` reads. site/, .venv/ and tests/ are left out: they are output,
# tooling or test fixtures, and tests/data/ would otherwise double the YAML on disk.
SOURCE_FILES = ("mkdocs.yml", "CONTRIBUTING.md")
SOURCE_DIRS = ("overrides", "docs", "data", "schema")

TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class _StringDateLoader(yaml.SafeLoader):
    """A SafeLoader that keeps `2025-03-17` a string.

    Loading dates as `datetime.date` would dump them back unchanged, but the schemas
    declare dates as strings and a string round-trips byte for byte without relying on
    that. The resolver table is a class attribute shared with SafeLoader, so it is
    copied before the timestamp entry is removed.
    """


_StringDateLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != TIMESTAMP_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_StringDateLoader)  # a SafeLoader subclass: no arbitrary objects


def dump_yaml(data: Any) -> str:
    return yaml.dump(data, allow_unicode=True, sort_keys=False, width=88)


def split_front_matter(text: str) -> tuple[str, str]:
    """(front matter YAML, everything after the closing line) of a Markdown page."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        raise ValueError("front matter saknas")
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            return "".join(lines[1:i]), "".join(lines[i + 1 :])
    raise ValueError("front matter avslutas inte")


def copy_suffix(k: int) -> str:
    return f"-k{k}"


def anvisning_copy(front: dict[str, Any], k: int) -> dict[str, Any]:
    """Front matter of copy k. `ersatter` points into the same copy, so each copy's
    replacement chain mirrors the original (a replaced anvisning stays upphävd)."""
    copy = dict(front)
    copy["id"] = f"{front['id']}{copy_suffix(k)}"
    copy["titel"] = f"{front['titel']} (kopia {k})"
    if "ersatter" in front:
        copy["ersatter"] = [f"{old}{copy_suffix(k)}" for old in front["ersatter"]]
    return copy


def multiply_anvisningar(folder: Path, factor: int) -> int:
    """Write copies 2..factor of every anvisning in `folder`; return the total count."""
    originals = sorted(p for p in folder.glob("*.md") if p.name != "index.md")
    for path in originals:
        front_text, body = split_front_matter(path.read_text(encoding="utf-8"))
        front = load_yaml(front_text)
        for k in range(2, factor + 1):
            copy = anvisning_copy(front, k)
            text = f"---\n{dump_yaml(copy)}---\n{body}"
            (folder / f"{copy['id']}.md").write_text(text, encoding="utf-8")
    return len(originals) * factor


def organ_copy(entry: dict[str, Any], k: int, ids: set[str]) -> dict[str, Any]:
    """Organ entry of copy k. References to other organ (moderbolag, underordnat) are
    moved into the same copy so the organisation tree is repeated, not cross-linked."""
    copy = dict(entry)
    copy["id"] = f"{entry['id']}{copy_suffix(k)}"
    copy["namn"] = f"{entry['namn']} (kopia {k})"
    if "forvaltning" in entry:
        copy["forvaltning"] = f"{entry['forvaltning']} (kopia {k})"
    for field in ("moderbolag", "underordnat"):
        if entry.get(field) in ids:
            copy[field] = f"{entry[field]}{copy_suffix(k)}"
    return copy


def multiply_organ(path: Path, factor: int) -> int:
    """Append copies 2..factor of every organ to data/organ.yml; return the total count.

    The file is rewritten from parsed data, so its comments are lost; the corpus is
    throw-away and only the entries matter to the build.
    """
    entries: list[dict[str, Any]] = load_yaml(path.read_text(encoding="utf-8"))
    ids = {entry["id"] for entry in entries}
    copies = [organ_copy(entry, k, ids) for k in range(2, factor + 1) for entry in entries]
    path.write_text(dump_yaml(entries + copies), encoding="utf-8")
    return len(entries) * factor


def multiply_reports(folder: Path, factor: int) -> None:
    """Give copies 2..factor of every organ the original's report in each year's file
    (data/uppfoljning/), since every body the programme applies to reports."""
    for path in sorted(folder.glob("*.yml")):
        year: dict[str, Any] = load_yaml(path.read_text(encoding="utf-8"))
        reports = year["rapporter"]
        copies = [
            {**report, "organ": f"{report['organ']}{copy_suffix(k)}"}
            for k in range(2, factor + 1)
            for report in reports
        ]
        year["rapporter"] = reports + copies
        path.write_text(dump_yaml(year), encoding="utf-8")


def copy_source(dest: Path) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    for name in SOURCE_FILES:
        shutil.copy2(REPO / name, dest / name)
    for name in SOURCE_DIRS:
        shutil.copytree(REPO / name, dest / name, dirs_exist_ok=True)


def make_corpus(dest: Path, factor: int, organ_factor: int = 1) -> Path:
    """Copy the source into `dest` with every anvisning `factor` times and every organ
    `organ_factor` times. Returns `dest`."""
    if factor < 1 or organ_factor < 1:
        raise ValueError("factor och organ_factor måste vara minst 1")
    copy_source(dest)
    multiply_anvisningar(dest / "docs" / "anvisningar", factor)
    if organ_factor > 1:
        multiply_organ(dest / "data" / "organ.yml", organ_factor)
        multiply_reports(dest / "data" / "uppfoljning", organ_factor)
    return dest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path, help="folder to write the corpus into")
    parser.add_argument("--factor", type=int, default=10, help="copies of each anvisning")
    parser.add_argument("--organ-factor", type=int, default=1, help="copies of each organ")
    args = parser.parse_args(argv)
    make_corpus(args.dest, args.factor, args.organ_factor)
    print(args.dest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
