"""The example third-party plugin (tests/example_plugin) passes the platform conformance checks."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from typing import Any

import pytest

from anthropic import NOT_GIVEN, AsyncAnthropic
from anthropic._platform import ClientConfig
from anthropic._plugins.host import PluginHost
from anthropic.testing import FakeAnthropicServer, PlatformConformance, RecordedRequest

example_plugin = pytest.importorskip("anthropic_plugin_example.plugin")

SECRET = "example-conformance-secret"


@pytest.fixture(autouse=True)
def _example_plugin(plugin_host: PluginHost) -> None:
    plugin_host.register(example_plugin, name="example")


class AsyncAnthropicExample(AsyncAnthropic):
    """The example plugin ships a sync client only; its async twin is the same few lines on `AsyncAnthropic`."""

    _platform_name = "example"

    def __init__(self, *, secret: str, base_url: str | None = None, **kwargs: Any) -> None:
        http_client = kwargs.pop("http_client", None)
        self._configure(
            config=ClientConfig(
                platform="example",
                base_url=None if base_url is None else str(base_url),
                api_key=None,
                auth_token=None,
                options={"secret": secret},
            ),
            timeout=kwargs.pop("timeout", NOT_GIVEN),
            max_retries=kwargs.pop("max_retries", 2),
            default_headers=kwargs.pop("default_headers", None),
            default_query=kwargs.pop("default_query", None),
            http_client=http_client,
            strict_response_validation=kwargs.pop("_strict_response_validation", False),
            init_kwargs={"secret": secret},
        )
        self._init_http(http_client)

    def _copy_with(self, kwargs: dict[str, Any]) -> Any:
        kwargs.pop("api_key", None)
        kwargs.pop("auth_token", None)
        return type(self)(**kwargs)


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
