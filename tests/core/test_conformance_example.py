"""The example third-party plugin (tests/example_plugin) passes the platform conformance checks."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from typing import Any

import httpx
import pytest

from anthropic import DEFAULT_MAX_RETRIES, NOT_GIVEN, NotGiven
from anthropic._plugins.host import PluginHost
from anthropic.plugins import AsyncPlatformClient
from anthropic.testing import FakeAnthropicServer, PlatformConformance, RecordedRequest

example_plugin = pytest.importorskip("anthropic_plugin_example.plugin")

SECRET = "example-conformance-secret"


@pytest.fixture(autouse=True)
def _example_plugin(plugin_host: PluginHost) -> None:
    plugin_host.register(example_plugin, name="example")


class AsyncAnthropicExample(AsyncPlatformClient):
    """The example plugin ships a sync client only; its async twin is the same declaration on the async base."""

    platform = "example"

    def __init__(
        self,
        *,
        secret: str,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.AsyncClient | None = None,
        _strict_response_validation: bool = False,
    ) -> None:
        super().__init__(
            options={"secret": secret},
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            _strict_response_validation=_strict_response_validation,
        )


class TestExampleConformance(PlatformConformance):
    model = "claude-x"
    credentials = (SECRET,)
    supported_endpoints = ("messages.create", "models.list", "completions.create")
    unsupported_endpoints = ("messages.count_tokens", "messages.batches.create", "messages.batches.list")

    def make_client(self, server: FakeAnthropicServer, **kwargs: Any) -> Any:
        from anthropic_plugin_example.client import AnthropicExample

        return AnthropicExample(secret=SECRET, base_url=server.url, **kwargs)

    def make_async_client(self, server: FakeAnthropicServer, **kwargs: Any) -> Any:
        return AsyncAnthropicExample(secret=SECRET, base_url=server.url, **kwargs)

    def request_path(self, *, stream: bool) -> str | re.Pattern[str]:
        return f"/example/{self.model}"

    def auth_headers(self, request: RecordedRequest) -> Mapping[str, str]:
        assert "x-api-key" not in request.headers
        return {"x-example-signature": hashlib.sha256(SECRET.encode() + request.body).hexdigest()}
