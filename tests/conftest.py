"""Suite-wide fixtures: every test gets a fresh plugin host with autoload off (unless it tests discovery)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import settings

from anthropic._plugins.host import PluginHost, set_host

# Hypothesis profiles (docs/testing.md): "ci" (the default, always) replays the same examples on every run;
# HYPOTHESIS_PROFILE=deep explores many random examples. Loaded here, before test modules build their settings.
settings.register_profile("ci", derandomize=True, max_examples=100, deadline=None, database=None, print_blob=True)
settings.register_profile("deep", derandomize=False, max_examples=2000, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def plugin_host() -> Iterator[PluginHost]:
    host = PluginHost(autoload=False)
    previous = set_host(host)
    try:
        yield host
    finally:
        set_host(previous)
        _forget_plugin_exports()


def _forget_plugin_exports() -> None:
    """`anthropic.AnthropicBedrock` is cached in the package once resolved; the next test's host may not offer it."""
    import anthropic
    from anthropic._plugins.host import KNOWN_EXPORTS

    namespace = vars(anthropic)
    for name in [*KNOWN_EXPORTS, "AnthropicExample", "AsyncAnthropicExample"]:
        namespace.pop(name, None)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
