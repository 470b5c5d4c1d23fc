"""`Anthropic` and `AsyncAnthropic`: configuration, resources and the request entry points.

A client is configuration (immutable after construction) plus a platform runtime built by the plugin host plus
an httpx client. Platform clients (`AnthropicBedrock`, ...) are subclasses that only change how the configuration
is resolved and which platform is built: every feature here works on them unchanged.
"""

from __future__ import annotations

import os
from collections.abc import AsyncGenerator, Generator, Mapping
from contextlib import asynccontextmanager, contextmanager
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import httpx

from ._constants import (
    AI_PROMPT,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    HUMAN_PROMPT,
    RAW_RESPONSE_HEADER,
)
from ._http import OwnedAsyncHttpxClient, OwnedHttpxClient, follow_event_loop, platform_headers
from ._observe import activated, observation_ending, start_request
from ._platform import ClientConfig
from ._request import APIRequest
from ._resource import (
    AsyncMode,
    AsyncRawMode,
    AsyncStreamingMode,
    SyncMode,
    SyncRawMode,
    SyncStreamingMode,
    subresource,
)
from ._response import APIResponse, AsyncAPIResponse, LegacyAPIResponse, parse_response
from ._transport import AsyncSender, RequestCache, SendPlan, SyncSender
from ._types import NOT_GIVEN, NotGiven, Omit, RequestOptions, Timeout
from ._version import __version__

if TYPE_CHECKING:
    from ._observe import Observation, _Observations
    from ._platform import PlatformRuntime
    from .resources.beta import (
        AsyncBeta,
        AsyncBetaWithRawResponse,
        AsyncBetaWithStreamingResponse,
        Beta,
        BetaWithRawResponse,
        BetaWithStreamingResponse,
    )
    from .resources.completions import (
        AsyncCompletions,
        AsyncCompletionsWithRawResponse,
        AsyncCompletionsWithStreamingResponse,
        Completions,
        CompletionsWithRawResponse,
        CompletionsWithStreamingResponse,
    )
    from .resources.messages import (
        AsyncMessages,
        AsyncMessagesWithRawResponse,
        AsyncMessagesWithStreamingResponse,
        Messages,
        MessagesWithRawResponse,
        MessagesWithStreamingResponse,
    )
    from .resources.models import (
        AsyncModels,
        AsyncModelsWithRawResponse,
        AsyncModelsWithStreamingResponse,
        Models,
        ModelsWithRawResponse,
        ModelsWithStreamingResponse,
    )

__all__ = ["AsyncAnthropic", "AsyncClient", "Anthropic", "Client"]

_T = TypeVar("_T")

# 0.74.0's default for `options=` of the generic verbs: an empty mapping, only ever read.
_NO_OPTIONS: RequestOptions = {}
_Self = TypeVar("_Self", bound="BaseClient")


class _TopLevelResources:
    """The resources every client exposes; each is imported on first access."""

    messages: ClassVar[
        subresource[
            Messages,
            AsyncMessages,
            MessagesWithRawResponse,
            AsyncMessagesWithRawResponse,
            MessagesWithStreamingResponse,
            AsyncMessagesWithStreamingResponse,
        ]
    ] = subresource("anthropic.resources.messages", "Messages")
    completions: ClassVar[
        subresource[
            Completions,
            AsyncCompletions,
            CompletionsWithRawResponse,
            AsyncCompletionsWithRawResponse,
            CompletionsWithStreamingResponse,
            AsyncCompletionsWithStreamingResponse,
        ]
    ] = subresource("anthropic.resources.completions", "Completions")
    models: ClassVar[
        subresource[
            Models,
            AsyncModels,
            ModelsWithRawResponse,
            AsyncModelsWithRawResponse,
            ModelsWithStreamingResponse,
            AsyncModelsWithStreamingResponse,
        ]
    ] = subresource("anthropic.resources.models", "Models")
    beta: ClassVar[
        subresource[
            Beta,
            AsyncBeta,
            BetaWithRawResponse,
            AsyncBetaWithRawResponse,
            BetaWithStreamingResponse,
            AsyncBetaWithStreamingResponse,
        ]
    ] = subresource("anthropic.resources.beta", "Beta")


class _ClientView(_TopLevelResources):
    """`client.with_raw_response` / `client.with_streaming_response`: the client's resources in another mode."""

    def __init__(self, client: Any) -> None:
        self._api_client = client


class AnthropicWithRawResponse(_ClientView, SyncRawMode):
    pass


class AsyncAnthropicWithRawResponse(_ClientView, AsyncRawMode):
    pass


class AnthropicWithStreamedResponse(_ClientView, SyncStreamingMode):
    pass


class AsyncAnthropicWithStreamedResponse(_ClientView, AsyncStreamingMode):
    pass


class BaseClient(_TopLevelResources):
    """What sync and async clients share: configuration, headers, copying. No I/O here."""

    HUMAN_PROMPT: ClassVar[str] = HUMAN_PROMPT
    AI_PROMPT: ClassVar[str] = AI_PROMPT

    _platform_name: ClassVar[str] = "anthropic"
    _is_async: ClassVar[bool] = False

    api_key: str | None
    auth_token: str | None
    max_retries: int
    timeout: Timeout
    _platform: PlatformRuntime
    _strict_response_validation: bool
    _client: Any

    def _configure(
        self,
        *,
        config: ClientConfig,
        timeout: Timeout | NotGiven,
        max_retries: int,
        default_headers: Mapping[str, str | Omit] | None,
        default_query: Mapping[str, object] | None,
        http_client: httpx.Client | httpx.AsyncClient | None,
        strict_response_validation: bool,
    ) -> None:
        if max_retries is None:  # pyright: ignore[reportUnnecessaryComparison]
            raise TypeError(
                "max_retries cannot be None. If you want to disable retries, pass `0`; if you want unlimited "
                "retries, pass `math.inf` or a very high number; if you want the default behavior, pass "
                "`anthropic.DEFAULT_MAX_RETRIES`"
            )
        from ._plugins.host import get_host

        _check_header_safe("api_key", config.api_key)
        _check_header_safe("auth_token", config.auth_token)
        self._config = config
        self.api_key = config.api_key
        self.auth_token = config.auth_token
        self._platform = get_host().build_platform(config)
        self.base_url = self._platform.base_url
        if isinstance(timeout, NotGiven):
            timeout = _timeout_of(http_client) or DEFAULT_TIMEOUT
        self.timeout = timeout
        self.max_retries = max_retries
        self._custom_headers: dict[str, str | Omit] = dict(default_headers or {})
        self._custom_query: dict[str, object] = dict(default_query or {})
        self._strict_response_validation = strict_response_validation
        self._default_headers_cache: dict[str, tuple[str, str]] | None = None
        self._request_cache = RequestCache()

    @property
    def _api_client(self) -> BaseClient:
        """Resources built from a client are bound to it."""
        return self

    # -- public configuration ------------------------------------------------------------------------------

    @property
    def base_url(self) -> httpx.URL:
        return self._base_url

    @base_url.setter
    def base_url(self, url: httpx.URL | str) -> None:
        self._base_url = _enforce_trailing_slash(httpx.URL(url))
        text = str(self._base_url)
        # A bare origin keeps 0.74.0's spelling (`https://api.anthropic.com`); paths are joined after a `/`.
        self._base_url_str = text if text.endswith("/") else text + "/"

    @property
    def user_agent(self) -> str:
        return f"{type(self).__name__}/Python {__version__}"

    @property
    def auth_headers(self) -> dict[str, str]:
        from ._plugins.firstparty import first_party_auth_headers

        return first_party_auth_headers(self._config) if self._platform.name == "anthropic" else {}

    @property
    def default_headers(self) -> dict[str, str | Omit]:
        return {
            "Accept": "application/json",
            "Content-Type": "application/json",
            "User-Agent": self.user_agent,
            **platform_headers(__version__),
            "X-Stainless-Async": self._async_header(),
            **self._platform.default_headers,
            **self._custom_headers,
        }

    @property
    def default_query(self) -> dict[str, object]:
        return dict(self._custom_query)

    @property
    def _version(self) -> str:
        return __version__

    def _async_header(self) -> str:
        return "false"

    def _lower_default_headers(self) -> dict[str, tuple[str, str]]:
        """The headers every request starts from, computed once per client: the httpx client's own headers
        (`Accept-Encoding`, `Connection`...) beneath `default_headers`, without the `Omit`-ted ones."""
        cached = self._default_headers_cache
        if cached is None:
            from ._transport import lower_keyed

            merged = lower_keyed(dict(self._client.headers))
            for key, value in self.default_headers.items():
                lower = key.lower()
                merged.pop(lower, None)
                if not isinstance(value, Omit):
                    merged[lower] = (key, value)
            cached = merged
            self._default_headers_cache = cached
        return cached

    def __repr__(self) -> str:
        return f"<{type(self).__name__} base_url={str(self.base_url)!r} platform={self._platform.name!r}>"

    # -- copies ------------------------------------------------------------------------------------------

    def copy(
        self: _Self,
        *,
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
    ) -> _Self:
        """A new client with some options changed, sharing this client's connection pool."""
        if default_headers is not None and set_default_headers is not None:
            raise ValueError("The `default_headers` and `set_default_headers` arguments are mutually exclusive")
        if default_query is not None and set_default_query is not None:
            raise ValueError("The `default_query` and `set_default_query` arguments are mutually exclusive")
        headers: dict[str, str | Omit] = dict(self._custom_headers)
        if default_headers is not None:
            headers.update(default_headers)
        elif set_default_headers is not None:
            headers = dict(set_default_headers)
        query = dict(self._custom_query)
        if default_query is not None:
            query.update(default_query)
        elif set_default_query is not None:
            query = dict(set_default_query)
        kwargs: dict[str, Any] = dict(
            api_key=api_key or self.api_key,
            auth_token=auth_token or self.auth_token,
            base_url=base_url or self.base_url,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            http_client=http_client or self._client,
            max_retries=self.max_retries if isinstance(max_retries, NotGiven) else max_retries,
            default_headers=headers,
            default_query=query,
            _strict_response_validation=self._strict_response_validation,
        )
        kwargs.update(_extra_kwargs)
        return self._copy_with(kwargs)

    with_options = copy

    def _copy_with(self: _Self, kwargs: dict[str, Any]) -> _Self:
        """Build the copy; platform clients translate the common names to their constructor's here."""
        return type(self)(**kwargs)

    # -- request planning (shared by the sync and async entry points) -------------------------------------

    def _plan(self, request: APIRequest[Any]) -> SendPlan:
        return SendPlan(
            api_request=request,
            platform=self._platform,
            base_url=self._base_url_str,
            default_headers=self._lower_default_headers(),
            default_query=self._custom_query,
            client_timeout=self.timeout,
            client_max_retries=self.max_retries,
            cache=self._request_cache,
        )

    def _observe(self, request: APIRequest[Any]) -> _Observations | None:
        """Start observing this call when plugins observe this client (tracing, metrics); None otherwise."""
        observers = self._platform.observers
        if not observers:
            return None
        observation = start_request(observers, request)
        request.observation = observation  # the retry loop reports each attempt to it
        return observation

    def _parse(self, request: APIRequest[_T], response: httpx.Response) -> _T:
        """The value a (successful) call returns."""
        return parse_response(
            request.cast_to,
            response,
            client=self,
            stream=request.stream,
            stream_cls=request.stream_cls,
            post_parser=request.post_parser,
        )

    def _list_request(
        self, path: str, *, model: Any, page: Any, body: object | None, options: RequestOptions | None, method: str
    ) -> APIRequest[Any]:
        """A paginated request for `get_api_list`: pages are bound to this client to fetch the next ones."""
        import functools

        from .pagination import bind_page

        request = self._generic_request(method.upper(), path, cast_to=page[model], body=body, options=options)
        request.post_parser = functools.partial(bind_page, client=self, request=request)
        return request

    def _make_status_error(self, err_msg: str, *, body: object, response: httpx.Response) -> Any:
        return self._platform.status_error(err_msg, body=body, response=response)

    def _generic_request(
        self,
        method: str,
        path: str,
        *,
        cast_to: Any,
        body: object | None = None,
        options: RequestOptions | None = None,
        files: Any = None,
        stream: bool = False,
        stream_cls: Any = None,
    ) -> APIRequest[Any]:
        opts: RequestOptions = options or {}
        request = APIRequest(
            method,
            path,
            cast_to,
            endpoint=f"raw.{method.lower()}",
            body=body,  # type: ignore[arg-type]
            query=opts.get("params"),
            headers=opts.get("headers"),
            files=files,
            stream=stream,
            stream_cls=stream_cls,
            extra_body=opts.get("extra_json"),
            timeout=opts.get("timeout", NOT_GIVEN),
            max_retries=opts.get("max_retries"),
        )
        request.follow_redirects = opts.get("follow_redirects")
        return request


class Anthropic(BaseClient, SyncMode):
    """Client for the Anthropic API."""

    _client: httpx.Client

    def __init__(
        self,
        *,
        api_key: str | None = None,
        auth_token: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.Client | None = None,
        _strict_response_validation: bool = False,
    ) -> None:
        if http_client is not None and not isinstance(http_client, httpx.Client):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise TypeError(
                f"Invalid `http_client` argument; Expected an instance of `httpx.Client` but got {type(http_client)}"
            )
        self._configure(
            config=_first_party_config(self._platform_name, api_key=api_key, auth_token=auth_token, base_url=base_url),
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            strict_response_validation=_strict_response_validation,
        )
        self._init_http(http_client)

    def _init_http(self, http_client: httpx.Client | None) -> None:
        self._client = http_client or OwnedHttpxClient(timeout=self.timeout)  # type: ignore[arg-type]
        self._sender = SyncSender(self._client)

    # -- requests ----------------------------------------------------------------------------------------

    def _request(self, request: APIRequest[_T]) -> _T:
        observation = self._observe(request)
        if observation is None:
            response, _ = self._sender.send(self._plan(request))
            return self._parse(request, response)
        try:
            with activated(observation):
                response, _ = self._sender.send(self._plan(request))
            observation.response(response)
            result = self._parse(request, response)
        except BaseException as exc:
            observation.end(exc)
            raise
        return _observed_result(observation, result, request.stream)

    def _request_raw(self, request: APIRequest[_T]) -> LegacyAPIResponse[_T]:
        request.headers.setdefault(RAW_RESPONSE_HEADER, "true")
        observation = self._observe(request)
        if observation is None:
            response, retries = self._sender.send(self._plan(request))
            return LegacyAPIResponse(raw=response, request=request, client=self, retries_taken=retries)
        try:
            with activated(observation):
                response, retries = self._sender.send(self._plan(request))
            observation.response(response)
        except BaseException as exc:
            observation.end(exc)
            raise
        observation.end(None)  # the caller parses (or streams) the raw response on its own
        return LegacyAPIResponse(raw=response, request=request, client=self, retries_taken=retries)

    @contextmanager
    def _request_streaming(self, request: APIRequest[_T]) -> Generator[APIResponse[_T], None, None]:
        request.headers.setdefault(RAW_RESPONSE_HEADER, "stream")
        observation = self._observe(request)
        with observation_ending(observation):
            with activated(observation):
                response, retries = self._sender.send(self._plan(_streamed(request)))
            if observation is not None:
                observation.response(response)
            try:
                yield APIResponse(raw=response, request=request, client=self, retries_taken=retries)
            finally:
                response.close()

    # -- generic verbs for endpoints without a method ------------------------------------------------------

    def get(self, path: str, *, cast_to: type[_T], options: RequestOptions = _NO_OPTIONS, stream: bool = False, stream_cls: Any = None) -> _T:
        return self._request(self._generic_request("GET", path, cast_to=cast_to, options=options, stream=stream, stream_cls=stream_cls))

    def post(self, path: str, *, cast_to: type[_T], body: object | None = None, options: RequestOptions = _NO_OPTIONS, files: Any = None, stream: bool = False, stream_cls: Any = None) -> _T:
        return self._request(self._generic_request("POST", path, cast_to=cast_to, body=body, options=options, files=files, stream=stream, stream_cls=stream_cls))

    def patch(self, path: str, *, cast_to: type[_T], body: object | None = None, options: RequestOptions = _NO_OPTIONS) -> _T:
        return self._request(self._generic_request("PATCH", path, cast_to=cast_to, body=body, options=options))

    def put(self, path: str, *, cast_to: type[_T], body: object | None = None, options: RequestOptions = _NO_OPTIONS, files: Any = None) -> _T:
        return self._request(self._generic_request("PUT", path, cast_to=cast_to, body=body, options=options, files=files))

    def delete(self, path: str, *, cast_to: type[_T], body: object | None = None, options: RequestOptions = _NO_OPTIONS) -> _T:
        return self._request(self._generic_request("DELETE", path, cast_to=cast_to, body=body, options=options))

    def get_api_list(
        self,
        path: str,
        *,
        model: type[Any],
        page: type[Any],
        body: object | None = None,
        options: RequestOptions = _NO_OPTIONS,
        method: str = "get",
    ) -> Any:
        """A page of an endpoint without a method of its own (`page=SyncPage`, `model=` the item type)."""
        return self._request(self._list_request(path, model=model, page=page, body=body, options=options, method=method))

    # -- lifecycle ---------------------------------------------------------------------------------------

    @property
    def with_raw_response(self) -> AnthropicWithRawResponse:
        return AnthropicWithRawResponse(self)

    @property
    def with_streaming_response(self) -> AnthropicWithStreamedResponse:
        return AnthropicWithStreamedResponse(self)

    def is_closed(self) -> bool:
        return self._client.is_closed

    def close(self) -> None:
        """Close the connection pool, also an `http_client` you passed, and so every copy sharing it (0.74.0)."""
        if hasattr(self, "_client"):
            self._client.close()

    def __enter__(self: _Self) -> _Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncAnthropic(BaseClient, AsyncMode):
    """Async client for the Anthropic API."""

    _is_async: ClassVar[bool] = True
    _client: httpx.AsyncClient

    def __init__(
        self,
        *,
        api_key: str | None = None,
        auth_token: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.AsyncClient | None = None,
        _strict_response_validation: bool = False,
    ) -> None:
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):  # pyright: ignore[reportUnnecessaryIsInstance]
            raise TypeError(
                f"Invalid `http_client` argument; Expected an instance of `httpx.AsyncClient` but got {type(http_client)}"
            )
        self._configure(
            config=_first_party_config(self._platform_name, api_key=api_key, auth_token=auth_token, base_url=base_url),
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            default_query=default_query,
            http_client=http_client,
            strict_response_validation=_strict_response_validation,
        )
        self._init_http(http_client)

    def _init_http(self, http_client: httpx.AsyncClient | None) -> None:
        self._client = http_client or OwnedAsyncHttpxClient(timeout=self.timeout)  # type: ignore[arg-type]
        self._sender = AsyncSender(self._client)

    def _async_header(self) -> str:
        return f"async:{_async_library()}"

    def _bind_event_loop(self) -> None:
        """Let the pool follow the event loop it is used from (e.g. a second `asyncio.run`)."""
        follow_event_loop(self._client)

    async def _request(self, request: APIRequest[_T]) -> _T:
        self._bind_event_loop()
        observation = self._observe(request)
        if observation is None:
            response, _ = await self._sender.send(self._plan(request))
            return self._parse(request, response)
        try:
            with activated(observation):
                response, _ = await self._sender.send(self._plan(request))
            observation.response(response)
            result = self._parse(request, response)
        except BaseException as exc:
            observation.end(exc)
            raise
        return _observed_result(observation, result, request.stream)

    async def _request_raw(self, request: APIRequest[_T]) -> LegacyAPIResponse[_T]:
        self._bind_event_loop()
        request.headers.setdefault(RAW_RESPONSE_HEADER, "true")
        observation = self._observe(request)
        if observation is None:
            response, retries = await self._sender.send(self._plan(request))
            return LegacyAPIResponse(raw=response, request=request, client=self, retries_taken=retries)
        try:
            with activated(observation):
                response, retries = await self._sender.send(self._plan(request))
            observation.response(response)
        except BaseException as exc:
            observation.end(exc)
            raise
        observation.end(None)  # the caller parses (or streams) the raw response on its own
        return LegacyAPIResponse(raw=response, request=request, client=self, retries_taken=retries)

    @asynccontextmanager
    async def _request_streaming(self, request: APIRequest[_T]) -> AsyncGenerator[AsyncAPIResponse[_T], None]:
        self._bind_event_loop()
        request.headers.setdefault(RAW_RESPONSE_HEADER, "stream")
        observation = self._observe(request)
        with observation_ending(observation):
            with activated(observation):
                response, retries = await self._sender.send(self._plan(_streamed(request)))
            if observation is not None:
                observation.response(response)
            try:
                yield AsyncAPIResponse(raw=response, request=request, client=self, retries_taken=retries)
            finally:
                await response.aclose()

    async def get(self, path: str, *, cast_to: type[_T], options: RequestOptions = _NO_OPTIONS, stream: bool = False, stream_cls: Any = None) -> _T:
        return await self._request(self._generic_request("GET", path, cast_to=cast_to, options=options, stream=stream, stream_cls=stream_cls))

    async def post(self, path: str, *, cast_to: type[_T], body: object | None = None, options: RequestOptions = _NO_OPTIONS, files: Any = None, stream: bool = False, stream_cls: Any = None) -> _T:
        return await self._request(self._generic_request("POST", path, cast_to=cast_to, body=body, options=options, files=files, stream=stream, stream_cls=stream_cls))

    async def patch(self, path: str, *, cast_to: type[_T], body: object | None = None, options: RequestOptions = _NO_OPTIONS) -> _T:
        return await self._request(self._generic_request("PATCH", path, cast_to=cast_to, body=body, options=options))

    async def put(self, path: str, *, cast_to: type[_T], body: object | None = None, options: RequestOptions = _NO_OPTIONS, files: Any = None) -> _T:
        return await self._request(self._generic_request("PUT", path, cast_to=cast_to, body=body, options=options, files=files))

    async def delete(self, path: str, *, cast_to: type[_T], body: object | None = None, options: RequestOptions = _NO_OPTIONS) -> _T:
        return await self._request(self._generic_request("DELETE", path, cast_to=cast_to, body=body, options=options))

    def get_api_list(
        self,
        path: str,
        *,
        model: type[Any],
        page: type[Any],
        body: object | None = None,
        options: RequestOptions = _NO_OPTIONS,
        method: str = "get",
    ) -> Any:
        """An `AsyncPaginator` (await it for the first page, `async for` for every item)."""
        from .pagination import AsyncPaginator

        request = self._list_request(path, model=model, page=page, body=body, options=options, method=method)
        return AsyncPaginator(self, request)

    @property
    def with_raw_response(self) -> AsyncAnthropicWithRawResponse:
        return AsyncAnthropicWithRawResponse(self)

    @property
    def with_streaming_response(self) -> AsyncAnthropicWithStreamedResponse:
        return AsyncAnthropicWithStreamedResponse(self)

    def is_closed(self) -> bool:
        return self._client.is_closed

    async def close(self) -> None:
        """Close the connection pool, also an `http_client` you passed, and so every copy sharing it (0.74.0)."""
        if hasattr(self, "_client"):
            self._bind_event_loop()  # connections of a finished event loop cannot be closed from this one
            await self._client.aclose()

    async def __aenter__(self: _Self) -> _Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


Client = Anthropic
AsyncClient = AsyncAnthropic


def _observed_result(observation: Observation, result: _T, stream: bool) -> _T:
    """Hand a stream its observation (it ends with the stream); report any other value and end at once."""
    if stream:
        attach = getattr(result, "_attach_observation", None)
        if attach is not None:
            attach(observation)
            return result
    else:
        observation.result(result)
    observation.end(None)
    return result


def _streamed(request: APIRequest[_T]) -> APIRequest[_T]:
    """The same request sent without reading the body up front (for `.with_streaming_response`)."""
    import copy

    clone = copy.copy(request)
    clone.stream = True
    return clone


def _first_party_config(
    platform: str, *, api_key: str | None, auth_token: str | None, base_url: str | httpx.URL | None
) -> ClientConfig:
    """The constructor's credentials and base URL, with `ANTHROPIC_API_KEY` / `_AUTH_TOKEN` / `_BASE_URL` as
    fallbacks (shared by `Anthropic` and `AsyncAnthropic`)."""
    if api_key is None:
        api_key = os.environ.get("ANTHROPIC_API_KEY")
    if auth_token is None:
        auth_token = os.environ.get("ANTHROPIC_AUTH_TOKEN")
    if base_url is None:
        base_url = os.environ.get("ANTHROPIC_BASE_URL") or None
    return ClientConfig(
        platform=platform,
        base_url=str(base_url) if base_url is not None else None,
        api_key=api_key,
        auth_token=auth_token,
    )


def _check_header_safe(name: str, value: str | None) -> None:
    """Refuse credentials HTTP headers cannot carry (a trailing newline from a file, non-ASCII), without echoing
    them: sent as is, they would fail inside httpx with an error message containing the secret."""
    if value is not None and not all(" " <= ch <= "~" for ch in value):
        raise ValueError(
            f"The `{name}` contains characters that cannot be sent in an HTTP header (such as a newline or a "
            "non-ASCII character); check how it is loaded, e.g. strip the trailing newline of a key read from a file"
        )


def _enforce_trailing_slash(url: httpx.URL) -> httpx.URL:
    """0.74.0's rule, on the raw path: `https://host` stays as written (its path is already `/`)."""
    if url.raw_path.endswith(b"/"):
        return url
    return url.copy_with(raw_path=url.raw_path + b"/")


def _timeout_of(http_client: httpx.Client | httpx.AsyncClient | None) -> httpx.Timeout | None:
    """A custom client's own timeout, unless it is httpx's default (then ours applies)."""
    if http_client is None:
        return None
    if http_client.timeout == httpx.Timeout(5.0):
        return None
    return http_client.timeout


def _async_library() -> str:
    try:
        import sniffio

        return sniffio.current_async_library()
    except Exception:
        return "false"

