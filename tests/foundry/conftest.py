"""Foundry fixtures: the plugin registered in the test's host, a clean environment and sync/async runners."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from anthropic._plugins.host import PluginHost
from anthropic.testing import FakeAnthropicServer


@pytest.fixture(autouse=True)
def foundry_plugin(plugin_host: PluginHost) -> PluginHost:
    import anthropic_plugin_foundry.plugin

    plugin_host.register(anthropic_plugin_foundry.plugin, name="foundry")
    return plugin_host


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "ANTHROPIC_FOUNDRY_API_KEY",
        "ANTHROPIC_FOUNDRY_RESOURCE",
        "ANTHROPIC_FOUNDRY_BASE_URL",
        "ANTHROPIC_API_KEY",
        "ANTHROPIC_AUTH_TOKEN",
        "ANTHROPIC_BASE_URL",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def run(mode: str) -> Iterator[Callable[[Callable[[], Any]], Any]]:
    """`run(fn)`: call `fn` and, for async clients, await its result on this test's event loop (in a thread)."""
    if mode == "sync":
        yield lambda fn: fn()
        return
    import inspect

    import anyio.from_thread

    async def main(fn: Callable[[], Any]) -> Any:
        result = fn()
        if inspect.isawaitable(result):
            result = await result
        return result

    with anyio.from_thread.start_blocking_portal() as portal:
        yield lambda fn: portal.call(main, fn)


@pytest.fixture
def make_client(mode: str, anthropic_server: FakeAnthropicServer) -> Callable[..., Any]:
    """A sync or async Foundry client for the fake server (served at its root, so its default API answers)."""
    from anthropic_plugin_foundry import AnthropicFoundry, AsyncAnthropicFoundry

    def make(**kwargs: Any) -> Any:
        if "resource" not in kwargs:
            kwargs.setdefault("base_url", anthropic_server.url)
        cls = AnthropicFoundry if mode == "sync" else AsyncAnthropicFoundry
        return cls(**kwargs)

    return make
