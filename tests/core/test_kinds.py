"""The registry of source kinds agrees with itself and with the messages."""

from __future__ import annotations

from styrdok.core.kinds import KINDS
from styrdok.core.messages import RULES


def test_every_referenced_kind_has_a_rule_for_unknown_ids():
    referenced = {target for kind in KINDS.values() for target in kind.references.values()}
    for key in referenced:
        ids = KINDS[key].ids
        assert ids is not None, key
        assert ids.unknown in RULES, key


def test_references_name_kinds_with_ids():
    for kind in KINDS.values():
        for field, target in kind.references.items():
            assert target in KINDS, (kind.key, field)


def test_every_data_folder_kind_names_its_file_by_a_field_and_a_rule():
    for kind in KINDS.values():
        if kind.data_folder:
            assert kind.data_folder.mismatch in RULES, kind.key
