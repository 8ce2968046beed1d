"""The manifest of a built site (`SHA256SUMS`, `MANIFEST.json`): written after the build,
checked by `styrdok verifiera` and by `sha256sum -c`."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from styrdok.tools.publish.errors import PublishError

SUMS = "SHA256SUMS"
MANIFEST = "MANIFEST.json"
# Neither manifest lists itself or the other: each is written after the files it describes.
MANIFEST_FILES = frozenset({SUMS, MANIFEST})
FORMAT = 1

_SUM_LINE = re.compile(r"^([0-9a-f]{64}) [ *](.+)$")


@dataclass(frozen=True, order=True)
class Entry:
    path: str
    size: int
    sha256: str


def entries(site: Path) -> list[Entry]:
    """Every file below `site` but the manifests, sorted by path (code point order)."""
    found = []
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        if rel in MANIFEST_FILES:
            continue
        # sha256sum escapes such names in a way few other tools read; no site needs them.
        if "\n" in rel or "\r" in rel or "\\" in rel:
            raise PublishError(
                f"filnamnet {rel!r} innehåller radbrytning eller omvänt snedstreck och kan inte stå i manifestet"
            )
        with path.open("rb") as stream:
            digest = hashlib.file_digest(stream, "sha256").hexdigest()
        found.append(Entry(rel, path.stat().st_size, digest))
    return sorted(found)


def sums_text(listed: list[Entry]) -> str:
    """`sha256sum -c` format: hash, two spaces, path."""
    return "".join(f"{e.sha256}  {e.path}\n" for e in listed)


def manifest_text(
    listed: list[Entry], malgrupp: str, epoch: int, referensdatum: date | None = None
) -> str:
    document = {
        "format": FORMAT,
        "malgrupp": malgrupp,
        "source_date_epoch": epoch,
        # The day validity was decided for: with the commit and the epoch, what a
        # rebuild needs to give the same pages.
        "referensdatum": referensdatum.isoformat() if referensdatum else None,
        "antal": len(listed),
        "storlek": sum(e.size for e in listed),
        "filer": [{"sokvag": e.path, "storlek": e.size, "sha256": e.sha256} for e in listed],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write_manifest(
    site: Path, malgrupp: str, epoch: int, referensdatum: date | None = None
) -> list[Entry]:
    listed = entries(site)
    # Bytes, not text mode: the same file on every platform (no CRLF).
    (site / SUMS).write_bytes(sums_text(listed).encode("utf-8"))
    text = manifest_text(listed, malgrupp, epoch, referensdatum)
    (site / MANIFEST).write_bytes(text.encode("utf-8"))
    return listed


@dataclass
class Verification:
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    checked: int = 0
    malgrupp: str | None = None

    @property
    def ok(self) -> bool:
        return not (self.missing or self.extra or self.changed or self.problems)

    def lines(self, site: Path) -> Iterator[str]:
        yield from (f"{site}: {p}" for p in self.problems)
        yield from (f"{site}/{p}: saknas" for p in self.missing)
        yield from (f"{site}/{p}: finns inte i manifestet" for p in self.extra)
        yield from (f"{site}/{p}: ändrad" for p in self.changed)
        if self.ok:
            yield f"{site}: alla {self.checked} filer stämmer med manifestet (målgrupp {self.malgrupp})"
        else:
            yield (
                f"{site}: stämmer inte med manifestet: {len(self.missing)} saknas, "
                f"{len(self.extra)} extra, {len(self.changed)} ändrade"
                + (f", {len(self.problems)} fel i manifestet" if self.problems else "")
            )


def _read_sums(path: Path) -> dict[str, str]:
    listed: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        match = _SUM_LINE.match(line)
        if match is None:
            raise PublishError(f"{path}:{number}: raden följer inte formatet för sha256sum")
        listed[match.group(2)] = match.group(1)
    return listed


def _read_manifest(path: Path) -> tuple[str | None, dict[str, Entry]]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        if document.get("format") != FORMAT:
            raise PublishError(f"{path}: okänt format {document.get('format')!r}")
        listed = {
            f["sokvag"]: Entry(f["sokvag"], int(f["storlek"]), f["sha256"])
            for f in document["filer"]
        }
        return document.get("malgrupp"), listed
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise PublishError(f"{path}: kan inte läsa manifestet ({exc})") from exc


def verify(site: Path, malgrupp: str | None = None) -> Verification:
    """Compare the files below `site` with its manifests."""
    outcome = Verification()
    try:
        sums = _read_sums(site / SUMS)
        outcome.malgrupp, listed = _read_manifest(site / MANIFEST)
    except FileNotFoundError as exc:
        outcome.problems.append(f"manifestet saknas: {exc.filename}")
        return outcome
    except (OSError, UnicodeDecodeError) as exc:
        outcome.problems.append(f"kan inte läsa manifestet: {exc}")
        return outcome
    except PublishError as exc:
        outcome.problems.append(str(exc))
        return outcome
    if sums != {p: e.sha256 for p, e in listed.items()}:
        outcome.problems.append(f"{SUMS} och {MANIFEST} listar inte samma filer och summor")
    if malgrupp is not None and outcome.malgrupp != malgrupp:
        outcome.problems.append(
            f"webbplatsen är byggd för målgrupp {outcome.malgrupp}, inte {malgrupp}"
        )
    try:
        actual = {e.path: e for e in entries(site)}
    except OSError as exc:
        outcome.problems.append(f"kan inte läsa {exc.filename}: {exc.strerror}")
        return outcome
    outcome.missing = sorted(set(listed) - set(actual))
    outcome.extra = sorted(set(actual) - set(listed))
    outcome.changed = sorted(p for p in set(listed) & set(actual) if listed[p] != actual[p])
    outcome.checked = len(actual)
    return outcome
