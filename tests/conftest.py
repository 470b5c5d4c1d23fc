"""Suite-wide fixtures: every test gets a fresh plugin host with autoload off (unless it tests discovery)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from anthropic._plugins.host import PluginHost, set_host


@pytest.fixture(autouse=True)
def plugin_host() -> Iterator[PluginHost]:
    host = PluginHost(autoload=False)
    previous = set_host(host)
    try:
        yield host
    finally:
        set_host(previous)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
