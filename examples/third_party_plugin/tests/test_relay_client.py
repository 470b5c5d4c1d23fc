"""What the relay adds to the conformance checks: its options, environment variables, routing header, export."""

from __future__ import annotations

import asyncio
import inspect

import anthropic
import pytest
from anthropic.testing import FakeAnthropicServer

from anthropic_plugin_relay import AnthropicRelay, AsyncAnthropicRelay
from anthropic_plugin_relay.auth import RelaySignature

MESSAGES = [{"role": "user", "content": "Hello"}]


@pytest.fixture(autouse=True)
def _no_relay_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "ANTHROPIC_RELAY_KEY_ID",
        "ANTHROPIC_RELAY_SECRET",
        "ANTHROPIC_RELAY_TEAM",
        "ANTHROPIC_RELAY_BASE_URL",
    ):
        monkeypatch.delenv(name, raising=False)


def test_credentials_come_from_the_environment(
    anthropic_server: FakeAnthropicServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ANTHROPIC_RELAY_KEY_ID", "env-key")
    monkeypatch.setenv("ANTHROPIC_RELAY_SECRET", "env-secret")
    monkeypatch.setenv("ANTHROPIC_RELAY_BASE_URL", anthropic_server.url)
    with AnthropicRelay() as client:
        client.messages.create(model="claude-x", max_tokens=8, messages=MESSAGES)
    assert anthropic_server.last_request.headers["x-relay-key-id"] == "env-key"


def test_missing_credentials_are_refused_without_echoing_them() -> None:
    with pytest.raises(anthropic.AnthropicError, match="ANTHROPIC_RELAY_SECRET") as caught:
        AnthropicRelay(key_id="only-a-key")
    assert "only-a-key" not in str(caught.value)


def test_routing_and_team_headers_sync_and_async(anthropic_server: FakeAnthropicServer) -> None:
    with AnthropicRelay(key_id="k", secret="s", team="search", base_url=anthropic_server.url) as client:
        client.messages.create(model="claude-sync", max_tokens=8, messages=MESSAGES)

    async def send() -> None:
        async with AsyncAnthropicRelay(key_id="k", secret="s", team="search", base_url=anthropic_server.url) as client:
            await client.messages.create(model="claude-async", max_tokens=8, messages=MESSAGES)

    asyncio.run(send())
    sync_request, async_request = anthropic_server.requests
    assert (sync_request.headers["x-relay-model"], async_request.headers["x-relay-model"]) == (
        "claude-sync",
        "claude-async",
    )
    assert sync_request.headers["x-relay-team"] == async_request.headers["x-relay-team"] == "search"


def test_with_options_keeps_and_changes_the_relay_options(anthropic_server: FakeAnthropicServer) -> None:
    client = AnthropicRelay(key_id="k", secret="s", team="search", base_url=anthropic_server.url)
    assert list(inspect.signature(client.with_options).parameters)[:3] == ["key_id", "secret", "team"]
    moved = client.with_options(team="billing")
    assert moved.platform_options == {"key_id": "k", "secret": "s", "team": "billing"}
    assert client.copy().platform_options == client.platform_options
    moved.messages.create(model="claude-x", max_tokens=8, messages=MESSAGES)
    assert anthropic_server.last_request.headers["x-relay-team"] == "billing"
    client.close()


def test_the_clients_are_exported_from_anthropic() -> None:
    assert anthropic.AnthropicRelay is AnthropicRelay  # type: ignore[attr-defined]
    assert anthropic.AsyncAnthropicRelay is AsyncAnthropicRelay  # type: ignore[attr-defined]


def test_the_signature_repr_hides_the_secret() -> None:
    assert "hidden" not in repr(RelaySignature("k", "hidden"))
