"""Links to withheld documents and notes in comments, taken out of the published text
(core/withheld.py)."""

from __future__ import annotations

from styrdok.core.withheld import published


def test_a_comment_behind_a_fence_python_markdown_does_not_take_is_removed():
    text = "```%\n<!-- KANARIE intern anteckning -->\n```\n"
    assert "KANARIE" not in published("a.md", text, lambda path: False)
    text = "```json\n<!-- ett exempel i kod -->\n```\n"
    assert "ett exempel i kod" in published("a.md", text, lambda path: False)
