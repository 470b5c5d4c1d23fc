"""Microsoft Foundry (Azure) as a platform runtime: the base URL, API-key headers and unsupported endpoints.

Foundry speaks the first-party API (same paths, `anthropic-version` header, first-party status mapping); only
the host and the credentials differ. Nothing here imports azure-identity.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from anthropic._platform import ClientConfig, PlatformRuntime

__all__ = ["MISSING_CREDENTIALS", "PLATFORM_NAME", "UNSUPPORTED", "build_runtime", "resolve_settings"]

PLATFORM_NAME = "foundry"

MISSING_CREDENTIALS = (
    "Missing credentials. Please pass one of `api_key`, `azure_ad_token_provider`, or the "
    "`ANTHROPIC_FOUNDRY_API_KEY` environment variable."
)
MISSING_BASE_URL = (
    "Must provide one of the `base_url` or `resource` arguments, or the `ANTHROPIC_FOUNDRY_RESOURCE` environment "
    "variable"
)
BOTH_BASE_URL_AND_RESOURCE = "base_url and resource are mutually exclusive"

_BATCHES = "The Batch API is not supported in the Foundry client"
UNSUPPORTED: Mapping[str, str] = {
    "models.": "The Models API is not supported in the Foundry client",
    "messages.batches": _BATCHES,
    "beta.messages.batches": _BATCHES,
}


def resolve_settings(
    *, api_key: str | None, resource: str | None, base_url: str | None, has_token_provider: bool
) -> tuple[str | None, str]:
    """(api_key, base_url) from the arguments and `ANTHROPIC_FOUNDRY_*`, with 0.74.0's checks in its order."""
    if api_key is None:
        api_key = os.environ.get("ANTHROPIC_FOUNDRY_API_KEY")
    if resource is None:
        resource = os.environ.get("ANTHROPIC_FOUNDRY_RESOURCE")
    if base_url is None:
        base_url = os.environ.get("ANTHROPIC_FOUNDRY_BASE_URL")
    if api_key is None and not has_token_provider:
        from anthropic._exceptions import AnthropicError

        raise AnthropicError(MISSING_CREDENTIALS)
    if base_url is None:
        if resource is None:
            raise ValueError(MISSING_BASE_URL)
        base_url = f"https://{resource}.services.ai.azure.com/anthropic/"
    elif resource is not None:
        raise ValueError(BOTH_BASE_URL_AND_RESOURCE)
    return api_key, base_url


def build_runtime(config: ClientConfig) -> PlatformRuntime:
    """An API key goes out as `api-key` (Azure's header) and `X-Api-Key`, as 0.74.0 sends both.

    With a token provider the provider's bearer token authenticates instead of `api-key` (an explicit key is
    then still sent as `X-Api-Key`, as in 0.74.0).
    """
    from anthropic._constants import ANTHROPIC_VERSION

    if not config.base_url:
        raise ValueError("The foundry platform needs a base_url; build clients with AnthropicFoundry")
    headers = {"anthropic-version": ANTHROPIC_VERSION}
    if config.api_key is not None:
        headers["X-Api-Key"] = config.api_key
        if config.options.get("azure_ad_token_provider") is None:
            headers["api-key"] = config.api_key
    return PlatformRuntime(
        name=PLATFORM_NAME,
        base_url=config.base_url,
        default_headers=headers,
        unsupported_prefixes=UNSUPPORTED,
    )
