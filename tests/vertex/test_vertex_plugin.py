"""The plugin as a package: its entry point is discovered, and importing it (or building a client with a static
token) loads neither google-auth nor the client module before they are needed."""

from __future__ import annotations

import subprocess
import sys

import pytest

from anthropic._plugins.host import PluginHost


def test_entry_point_is_discovered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANTHROPIC_PLUGINS_ALLOW", "vertex")
    host = PluginHost(autoload=True)
    assert "vertex" in host.platforms()
    assert host.exports()["AnthropicVertex"] == "anthropic_plugin_vertex.client:AnthropicVertex"
    assert any(p.name == "vertex" and p.distribution == "anthropic-plugin-vertex" for p in host.loaded)


def test_plugin_import_is_cheap() -> None:
    code = (
        "import sys\n"
        "import anthropic_plugin_vertex.plugin\n"
        "heavy = [m for m in ('google.auth', 'httpx', 'anthropic_plugin_vertex.client') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
        "from anthropic_plugin_vertex import AnthropicVertex\n"
        "client = AnthropicVertex(region='us-east5', project_id='p', access_token='t')\n"
        "assert 'google.auth' not in sys.modules, 'google.auth loaded by a client that does not need it'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
