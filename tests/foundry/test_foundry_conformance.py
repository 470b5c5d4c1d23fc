"""AnthropicFoundry passes the platform conformance checks: with an API key, and with an Azure AD token provider
that must be called again for every attempt (each request carries the token minted for it)."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pytest

from anthropic.testing import FakeAnthropicServer, PlatformConformance, RecordedRequest
from anthropic_plugin_foundry import AnthropicFoundry, AsyncAnthropicFoundry

API_KEY = "foundry-conformance-key"
TOKEN_PREFIX = "aad-conformance-token-"


class TestFoundryApiKeyConformance(PlatformConformance):
    credentials = (API_KEY,)
    supported_endpoints = ("messages.create", "messages.count_tokens", "beta.messages.create", "beta.files.list")
    unsupported_endpoints = (
        "models.list",
        "models.retrieve",
        "messages.batches.create",
        "messages.batches.list",
        "beta.messages.batches.list",
    )

    def _options(self, *, is_async: bool) -> dict[str, Any]:
        return {"api_key": API_KEY}

    def make_client(self, server: FakeAnthropicServer, **kwargs: Any) -> AnthropicFoundry:
        return AnthropicFoundry(base_url=server.url, **self._options(is_async=False), **kwargs)

    def make_async_client(self, server: FakeAnthropicServer, **kwargs: Any) -> AsyncAnthropicFoundry:
        return AsyncAnthropicFoundry(base_url=server.url, **self._options(is_async=True), **kwargs)

    def auth_headers(self, request: RecordedRequest) -> Mapping[str, str]:
        return {"api-key": API_KEY, "x-api-key": API_KEY, "anthropic-version": "2023-06-01"}


class TestFoundryTokenProviderConformance(TestFoundryApiKeyConformance):
    credentials = (TOKEN_PREFIX,)

    @pytest.fixture(autouse=True)
    def _token_log(self) -> Iterator[None]:
        self._issued: list[str] = []
        self._numbers = itertools.count()
        yield

    def _mint(self) -> str:
        token = f"{TOKEN_PREFIX}{next(self._numbers)}"
        self._issued.append(token)
        return token

    def _options(self, *, is_async: bool) -> dict[str, Any]:
        provider: Callable[[], Any]
        if is_async:

            async def provider() -> str:
                return self._mint()

        else:
            provider = self._mint
        return {"azure_ad_token_provider": provider}

    def auth_headers(self, request: RecordedRequest) -> Mapping[str, str]:
        # Requests are sent one after another and each attempt asks the provider once: the n-th request must carry
        # the n-th token (a retry re-using the first attempt's token would fail here).
        assert request.index < len(self._issued), "a request went out without calling the token provider"
        assert "api-key" not in request.headers
        return {"authorization": f"Bearer {self._issued[request.index]}", "anthropic-version": "2023-06-01"}
