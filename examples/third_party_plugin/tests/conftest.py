"""Make sure the relay plugin is registered, even when entry points are not loaded (ANTHROPIC_PLUGINS_AUTOLOAD=0,
or the package put on the path without being installed). When it is installed, its entry point already loaded it
and `register_plugin` leaves it as it is."""

from __future__ import annotations

import pytest
from anthropic.plugins import register_plugin

import anthropic_plugin_relay.plugin


@pytest.fixture(autouse=True)
def _relay_plugin() -> None:
    register_plugin(anthropic_plugin_relay.plugin, name="relay")
