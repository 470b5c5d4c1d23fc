"""`anthropic.lib.bedrock`: the 0.74.0 import path of the Bedrock clients, served by `anthropic-plugin-bedrock`."""

from __future__ import annotations

try:
    from anthropic_plugin_bedrock.client import AnthropicBedrock, AsyncAnthropicBedrock
except ImportError as err:  # pragma: no cover - exercised only where the plugin is not installed
    if err.name is not None and not err.name.startswith("anthropic_plugin_bedrock"):
        raise
    raise ImportError(
        "`anthropic.lib.bedrock` is provided by the anthropic-plugin-bedrock package, which is not installed; "
        'install it with: pip install "anthropic[bedrock]"',
        name=err.name,
    ) from err

__all__ = ["AnthropicBedrock", "AsyncAnthropicBedrock"]
