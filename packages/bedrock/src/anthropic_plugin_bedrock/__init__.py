"""Claude on Amazon Bedrock for the `anthropic` SDK: `AnthropicBedrock` and `AsyncAnthropicBedrock`.

Importing this package is cheap; the clients (and through them httpx) load on first use, botocore/boto3 when the
first request is signed. The `anthropic` package finds the plugin through its `anthropic.plugins` entry point.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import AnthropicBedrock, AsyncAnthropicBedrock

__all__ = ["AnthropicBedrock", "AsyncAnthropicBedrock", "__version__"]

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name in ("AnthropicBedrock", "AsyncAnthropicBedrock"):
        from . import client

        return getattr(client, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
