"""`anthropic.lib.vertex`: the 0.74.0 import path of the Vertex AI clients, served by `anthropic-plugin-vertex`."""

from __future__ import annotations

try:
    from anthropic_plugin_vertex.client import AnthropicVertex, AsyncAnthropicVertex
except ImportError as err:  # pragma: no cover - exercised only where the plugin is not installed
    if err.name is not None and not err.name.startswith("anthropic_plugin_vertex"):
        raise
    raise ImportError(
        "`anthropic.lib.vertex` is provided by the anthropic-plugin-vertex package, which is not installed; "
        'install it with: pip install "anthropic[vertex]"',
        name=err.name,
    ) from err

__all__ = ["AnthropicVertex", "AsyncAnthropicVertex"]
