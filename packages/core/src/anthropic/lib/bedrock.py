"""`anthropic.lib.bedrock`: the 0.74.0 import path of the Bedrock clients, served by the plugin `anthropic[bedrock]`
installs (through the names it registers with the plugin host; see `anthropic._plugins.paths`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["AnthropicBedrock", "AsyncAnthropicBedrock"]

if TYPE_CHECKING:  # type checkers see the plugin's real classes; at run time the plugin host serves them
    from anthropic_plugin_bedrock import AnthropicBedrock as AnthropicBedrock
    from anthropic_plugin_bedrock import AsyncAnthropicBedrock as AsyncAnthropicBedrock
else:
    from anthropic._plugins.paths import plugin_names as _plugin_names

    globals().update(_plugin_names(__name__, "bedrock", __all__))
