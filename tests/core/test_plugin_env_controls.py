"""Env controls of plugin discovery: ALLOW/BLOCK by entry-point or distribution name, and installed-but-not-loaded
plugins reported with the reason (errors and `python -m anthropic plugins`), autoload off included.

Driven by the example plugin (`tests/example_plugin`: entry point `example`, distribution `anthropic-plugin-example`),
which the workspace and every per-package CI venv install.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import anthropic
from anthropic._plugins import host as host_module
from anthropic._plugins.host import InstalledPlugin, PluginHost, set_host

pytest.importorskip("anthropic_plugin_example")

ENV_KEYS = ("ANTHROPIC_PLUGINS_AUTOLOAD", "ANTHROPIC_PLUGINS_ALLOW", "ANTHROPIC_PLUGINS_BLOCK")


def _host(monkeypatch: pytest.MonkeyPatch, **env: str) -> PluginHost:
    for key in ENV_KEYS:
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    host = PluginHost()
    set_host(host)  # the autouse fixture restores the previous host
    return host


def _example(host: PluginHost) -> InstalledPlugin:
    return next(p for p in host.installed() if p.name == "example")


@pytest.mark.parametrize(
    "value",
    ["example", "anthropic-plugin-example", "Anthropic_Plugin.Example", " other , anthropic-plugin-example "],
)
def test_block_accepts_entry_point_and_distribution_names(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    host = _host(monkeypatch, ANTHROPIC_PLUGINS_BLOCK=value)
    assert "example" not in host.platforms()
    example = _example(host)
    assert not example.loaded
    assert example.reason == "blocked by ANTHROPIC_PLUGINS_BLOCK"
    assert "anthropic" in host.platforms()  # the first-party platform is never blocked


@pytest.mark.parametrize("value", ["example", "anthropic-plugin-example", "anthropic_plugin_example"])
def test_allow_accepts_entry_point_and_distribution_names(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    host = _host(monkeypatch, ANTHROPIC_PLUGINS_ALLOW=value)
    assert "example" in host.platforms()
    assert _example(host).loaded
    others = [p for p in host.installed() if p.name != "example"]
    assert all(not p.loaded and p.reason == "not listed in ANTHROPIC_PLUGINS_ALLOW" for p in others)


def test_a_distribution_name_blocks_only_that_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    host = _host(monkeypatch, ANTHROPIC_PLUGINS_BLOCK="anthropic-plugin-some-other")
    assert "example" in host.platforms()
    assert all(p.loaded for p in host.installed())


def test_block_wins_over_allow(monkeypatch: pytest.MonkeyPatch) -> None:
    host = _host(monkeypatch, ANTHROPIC_PLUGINS_ALLOW="example", ANTHROPIC_PLUGINS_BLOCK="anthropic-plugin-example")
    assert "example" not in host.platforms()
    assert _example(host).reason == "blocked by ANTHROPIC_PLUGINS_BLOCK"


def test_autoload_off_still_lists_installed_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    host = _host(monkeypatch, ANTHROPIC_PLUGINS_AUTOLOAD="0")
    assert "example" not in host.platforms()
    example = _example(host)
    assert (example.loaded, example.distribution) == (False, "anthropic-plugin-example")
    assert example.reason == "autoload is off (ANTHROPIC_PLUGINS_AUTOLOAD=0)"


def test_blocked_plugin_error_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    _host(monkeypatch, ANTHROPIC_PLUGINS_BLOCK="anthropic-plugin-example")
    with pytest.raises(AttributeError, match=r"'example' \(anthropic-plugin-example [^)]*\): blocked by ANTHROPIC_PLUGINS_BLOCK"):
        anthropic.__getattr__("AnthropicExample")
    client_cls = pytest.importorskip("anthropic_plugin_example.client").AnthropicExample
    with pytest.raises(RuntimeError, match=r"platform 'example'.*blocked by ANTHROPIC_PLUGINS_BLOCK") as info:
        client_cls(secret="s3cret", base_url="http://127.0.0.1:9")
    assert "s3cret" not in str(info.value)


def test_known_export_of_a_blocked_plugin_says_blocked_and_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    host = _host(monkeypatch, ANTHROPIC_PLUGINS_BLOCK="example")
    monkeypatch.setitem(host_module.KNOWN_EXPORTS, "AnthropicExample", "example")
    with pytest.raises(ImportError) as info:  # `from anthropic import X` raises ImportError; attribute access may not
        exec("from anthropic import AnthropicExample", {})
    message = str(info.value)
    assert 'pip install "anthropic[example]"' in message
    assert "installed but not loaded" in message and "blocked by ANTHROPIC_PLUGINS_BLOCK" in message
    # With the plugin allowed again, the same lookup works: the message came from the env control, nothing else.
    assert not _example(host).loaded
    _host(monkeypatch)
    assert anthropic.__getattr__("AnthropicExample").__name__ == "AnthropicExample"


def test_missing_known_export_without_an_installed_plugin_says_not_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    _host(monkeypatch)
    monkeypatch.setitem(host_module.KNOWN_EXPORTS, "AnthropicNowhere", "nowhere")
    with pytest.raises(ImportError, match=r'not installed; install it with: pip install "anthropic\[nowhere\]"'):
        exec("from anthropic import AnthropicNowhere", {})


def _plugins_cli(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in ENV_KEYS}
    result = subprocess.run(
        [sys.executable, "-m", "anthropic", "plugins"], capture_output=True, text=True, env={**clean, **env}, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize(
    ("env", "reason"),
    [
        ({"ANTHROPIC_PLUGINS_AUTOLOAD": "0"}, "autoload is off (ANTHROPIC_PLUGINS_AUTOLOAD=0)"),
        ({"ANTHROPIC_PLUGINS_BLOCK": "anthropic-plugin-example"}, "blocked by ANTHROPIC_PLUGINS_BLOCK"),
        ({"ANTHROPIC_PLUGINS_ALLOW": "nothing-of-that-name"}, "not listed in ANTHROPIC_PLUGINS_ALLOW"),
    ],
)
def test_cli_lists_installed_but_not_loaded_plugins_in_every_mode(env: dict[str, str], reason: str) -> None:
    out = _plugins_cli(**env)
    loaded, _, idle = out.partition("Installed but not loaded:")
    assert "anthropic_plugin_example" not in loaded
    assert "example      anthropic_plugin_example.plugin  (anthropic-plugin-example " in idle
    assert f"why: {reason}" in idle


def test_cli_with_the_plugin_loaded_lists_it_once() -> None:
    out = _plugins_cli(ANTHROPIC_PLUGINS_ALLOW="anthropic-plugin-example")
    assert out.count("anthropic_plugin_example.plugin") == 1
    loaded, _, _ = out.partition("Installed but not loaded:")
    assert "anthropic_plugin_example.plugin" in loaded
    assert "register_platforms" in loaded
