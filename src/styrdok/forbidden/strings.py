"""What must not appear in the site built for an audience, worked out from the whole model.

From every document the selection withholds: its id, address and source link, its title,
summary, case number and passages of its text; for skyddad anvisningar everything but
the metadata. Kept earlier versions of anvisningar count as documents of their own. From every report of a year's follow-up that the audience does not get in
full: its risks' titles and measures, its note and its reference. A word string that
also occurs in text that is published for the audience (a published anvisning, page or
report, the data, the editor guide) is not evidence of a leak and is left out. References to ids are kept even then: a link to a withheld document that a
published page makes must still be caught if the build fails to remove it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from styrdok.core.model import Anvisning, Model, Rapport, Sida
from styrdok.core.reading.guide import read_guide
from styrdok.forbidden.matcher import Matcher
from styrdok.forbidden.normal import INLINE_TAG, folded, word_form, words
from styrdok.select import Publication, strictest

# A passage is this many words of a withheld text: long enough not to occur by chance.
PASSAGE_WORDS = 8
MIN_TITLE = 12

_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`>#|]|^\s*(?:[-+]|\d+\.)\s+", re.MULTILINE)
_SPACE = re.compile(r"\s+")
# `_MARKUP` over a whole text whose lines are joined by "\n", made unable to cross a
# line, so that it matches what it matches line by line: `rendered` reads a text in a
# few passes of C instead of one Python call per line and per match.
_LINK = r"!?\[([^\]\n]*)\]\([^)\n]*\)"
_NOT_A_LINK = r"[*_`>#|]|^[^\S\n]*(?:[-+]|\d+\.)[^\S\n]+"
_TEXT_MARKUP = re.compile(f"{_LINK}|{_NOT_A_LINK}", re.MULTILINE)
_TEXT_LINK = re.compile(_LINK)
_TEXT_NOT_A_LINK = re.compile(_NOT_A_LINK, re.MULTILINE)
_TEXT_SPACE = re.compile(r"[^\S\n]+")
_LINE_END = re.compile(r" ?\n ?")
# Stands for a link while the rest of the markup is removed; a text that has it
# already is read with a Python call per match instead.
_PLACEHOLDER = "\0"
# The forms below are pure functions of source texts (never of built files), and the
# check asks for the same ones once per audience and per form of the same text:
# remembered, each is worked out once. Bounded, for the plugin's long `mkdocs serve`.
_REMEMBERED = 1 << 17


@lru_cache(maxsize=_REMEMBERED)
def plain(markdown: str) -> str:
    """A line of Markdown as it reads once rendered."""
    return _SPACE.sub(" ", _MARKUP.sub(lambda m: m.group(1) or " ", markdown)).strip()


def _line_runs(line: str) -> list[list[str]]:
    """The words of a line of Markdown as it reads once rendered (as `plain`), in runs
    that a passage may not cross: a link's text is a run of its own, between the runs
    before and after it. The link's text names what it links to (most often that
    document's title, which a published list shows beside others); it is not the
    withheld text's own words, and a passage that joins it to them, or two of them
    together, would be text the site may well show by itself."""
    runs: list[list[str]] = []
    position = 0
    stretch: list[str] = []
    for match in _MARKUP.finditer(line):
        stretch.append(line[position : match.start()])
        position = match.end()
        if match[0].startswith("[") and match.group(1) is not None:
            if not _reads_as_words(match[1]):
                # `[]()`, `[&#8203;](x)`: a link that shows nothing splits nothing, or
                # links no reader sees, every few words, would leave a text no passage.
                stretch.append(" ")
                continue
            runs += [_words(stretch), _words([match[1]])]
            stretch = []
        else:
            stretch.append(match.group(1) or " ")
    stretch.append(line[position:])
    runs.append(_words(stretch))
    return runs


def _reads_as_words(link_text: str) -> bool:
    """Whether a link's text shows a reader any word once rendered (entities decoded,
    invisible characters and inline tags gone)."""
    return bool(words(folded(INLINE_TAG.sub("", folded(link_text)))))


def _words(stretch: list[str]) -> list[str]:
    text = _SPACE.sub(" ", "".join(stretch)).strip()
    return text.split(" ") if text else []


def passages(markdown: str) -> Iterator[str]:
    """Runs of words from a Markdown text, one from the start of each line and one from
    after each link (see `_line_runs`).

    A run goes on into the next lines of the same paragraph, so a text wrapped at short
    lines still gives passages, and a line break in the source is no protection. It
    does not go through a link's text: those words are a reference, not the text's own
    (the linked document's title and id are forbidden in their own right, if withheld).
    """
    return iter(_passages(markdown))


@lru_cache(maxsize=_REMEMBERED)
def _passages(markdown: str) -> tuple[str, ...]:
    return tuple(_block_passages(markdown))


def _block_passages(markdown: str) -> Iterator[str]:
    block: list[list[list[str]]] = []
    for line in [*markdown.splitlines(), ""]:
        runs = _line_runs(line)
        if any(runs):
            block.append(runs)
            continue
        # The block's words in order, each with the number of the part between links it
        # is in, and where passages start: at every line and after every link.
        flat: list[str] = []
        part: list[int] = []
        starts: dict[int, None] = {}
        number = 0
        for runs in block:
            starts[len(flat)] = None
            for index, run in enumerate(runs):
                if index:
                    number += 1
                    starts[len(flat)] = None
                flat += run
                part += [number] * len(run)
        for start in starts:
            run = flat[start : start + PASSAGE_WORDS]
            if len(run) == PASSAGE_WORDS and part[start] == part[start + PASSAGE_WORDS - 1]:
                yield " ".join(run)
        block = []


def forbidden(
    whole: Model, pub: Publication, published_texts: Iterable[str] = ()
) -> dict[str, str]:
    """Strings that must not appear in the site built for `pub`, with what each one is.

    `published_texts` are texts the site shows that are not in the model, such as the
    editor guide (CONTRIBUTING.md): wording they share with a withheld document is
    public already and gives nothing away.
    """
    return forbidden_by_audience(whole, {"": pub}, published_texts)[""].strings


@dataclass(frozen=True)
class Forbidden:
    """What `forbidden` gives one audience, with a matcher for exactly those strings."""

    strings: dict[str, str]
    matcher: Matcher


def forbidden_by_audience(
    whole: Model, publications: Mapping[str, Publication], published_texts: Iterable[str] = ()
) -> dict[str, Forbidden]:
    """`forbidden` for each audience at once, each with its matcher: one automaton for
    all of them (an audience's withheld strings are mostly another's too), which also
    remembers what it found in each text, so a text two audiences publish, or one that
    the check then reads in its sources, is searched once."""
    published_texts = list(published_texts)
    found = {malgrupp: _withheld(whole, pub) for malgrupp, pub in publications.items()}
    everything = dict.fromkeys(string for strings in found.values() for string in strings)
    matcher = Matcher(everything).remembering()
    result: dict[str, Forbidden] = {}
    for malgrupp, pub in publications.items():
        mine = matcher.only(found[malgrupp])
        # Wording that a published text shares (a quoted law, the guide's example title)
        # gives nothing away. One pass of the matcher over each published text finds it.
        public: set[str] = set()
        for text in dict.fromkeys(_published(pub, published_texts)):
            if text:
                for form in published_word_forms(text):
                    public |= mine.find_word_form(form)
        kept = {string: what for string, what in found[malgrupp].items() if string not in public}
        result[malgrupp] = Forbidden(kept, matcher.only(kept))
    return result


def _withheld(whole: Model, pub: Publication) -> dict[str, str]:
    """Every string of what `pub` withholds, with what it is, before wording that a
    published text shares is allowed again."""
    found: dict[str, str] = {}
    published = {a.id: a for a in pub.anvisningar}

    def text_of(what: str, document: Anvisning | Sida, text: str) -> None:
        for passage in passages(text):
            found.setdefault(passage, f"text ur {what} '{document.sida}'")

    for anvisning in whole.anvisningar:
        shown = published.get(anvisning.id)
        what = f"{anvisning.atkomst} anvisning"
        if shown is None:
            found[f'"{anvisning.id}"'] = f"id för {what}"
            found[f"anvisningar/{anvisning.id}"] = f"adressen till {what}"
            found[f"{anvisning.id}.md"] = f"en länk till {what}"
            if len(anvisning.titel) >= MIN_TITLE:
                found.setdefault(anvisning.titel, f"titeln på {what} '{anvisning.id}'")
        if shown is None or anvisning.sida in pub.bara_metadata:
            found.setdefault(
                anvisning.sammanfattning, f"sammanfattningen av {what} '{anvisning.id}'"
            )
            if anvisning.diarienummer:
                found.setdefault(
                    anvisning.diarienummer, f"diarienumret för {what} '{anvisning.id}'"
                )
            text_of(what, anvisning, anvisning.text)
    for string, what in withheld_versions(whole, pub):
        found.setdefault(string, what)
    shown_pages = {s.sida for s in pub.model.sidor}
    for sida in whole.sidor:
        if sida.sida not in shown_pages:
            what = f"{sida.atkomst} sida"
            if len(sida.titel) >= MIN_TITLE:
                found.setdefault(sida.titel, f"titeln på {what} '{sida.sida}'")
            text_of(what, sida, sida.text)
    for string, what in withheld_reports(whole, pub):
        found.setdefault(string, what)
    for string, what in withheld_indicators(whole, pub):
        found.setdefault(string, what)
    return found


@lru_cache(maxsize=_REMEMBERED)
def published_word_forms(text: str) -> tuple[str, str]:
    """The `word_form`s a published text is read in, as written and rendered, inline
    tags gone (casefolded first: INLINE_TAG is matched in casefolded text)."""
    return word_form(INLINE_TAG.sub("", text.casefold())), rendered_word_form(
        tuple(text.splitlines())
    )


@lru_cache(maxsize=_REMEMBERED)
def rendered_word_form(lines: tuple[str, ...]) -> str:
    """The `word_form` of a text's lines as rendered, inline tags gone. Keyed by the
    lines, which is all `rendered` reads: the check's sources hold a document's text as
    its lines, the published texts as a string, and both come here. Its markup is
    removed as `rendered` removes it, but its whitespace left as it is: the words are
    the same (no whitespace is part of a word, an entity or an inline tag's name)."""
    return word_form(INLINE_TAG.sub("", _markup_gone("\n".join(lines)).casefold()))


def rendered(markdown: str) -> str:
    """A Markdown text as it reads once rendered, as `passages` reads withheld texts: a
    list's numbers and markers gone, so a passage over two items of a list the text
    shares with a withheld one is found in it too. The same as `plain` on each line,
    joined by "\n"."""
    text = _markup_gone("\n".join(markdown.splitlines()))
    return _LINE_END.sub("\n", _TEXT_SPACE.sub(" ", text)).strip(" ")


def _markup_gone(text: str) -> str:
    """A text whose lines are joined by "\n" with its markup removed as `plain` removes
    it line by line, whitespace left as it is."""
    if "[" not in text:
        return _TEXT_NOT_A_LINK.sub(" ", text)
    if _PLACEHOLDER in text:
        return _TEXT_MARKUP.sub(lambda m: m.group(1) or " ", text)
    # The links are the ones a single pass of `_TEXT_MARKUP` takes (the rest of the
    # markup cannot begin one or run into one); each is set aside for a placeholder,
    # the rest removed, and the links' texts put back.
    shown = [match[1] or " " for match in _TEXT_LINK.finditer(text)]
    pieces = _TEXT_NOT_A_LINK.sub(" ", _TEXT_LINK.sub(_PLACEHOLDER, text)).split(_PLACEHOLDER)
    return "".join(itertools.chain.from_iterable(zip(pieces, [*shown, ""], strict=True)))


def withheld_versions(whole: Model, pub: Publication) -> Iterator[tuple[str, str]]:
    """Of each kept earlier version the audience does not read in full: its address, its
    summary, case number and text, and (when it is not published at all) its title.
    A version is judged on its own: its text is forbidden even where the anvisning's
    current text is published, and wording the two share is allowed again below."""
    for version in whole.versioner:
        shown = pub.version_for_sida(version.sida)
        if shown is not None and version.sida not in pub.bara_metadata:
            continue
        current = whole.anvisning_med_id(version.id)
        level = strictest(version.atkomst, current.atkomst) if current else version.atkomst
        what = f"{level} version {version.version} av anvisningen '{version.id}'"
        if shown is None:
            page = version.sida.removesuffix(".md")
            yield page, f"adressen till {what}"
            yield f"{version.id}/version-{version.version}.md", f"en länk till {what}"
            if len(version.titel) >= MIN_TITLE:
                yield version.titel, f"titeln på {what}"
        yield version.sammanfattning, f"sammanfattningen av {what}"
        if version.diarienummer:
            yield version.diarienummer, f"diarienumret för {what}"
        for passage in passages(version.text):
            yield passage, f"text ur {what}"


def withheld_reports(whole: Model, pub: Publication) -> Iterator[tuple[str, str]]:
    """The texts of each report `pub` does not carry as written (left out, or a skyddad
    one as the fact of submission only), with what each one is."""
    published = {(year.ar, r.organ): r for year in pub.uppfoljning for r in year.rapporter}
    for year in whole.uppfoljning:
        for rapport in year.rapporter:
            if published.get((year.ar, rapport.organ)) != rapport:
                yield from _report_texts(
                    rapport, f"{rapport.atkomst} rapport från '{rapport.organ}' för {year.ar}"
                )


def withheld_indicators(whole: Model, pub: Publication) -> Iterator[tuple[str, str]]:
    """The name, description and source notes of each indicator `pub` leaves out."""
    published = {i.id for i in pub.indikatorer}
    for indikator in whole.indikatorer:
        if indikator.id in published:
            continue
        what = f"{indikator.atkomst} indikator '{indikator.id}'"
        texts = [(f"namnet på {what}", indikator.namn)]
        texts += [(f"beskrivningen av {what}", indikator.beskrivning)]
        texts += [(f"källan till {what}", indikator.datakalla.namn)]
        if indikator.datakalla.kommentar:
            texts.append((f"kommentaren till {what}", indikator.datakalla.kommentar))
        for label, text in texts:
            if len(text) >= MIN_TITLE:
                yield text, label
            yield from ((passage, f"text ur {what}") for passage in passages(text))


def _report_texts(rapport: Rapport, what: str) -> Iterator[tuple[str, str]]:
    texts = [(f"en risk i {what}", risk.titel) for risk in rapport.risker]
    texts += [(f"åtgärderna i {what}", risk.atgarder) for risk in rapport.risker]
    if rapport.notering:
        texts.append((f"noteringen i {what}", rapport.notering))
    for label, text in texts:
        if len(text) >= MIN_TITLE:
            yield text, label
        yield from ((passage, f"text ur {what}") for passage in passages(text))
    if rapport.referens:
        yield rapport.referens, f"referensen för {what}"


def _published(pub: Publication, extra: Iterable[str]) -> Iterator[str | None]:
    """Every text the site built for `pub` shows, as written in the source."""
    for a in pub.anvisningar:
        yield from (a.titel, a.sammanfattning, a.diarienummer, a.text, a.kontakt.funktion)
    for v in pub.model.versioner:
        yield from (v.titel, v.sammanfattning, v.diarienummer, v.text, v.kontakt.funktion)
    for s in pub.model.sidor:
        yield from (s.titel, getattr(s, "beskrivning", None), s.text)
    model = pub.model
    for p in model.program:
        yield from (p.titel, p.kortnamn, p.diarienummer, p.sammanfattning)
        yield from (p.utgangspunkt, p.kommunikation)
        yield from (task for ansvar in p.ansvar for task in ansvar.uppgifter)
    for m in model.malomraden:
        yield from (m.namn, m.beskrivning)
    for f in model.fokusomraden:
        yield from (f.namn, f.beskrivning, *f.malsattningar)
    for o in model.organ:
        yield from (o.namn, o.forvaltning, o.beskrivning)
    for law in model.forfattningar:
        yield from (law.namn, law.kortnamn)
    for year in pub.uppfoljning:
        for rapport in year.rapporter:
            yield from (rapport.referens, rapport.notering)
            yield from (text for risk in rapport.risker for text in (risk.titel, risk.atgarder))
    for indikator in pub.indikatorer:
        yield from (indikator.namn, indikator.beskrivning, indikator.datakalla.namn)
        yield indikator.datakalla.kommentar
    yield from extra


def published_sources(root: Path) -> list[str]:
    """Texts outside docs/ that every site shows: the editor guide, CONTRIBUTING.md,
    which the page 'För redaktörer' includes. Pass them to `forbidden`."""
    try:
        return [read_guide(root)]
    except ValueError:
        # Then no site shows it: the page that includes it stops the build.
        return []


def forget_forms() -> None:
    """Drop every form remembered above (`sources.forget_forms` says when)."""
    for remembered in (plain, _passages, published_word_forms, rendered_word_form):
        remembered.cache_clear()
