"""Every page of both builds is valid HTML by the Nu Html Checker (vnu), with no error.

WCAG 2.1's 4.1.1 (Parsing), still in EN 301 549 V3.2.1, and assistive technology rely on
correct markup; the theme's own invalid markup is fixed at its source (overrides/README.md).
The checker is vnu-jar, pinned in package.json and installed by `make test` (npm ci), on
the system's Java (tools/systempaket). One JVM per site checks every HTML page. Without
Java or the jar the tests skip, unless STYRDOK_KRAV_WEBBLASARE=1 (as in CI), where that
is a failure.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class Report:
    checked: list[Path]
    errors: list[str]


def check(nu_checker: list[str], site: Path) -> Report:
    options = ["--errors-only", "--format", "json", "--skip-non-html", "--verbose"]
    command = [*nu_checker, *options, str(site)]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=900)
    # --verbose names each file on stdout as it is checked; the JSON report is on stderr.
    try:
        report = json.loads(result.stderr)
    except json.JSONDecodeError:
        raise AssertionError(f"vnu gav ingen JSON-rapport: {result.stderr[-2000:]}") from None
    checked = [Path(line.strip()) for line in result.stdout.splitlines() if line.strip()]
    errors = []
    for message in report["messages"]:
        page = Path(unquote(urlsplit(message.get("url", "")).path))
        where = page.relative_to(site) if page.is_relative_to(site) else page
        errors.append(f"{where}:{message.get('lastLine', '?')}: {message['message']}")
    return Report(checked, errors)


def assert_valid(nu_checker: list[str], site: Path) -> None:
    report = check(nu_checker, site)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50, pages
    assert "404.html" in {p.name for p in pages}
    # Every file handed over was checked, so "no error" covers every page.
    assert sorted(report.checked) == pages, report.checked
    print(f"{site}: {len(report.checked)} filer kontrollerade, {len(report.errors)} fel")
    assert not report.errors, "\n".join(report.errors)


def test_every_intranet_page_is_valid_html(nu_checker: list[str], built_site: Path):
    assert_valid(nu_checker, built_site)


def test_every_public_page_is_valid_html(nu_checker: list[str], built_publik_site: Path):
    assert_valid(nu_checker, built_publik_site)
