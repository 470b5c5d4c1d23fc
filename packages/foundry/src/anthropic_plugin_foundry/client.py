"""`AnthropicFoundry` / `AsyncAnthropicFoundry`: platform clients for Claude on Microsoft Foundry.

Declarative: each names the "foundry" platform and carries 0.74.0's constructor, whose arguments `resolve_arguments`
(shared by both) turns into what the base client takes. `copy()` / `with_options()` come from the base (0.74.0's
raised `TypeError`). Unlike 0.74.0, the first-party `ANTHROPIC_API_KEY` / `ANTHROPIC_AUTH_TOKEN` variables are not
read: a first-party credential is never sent to an Azure endpoint.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import overload

import httpx

from anthropic import DEFAULT_MAX_RETRIES, NOT_GIVEN, AnthropicError, NotGiven, Timeout
from anthropic.plugins import AsyncPlatformClient, PlatformClient

from ._auth import AsyncAzureADTokenProvider, AzureADTokenProvider
from ._runtime import PLATFORM_NAME, resolve_arguments

__all__ = [
    "AnthropicFoundry",
    "AsyncAnthropicFoundry",
    "AsyncAzureADTokenProvider",
    "AzureADTokenProvider",
    "MutuallyExclusiveAuthError",
]


class MutuallyExclusiveAuthError(AnthropicError):
    """Kept for 0.74.0 compatibility (defined there, never raised: a key and a provider may be combined)."""

    def __init__(self) -> None:
        super().__init__(
            "The `api_key` and `azure_ad_token_provider` arguments are mutually exclusive; "
            "Only one can be passed at a time"
        )


class AnthropicFoundry(PlatformClient):
    """Claude on Microsoft Foundry (sync)."""

    platform = PLATFORM_NAME

    @overload
    def __init__(
        self,
        *,
        resource: str | None = None,
        api_key: str | None = None,
        azure_ad_token_provider: AzureADTokenProvider | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.Client | None = None,
        _strict_response_validation: bool = False,
    ) -> None: ...

    @overload
    def __init__(
        self,
        *,
        base_url: str,
        api_key: str | None = None,
        azure_ad_token_provider: AzureADTokenProvider | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.Client | None = None,
        _strict_response_validation: bool = False,
    ) -> None: ...

    def __init__(
        self,
        *,
        resource: str | None = None,
        api_key: str | None = None,
        azure_ad_token_provider: AzureADTokenProvider | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.Client | None = None,
        _strict_response_validation: bool = False,
        auth_token: str | None = None,
    ) -> None:
        """`api_key`, `resource` and `base_url` default to `ANTHROPIC_FOUNDRY_API_KEY`, `_RESOURCE`, `_BASE_URL`.

        `azure_ad_token_provider` is called on every attempt for a bearer token (e.g. azure-identity's
        `get_bearer_token_provider(credential, "https://ai.azure.com/.default")`). `auth_token` exists for the
        signature of `copy()` (0.74.0's) and must stay None. A copy does not read the environment again.
        """
        options, api_key, base_url = resolve_arguments(
            resource=resource,
            api_key=api_key,
            azure_ad_token_provider=azure_ad_token_provider,
            base_url=base_url,
            auth_token=auth_token,
            read_env=not self.building_copy(),
        )
        super().__init__(
            options=options,
            base_url=base_url,
            api_key=api_key,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            _strict_response_validation=_strict_response_validation,
        )


class AsyncAnthropicFoundry(AsyncPlatformClient):
    """Claude on Microsoft Foundry (async); the token provider may be a coroutine function."""

    platform = PLATFORM_NAME

    @overload
    def __init__(
        self,
        *,
        resource: str | None = None,
        api_key: str | None = None,
        azure_ad_token_provider: AsyncAzureADTokenProvider | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.AsyncClient | None = None,
        _strict_response_validation: bool = False,
    ) -> None: ...

    @overload
    def __init__(
        self,
        *,
        base_url: str,
        api_key: str | None = None,
        azure_ad_token_provider: AsyncAzureADTokenProvider | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.AsyncClient | None = None,
        _strict_response_validation: bool = False,
    ) -> None: ...

    def __init__(
        self,
        *,
        resource: str | None = None,
        api_key: str | None = None,
        azure_ad_token_provider: AsyncAzureADTokenProvider | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.AsyncClient | None = None,
        _strict_response_validation: bool = False,
        auth_token: str | None = None,
    ) -> None:
        """As `AnthropicFoundry`; the provider may also return an awaitable (it is awaited on every attempt)."""
        options, api_key, base_url = resolve_arguments(
            resource=resource,
            api_key=api_key,
            azure_ad_token_provider=azure_ad_token_provider,
            base_url=base_url,
            auth_token=auth_token,
            read_env=not self.building_copy(),
        )
        super().__init__(
            options=options,
            base_url=base_url,
            api_key=api_key,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            _strict_response_validation=_strict_response_validation,
        )
