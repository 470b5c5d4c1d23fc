"""The plugin as a package: its entry point is discovered, and importing it loads neither azure-identity nor
the client module (the plugin never imports azure-identity at all: users bring the token provider)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from anthropic._plugins.host import PluginHost


def test_entry_point_is_discovered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANTHROPIC_PLUGINS_ALLOW", "foundry")
    host = PluginHost(autoload=True)
    assert "foundry" in host.platforms()
    assert host.exports()["AsyncAnthropicFoundry"] == "anthropic_plugin_foundry.client:AsyncAnthropicFoundry"
    assert any(p.name == "foundry" and p.distribution == "anthropic-plugin-foundry" for p in host.loaded)


def test_plugin_import_is_cheap() -> None:
    code = (
        "import sys\n"
        "import anthropic_plugin_foundry.plugin\n"
        "heavy = [m for m in ('azure', 'httpx', 'anthropic_plugin_foundry.client') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
        "from anthropic_plugin_foundry import AnthropicFoundry\n"
        "client = AnthropicFoundry(api_key='k', resource='r')\n"
        "assert 'azure' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
