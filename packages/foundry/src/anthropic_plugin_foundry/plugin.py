"""The `anthropic.plugins` entry point of anthropic-plugin-foundry: registers the "foundry" platform.

Cheap to import; the client module loads when `AnthropicFoundry` is first used.
"""

from __future__ import annotations

from collections.abc import Callable

from anthropic.plugins import ClientConfig, PlatformRuntime, PlatformSpec, hookimpl

from ._runtime import ANTHROPIC_VERSION, PLATFORM_NAME, UNSUPPORTED, FoundryOptions

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


def build_platform(config: ClientConfig[FoundryOptions]) -> PlatformRuntime:
    """The whole Foundry runtime of one client: its base URL, the API-key headers or the Azure AD token auth.

    An API key goes out as `api-key` (Azure's header) and `X-Api-Key`, as 0.74.0 sends both. With a token provider
    its bearer token authenticates instead of `api-key` (an explicit key is still sent as `X-Api-Key`, as in 0.74.0).
    """
    options = config.options
    if not isinstance(options, FoundryOptions) or not config.base_url:  # pyright: ignore[reportUnnecessaryIsInstance]
        raise ValueError("The foundry platform is configured by AnthropicFoundry / AsyncAnthropicFoundry")
    provider = options.azure_ad_token_provider
    headers = {"anthropic-version": ANTHROPIC_VERSION}
    if config.api_key is not None:
        headers["X-Api-Key"] = config.api_key
        if provider is None:
            headers["api-key"] = config.api_key
    auth = None
    if provider is not None:
        from ._auth import TokenProviderAuth

        auth = TokenProviderAuth(provider)
    return PlatformRuntime(
        name=PLATFORM_NAME,
        base_url=config.base_url,
        default_headers=headers,
        auth=auth,
        unsupported_prefixes=UNSUPPORTED,
    )
