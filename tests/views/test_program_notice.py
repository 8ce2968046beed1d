"""What the site says about the programme on the reference date (views/program_notice.py):
the start page's box for each state, the notice on the pages that present the programme,
and where it goes on a page."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import markdown
import pytest

from styrdok.core import addresses
from styrdok.select import select
from styrdok.views import fragments, program_notice

from helpers import check

# The valid project's programme, program-nu, is adopted for 2018–2030; these make it
# each state the site can find a programme in.
FORSLAG = ("status: gällande", "status: förslag")
UTGATT = ("status: gällande", "status: utgått")
SUCCESSORS = """
- id: program-a
  titel: Program A 2031–2034
  period:
    fran: 2031
    till: 2034
  status: gällande
  beslutad_av: kommunfullmaktige
  beslutsdatum: 2030-04-12
  ersatter:
    - program-nu

- id: program-b
  titel: Program B <b>**2031**</b>
  period:
    fran: 2020
    till: 2023
  status: gällande
  beslutad_av: kommunfullmaktige
  ersatter:
    - program-nu
"""


def publication(project, dag: date, *edits: tuple[str, str], extra: str = ""):
    path = project / "data" / "program.yml"
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        text = text.replace(old, new, 1)
    path.write_text(text + extra, encoding="utf-8")
    outcome = check(project, dag)
    assert outcome.ok, outcome.problems
    return select(outcome.model, "intranät", dag)


def test_in_force_the_start_page_says_so_and_no_page_gets_a_notice(project):
    pub = publication(project, date(2026, 1, 1))
    box = fragments.program_status(pub)
    assert box.startswith('!!! success "Programmet gäller"')
    assert "Testprogram 2018–2030 gäller under programperioden 2018–2030." in box
    assert program_notice.notice(pub) is None


def test_before_its_period_the_programme_is_coming(project):
    pub = publication(project, date(2017, 12, 31))
    box = fragments.program_status(pub)
    assert box.startswith('!!! info "Programmet gäller från 2018"')
    assert "Programperioden 2018–2030 har inte börjat." in box
    # The pages' notice is the start page's box, left out of the search index.
    assert program_notice.notice(pub) == program_notice.lage(pub, pub.program).unsearched()
    assert rendered(program_notice.notice(pub)) == unsearched(rendered(box))


def test_after_its_period_it_is_never_shown_as_in_force(project):
    pub = publication(project, date(2031, 1, 1))
    box = fragments.program_status(pub)
    assert box.startswith('!!! warning "Programperioden har löpt ut"')
    assert "Programperioden 2018–2030 för Testprogram 2018–2030 har löpt ut." in box
    assert "gäller under" not in box
    # The pages' notice is the start page's box, left out of the search index.
    assert program_notice.notice(pub) == program_notice.lage(pub, pub.program).unsearched()
    assert rendered(program_notice.notice(pub)) == unsearched(rendered(box))
    assert "Perioden har löpt ut" in fragments.program_fakta(pub)


def test_a_proposal_is_not_yet_adopted(project):
    pub = publication(project, date(2026, 1, 1), FORSLAG)
    box = fragments.program_status(pub)
    assert box.startswith('!!! info "Programmet är ännu inte antaget"')
    assert "Testprogram 2018–2030 är ett förslag och gäller inte." in box


def test_an_expired_programme_without_successors_no_longer_applies(project):
    pub = publication(project, date(2026, 1, 1), UTGATT)
    box = fragments.program_status(pub)
    assert box.startswith('!!! danger "Programmet gäller inte längre"')
    assert "Testprogram 2018–2030 gäller inte längre." in box
    assert "ersatts" not in box
    assert "En anvisning gäller enligt sitt eget beslut" in box
    assert "Har utgått" in fragments.program_fakta(pub)


def test_a_replaced_programme_names_each_successor_with_its_decision_and_state(project):
    pub = publication(project, date(2031, 6, 1), UTGATT, extra=SUCCESSORS)
    # The content belongs to program-nu, so it is the one presented, and said to be replaced.
    assert pub.program.id == "program-nu"
    box = fragments.program_status(pub)
    assert box.startswith('!!! danger "Programmet har ersatts"')
    assert (
        "Programperioden 2018–2030 har löpt ut och Testprogram 2018–2030 gäller inte längre. "
        "Det har ersatts av Program A 2031–2034 (beslutat av kommunfullmäktige 2030-04-12; "
        "gäller) och Program B &lt;b&gt;\\*\\*2031\\*\\*&lt;/b&gt; (beslutat av "
        "kommunfullmäktige; programperioden 2020–2023 har löpt ut)."
    ) in box
    # The pages' notice is the start page's box, left out of the search index.
    assert program_notice.notice(pub) == program_notice.lage(pub, pub.program).unsearched()
    assert rendered(program_notice.notice(pub)) == unsearched(rendered(box))
    facts = fragments.program_fakta(pub)
    assert "Program A 2031–2034 (beslutat av kommunfullmäktige 2030-04-12; gäller)" in facts


@pytest.mark.parametrize(
    ("dag", "state"),
    [(date(2026, 6, 1), "ännu inte antaget"), (date(2030, 6, 1), "gäller från 2031")],
)
def test_a_successor_not_yet_adopted_or_not_yet_begun_is_said_to_be(project, dag, state):
    pub = publication(project, dag, UTGATT, extra=SUCCESSORS)
    assert f"Program A 2031–2034 (beslutat av kommunfullmäktige 2030-04-12; {state})" in (
        program_notice.notice(pub)
    )


def test_no_programme_at_all_says_so(project):
    pub = publication(project, date(2026, 1, 1))
    empty = select(replace(pub.model, program=()), dag=pub.dag)
    assert "Inget program" in fragments.program_status(empty)
    assert program_notice.notice(empty) is None


def test_the_pages_that_present_the_programme(project):
    pub = publication(project, date(2026, 1, 1))
    pages = program_notice.programme_pages(pub)
    # The valid project has the overviews of målområden and fokusområden, not the rest.
    assert {addresses.MALOMRADEN, addresses.FOKUSOMRADEN} <= pages
    assert addresses.malomrade("individens-trygghet") in pages
    assert addresses.fokusomrade("krisberedskap") in pages
    assert "index.md" not in pages
    assert not any(page.startswith("anvisningar/") for page in pages)
    # No programme task for any organ in the valid project: no organ page.
    assert not any(page.startswith("organ/") for page in pages)


def test_organ_pages_present_the_programme_when_it_gives_the_organ_tasks(project):
    tasks = (
        "  ersatter:\n    - program-forr\n",
        "  ansvar:\n    - organtyper: [facknämnd]\n      uppgifter: [Rapporterar.]\n"
        "  ersatter:\n    - program-forr\n",
    )
    pub = publication(project, date(2026, 1, 1), tasks)
    pages = program_notice.programme_pages(pub)
    assert addresses.organ("socialnamnden") in pages
    assert addresses.organ("ab-svenska-bostader") not in pages


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("# Titel\n\nText.\n", "# Titel\n\nNOTIS\n\n\nText.\n"),
        ("\n\n# Titel {#t}\nText.", "\n\n# Titel {#t}\n\nNOTIS\n\nText."),
        ("Titel\n=====\n\nText.", "Titel\n=====\n\nNOTIS\n\n\nText."),
        ("Text utan rubrik.", "\nNOTIS\n\nText utan rubrik."),
        ("", "\nNOTIS\n\n"),
    ],
)
def test_the_notice_goes_under_the_title(markdown, expected):
    assert program_notice.with_notice(markdown, "NOTIS") == expected


def rendered(text: str) -> str:
    return markdown.markdown(text, extensions=["admonition", "attr_list", "md_in_html"])


def unsearched(html: str) -> str:
    """`html` with the attribute that keeps its first admonition out of the search index."""
    return re.sub(
        r'<div class="admonition (\w+)">',
        r'<div class="admonition \1" data-search-exclude="data-search-exclude">',
        html,
        count=1,
    )
