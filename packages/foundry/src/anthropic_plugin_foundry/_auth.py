"""`TokenProviderAuth`: an `httpx.Auth` that asks the Azure AD token provider for a token on every attempt.

The provider is typically azure-identity's `get_bearer_token_provider(credential, scope)`, which caches and
renews tokens itself; calling it per attempt means a retried request always carries a current token.
Async clients await coroutine providers on the loop and run plain callables in a worker thread, because
azure-identity's sync providers block on the network when they renew.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator
from typing import Any, Union

import anyio.to_thread
import httpx

__all__ = ["AsyncAzureADTokenProvider", "AzureADTokenProvider", "TokenProviderAuth"]

AzureADTokenProvider = Callable[[], str]
AsyncAzureADTokenProvider = Callable[[], Union[str, Awaitable[str]]]


class TokenProviderAuth(httpx.Auth):
    """`Authorization: Bearer <token>` from the provider, unless the request already has an Authorization header."""

    def __init__(self, provider: AsyncAzureADTokenProvider) -> None:
        self._provider = provider
        self._is_coroutine = _is_coroutine_callable(provider)

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        token = self._provider()
        if inspect.isawaitable(token):
            if inspect.iscoroutine(token):
                token.close()  # never awaited: close it so Python does not warn about it
            raise ValueError(
                "The `azure_ad_token_provider` returned an awaitable; use AsyncAnthropicFoundry for async providers"
            )
        _set_token(request, token)
        yield request

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        if self._is_coroutine:
            token: object = self._provider()
        else:
            token = await anyio.to_thread.run_sync(self._provider)
        if inspect.isawaitable(token):
            token = await token
        _set_token(request, token)
        yield request


def _set_token(request: httpx.Request, token: object) -> None:
    if not token or not isinstance(token, str):
        # The value itself is not shown: a provider returning the token as bytes would leak it into logs.
        shown = "an empty string" if token == "" else f"a value of type {type(token).__name__}"
        raise ValueError(f"Expected `azure_ad_token_provider` argument to return a string but it returned {shown}")
    if not request.headers.get("Authorization"):
        request.headers["Authorization"] = f"Bearer {token}"


def _is_coroutine_callable(provider: Any) -> bool:
    """`async def` functions, partials of them, and objects whose `__call__` is `async def`."""
    if inspect.iscoroutinefunction(provider):
        return True
    call = getattr(type(provider), "__call__", None)  # noqa: B004 - looking for an async __call__, not callability
    return inspect.iscoroutinefunction(call)
