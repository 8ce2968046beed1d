"""Build a larger copy of the repository's source for the build benchmark.

`make_corpus(dest, factor)` copies the source a MkDocs build reads and multiplies the
anvisningar (and optionally the organ) so that the site grows by a known factor while
every copy stays valid for `styrdok check`.

With a `FollowUp` it also replaces the yearly follow-up (data/uppfoljning/) by a
generated one: a number of years, a report from every body that applies the programme
each year with a fixed number of risks, topped up with generated nämnder to a minimum
number of reporting bodies, and the indicators (data/indikatorer/) multiplied with a
value for each of those years. The generated data is seeded, so the same options give
the same bytes, and a year's content does not depend on how many years are generated.

Run directly to write one corpus and keep it, e.g. for looking at the built site:

    python benchmarks/corpus.py /tmp/corpus --factor 10 [--organ-factor 2]
    python benchmarks/corpus.py /tmp/corpus --factor 1 --ar 10 --risker 20
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
# The checkout's own code, not whatever styrdok the interpreter has installed.
sys.path.insert(0, str(REPO / "src"))
from styrdok.core.model import TILLAMPANDE_TYPER  # noqa: E402

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


# The generated follow-up -------------------------------------------------------------

# Seed of every generated year and indicator; change it only on purpose, since the
# numbers in benchmarks/README.md were measured with it.
SEED = "styrdok-bench"
# Reports from öppen, intern and skyddad bodies, in these proportions.
ATKOMST_VIKTER = {"öppen": 4, "intern": 4, "skyddad": 2}
# One report in LATE_EVERY comes in after the deadline, with a note saying why.
LATE_EVERY = 12
GENERATED_HEADER = (
    "# Generated by benchmarks/corpus.py for the build benchmark: invented reports, not\n"
    "# the city's. Every body that applies the programme reports once for the year.\n"
)

# Risks and measures to draw from, per fokusområde; a fokusområde not listed here (of
# another programme) draws from GENERIC_RISKS.
RISKS: dict[str, tuple[tuple[str, str], ...]] = {
    "forebygga-olyckor": (
        (
            "Brand i lokaler nattetid",
            "Brandlarm kopplat till räddningstjänsten och utrymningsövningar två gånger om året.",
        ),
        (
            "Fallolyckor i trappor och entréer",
            "Halkskydd, bättre belysning och en rutin för snöröjning före klockan sju.",
        ),
        (
            "Drunkningsolyckor vid badplatser",
            "Livbojar och tillsyn ses över inför varje badsäsong tillsammans med exploateringskontoret.",
        ),
        (
            "Olyckor vid arbete på hög höjd",
            "Fallskydd och en utbildning för alla som arbetar på tak och ställningar.",
        ),
    ),
    "forebygga-brott": (
        (
            "Anlagda bränder vid skolor",
            "Kameraövervakning efter beslut och tätare väktarronder på kvällar och helger.",
        ),
        (
            "Inbrott och stölder i förråd",
            "Nya lås, passagekontroll och en inventering av nycklar och taggar.",
        ),
        (
            "Otrygghet kring centrum kvällstid",
            "Samverkan med polis och fastighetsägare, bättre belysning och trygghetsvandringar.",
        ),
        (
            "Bedrägerier mot verksamheten",
            "Attestordningen har skärpts och medarbetarna har utbildats i att känna igen bedrägeriförsök.",
        ),
    ),
    "forebygga-otillaten-paverkan-hot-och-vald": (
        (
            "Hot mot medarbetare vid hembesök",
            "Hembesök görs i par där det behövs, och alla i uppsökande verksamhet har larm.",
        ),
        (
            "Otillåten påverkan vid myndighetsutövning",
            "Handläggare byts vid behov och beslut fattas av två personer i känsliga ärenden.",
        ),
        (
            "Våld i receptionen",
            "Receptionen har byggts om med säkrare utrymningsväg och överfallslarm.",
        ),
    ),
    "bygga-motstandskraft-och-krishanteringsformaga": (
        (
            "Långvarigt elavbrott",
            "Reservkraft provas varje kvartal och kontinuitetsplanerna övas en gång om året.",
        ),
        (
            "Störningar i leveranser av livsmedel",
            "Lager för tre dygn och avtal med fler leverantörer.",
        ),
        (
            "Långvarigt avbrott i it-system",
            "Reservrutiner på papper finns och prövas i en gemensam övning med förvaltningarna.",
        ),
        (
            "Brist på personal vid pandemi",
            "En bemanningsplan prioriterar de samhällsviktiga verksamheterna.",
        ),
    ),
    "bygga-ett-gott-sakerhetsskydd": (
        (
            "Brister i säkerhetsskyddsklassade upphandlingar",
            "Säkerhetsskyddsanalys görs före varje upphandling som kan omfattas.",
        ),
        (
            "Obehörig åtkomst till skyddsvärda lokaler",
            "Passagesystemet har setts över och behörigheterna prövas varje halvår.",
        ),
    ),
}
GENERIC_RISKS = (
    (
        "Brister i verksamhetens kontinuitet",
        "Kontinuitetsplanen har uppdaterats och övas under året.",
    ),
)


@dataclass(frozen=True)
class FollowUp:
    """A generated follow-up: `years` years ending with the newest real one, a report
    with `risks` risks from every body each year, at least `bodies` reporting bodies and
    `indicators` indicators with a value per year."""

    years: int
    risks: int = 20
    bodies: int = 50
    indicators: int = 10

    def __post_init__(self) -> None:
        if self.years < 1 or self.risks < 0 or self.bodies < 1 or self.indicators < 0:
            raise ValueError("år och organ måste vara minst 1, risker och indikatorer minst 0")
        if self.risks > 100:  # schema/uppfoljning.schema.json: maxItems
            raise ValueError("högst 100 risker per rapport")


def reports_for(entry: dict[str, Any], ar: int) -> bool:
    """Whether the organ owes a report for `ar` (as `Organ.rapporterar`)."""
    fran, till = entry.get("rapporterar_fran"), entry.get("rapporterar_till")
    return (
        entry["typ"] in TILLAMPANDE_TYPER
        and (fran is None or fran <= ar)
        and (till is None or ar <= till)
    )


def add_bodies(path: Path, minimum: int) -> int:
    """Append generated facknämnder to data/organ.yml until at least `minimum` organ
    apply the programme; return how many do."""
    entries: list[dict[str, Any]] = load_yaml(path.read_text(encoding="utf-8"))
    applying = sum(1 for e in entries if e["typ"] in TILLAMPANDE_TYPER)
    added = [
        {
            "id": f"tillagd-facknamnd-{n}",
            "namn": f"Tillagd facknämnd {n}",
            "typ": "facknämnd",
            "forvaltning": f"Tillagda förvaltningen {n}",
            "beskrivning": "En nämnd som benchmarken lägger till för att nå fler organ som rapporterar.",
        }
        for n in range(1, minimum - applying + 1)
    ]
    if added:
        path.write_text(dump_yaml(entries + added), encoding="utf-8")
    return applying + len(added)


def _newest_year(folder: Path) -> int:
    years = [int(p.stem) for p in folder.glob("*.yml") if p.stem.isdigit()]
    return max(years, default=date.today().year - 1)


def _risk(rng: random.Random, areas: list[str], namn: str, ar: int, n: int) -> dict[str, Any]:
    chosen = [rng.choice(areas)]
    if len(areas) > 1 and rng.random() < 0.25:
        chosen.append(rng.choice([a for a in areas if a != chosen[0]]))
    titel, atgard = rng.choice(RISKS.get(chosen[0], GENERIC_RISKS))
    return {
        "titel": f"{titel} ({namn}, {ar}, risk {n})",
        "fokusomraden": chosen,
        "sannolikhet": rng.randint(1, 5),
        "konsekvens": rng.randint(1, 5),
        "atgarder": f"{atgard} {namn} följer upp åtgärden i risk- och lägesbilden för {ar + 1}.",
    }


def _report(
    rng: random.Random, entry: dict[str, Any], ar: int, spec: FollowUp, fokus: list[dict[str, Any]]
) -> dict[str, Any]:
    atkomst = rng.choices(list(ATKOMST_VIKTER), weights=list(ATKOMST_VIKTER.values()))[0]
    # An öppen report may not take up a skyddsvärt fokusområde (skyddsvard-rapport-oppen).
    areas = [f["id"] for f in fokus if atkomst != "öppen" or not f.get("skyddsvart")]
    late = rng.randrange(LATE_EVERY) == 0
    came = (
        date(ar + 1, 3, 1) + timedelta(days=rng.randrange(21))
        if late
        else (date(ar + 1, 1, 15) + timedelta(days=rng.randrange(45)))
    )
    report: dict[str, Any] = {
        "organ": entry["id"],
        "inlamnad": True,
        "inlamnad_datum": came.isoformat(),
    }
    if rng.random() < 0.7:
        report["referens"] = f"EXEMPEL {ar + 1}/{rng.randint(10, 999)}"
    report["atkomst"] = atkomst
    if late:
        report["notering"] = (
            "Exempeltext. Organet fick anstånd för att hinna ta in uppgifter från utförarna."
        )
    report["risker"] = [_risk(rng, areas, entry["namn"], ar, n) for n in range(1, spec.risks + 1)]
    return report


def write_follow_up(data: Path, spec: FollowUp) -> list[int]:
    """Replace data/uppfoljning/ by the generated years; return them, oldest first."""
    folder = data / "uppfoljning"
    newest = _newest_year(folder)
    for old in folder.glob("*.yml"):
        old.unlink()
    organ: list[dict[str, Any]] = load_yaml((data / "organ.yml").read_text(encoding="utf-8"))
    fokus: list[dict[str, Any]] = load_yaml((data / "fokusomraden.yml").read_text(encoding="utf-8"))
    years = list(range(newest - spec.years + 1, newest + 1))
    for ar in years:
        # Seeded per year: a year is the same in a corpus of 5 years and one of 10.
        rng = random.Random(f"{SEED}-{ar}")
        year = {
            "ar": ar,
            "sista_dag": date(ar + 1, 2, 28).isoformat(),
            "exempelinnehall": True,
            "rapporter": [_report(rng, e, ar, spec, fokus) for e in organ if reports_for(e, ar)],
        }
        (folder / f"{ar}.yml").write_text(GENERATED_HEADER + dump_yaml(year), encoding="utf-8")
    return years


def _values(rng: random.Random, template: dict[str, Any], years: list[int]) -> list[dict[str, Any]]:
    """A value per year, a seeded walk from the template's newest value."""
    last = max(template["varden"], key=lambda v: v["ar"])
    split = "kvinnor" in last
    level = {k: float(last[k]) for k in ("kvinnor", "man", "alla") if k in last}
    percent = template["enhet"] == "procent"
    values = []
    for ar in years:
        level = {k: max(0.0, v * rng.uniform(0.93, 1.07)) for k, v in level.items()}
        if percent:
            level = {k: min(v, 100.0) for k, v in level.items()}
        shown = {k: round(v, 1) if percent else round(v) for k, v in level.items()}
        if split and "alla" in shown:
            whole = (shown["kvinnor"] + shown["man"]) / 2
            shown["alla"] = round(whole, 1) if percent else round(whole)
        values.append({"ar": ar, **shown})
    return values


def write_indicators(data: Path, count: int, years: list[int]) -> None:
    """Replace data/indikatorer/ by `count` indicators, copies of the real ones in turn
    (`<id>-k<k>`, names suffixed), each with a value for every year in `years`."""
    folder = data / "indikatorer"
    templates = [load_yaml(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yml"))]
    if not templates:
        return
    for old in folder.glob("*.yml"):
        old.unlink()
    for i in range(count):
        template, k = templates[i % len(templates)], i // len(templates) + 1
        indikator = dict(template)
        if k > 1:
            indikator["id"] = f"{template['id']}{copy_suffix(k)}"
            indikator["namn"] = f"{template['namn']} (kopia {k})"
        indikator["exempelinnehall"] = True
        indikator["varden"] = _values(random.Random(f"{SEED}-{indikator['id']}"), template, years)
        (folder / f"{indikator['id']}.yml").write_text(dump_yaml(indikator), encoding="utf-8")


def copy_source(dest: Path) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    # Links stay links (symlinks=True, follow_symlinks=False): a branch's link to a file
    # outside the checkout is then refused by the check in the corpus, never copied in.
    for name in SOURCE_FILES:
        shutil.copy2(REPO / name, dest / name, follow_symlinks=False)
    for name in SOURCE_DIRS:
        shutil.copytree(REPO / name, dest / name, symlinks=True, dirs_exist_ok=True)


def make_corpus(
    dest: Path, factor: int, organ_factor: int = 1, follow_up: FollowUp | None = None
) -> Path:
    """Copy the source into `dest` with every anvisning `factor` times and every organ
    `organ_factor` times, and with `follow_up` the generated follow-up in place of the
    real one. Returns `dest`."""
    if factor < 1 or organ_factor < 1:
        raise ValueError("factor och organ_factor måste vara minst 1")
    copy_source(dest)
    multiply_anvisningar(dest / "docs" / "anvisningar", factor)
    data = dest / "data"
    if organ_factor > 1:
        multiply_organ(data / "organ.yml", organ_factor)
        if follow_up is None:
            multiply_reports(data / "uppfoljning", organ_factor)
    if follow_up is not None:
        add_bodies(data / "organ.yml", follow_up.bodies)
        years = write_follow_up(data, follow_up)
        write_indicators(data, follow_up.indicators, years)
    return dest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path, help="folder to write the corpus into")
    parser.add_argument("--factor", type=int, default=10, help="copies of each anvisning")
    parser.add_argument("--organ-factor", type=int, default=1, help="copies of each organ")
    parser.add_argument(
        "--ar", type=int, default=None, help="generate the follow-up for this many years"
    )
    parser.add_argument("--risker", type=int, default=20, help="risks per report (with --ar)")
    parser.add_argument(
        "--rapporterande",
        type=int,
        default=50,
        help="add nämnder until at least this many organ report (with --ar)",
    )
    parser.add_argument(
        "--indikatorer", type=int, default=10, help="indicators to generate (with --ar)"
    )
    args = parser.parse_args(argv)
    follow_up = (
        FollowUp(args.ar, args.risker, args.rapporterande, args.indikatorer)
        if args.ar is not None
        else None
    )
    make_corpus(args.dest, args.factor, args.organ_factor, follow_up)
    print(args.dest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
