"""Macro pages (adapters/templating.py): nothing renders but calls of known macros with
literal arguments, in Jinja's sandbox (THREATS.md, 2 and 7e)."""

from __future__ import annotations

import re

import pytest

from styrdok.adapters.templating import MacroError, render

MACROS = {"forteckning": lambda: "TABELL", "organ_lista": lambda typ: f"LISTA {typ}"}


@pytest.mark.parametrize(
    "attack",
    [
        '{% include "anvisningar/skyddad-plan.md" %}',
        '{% include "anvisningar/skyddad-plan.md" | upper %}',
        "{{ self.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{{ forteckning.__globals__['os'].system('id') }}",
        "{{ lipsum.__globals__ }}",
        "{{ forteckning() | upper }}",
        "{% for i in range(100000000) %}x{% endfor %}",
        "{% set x = 1 %}",
        '{% import "macros.py" as m %}',
        '{% extends "base.html" %}',
        "{{ organ_lista(typ=forteckning) }}",
        "{{ config }}",
        "{{ forteckning }}",
        "{{ okand() }}",
        "{{ organ_lista(*args) }}",
        "{{ forteckning(" + "(" * 3000 + "1" + ")" * 3000 + ") }}",
        "{{ organ_lista(typ=" + "-" * 3000 + "1) }}",
        "{{ organ_lista(typ=1" + "0" * 5000 + ") }}",
        "{{ forteckning(1) }}",
        "{{ texten",
    ],
)
def test_macro_pages_allow_nothing_but_calls_of_known_macros(attack):
    with pytest.raises(MacroError) as raised:
        render(f"# Rubrik\n\nText\n\n{attack}\n", MACROS)
    assert raised.value.line == 5
    assert re.search(r"[åäö]|makro", str(raised.value))


def test_a_page_may_call_macros_only_so_many_times():
    with pytest.raises(MacroError) as raised:
        render("{{ forteckning() }}\n" * 51, MACROS)
    assert "högst 50" in str(raised.value) and raised.value.line == 51


def test_a_fault_in_a_macro_is_a_message_not_a_traceback():
    def broken() -> str:
        raise KeyError("index.md")

    with pytest.raises(MacroError) as raised:
        render("Text\n\n{{ broken() }}\n", {"broken": broken})
    assert raised.value.line == 3 and "kontakta utvecklarna" in str(raised.value)


def test_macro_calls_still_work():
    text = '{{ forteckning() }} och {{ organ_lista("facknämnd") }} och {{ organ_lista(typ="x") }}'
    assert render(text, MACROS) == "TABELL och LISTA facknämnd och LISTA x"
