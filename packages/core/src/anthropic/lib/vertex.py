"""`anthropic.lib.vertex`: the 0.74.0 import path of the Vertex AI clients, served by the plugin `anthropic[vertex]`
installs (through the names it registers with the plugin host; see `anthropic._plugins.paths`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["AnthropicVertex", "AsyncAnthropicVertex"]

if TYPE_CHECKING:  # type checkers see the plugin's real classes; at run time the plugin host serves them
    from anthropic_plugin_vertex import AnthropicVertex as AnthropicVertex
    from anthropic_plugin_vertex import AsyncAnthropicVertex as AsyncAnthropicVertex
else:
    from anthropic._plugins.paths import plugin_names as _plugin_names

    globals().update(_plugin_names(__name__, "vertex", __all__))
