"""`AnthropicRelay` / `AsyncAnthropicRelay`: the core clients on the relay platform, declared on the public bases.

Each names its platform and writes the constructor users call; `copy()` / `with_options()` (taking `key_id`,
`secret` and `team` too), raw and streaming responses, retries and the tool runner come from the base.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

import httpx
from anthropic import DEFAULT_MAX_RETRIES, NOT_GIVEN, NotGiven
from anthropic.plugins import AsyncPlatformClient, PlatformClient

from anthropic_plugin_relay.options import RelayOptions

__all__ = ["AnthropicRelay", "AsyncAnthropicRelay"]


class AnthropicRelay(PlatformClient):
    platform = "relay"

    def __init__(
        self,
        *,
        key_id: str | None = None,
        secret: str | None = None,
        team: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.Client | None = None,
        _strict_response_validation: bool = False,
    ) -> None:
        super().__init__(
            options=RelayOptions.resolve(key_id=key_id, secret=secret, team=team),
            base_url=base_url or os.environ.get("ANTHROPIC_RELAY_BASE_URL"),
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            _strict_response_validation=_strict_response_validation,
        )


class AsyncAnthropicRelay(AsyncPlatformClient):
    platform = "relay"

    def __init__(
        self,
        *,
        key_id: str | None = None,
        secret: str | None = None,
        team: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.AsyncClient | None = None,
        _strict_response_validation: bool = False,
    ) -> None:
        super().__init__(
            options=RelayOptions.resolve(key_id=key_id, secret=secret, team=team),
            base_url=base_url or os.environ.get("ANTHROPIC_RELAY_BASE_URL"),
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            _strict_response_validation=_strict_response_validation,
        )
