"""No silent pairing: a plugin next to the official `anthropic==0.74.0` (which has no plugin API and would ignore
it) is refused by pip's resolver, and, when forced in anyway, fails at import with a message naming the fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from _release_helpers import Venv, build_wheelhouse, release_only

pytestmark = [release_only, pytest.mark.timeout(1200)]

PLUGINS = ("bedrock", "vertex", "foundry", "tools", "otel")


def test_plugins_refuse_the_official_core(tmp_path: Path) -> None:
    dist = build_wheelhouse(tmp_path / "dist")
    env = Venv(tmp_path / "venv")
    pip = [str(env.python), "-m", "pip"]
    env.run([*pip, "install", "--quiet", "anthropic==0.74.0"], cwd=tmp_path)  # the official package, from the index

    # 1. The resolver refuses the pair (nothing is installed).
    refused = env.run([*pip, "install", "--dry-run", "--find-links", str(dist), "anthropic==0.74.0",
                       "anthropic-plugin-tools"], cwd=tmp_path, check=False)
    assert refused.returncode != 0
    assert "anthropic" in refused.stderr and ("conflict" in refused.stderr.lower() or "ResolutionImpossible" in refused.stderr)

    # 2. Forced in without dependencies: every plugin fails at import, naming the plugin API and the fix.
    wheels = [next(dist.glob(f"anthropic_plugin_{name}-*.whl")) for name in PLUGINS]
    env.run([*pip, "install", "--quiet", "--no-deps", *map(str, wheels)], cwd=tmp_path)
    assert env.run([*pip, "check"], cwd=tmp_path, check=False).returncode != 0  # pip itself reports the mismatch
    for name in PLUGINS:
        result = env.python_c(f"import anthropic_plugin_{name}", cwd=tmp_path, check=False)
        assert result.returncode != 0, f"anthropic_plugin_{name} imported next to the official core"
        message = result.stderr.strip().splitlines()[-1]
        assert message.startswith("ImportError: "), message
        assert f"anthropic-plugin-{name}" in message and "anthropic 0.74.0 is installed" in message, message
        assert "plugin API" in message and f"pip install --find-links <wheelhouse> anthropic-plugin-{name}" in message

    # 3. The fix the message names works: the plugin, from the wheelhouse, brings this project's core.
    env.run([*pip, "install", "--quiet", "--find-links", str(dist), "anthropic-plugin-tools"], cwd=tmp_path)
    fixed = env.python_c(
        "import anthropic, anthropic_plugin_tools; from anthropic import beta_tool; print(anthropic.__version__)",
        cwd=tmp_path,
    )
    assert ".post" in fixed.stdout.strip(), fixed.stdout
