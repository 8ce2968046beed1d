"""The shared Swedish wording (views/wording.py)."""

from __future__ import annotations

from styrdok.views.wording import SAMTLIGA, galler_for, organtyp, versal


def test_a_type_is_all_its_members_unless_it_has_one():
    assert organtyp("stadsdelsnämnd") == "alla stadsdelsnämnder"
    assert organtyp("bolagsstyrelse") == "alla bolagsstyrelser"
    # Kommunstyrelsen is one organ: "alla kommunstyrelsen" would be wrong.
    assert organtyp("kommunstyrelse") == "Kommunstyrelsen"
    assert organtyp("kommunfullmäktige") == "Kommunfullmäktige"


def test_whom_something_applies_to_reads_everyone_then_types_then_names():
    assert galler_for(True, (), ()) == [SAMTLIGA]
    assert galler_for(False, ("stadsdelsnämnd", "kommunstyrelse"), ["Idrottsnämnden"]) == [
        "alla stadsdelsnämnder",
        "Kommunstyrelsen",
        "Idrottsnämnden",
    ]
    assert versal(", ".join(galler_for(False, ("facknämnd",), []))) == "Alla facknämnder"
    assert versal("") == ""
