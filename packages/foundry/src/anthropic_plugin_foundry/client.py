"""`AnthropicFoundry` / `AsyncAnthropicFoundry`: the core clients, configured for Claude on Microsoft Foundry.

They resolve the 0.74.0 constructor arguments and name the "foundry" platform; the API-key headers, the
token-provider auth and the unsupported endpoints come from this plugin's runtime and hooks. Everything else is
the core client's (so `with_options`/`copy` work here, which they did not in 0.74.0).

Unlike 0.74.0, the first-party `ANTHROPIC_API_KEY` / `ANTHROPIC_AUTH_TOKEN` variables are not read: a
first-party credential is never sent to an Azure endpoint.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, overload

import httpx
from typing_extensions import Self

from anthropic._client import Anthropic, AsyncAnthropic, BaseClient
from anthropic._constants import DEFAULT_MAX_RETRIES
from anthropic._exceptions import AnthropicError
from anthropic._platform import ClientConfig
from anthropic._types import NOT_GIVEN, NotGiven, Timeout

from ._auth import AsyncAzureADTokenProvider, AzureADTokenProvider
from ._runtime import PLATFORM_NAME, resolve_settings

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


class _FoundryClient(BaseClient):
    """What the sync and async Foundry clients share: configuration and copies."""

    _platform_name: ClassVar[str] = PLATFORM_NAME
    _azure_ad_token_provider: AsyncAzureADTokenProvider | None

    if TYPE_CHECKING:

        def _init_http(self, http_client: Any) -> None: ...

    def _setup_foundry(
        self,
        *,
        api_key: str | None,
        base_url: str,
        azure_ad_token_provider: AsyncAzureADTokenProvider | None,
        timeout: Timeout | NotGiven,
        max_retries: int,
        default_headers: Mapping[str, str] | None,
        default_query: Mapping[str, object] | None,
        http_client: httpx.Client | httpx.AsyncClient | None,
        strict_response_validation: bool,
    ) -> None:
        self._azure_ad_token_provider = azure_ad_token_provider
        self._configure(
            config=ClientConfig(
                platform=self._platform_name,
                base_url=base_url,
                api_key=api_key,
                auth_token=None,
                options={"azure_ad_token_provider": azure_ad_token_provider},
            ),
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            strict_response_validation=strict_response_validation,
            init_kwargs={},
        )
        self._init_http(http_client)

    def copy(
        self,
        *,
        api_key: str | None = None,
        azure_ad_token_provider: AsyncAzureADTokenProvider | None = None,
        auth_token: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        http_client: httpx.Client | httpx.AsyncClient | None = None,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
        set_default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        set_default_query: Mapping[str, object] | None = None,
        _extra_kwargs: Mapping[str, Any] = {},
    ) -> Self:
        """A new client with some options changed, sharing this client's connection pool and token provider."""
        return super().copy(
            api_key=api_key,
            auth_token=auth_token,
            base_url=base_url,
            timeout=timeout,
            http_client=http_client,
            max_retries=max_retries,
            default_headers=default_headers,
            set_default_headers=set_default_headers,
            default_query=default_query,
            set_default_query=set_default_query,
            _extra_kwargs={
                "azure_ad_token_provider": azure_ad_token_provider or self._azure_ad_token_provider,
                **_extra_kwargs,
            },
        )

    with_options = copy

    def _copy_with(self, kwargs: dict[str, Any]) -> Self:
        # A copy keeps the resolved base URL; going through __init__ would re-read ANTHROPIC_FOUNDRY_RESOURCE
        # and reject the pair as "mutually exclusive".
        kwargs.pop("auth_token", None)
        new = type(self).__new__(type(self))
        new._setup_foundry(
            api_key=kwargs.pop("api_key"),
            base_url=str(kwargs.pop("base_url")),
            azure_ad_token_provider=kwargs.pop("azure_ad_token_provider", None),
            timeout=kwargs.pop("timeout"),
            max_retries=kwargs.pop("max_retries"),
            default_headers=kwargs.pop("default_headers"),
            default_query=kwargs.pop("default_query"),
            http_client=kwargs.pop("http_client"),
            strict_response_validation=kwargs.pop("_strict_response_validation"),
        )
        if kwargs:
            raise TypeError(f"{type(self).__name__}.copy() got unexpected arguments: {sorted(kwargs)}")
        return new


class AnthropicFoundry(_FoundryClient, Anthropic):
    """Claude on Microsoft Foundry (sync)."""

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
        base_url: str | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.Client | None = None,
        _strict_response_validation: bool = False,
    ) -> None:
        """`api_key`, `resource` and `base_url` default to `ANTHROPIC_FOUNDRY_API_KEY`, `_RESOURCE`, `_BASE_URL`.

        `azure_ad_token_provider` is called on every attempt for a bearer token (e.g. azure-identity's
        `get_bearer_token_provider(credential, "https://ai.azure.com/.default")`).
        """
        api_key, resolved_base_url = resolve_settings(
            api_key=api_key,
            resource=resource,
            base_url=base_url,
            has_token_provider=azure_ad_token_provider is not None,
        )
        if http_client is not None and not isinstance(http_client, httpx.Client):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise TypeError(
                f"Invalid `http_client` argument; Expected an instance of `httpx.Client` but got {type(http_client)}"
            )
        self._setup_foundry(
            api_key=api_key,
            base_url=resolved_base_url,
            azure_ad_token_provider=azure_ad_token_provider,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            strict_response_validation=_strict_response_validation,
        )


class AsyncAnthropicFoundry(_FoundryClient, AsyncAnthropic):
    """Claude on Microsoft Foundry (async); the token provider may be a coroutine function."""

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
        base_url: str | None = None,
        timeout: float | Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.AsyncClient | None = None,
        _strict_response_validation: bool = False,
    ) -> None:
        """As `AnthropicFoundry`; the provider may also return an awaitable (it is awaited on every attempt)."""
        api_key, resolved_base_url = resolve_settings(
            api_key=api_key,
            resource=resource,
            base_url=base_url,
            has_token_provider=azure_ad_token_provider is not None,
        )
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise TypeError(
                "Invalid `http_client` argument; Expected an instance of `httpx.AsyncClient` but got "
                f"{type(http_client)}"
            )
        self._setup_foundry(
            api_key=api_key,
            base_url=resolved_base_url,
            azure_ad_token_provider=azure_ad_token_provider,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            strict_response_validation=_strict_response_validation,
        )
