"""`AnthropicBedrock` / `AsyncAnthropicBedrock`: the core clients on the `bedrock` platform, declared on the public
`anthropic.plugins` bases.

Only the 0.74.0 constructor lives here; `_settings.resolve` (shared by both) infers the region and the base URL.
Requests, retries, streaming, raw responses, copies (`with_options()` keeps the AWS settings, `aws_profile` included)
and every resource come from the core client; the platform (`plugin.build_platform`) adds SigV4 signing, the
URL/body rewrite and the eventstream decoder.
"""

from __future__ import annotations

from collections.abc import Mapping

import httpx

from anthropic import DEFAULT_MAX_RETRIES, NOT_GIVEN, NotGiven
from anthropic.plugins import AsyncPlatformClient, PlatformClient, options_as_dict

from ._settings import resolve

__all__ = ["AnthropicBedrock", "AsyncAnthropicBedrock"]


class _AWSSettings:
    """The 0.74.0 attributes both clients expose: their AWS arguments as resolved (the region inferred)."""

    aws_secret_key: str | None
    aws_access_key: str | None
    aws_region: str
    aws_profile: str | None
    aws_session_token: str | None


class AnthropicBedrock(_AWSSettings, PlatformClient):
    """Claude on Amazon Bedrock: requests signed with AWS SigV4 from boto3's credentials."""

    platform = "bedrock"

    def __init__(
        self,
        aws_secret_key: str | None = None,
        aws_access_key: str | None = None,
        aws_region: str | None = None,
        aws_profile: str | None = None,
        aws_session_token: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.Client | None = None,
        _strict_response_validation: bool = False,
    ) -> None:
        options, url = resolve(aws_secret_key, aws_access_key, aws_region, aws_profile, aws_session_token, base_url)
        vars(self).update(options_as_dict(options))
        super().__init__(
            options=options,
            base_url=url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            _strict_response_validation=_strict_response_validation,
        )


class AsyncAnthropicBedrock(_AWSSettings, AsyncPlatformClient):
    """Async Claude on Amazon Bedrock: credential lookup and signing run in a worker thread."""

    platform = "bedrock"

    def __init__(
        self,
        aws_secret_key: str | None = None,
        aws_access_key: str | None = None,
        aws_region: str | None = None,
        aws_profile: str | None = None,
        aws_session_token: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.AsyncClient | None = None,
        _strict_response_validation: bool = False,
    ) -> None:
        options, url = resolve(aws_secret_key, aws_access_key, aws_region, aws_profile, aws_session_token, base_url)
        vars(self).update(options_as_dict(options))
        super().__init__(
            options=options,
            base_url=url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            _strict_response_validation=_strict_response_validation,
        )
