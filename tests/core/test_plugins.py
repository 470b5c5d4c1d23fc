"""The plugin host: discovery, env controls, hooks, lazy exports, and a third-party platform end to end."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from typing import Any

import pytest

import anthropic
from anthropic._plugins.host import PluginHost, set_host
from anthropic.testing import FakeAnthropicServer, Reply


def _discovering_host(monkeypatch: pytest.MonkeyPatch, **env: str) -> PluginHost:
    for key in ("ANTHROPIC_PLUGINS_AUTOLOAD", "ANTHROPIC_PLUGINS_ALLOW", "ANTHROPIC_PLUGINS_BLOCK"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    host = PluginHost()
    set_host(host)
    return host


def test_entry_points_are_discovered_once_on_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("anthropic_plugin_example")  # installed from tests/example_plugin
    host = _discovering_host(monkeypatch)
    assert not host._discovered
    assert "example" in host.platforms()
    assert host._discovered
    names = [p.name for p in host.loaded]
    assert names.count("example") == 1
    example = next(p for p in host.loaded if p.name == "example")
    assert example.distribution == "anthropic-plugin-example"


def test_env_controls(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("anthropic_plugin_example")  # installed from tests/example_plugin
    assert "example" not in _discovering_host(monkeypatch, ANTHROPIC_PLUGINS_AUTOLOAD="0").platforms()
    assert "example" not in _discovering_host(monkeypatch, ANTHROPIC_PLUGINS_BLOCK="example").platforms()
    assert "example" in _discovering_host(monkeypatch, ANTHROPIC_PLUGINS_ALLOW="example").platforms()
    assert "example" not in _discovering_host(monkeypatch, ANTHROPIC_PLUGINS_ALLOW="other").platforms()


def test_third_party_platform_plugin_end_to_end(plugin_host: PluginHost, anthropic_server: FakeAnthropicServer) -> None:
    example_plugin = pytest.importorskip("anthropic_plugin_example.plugin")
    plugin_host.register(example_plugin, name="example")
    AnthropicExample = anthropic.__getattr__("AnthropicExample")
    anthropic_server.enqueue(Reply.error(500, headers={"retry-after-ms": "1"}), Reply.message("from example"), path="/example/claude-x")
    client = AnthropicExample(secret="s3cret", base_url=anthropic_server.url)
    message = client.messages.create(model="claude-x", max_tokens=5, messages=[{"role": "user", "content": "hi"}])
    assert message.content[0].text == "from example"
    assert len(anthropic_server.requests) == 2  # retried, and signed again each time
    for request in anthropic_server.requests:
        assert request.path == "/example/claude-x"
        assert "model" not in request.json()
        expected = hashlib.sha256(b"s3cret" + request.body).hexdigest()
        assert request.headers["x-example-signature"] == expected
        assert "x-api-key" not in request.headers
    # Every core feature works on the platform client: copies, raw responses...
    copy = client.with_options(max_retries=0)
    assert copy._client is client._client
    anthropic_server.enqueue(Reply.message("again"), path="/example/claude-x")
    raw = copy.messages.with_raw_response.create(model="claude-x", max_tokens=5, messages=[])
    assert raw.parse().content[0].type == "text"
    assert client.user_agent.startswith("AnthropicExample/Python ")
    # ...and an unsupported endpoint fails before anything is sent.
    sent = len(anthropic_server.requests)
    with pytest.raises(anthropic.UnsupportedOnPlatformError, match="not supported on the example platform"):
        client.messages.count_tokens(model="claude-x", messages=[])
    assert len(anthropic_server.requests) == sent


def test_missing_plugin_names_the_extra(plugin_host: PluginHost) -> None:
    # Attribute access: an AttributeError (so `hasattr` works); `from anthropic import ...` gives an ImportError
    # with the same message (tests/core/test_fidelity_names.py).
    with pytest.raises(AttributeError, match=r'pip install "anthropic\[bedrock\]"'):
        anthropic.__getattr__("AnthropicBedrock")
    with pytest.raises(AttributeError, match=r"anthropic\[tools\]"):
        anthropic.__getattr__("beta_tool")
    with pytest.raises(AttributeError):
        anthropic.__getattr__("NoSuchName")


def test_resource_extensions_hook(plugin_host: PluginHost, anthropic_server: FakeAnthropicServer) -> None:
    from anthropic._plugins import hookimpl
    from anthropic._plugins.extensions import ResourceExtension

    class Extra:
        @hookimpl
        def extend_resources(self, register):  # type: ignore[no-untyped-def]
            register(
                ResourceExtension(
                    resource="messages",
                    name="shout",
                    sync=lambda res: lambda text: text.upper() + f"@{type(res).__name__}",
                    async_=lambda res: lambda text: text.upper() + f"@{type(res).__name__}",
                )
            )

    plugin_host.register(Extra(), name="extra")
    client = anthropic.Anthropic(api_key="k", base_url=anthropic_server.url)
    assert client.messages.shout("hi") == "HI@Messages"  # type: ignore[attr-defined]
    aclient = anthropic.AsyncAnthropic(api_key="k", base_url=anthropic_server.url)
    assert aclient.messages.shout("hi") == "HI@AsyncMessages"  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        client.messages.with_raw_response.shout  # noqa: B018


def test_duplicate_platform_is_rejected(plugin_host: PluginHost) -> None:
    from anthropic._platform import PlatformSpec
    from anthropic._plugins import hookimpl
    from anthropic._plugins.firstparty import build_first_party

    class Dup:
        @hookimpl
        def register_platforms(self, register):  # type: ignore[no-untyped-def]
            register(PlatformSpec(name="anthropic", build=build_first_party))

    plugin_host.register(Dup(), name="dup")
    with pytest.raises(ValueError, match="registered twice"):
        plugin_host.platforms()


def test_python_m_anthropic_plugins_lists_plugins_and_hooks() -> None:
    pytest.importorskip("anthropic_plugin_example")  # installed from tests/example_plugin
    out = subprocess.run(
        [sys.executable, "-m", "anthropic", "plugins"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "ANTHROPIC_PLUGINS_ALLOW": "example"},
    )
    assert "example" in out.stdout
    assert "register_platforms" in out.stdout
    assert "anthropic-plugin-example" in out.stdout


def test_python_m_anthropic_plugins_groups_exports_by_module(capsys: pytest.CaptureFixture[str]) -> None:
    """Names served from `anthropic` and from 0.74.0 module paths (dotted keys) are listed per module."""
    from anthropic.__main__ import main
    from anthropic.plugins import hookimpl, register_plugin

    class Exports:
        @hookimpl
        def register_exports(self, register: Any) -> None:
            register("beta_widget", "json:dumps")
            register("anthropic.lib.tools.BetaWidget", "json:loads")
            register("anthropic.lib.tools.beta_widget", "json:dumps")

    register_plugin(Exports(), name="widgets")
    assert main(["plugins"]) == 0
    lines = capsys.readouterr().out.splitlines()
    exports = [line for line in lines if line.startswith("Exports")]
    assert exports == [
        "Exports from anthropic: beta_widget",
        "Exports from anthropic.lib.tools: BetaWidget, beta_widget",
    ]
