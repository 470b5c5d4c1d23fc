"""Microsoft Foundry (Azure) as configuration: the typed options a client hands its platform, and the resolution of
the 0.74.0 constructor arguments, shared by the sync and async clients.

Foundry speaks the first-party API (same paths, `anthropic-version` header, first-party status mapping); only
the host and the credentials differ. Nothing here imports azure-identity or httpx.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

    from ._auth import AsyncAzureADTokenProvider

__all__ = ["ANTHROPIC_VERSION", "PLATFORM_NAME", "UNSUPPORTED", "FoundryOptions", "resolve_arguments"]

PLATFORM_NAME = "foundry"
ANTHROPIC_VERSION = "2023-06-01"  # the first-party API version Foundry serves, sent as 0.74.0 sends it

MISSING_CREDENTIALS = (
    "Missing credentials. Please pass one of `api_key`, `azure_ad_token_provider`, or the "
    "`ANTHROPIC_FOUNDRY_API_KEY` environment variable."
)
MISSING_BASE_URL = (
    "Must provide one of the `base_url` or `resource` arguments, or the `ANTHROPIC_FOUNDRY_RESOURCE` environment "
    "variable"
)
BOTH_BASE_URL_AND_RESOURCE = "base_url and resource are mutually exclusive"
NO_AUTH_TOKEN = "Foundry clients take no `auth_token`; authenticate with `api_key` or `azure_ad_token_provider`"

_BATCHES = "The Batch API is not supported in the Foundry client"
UNSUPPORTED: Mapping[str, str] = {
    "models.": "The Models API is not supported in the Foundry client",
    "messages.batches": _BATCHES,
    "beta.messages.batches": _BATCHES,
}


@dataclass(frozen=True)
class FoundryOptions:
    """What a Foundry client hands its platform build (`ClientConfig[FoundryOptions]`), resolved.

    Field names are the constructor's, so copies pass them again. A copy keeps its base URL and key instead of reading
    `ANTHROPIC_FOUNDRY_*` again (whose `_RESOURCE` would otherwise clash with the resolved base URL as "mutually
    exclusive"): the constructor skips the environment while `PlatformClient.building_copy()`.
    """

    azure_ad_token_provider: AsyncAzureADTokenProvider | None = None


def resolve_arguments(
    *,
    resource: str | None,
    api_key: str | None,
    azure_ad_token_provider: AsyncAzureADTokenProvider | None,
    base_url: str | httpx.URL | None,
    auth_token: str | None,
    read_env: bool,
) -> tuple[FoundryOptions, str | None, str]:
    """(options, api_key, base_url) from the arguments and `ANTHROPIC_FOUNDRY_*`, with 0.74.0's checks in its order."""
    if auth_token is not None:
        raise TypeError(NO_AUTH_TOKEN)  # 0.74.0 raised TypeError too (an unexpected keyword argument)
    if read_env:
        api_key = os.environ.get("ANTHROPIC_FOUNDRY_API_KEY") if api_key is None else api_key
        resource = os.environ.get("ANTHROPIC_FOUNDRY_RESOURCE") if resource is None else resource
        base_url = os.environ.get("ANTHROPIC_FOUNDRY_BASE_URL") if base_url is None else base_url
    if api_key is None and azure_ad_token_provider is None:
        from anthropic import AnthropicError

        raise AnthropicError(MISSING_CREDENTIALS)
    if base_url is None:
        if resource is None:
            raise ValueError(MISSING_BASE_URL)
        base_url = f"https://{resource}.services.ai.azure.com/anthropic/"
    elif resource is not None:
        raise ValueError(BOTH_BASE_URL_AND_RESOURCE)
    return FoundryOptions(azure_ad_token_provider), api_key, str(base_url)
