"""anthropic-plugin-foundry: Claude on Microsoft Foundry (Azure) for the `anthropic` SDK.

`AnthropicFoundry` / `AsyncAnthropicFoundry` are also served as `anthropic.AnthropicFoundry` and from the 0.74.0
path `anthropic.lib.foundry`. Names load on first use so that plugin discovery stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import (
        AnthropicFoundry,
        AsyncAnthropicFoundry,
        AsyncAzureADTokenProvider,
        AzureADTokenProvider,
        MutuallyExclusiveAuthError,
    )

__version__ = "0.1.0"
__all__ = [
    "AnthropicFoundry",
    "AsyncAnthropicFoundry",
    "AsyncAzureADTokenProvider",
    "AzureADTokenProvider",
    "MutuallyExclusiveAuthError",
    "__version__",
]


def __getattr__(name: str) -> Any:
    if name in __all__ and name != "__version__":
        from . import client

        return getattr(client, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
