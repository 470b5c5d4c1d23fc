"""Tools tests: the tools plugin registered in each test's fresh plugin host, and clients for the fake server."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest

import anthropic_plugin_tools.plugin
from anthropic import Anthropic, AsyncAnthropic
from anthropic._plugins.host import PluginHost
from anthropic.testing import FakeAnthropicServer


@pytest.fixture(autouse=True)
def tools_plugin(plugin_host: PluginHost) -> PluginHost:
    plugin_host.register(anthropic_plugin_tools.plugin, name="tools")
    return plugin_host


@pytest.fixture
def client(anthropic_server: FakeAnthropicServer) -> Iterator[Anthropic]:
    with Anthropic(api_key="test-key", base_url=anthropic_server.url, max_retries=0) as client:
        yield client


@pytest.fixture
async def async_client(anthropic_server: FakeAnthropicServer) -> AsyncIterator[AsyncAnthropic]:
    async with AsyncAnthropic(api_key="test-key", base_url=anthropic_server.url, max_retries=0) as client:
        yield client
