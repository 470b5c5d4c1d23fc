"""docs/observability.md runs as written: each Python block in a fresh interpreter, with the plugin discovered from its
entry point as an installed plugin is, printing exactly the `<!-- output -->` block that follows it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "observability.md"
_BLOCK = re.compile(r"```python\n(?P<code>.*?)```\n(?:<!-- output -->\n```text\n(?P<output>.*?)```\n)?", re.S)
BLOCKS = [(DOC.read_text(encoding="utf-8").count("\n", 0, m.start()) + 2, m) for m in _BLOCK.finditer(DOC.read_text())]


def test_the_page_has_runnable_examples() -> None:
    assert len(BLOCKS) >= 2 and all(m["output"] for _, m in BLOCKS)


@pytest.mark.parametrize(("line", "match"), BLOCKS, ids=[f"line{line}" for line, _ in BLOCKS])
def test_a_python_block_runs_as_written(line: int, match: re.Match[str], tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ANTHROPIC_", "OTEL_"))}
    script = tmp_path / "example.py"
    script.write_text(match["code"], encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, f"docs/observability.md line {line} failed:\n{result.stdout}\n{result.stderr}"
    assert result.stdout == match["output"], f"docs/observability.md line {line} printed:\n{result.stdout}"
