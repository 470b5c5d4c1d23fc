"""`anthropic.lib.foundry`: the 0.74.0 import path of the Microsoft Foundry clients (`anthropic-plugin-foundry`)."""

from __future__ import annotations

try:
    from anthropic_plugin_foundry.client import (
        AnthropicFoundry,
        AsyncAnthropicFoundry,
        AsyncAzureADTokenProvider,
        AzureADTokenProvider,
        MutuallyExclusiveAuthError,
    )
except ImportError as err:  # pragma: no cover - exercised only where the plugin is not installed
    if err.name is not None and not err.name.startswith("anthropic_plugin_foundry"):
        raise
    raise ImportError(
        "`anthropic.lib.foundry` is provided by the anthropic-plugin-foundry package, which is not installed; "
        'install it with: pip install "anthropic[foundry]"',
        name=err.name,
    ) from err

__all__ = [
    "AnthropicFoundry",
    "AsyncAnthropicFoundry",
    "AsyncAzureADTokenProvider",
    "AzureADTokenProvider",
    "MutuallyExclusiveAuthError",
]
