"""core/site_pages.py re-states which pages and files the views and the plugin generate
for each audience, so the link rule can judge a link before the build. Held here to the
valid project's real builds: everything it lists is built for its audiences and nowhere
else, and every page a build has that comes from no source file is listed."""

from __future__ import annotations

from pathlib import Path

import pytest

from styrdok.core.site_pages import MALGRUPPER, site_pages

from helpers import TODAY, check, make_project
from helpers.processes import mkdocs_build

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict[str, Path]]:
    project = make_project(tmp_path_factory.mktemp("sidor") / "projekt")
    sites = {}
    for malgrupp in MALGRUPPER:
        site = project / f"site-{malgrupp}"
        result = mkdocs_build(project / "mkdocs.yml", site, malgrupp=malgrupp, pdf=True)
        assert result.returncode == 0, result.stderr
        sites[malgrupp] = site
    return project, sites


def built_as(generated: str) -> str:
    """Where a page below docs/ lands in the site (directory URLs), or a file as it is."""
    if not generated.endswith(".md"):
        return generated
    stem = generated.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return f"{stem}.html"
    return f"{stem}/index.html"


def test_every_generated_page_is_built_for_its_audiences_only(built) -> None:
    project, sites = built
    model = check(project, TODAY).model
    assert model is not None
    missing = []
    for page, audiences in site_pages(model).generated.items():
        for malgrupp, site in sites.items():
            there = (site / built_as(page)).is_file()
            if there != (malgrupp in audiences):
                missing.append(f"{page} ({malgrupp}): {'finns' if there else 'saknas'}")
    assert not missing, "\n".join(missing)


def test_every_page_without_a_source_file_is_listed(built) -> None:
    project, sites = built
    model = check(project, TODAY).model
    assert model is not None
    listed = {built_as(page) for page in site_pages(model).generated}
    sources = {
        built_as(p.relative_to(project / "docs").as_posix())
        for p in (project / "docs").rglob("*.md")
    }
    unlisted = []
    for malgrupp, site in sites.items():
        for path in site.rglob("index.html"):
            page = path.relative_to(site).as_posix()
            if page not in listed and page not in sources:
                unlisted.append(f"{page} ({malgrupp})")
    assert not unlisted, "\n".join(unlisted)
