"""`AnthropicBedrock` / `AsyncAnthropicBedrock`: the core clients on the `bedrock` platform.

Only configuration lives here (0.74.0's constructor, region and base URL resolution, copies): requests, retries,
streaming, raw responses and every resource come from `anthropic.Anthropic` / `anthropic.AsyncAnthropic`; the
plugin's hooks add SigV4 signing, the URL/body rewrite and the eventstream decoder.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

import httpx
from typing_extensions import Self

from anthropic import Anthropic, AsyncAnthropic
from anthropic._client import BaseClient
from anthropic._constants import DEFAULT_MAX_RETRIES
from anthropic._platform import ClientConfig
from anthropic._types import NOT_GIVEN, NotGiven, Timeout

from ._settings import infer_region, resolve_base_url

if TYPE_CHECKING:
    from ._auth import BedrockSigV4Auth

__all__ = ["AnthropicBedrock", "AsyncAnthropicBedrock"]


class _BedrockClient(BaseClient):
    """What both Bedrock clients add to the core client: AWS settings and copies that keep them."""

    _platform_name: ClassVar[str] = "bedrock"

    aws_secret_key: str | None
    aws_access_key: str | None
    aws_region: str
    aws_profile: str | None
    aws_session_token: str | None
    _base_url_from_region: bool

    def _setup(
        self,
        *,
        aws_secret_key: str | None,
        aws_access_key: str | None,
        aws_region: str | None,
        aws_profile: str | None,
        aws_session_token: str | None,
        base_url: str | httpx.URL | None,
        timeout: Timeout | NotGiven,
        max_retries: int,
        default_headers: Mapping[str, str] | None,
        default_query: Mapping[str, object] | None,
        http_client: httpx.Client | httpx.AsyncClient | None,
        strict_response_validation: bool,
    ) -> None:
        self.aws_secret_key = aws_secret_key
        self.aws_access_key = aws_access_key
        self.aws_region = infer_region(aws_profile) if aws_region is None else aws_region
        self.aws_profile = aws_profile
        self.aws_session_token = aws_session_token
        resolved_base_url, self._base_url_from_region = resolve_base_url(base_url, self.aws_region)
        aws = {
            "aws_secret_key": aws_secret_key,
            "aws_access_key": aws_access_key,
            "aws_region": self.aws_region,
            "aws_profile": aws_profile,
            "aws_session_token": aws_session_token,
        }
        self._configure(
            config=ClientConfig(
                platform=self._platform_name, base_url=resolved_base_url, api_key=None, auth_token=None, options=aws
            ),
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            strict_response_validation=strict_response_validation,
            init_kwargs=dict(aws),
        )

    def copy(
        self,
        *,
        aws_secret_key: str | None = None,
        aws_access_key: str | None = None,
        aws_region: str | None = None,
        aws_profile: str | None = None,
        aws_session_token: str | None = None,
        api_key: str | None = None,
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
        """A new client with some options changed; AWS settings (the profile too) carry over unless given."""
        given = {
            "aws_secret_key": aws_secret_key,
            "aws_access_key": aws_access_key,
            "aws_region": aws_region,
            "aws_profile": aws_profile,
            "aws_session_token": aws_session_token,
        }
        extra = {name: value for name, value in given.items() if value is not None}
        extra.update(_extra_kwargs)
        return super().copy(
            base_url=base_url,
            timeout=timeout,
            http_client=http_client,
            max_retries=max_retries,
            default_headers=default_headers,
            set_default_headers=set_default_headers,
            default_query=default_query,
            set_default_query=set_default_query,
            _extra_kwargs=extra,
        )

    with_options = copy

    def _copy_with(self, kwargs: dict[str, Any]) -> Self:
        kwargs.pop("api_key", None)
        kwargs.pop("auth_token", None)
        if (
            self._base_url_from_region
            and kwargs.get("aws_region") != self.aws_region
            and kwargs.get("base_url") == self.base_url
        ):
            kwargs["base_url"] = None  # the region changed: so does the default endpoint
        clone = type(self)(**kwargs)
        mine, theirs = self._sigv4_auth(), clone._sigv4_auth()
        if mine is not None and theirs is not None:
            theirs.share_session_with(mine)
        return clone

    def _sigv4_auth(self) -> BedrockSigV4Auth | None:
        from ._auth import BedrockSigV4Auth

        auth = self._platform.auth
        return auth if isinstance(auth, BedrockSigV4Auth) else None


class AnthropicBedrock(_BedrockClient, Anthropic):
    """Claude on Amazon Bedrock: requests signed with AWS SigV4 from boto3's credentials."""

    def __init__(
        self,
        aws_secret_key: str | None = None,
        aws_access_key: str | None = None,
        aws_region: str | None = None,
        aws_profile: str | None = None,
        aws_session_token: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.Client | None = None,
        _strict_response_validation: bool = False,
    ) -> None:
        if http_client is not None and not isinstance(http_client, httpx.Client):
            raise TypeError(
                f"Invalid `http_client` argument; Expected an instance of `httpx.Client` but got {type(http_client)}"
            )
        self._setup(
            aws_secret_key=aws_secret_key,
            aws_access_key=aws_access_key,
            aws_region=aws_region,
            aws_profile=aws_profile,
            aws_session_token=aws_session_token,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            strict_response_validation=_strict_response_validation,
        )
        self._init_http(http_client)


class AsyncAnthropicBedrock(_BedrockClient, AsyncAnthropic):
    """Async Claude on Amazon Bedrock: credential lookup and signing run in a worker thread."""

    def __init__(
        self,
        aws_secret_key: str | None = None,
        aws_access_key: str | None = None,
        aws_region: str | None = None,
        aws_profile: str | None = None,
        aws_session_token: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.AsyncClient | None = None,
        _strict_response_validation: bool = False,
    ) -> None:
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise TypeError(
                "Invalid `http_client` argument; Expected an instance of `httpx.AsyncClient` but got "
                f"{type(http_client)}"
            )
        self._setup(
            aws_secret_key=aws_secret_key,
            aws_access_key=aws_access_key,
            aws_region=aws_region,
            aws_profile=aws_profile,
            aws_session_token=aws_session_token,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            strict_response_validation=_strict_response_validation,
        )
        self._init_http(http_client)
