"""The relay clients pass the SDK's platform conformance checks, sync and async, against the fake API server."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from anthropic.testing import FakeAnthropicServer, PlatformConformance, RecordedRequest

from anthropic_plugin_relay import AnthropicRelay, AsyncAnthropicRelay
from anthropic_plugin_relay.auth import signature

KEY_ID = "relay-key-1"
SECRET = "relay-conformance-secret"


class TestRelayConformance(PlatformConformance):
    credentials = (SECRET,)  # must never appear in repr(client)
    supported_endpoints = ("messages.create", "messages.count_tokens", "models.list", "completions.create")
    unsupported_endpoints = ("messages.batches.create", "beta.files.list")

    def make_client(self, server: FakeAnthropicServer, **kwargs: Any) -> AnthropicRelay:
        return AnthropicRelay(key_id=KEY_ID, secret=SECRET, base_url=server.url, **kwargs)

    def make_async_client(self, server: FakeAnthropicServer, **kwargs: Any) -> AsyncAnthropicRelay:
        return AsyncAnthropicRelay(key_id=KEY_ID, secret=SECRET, base_url=server.url, **kwargs)

    def auth_headers(self, request: RecordedRequest) -> Mapping[str, str]:
        # Recompute the signature from what arrived: a request signed over other bytes fails here.
        timestamp = request.headers["x-relay-timestamp"]
        expected = signature(SECRET, method=request.method, path=request.path, timestamp=timestamp, body=request.body)
        return {"x-relay-key-id": KEY_ID, "x-relay-signature": expected}
