"""`AnthropicExample`: the core client on the example platform, declared with the public `PlatformClient` base."""

from __future__ import annotations

from collections.abc import Mapping

import httpx

from anthropic import DEFAULT_MAX_RETRIES, NOT_GIVEN, NotGiven
from anthropic.plugins import PlatformClient


class AnthropicExample(PlatformClient):
    platform = "example"

    def __init__(
        self,
        *,
        secret: str,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.Client | None = None,
        _strict_response_validation: bool = False,
    ) -> None:
        super().__init__(
            options={"secret": secret},
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            _strict_response_validation=_strict_response_validation,
        )
