"""The examples of docs/tools.md run as written against the fake server."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "tools.md"
BLOCKS = re.findall(r"<!-- docs-test: run -->\n```python\n(.*?)```", DOC.read_text(), flags=re.S)


def test_the_doc_has_runnable_examples() -> None:
    assert len(BLOCKS) == 3


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_doc_example_runs(index: int, capsys: pytest.CaptureFixture[str]) -> None:
    exec(compile(BLOCKS[index], f"{DOC.name}[example {index}]", "exec"), {"__name__": "__docs__"})
    out = capsys.readouterr().out
    if index == 0:
        assert out == (
            "tool_use ['tool_use', 'tool_use']\ntool_use ['tool_use']\nend_turn ['text']\nIt is sunny everywhere.\n"
        )
    elif index == 1:
        assert out == "Looking up. Both are fruits.\n"
    else:
        assert out.strip() == (
            "True The memory path '/memories/../../etc/passwd' contains '..'; paths must stay inside /memories"
        )
