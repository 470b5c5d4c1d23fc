"""anthropic-plugin-vertex: Claude on Google Vertex AI for the `anthropic` SDK.

`AnthropicVertex` / `AsyncAnthropicVertex` are also served as `anthropic.AnthropicVertex` and from the 0.74.0
path `anthropic.lib.vertex`. Names load on first use so that plugin discovery stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import AnthropicVertex, AsyncAnthropicVertex

__version__ = "0.1.0"
__all__ = ["AnthropicVertex", "AsyncAnthropicVertex", "__version__"]


def __getattr__(name: str) -> Any:
    if name in ("AnthropicVertex", "AsyncAnthropicVertex"):
        from . import client

        return getattr(client, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
