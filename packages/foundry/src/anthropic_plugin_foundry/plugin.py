"""The `anthropic.plugins` entry point of anthropic-plugin-foundry: registers the "foundry" platform.

Cheap to import; the client module loads when `AnthropicFoundry` is first used.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from anthropic._platform import PlatformSpec
from anthropic._plugins.hookspecs import hookimpl

from ._runtime import PLATFORM_NAME, build_runtime

if TYPE_CHECKING:
    import httpx

    from anthropic._platform import ClientConfig

__all__ = ["platform_auth", "register_platforms"]


@hookimpl
def register_platforms(register: Callable[[PlatformSpec], None]) -> None:
    register(
        PlatformSpec(
            name=PLATFORM_NAME,
            build=build_runtime,
            exports={
                "AnthropicFoundry": "anthropic_plugin_foundry.client:AnthropicFoundry",
                "AsyncAnthropicFoundry": "anthropic_plugin_foundry.client:AsyncAnthropicFoundry",
            },
        )
    )


@hookimpl
def platform_auth(platform: str, config: ClientConfig) -> httpx.Auth | None:
    if platform != PLATFORM_NAME:
        return None
    provider = config.options.get("azure_ad_token_provider")
    if provider is None:
        return None
    from ._auth import TokenProviderAuth

    return TokenProviderAuth(provider)
