"""The README's demo runs offline against the bundled fake API and shows each feature."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo.py"


def test_demo_runs_against_the_fake_api() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL")}
    out = subprocess.run([sys.executable, str(DEMO)], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert "using the bundled fake Anthropic API" in text
    assert "1. messages.create -> Hello from the fake Anthropic API" in text
    assert "2. messages.stream -> Hello from the fake Anthropic API" in text
    assert "3. messages.count_tokens ->" in text
    if "4. tool runner: skipped" not in text:
        assert "the model called get_weather({'city': 'Paris'})" in text
        assert "final answer: It is 18 degrees and sunny in Paris." in text
