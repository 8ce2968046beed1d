"""The lemma table the search worker reads: chosen from the dictionary for the site's own
words, only where lunr.sv's stemmer alone would not join a form to its lemma."""

from __future__ import annotations

import json

from styrdok.adapters import search_lemmas
from styrdok.adapters.search_lemmas import (
    Dictionary,
    grundformer,
    lemma_file,
    stem,
    vocabulary,
)

# form → lemma, as simplemma's dictionary has them (a small made-up part of it).
FORMS = {
    "brand": "brand",
    "branden": "brand",
    "bränder": "brand",
    "brändernas": "brand",
    "kris": "kris",
    "krisen": "kris",
    "hot": "hot",
    "hota": "hota",
    "hotet": "hot",
    "anställa": "anställa",
    "anställd": "anställa",  # also a lemma of its own (the adjective): see below
    "anställda": "anställa",
    "anställt": "anställa",
    "anställdare": "anställd",  # which makes anställd a lemma of the dictionary
    "städa": "städa",
    "stad": "stad",
    "städer": "stad",
    "arbete": "arbete",
    "arbetet": "arbete",
    "Stockholms": "Stockholm",
}


def index(*texts: str) -> dict[str, object]:
    return {
        "config": {"separator": r"[\s\-]+"},
        "docs": [{"location": f"{n}/", "title": "", "text": t} for n, t in enumerate(texts)],
    }


def test_the_stemmer_is_lunr_svs_snowball_from_before_3_0() -> None:
    # Snowball 3.0 strips a definite -et; lunr.sv does not, and the table must agree.
    assert stem("våldet") == "våldet"
    assert stem("krisen") == stem("kriser") == stem("kris") == "kris"
    assert stem("bränder") == "bränd" != stem("brand")


def test_the_vocabulary_is_the_index_words_split_by_its_separator_without_markup() -> None:
    words = vocabulary(index("<p>Bränder i <code>stadens</code> lokaler-och</p>", "Kris"))
    assert words == {"bränder", "i", "stadens", "lokaler", "och", "kris"}


def test_forms_the_stemmer_joins_are_left_out_and_umlaut_plurals_kept() -> None:
    assert grundformer({"brand"}, FORMS) == {"brand": ["bränder", "brändernas"]}
    assert grundformer({"kris"}, FORMS) == {}


def test_a_site_word_that_is_itself_an_inflected_form_brings_its_lemmas_forms() -> None:
    assert grundformer({"städer"}, FORMS) == {"stad": ["städer"]}


def test_a_word_that_is_a_lemma_itself_is_never_rewritten() -> None:
    # "hot" (a threat) is not the verb hota's; "städa" does not block städer → stad.
    table = grundformer({"hot", "stad"}, FORMS)
    assert "hot" not in {f for forms in table.values() for f in forms}
    assert table["stad"] == ["städer"]


def test_a_form_shared_with_a_lemma_of_its_own_of_the_same_stem_is_left_out() -> None:
    # anställda stems as the adjective anställd, itself a form of anställa: rewriting it
    # would part it from anställd, which the query's prefix anställ* joins anyway.
    assert grundformer({"anställda"}, FORMS) == {"anställa": ["anställt"]}


def test_an_unknown_compound_brings_the_forms_of_its_last_part() -> None:
    assert grundformer({"stabsarbete"}, FORMS) == {"arbete": ["arbetet"]}


def test_only_lower_case_forms_enter_the_table() -> None:
    assert grundformer({"stockholm"}, FORMS) == {}


def test_the_file_is_json_data_and_the_same_index_gives_the_same_bytes() -> None:
    source = json.dumps(index("Bränder </script> \u2028 krisen", "brand"))
    first = lemma_file(source)
    assert first == lemma_file(source)
    data = json.loads(first)
    assert data["format"] == 1
    assert "bränder" in data["grundformer"]["brand"]
    assert "</script>" not in first.decode()


def test_with_simplemmas_dictionary_the_issues_examples_are_joined() -> None:
    table = grundformer({"brand", "stad", "våld", "kris", "anställda"})
    assert "bränder" in table["brand"]
    assert "städer" in table["stad"]
    assert "våldet" in table["våld"]
    # krisen, kriser: the stemmer alone joins them
    assert not {"krisen", "kriser"} & set(table.get("kris", []))


class CountedForms(dict):
    """A dictionary of forms that counts the words looked up in it."""

    lookups = 0

    def __contains__(self, key: object) -> bool:
        CountedForms.lookups += 1
        return super().__contains__(key)


def test_a_word_of_a_megabyte_costs_no_more_lookups_than_the_longest_known_word() -> None:
    # An editor's text without a separator is one word; looking up every tail of it
    # was quadratic (a million slices of up to a megabyte: hours of CI).
    forms = CountedForms({f.encode(): b.encode() for f, b in FORMS.items()})
    known = Dictionary.of(forms)
    CountedForms.lookups = 0
    assert grundformer(["x" * 100_000 + "bränder"], known) == {"brand": ["bränder", "brändernas"]}
    assert 0 < CountedForms.lookups < 3 * known.longest


def test_the_dictionary_is_read_as_bytes_and_gives_the_same_table_as_text() -> None:
    words = {"städer", "bränder", "anställda", "stabsarbetet", "hot", "kris"}
    assert grundformer(words, Dictionary.of_text(FORMS)) == grundformer(words, FORMS)
    assert Dictionary.of_text(FORMS).lemma("städer") == "stad"
    assert Dictionary.of_text(FORMS).lemma("okänt") == "okänt"


def test_simplemmas_dictionary_is_loaded_once_a_process() -> None:
    assert search_lemmas._dictionary() is search_lemmas._dictionary()


def test_lexicons_read_only_new_lemmas_and_give_what_one_pass_gives(monkeypatch) -> None:
    """The preview builds the table on every save: a lemma read once is not read again,
    a word that is no lemma costs no pass, and what comes out is Lexicon.of's."""
    known = Dictionary.of_text(FORMS)
    lexicons = search_lemmas._Lexicons()
    passes: list[frozenset[str]] = []
    one_pass = search_lemmas.Lexicon.of

    def counted(known: Dictionary, wanted: frozenset[str]) -> search_lemmas.Lexicon:
        passes.append(frozenset(wanted))
        return one_pass(known, wanted)

    monkeypatch.setattr(search_lemmas.Lexicon, "of", counted)
    for wanted in (
        {"brand", "kris"},
        {"brand", "kris", "markör123"},  # no lemma of the dictionary: no pass
        {"brand", "anställa", "hot"},
        {"stad", "anställd", "brand"},
        {"brand"},
    ):
        got = lexicons.of(known, wanted)
        assert got == one_pass(known, wanted)
    assert passes == [
        frozenset({"brand", "kris"}),
        frozenset({"anställa", "hot"}),
        frozenset({"stad", "anställd"}),
    ]
