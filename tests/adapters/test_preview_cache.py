"""What the preview keeps between rebuilds (adapters/preview_cache) is used only when
everything it was computed from is the same, and a page that warned is rendered again:
under --strict the warning must stop every rebuild, not only the first."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment, FileSystemLoader
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from styrdok.adapters.preview_cache import PageCache, TemplateCache
from styrdok.adapters.render import WithheldLinks


@pytest.fixture
def config(project: Path):
    return load_config(config_file=str(project / "mkdocs.yml"))


class Renders:
    """A stand-in for Page.render that counts its calls and may warn as MkDocs does."""

    def __init__(self, page: Page, warn: bool = False) -> None:
        self.page, self.warn, self.calls = page, warn, 0

    def __call__(self, config, files) -> None:
        self.calls += 1
        if self.warn:
            logging.getLogger("mkdocs.structure.pages").warning("a link goes nowhere")
        self.page.content = f"<p>{self.page.markdown}</p>"
        self.page.present_anchor_ids = {"a"}


def _page(config, files: Files, text: str) -> Page:
    page = Page(None, files.get_file_from_path("sida.md"), config)
    page.markdown = text
    return page


def _files(config, *names: str) -> Files:
    return Files([File(name, config.docs_dir, config.site_dir, True) for name in names])


def _render_twice(config, files: Files, texts: tuple[str, str], warn=False, extra=(), later=None):
    cache = PageCache()
    counted = []
    for number, text in enumerate(texts):
        used = files if number == 0 or later is None else later
        cache.begin(config, used, WithheldLinks, extra[number] if extra else None)
        page = _page(config, used, text)
        render = Renders(page, warn)
        cache.render(page, render)(config, used)
        counted.append(render.calls)
        assert page.content == f"<p>{text}</p>" and page.present_anchor_ids == {"a"}
        cache.end()
    return counted


def test_an_unchanged_page_is_taken_from_the_last_rebuild(config):
    files = _files(config, "sida.md", "annan.md")
    assert _render_twice(config, files, ("Text", "Text")) == [1, 0]


def test_a_changed_page_is_rendered_again(config):
    files = _files(config, "sida.md", "annan.md")
    assert _render_twice(config, files, ("Text", "Ny text")) == [1, 1]


def test_another_set_of_files_renders_every_page_again(config):
    # A link's address, or whether it goes anywhere, depends on every file of the site.
    files = _files(config, "sida.md", "annan.md")
    later = _files(config, "sida.md", "annan.md", "ny.md")
    assert _render_twice(config, files, ("Text", "Text"), later=later) == [1, 1]


def test_other_withheld_pages_render_every_page_again(config):
    files = _files(config, "sida.md")
    extra = ((["a.md"], []), (["a.md", "b.md"], []))
    assert _render_twice(config, files, ("Text", "Text"), extra=extra) == [1, 1]


def test_a_page_that_warned_is_rendered_again_to_warn_again(config):
    files = _files(config, "sida.md")
    assert _render_twice(config, files, ("Text", "Text"), warn=True) == [1, 1]


def test_an_unknown_markdown_extension_object_keeps_nothing(config):
    from markdown.extensions.abbr import AbbrExtension

    config.markdown_extensions.append(AbbrExtension())
    files = _files(config, "sida.md")
    assert _render_twice(config, files, ("Text", "Text")) == [1, 1]


def test_an_edited_template_is_compiled_again(tmp_path: Path):
    cache = TemplateCache()
    templates = {"sida.html": "{{ 1 + 1 }}"}
    for source, expected in (("{{ 1 + 1 }}", "2"), ("{{ 1 + 1 }}", "2"), ("{{ 2 + 2 }}", "4")):
        templates["sida.html"] = source
        env = Environment(loader=DictLoader(dict(templates)), bytecode_cache=cache)
        assert env.get_template("sida.html").render() == expected


def test_the_projects_own_theme_folder_is_listed_on_every_build(tmp_path: Path):
    installed, own = tmp_path / "installerat", tmp_path / "projekt" / "overrides"
    installed.mkdir()
    own.mkdir(parents=True)
    (installed / "base.html").write_text("x")
    cache = TemplateCache()
    listings = []
    for added in ("main.html", "partials.html"):
        (own / added).write_text("x")
        (installed / f"inte-{added}").write_text("x")  # not seen: installed, listed once
        env = Environment(loader=FileSystemLoader([str(own), str(installed)]))
        cache.install(env, tmp_path / "projekt")
        listings.append(env.list_templates())
    assert listings == [
        ["base.html", "inte-main.html", "main.html"],
        ["base.html", "inte-main.html", "main.html", "partials.html"],
    ]


def test_every_environment_the_theme_makes_after_install_theme_uses_the_cache(tmp_path: Path):
    """MkDocs makes the theme's first environment before any plugin sees one (to list the
    theme's files); install_theme, called when the config is loaded, covers it."""
    installed, own = tmp_path / "installerat", tmp_path / "projekt" / "overrides"
    installed.mkdir()
    own.mkdir(parents=True)
    (installed / "base.html").write_text("x")

    class Theme:
        def get_env(self) -> Environment:
            return Environment(loader=FileSystemLoader([str(own), str(installed)]))

    cache = TemplateCache()
    theme = Theme()
    cache.install_theme(theme, tmp_path / "projekt")
    first = theme.get_env()
    assert first.bytecode_cache is cache
    assert first.list_templates() == ["base.html"]
    (installed / "inte-sedd.html").write_text("x")  # installed: listed once a preview
    (own / "main.html").write_text("x")  # the project's own: listed every time
    assert theme.get_env().list_templates() == ["base.html", "main.html"]
