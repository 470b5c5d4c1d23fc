"""The `anthropic.plugins` entry point of anthropic-plugin-foundry: registers the "foundry" platform.

Cheap to import; the client module loads when `AnthropicFoundry` is first used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from anthropic._platform import PlatformSpec
from anthropic._plugins.hookspecs import hookimpl

from ._runtime import PLATFORM_NAME, build_runtime

if TYPE_CHECKING:
    from anthropic._platform import ClientConfig, PlatformRuntime

__all__ = ["build_platform", "register_platforms"]


@hookimpl
def register_platforms(register: Callable[[PlatformSpec], None]) -> None:
    register(
        PlatformSpec(
            name=PLATFORM_NAME,
            build=build_platform,
            exports={
                "AnthropicFoundry": "anthropic_plugin_foundry.client:AnthropicFoundry",
                "AsyncAnthropicFoundry": "anthropic_plugin_foundry.client:AsyncAnthropicFoundry",
            },
        )
    )


def build_platform(config: ClientConfig) -> PlatformRuntime:
    """The whole Foundry runtime of one client: base settings, and the Azure AD token auth when one is given."""
    runtime = build_runtime(config)
    provider = config.options.get("azure_ad_token_provider")
    if provider is None:
        return runtime
    from ._auth import TokenProviderAuth

    return replace(runtime, auth=TokenProviderAuth(provider))
