"""MkDocs' log in Swedish: each message an editor can cause, with the line of the link."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from styrdok.adapters.mkdocs_messages import Sources, is_error, translate


def record(message: str, level: int = logging.WARNING, name: str = "mkdocs.structure.pages"):
    return logging.LogRecord(name, level, __file__, 1, message, None, None)


@pytest.fixture
def sources(tmp_path: Path) -> Sources:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "begrepp.md").write_text(
        "---\ntitle: Begrepp\n---\n\nSe [a](anvisningar/finns-inte.md) och\n"
        "[b](anvisningar/kamerabevakning.md#saknas), [c](/abs.md) och [d](#har-inte).\n"
        "Se också anvisningar/abs.md i texten.\n",
        encoding="utf-8",
    )
    guide = tmp_path / "CONTRIBUTING.md"
    guide.write_text("# Guide\n\nLäs [mer](anvisningar/borta.md).\n", encoding="utf-8")
    return Sources(tmp_path, docs, (guide,))


@pytest.mark.parametrize(
    ("message", "line", "words"),
    [
        (
            "Doc file 'begrepp.md' contains a link 'anvisningar/finns-inte.md', but the target "
            "is not found among documentation files.",
            "docs/begrepp.md:5:8: fel: länken 'anvisningar/finns-inte.md' går till en sida som "
            "inte finns",
            (),
        ),
        (
            "Doc file 'begrepp.md' contains a link 'anvisningar/finns-inte.md', but the target "
            "'anvisningar/finns-inte.md' is not found among documentation files. Did you mean "
            "'anvisningar/finns.md'?",
            "docs/begrepp.md:5:8: fel:",
            ("Menade du 'anvisningar/finns.md'?",),
        ),
        (
            "Doc file 'begrepp.md' contains a link 'anvisningar/kamerabevakning.md#saknas', but "
            "the doc 'anvisningar/kamerabevakning.md' does not contain an anchor '#saknas'.",
            "docs/begrepp.md:6:5: fel: länken 'anvisningar/kamerabevakning.md#saknas' går till "
            "avsnittet '#saknas', som inte finns på sidan anvisningar/kamerabevakning.md",
            (),
        ),
        (
            "Doc file 'begrepp.md' contains an absolute link '/abs.md', it was left as is.",
            "docs/begrepp.md:6:49: fel: länken '/abs.md' börjar med /",
            (),
        ),
        (
            "Doc file 'begrepp.md' contains a link '#har-inte', but there is no such anchor on "
            "this page.",
            "docs/begrepp.md:6:66: fel: länken '#har-inte' går till avsnittet '#har-inte', som "
            "inte finns på samma sida",
            (),
        ),
        (
            "Doc file 'begrepp.md' contains an unrecognized relative link 'anvisningar', it was "
            "left as is.",
            "docs/begrepp.md:5:8: fel: länken 'anvisningar' går inte till en sida",
            (),
        ),
        (
            # The editor guide is shown through a macro: the link is in CONTRIBUTING.md.
            "Doc file 'for-redaktorer.md' contains a link 'anvisningar/borta.md', but the target "
            "is not found among documentation files.",
            "CONTRIBUTING.md:3:11: fel: länken 'anvisningar/borta.md'",
            (),
        ),
        (
            "Encoding error reading file: docs/begrepp.md",
            "docs/begrepp.md:1:1: fel: filen är inte sparad som UTF-8",
            (),
        ),
    ],
)
def test_a_known_message_becomes_a_swedish_line_with_file_and_line(sources, message, line, words):
    translated = translate(record(message), sources)
    assert translated is not None and translated.startswith(line), translated
    for word in words:
        assert word in translated
    assert "Doc file" not in translated and "contains" not in translated


def test_a_link_not_found_in_the_source_still_names_the_page(sources):
    translated = translate(
        record(
            "Doc file 'organ/x.md' contains a link 'y.md', but the target is not found among "
            "documentation files."
        ),
        sources,
    )
    assert translated is not None and translated.startswith("docs/organ/x.md:1:1: fel: ")


@pytest.mark.parametrize(
    "message",
    [
        "Cleaning site directory",
        "Building documentation to directory: /tmp/site",
        "Documentation built in 2.28 seconds",
        "Building documentation...",
        "[17:29:12] Serving on http://127.0.0.1:8000/test/",
        "[17:29:12] Watching paths for changes: 'docs', 'mkdocs.yml'",
        "[17:29:18] Detected file changes",
        "[17:29:18] Reloading browsers",
    ],
)
def test_the_chatter_of_a_build_is_dropped(sources, message):
    assert translate(record(message, logging.INFO, "mkdocs.commands.build"), sources) is None


def test_our_own_messages_pass_as_they_are(sources):
    ours = "docs/anvisningar/x.md:12:9: fel: 'trasig' är inte ett tillåtet värde för 'status'"
    assert translate(record(ours, logging.ERROR, "mkdocs.plugins.styrdok"), sources) == ours
    assert translate(record("styrdok: 1 fel", logging.ERROR), sources) == "styrdok: 1 fel"


def test_an_unknown_warning_is_passed_on_marked_never_dropped(sources):
    translated = translate(record("Something new went wrong"), sources)
    assert translated == (
        "styrdok: fel från MkDocs, som styrdok inte har översatt: Something new went wrong"
    )


def test_a_request_the_preview_cannot_answer_is_not_a_problem(sources):
    request = record('[17:29:18] "GET /test/borta/ HTTP/1.1" code 404', name="mkdocs.livereload")
    assert not is_error(request)
    assert translate(request, sources) == (
        "styrdok: förhandsgranskningen har ingen sida på adressen /test/borta/"
    )
    assert is_error(record("Doc file 'a.md' contains an absolute link '/b', it was left as is."))


def test_the_preview_shows_a_warning_once_and_every_error_each_time(sources: Sources) -> None:
    import io

    from styrdok.adapters.mkdocs_run import SwedishLog

    out = io.StringIO()
    log = SwedishLog(sources, out)
    warning = "data/program.yml:69:11: varning: perioden har löpt ut – Se över programmet."
    error = "docs/begrepp.md:5:8: fel: länken går till en sida som inte finns – Rätta länken."
    log.emit(record(warning, logging.INFO, "mkdocs.plugins.styrdok"))
    log.repeat_warnings = False  # the preview's rebuilds
    for _ in range(2):
        log.emit(record(warning, logging.INFO, "mkdocs.plugins.styrdok"))
        log.emit(record(error, logging.ERROR, "mkdocs.plugins.styrdok"))
    assert out.getvalue().count(warning) == 1
    assert out.getvalue().count(error) == 2
    assert log.held_back == 2
