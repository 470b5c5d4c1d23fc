"""Endpoint kinds beyond one request and one parsed answer, declared once and served in every mode.

- `paginated`: list endpoints. Sync calls return a page (iterate it for every item); async calls return an
  `AsyncPaginator` (await it for the first page, `async for` it for every item).
- `stepwise`: calls that need an answer before they can send their request (batch `results()` first reads
  the batch to learn its `results_url`). The build function is a generator: it yields requests whose parsed
  answers it receives, and returns the final request.
- `binary`: downloads, returned as `BinaryAPIResponse` (raw: the same; streaming: `StreamedBinaryAPIResponse`).
- `helper`: methods returning a helper object that differs between sync and async clients (stream managers).

Like `anthropic._resource.endpoint`, each is a descriptor typed per mode, so type checkers see exact results.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import AsyncGenerator, Callable, Coroutine, Generator, Mapping
from contextlib import AbstractAsyncContextManager, AbstractContextManager, asynccontextmanager, contextmanager
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from typing_extensions import Concatenate, ParamSpec, Self

from .._constants import RAW_RESPONSE_HEADER
from .._request import APIRequest
from .._resource import (
    APIResource,
    AsyncAPIResource,
    AsyncRawResource,
    AsyncStreamingResource,
    SyncAPIResource,
    SyncRawResource,
    SyncStreamingResource,
    public_signature,
)
from .._types import NOT_GIVEN, NotGiven, Omit, omit

if TYPE_CHECKING:
    from .._response import (
        APIResponse,
        AsyncAPIResponse,
        AsyncBinaryAPIResponse,
        AsyncStreamedBinaryAPIResponse,
        BinaryAPIResponse,
        LegacyAPIResponse,
        StreamedBinaryAPIResponse,
    )
    from .._types import Headers, Query, Timeout
    from ..pagination import AsyncPage, AsyncPageCursor, AsyncPaginator, SyncPage, SyncPageCursor

__all__ = [
    "DualRequest",
    "Helper",
    "PageRequest",
    "binary",
    "cursor_page_request",
    "helper",
    "id_page_request",
    "multipart_request",
    "paginated",
    "stepwise",
]

_P = ParamSpec("_P")
_M = TypeVar("_M")
_SP = TypeVar("_SP")
_AP = TypeVar("_AP")
_S = TypeVar("_S")
_A = TypeVar("_A")


class PageRequest(APIRequest[Any], Generic[_M, _SP, _AP]):
    """A list request: `_M` is the item type, `_SP`/`_AP` the page types of sync and async clients."""


class DualRequest(APIRequest[Any], Generic[_S, _A]):
    """A request whose parsed answer differs between sync (`_S`) and async (`_A`) clients."""


class Helper(Generic[_S, _A]):
    """A helper object built around a request: `sync(client)` for sync clients, `async_(client)` for async ones."""

    def __init__(self, sync: Callable[[Any], _S], async_: Callable[[Any], _A]) -> None:
        self.sync = sync
        self.async_ = async_


# ---------------------------------------------------------------------------------------------------------------
# Request builders


def _page_request(
    resource: APIResource,
    path: str,
    item_type: Any,
    page_cls: Any,
    *,
    endpoint: str,
    query: Mapping[str, object],
    headers: Mapping[str, str | Omit] | None,
    extra_headers: Headers | None,
    extra_query: Query | None,
    extra_body: object | None,
    timeout: Timeout | NotGiven,
) -> Any:
    from ..pagination import bind_page

    request: PageRequest[Any, Any, Any] = PageRequest(
        "GET",
        path,
        page_cls[item_type],
        endpoint=endpoint,
        query={k: v for k, v in query.items() if not isinstance(v, (Omit, NotGiven))},
        headers=headers,
        extra_headers=extra_headers,
        extra_query=extra_query,
        extra_body=extra_body,
        timeout=timeout,
    )
    request.post_parser = functools.partial(bind_page, client=resource._client, request=request)
    return request


def id_page_request(
    resource: APIResource,
    path: str,
    item_type: type[_M],
    *,
    endpoint: str,
    query: Mapping[str, object],
    headers: Mapping[str, str | Omit] | None = None,
    extra_headers: Headers | None = None,
    extra_query: Query | None = None,
    extra_body: object | None = None,
    timeout: Timeout | NotGiven = NOT_GIVEN,
) -> PageRequest[_M, SyncPage[_M], AsyncPage[_M]]:
    """A list request paged by `after_id`/`before_id` (`SyncPage` / `AsyncPage`)."""
    from ..pagination import AsyncPage, SyncPage

    page_cls = AsyncPage if resource._client._is_async else SyncPage
    return _page_request(
        resource, path, item_type, page_cls, endpoint=endpoint, query=query, headers=headers,
        extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout,
    )  # fmt: skip


def cursor_page_request(
    resource: APIResource,
    path: str,
    item_type: type[_M],
    *,
    endpoint: str,
    query: Mapping[str, object],
    headers: Mapping[str, str | Omit] | None = None,
    extra_headers: Headers | None = None,
    extra_query: Query | None = None,
    extra_body: object | None = None,
    timeout: Timeout | NotGiven = NOT_GIVEN,
) -> PageRequest[_M, SyncPageCursor[_M], AsyncPageCursor[_M]]:
    """A list request paged by a `page` cursor (`SyncPageCursor` / `AsyncPageCursor`)."""
    from ..pagination import AsyncPageCursor, SyncPageCursor

    page_cls = AsyncPageCursor if resource._client._is_async else SyncPageCursor
    return _page_request(
        resource, path, item_type, page_cls, endpoint=endpoint, query=query, headers=headers,
        extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout,
    )  # fmt: skip


def multipart_request(
    resource: APIResource,
    method: str,
    path: str,
    cast_to: type[_M],
    *,
    endpoint: str,
    fields: Mapping[str, object],
    files: list[tuple[str, Any]],
    headers: Mapping[str, str | Omit] | None = None,
    extra_headers: Headers | None = None,
    extra_query: Query | None = None,
    extra_body: object | None = None,
    timeout: Timeout | NotGiven = NOT_GIVEN,
) -> APIRequest[_M]:
    """An upload: form fields and files as one streamed `multipart/form-data` body.

    `extra_body` entries become extra form fields (a JSON body cannot travel with a multipart one).
    """
    from .._files import multipart_body

    all_fields = dict(fields)
    if isinstance(extra_body, Mapping):
        all_fields.update(extra_body)  # pyright: ignore[reportUnknownArgumentType]
    body = multipart_body(all_fields, files, is_async=resource._client._is_async)
    merged: dict[str, str | Omit] = dict(headers or {})
    merged.update(body.headers())
    return APIRequest(
        method,
        path,
        cast_to,
        endpoint=endpoint,
        content=body,
        headers=merged,
        extra_headers=extra_headers,
        extra_query=extra_query,
        timeout=timeout,
    )


# ---------------------------------------------------------------------------------------------------------------
# Descriptors


class _Descriptor:
    """Binds the build function per resource mode, caches the bound callable, and shows the right signature."""

    def __init__(self, build: Callable[..., Any]) -> None:
        self._build = build
        self._name = build.__name__
        functools.update_wrapper(self, build)  # pyright: ignore[reportArgumentType]

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def _bind(self, obj: Any) -> Callable[..., Any]:
        raise NotImplementedError

    def _get(self, obj: Any) -> Any:
        if obj is None:
            return self
        bound = self._bind(obj)
        functools.update_wrapper(bound, self._build)
        bound.__signature__ = self._public_signature()  # type: ignore[attr-defined]
        obj.__dict__[self._name] = bound
        return bound

    def _public_signature(self) -> inspect.Signature:
        return public_signature(self._build)


class paginated(_Descriptor, Generic[_P, _M, _SP, _AP]):
    """A list endpoint: its build function returns a `PageRequest` (see `id_page_request`)."""

    def __init__(self, build: Callable[Concatenate[Any, _P], PageRequest[_M, _SP, _AP]]) -> None:
        super().__init__(build)

    @overload
    def __get__(self, obj: None, owner: type) -> Self: ...
    @overload
    def __get__(self, obj: SyncAPIResource, owner: type) -> Callable[_P, _SP]: ...
    @overload
    def __get__(self, obj: AsyncAPIResource, owner: type) -> Callable[_P, AsyncPaginator[_M, _AP]]: ...
    @overload
    def __get__(self, obj: SyncRawResource, owner: type) -> Callable[_P, LegacyAPIResponse[_SP]]: ...
    @overload
    def __get__(
        self, obj: AsyncRawResource, owner: type
    ) -> Callable[_P, Coroutine[Any, Any, LegacyAPIResponse[_AP]]]: ...
    @overload
    def __get__(
        self, obj: SyncStreamingResource, owner: type
    ) -> Callable[_P, AbstractContextManager[APIResponse[_SP]]]: ...
    @overload
    def __get__(
        self, obj: AsyncStreamingResource, owner: type
    ) -> Callable[_P, AbstractAsyncContextManager[AsyncAPIResponse[_AP]]]: ...
    def __get__(self, obj: Any, owner: type) -> Any:
        return self._get(obj)

    def _bind(self, obj: Any) -> Callable[..., Any]:
        build = self._build
        execute: Callable[[APIRequest[Any]], Any] = obj._execute
        if obj._mode == "async":
            from ..pagination import AsyncPaginator

            def paginate(*args: Any, **kwargs: Any) -> Any:
                return AsyncPaginator(obj._client, build(obj, *args, **kwargs))

            return paginate
        if obj._mode == "async_raw":

            async def call_async(*args: Any, **kwargs: Any) -> Any:
                return await execute(build(obj, *args, **kwargs))

            return call_async

        def call(*args: Any, **kwargs: Any) -> Any:
            return execute(build(obj, *args, **kwargs))

        return call


def _run_steps_sync(steps: Generator[APIRequest[Any], Any, APIRequest[Any]], client: Any) -> APIRequest[Any]:
    try:
        request = next(steps)
        while True:
            request = steps.send(client._request(request))
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]


async def _run_steps_async(steps: Generator[APIRequest[Any], Any, APIRequest[Any]], client: Any) -> APIRequest[Any]:
    try:
        request = next(steps)
        while True:
            request = steps.send(await client._request(request))
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]


class stepwise(_Descriptor, Generic[_P, _S, _A]):
    """An endpoint whose request depends on earlier answers; only the final request is served per mode."""

    def __init__(
        self, build: Callable[Concatenate[Any, _P], Generator[APIRequest[Any], Any, DualRequest[_S, _A]]]
    ) -> None:
        super().__init__(build)

    @overload
    def __get__(self, obj: None, owner: type) -> Self: ...
    @overload
    def __get__(self, obj: SyncAPIResource, owner: type) -> Callable[_P, _S]: ...
    @overload
    def __get__(self, obj: AsyncAPIResource, owner: type) -> Callable[_P, Coroutine[Any, Any, _A]]: ...
    @overload
    def __get__(self, obj: SyncRawResource, owner: type) -> Callable[_P, LegacyAPIResponse[_S]]: ...
    @overload
    def __get__(
        self, obj: AsyncRawResource, owner: type
    ) -> Callable[_P, Coroutine[Any, Any, LegacyAPIResponse[_A]]]: ...
    @overload
    def __get__(
        self, obj: SyncStreamingResource, owner: type
    ) -> Callable[_P, AbstractContextManager[APIResponse[_S]]]: ...
    @overload
    def __get__(
        self, obj: AsyncStreamingResource, owner: type
    ) -> Callable[_P, AbstractAsyncContextManager[AsyncAPIResponse[_A]]]: ...
    def __get__(self, obj: Any, owner: type) -> Any:
        return self._get(obj)

    def _bind(self, obj: Any) -> Callable[..., Any]:
        build = self._build
        client = obj._client
        execute: Callable[[APIRequest[Any]], Any] = obj._execute
        mode = obj._mode
        if mode in ("async", "async_raw"):

            async def call_async(*args: Any, **kwargs: Any) -> Any:
                return await execute(await _run_steps_async(build(obj, *args, **kwargs), client))

            return call_async
        if mode == "sync_streaming":

            @contextmanager
            def streamed(*args: Any, **kwargs: Any) -> Generator[Any, None, None]:
                with execute(_run_steps_sync(build(obj, *args, **kwargs), client)) as response:
                    yield response

            return streamed
        if mode == "async_streaming":

            @asynccontextmanager
            async def astreamed(*args: Any, **kwargs: Any) -> AsyncGenerator[Any, None]:
                final = await _run_steps_async(build(obj, *args, **kwargs), client)
                async with execute(final) as response:
                    yield response

            return astreamed

        def call(*args: Any, **kwargs: Any) -> Any:
            return execute(_run_steps_sync(build(obj, *args, **kwargs), client))

        return call


class binary(_Descriptor, Generic[_P]):
    """A download: the body is handed over as a binary response instead of being parsed."""

    def __init__(self, build: Callable[Concatenate[Any, _P], APIRequest[Any]]) -> None:
        super().__init__(build)

    @overload
    def __get__(self, obj: None, owner: type) -> Self: ...
    @overload
    def __get__(self, obj: SyncAPIResource, owner: type) -> Callable[_P, BinaryAPIResponse]: ...
    @overload
    def __get__(
        self, obj: AsyncAPIResource, owner: type
    ) -> Callable[_P, Coroutine[Any, Any, AsyncBinaryAPIResponse]]: ...
    @overload
    def __get__(self, obj: SyncRawResource, owner: type) -> Callable[_P, BinaryAPIResponse]: ...
    @overload
    def __get__(
        self, obj: AsyncRawResource, owner: type
    ) -> Callable[_P, Coroutine[Any, Any, AsyncBinaryAPIResponse]]: ...
    @overload
    def __get__(
        self, obj: SyncStreamingResource, owner: type
    ) -> Callable[_P, AbstractContextManager[StreamedBinaryAPIResponse]]: ...
    @overload
    def __get__(
        self, obj: AsyncStreamingResource, owner: type
    ) -> Callable[_P, AbstractAsyncContextManager[AsyncStreamedBinaryAPIResponse]]: ...
    def __get__(self, obj: Any, owner: type) -> Any:
        return self._get(obj)

    def _bind(self, obj: Any) -> Callable[..., Any]:
        from .._response import (
            AsyncBinaryAPIResponse,
            AsyncStreamedBinaryAPIResponse,
            BinaryAPIResponse,
            StreamedBinaryAPIResponse,
        )

        build = self._build
        client = obj._client
        mode = obj._mode
        # The plain call sends no raw-response marker; `.with_raw_response` marks itself as "raw" (as 0.74.0 does).
        marker: str | Omit = "raw" if mode in ("sync_raw", "async_raw") else omit

        def request_for(args: Any, kwargs: Any) -> APIRequest[Any]:
            request: APIRequest[Any] = build(obj, *args, **kwargs)
            request.headers.setdefault(RAW_RESPONSE_HEADER, marker)
            return request

        if mode == "sync_streaming":

            @contextmanager
            def streamed(*args: Any, **kwargs: Any) -> Generator[Any, None, None]:
                with client._request_streaming(build(obj, *args, **kwargs)) as response:
                    yield StreamedBinaryAPIResponse(
                        raw=response.http_response, client=client, retries_taken=response.retries_taken
                    )

            return streamed
        if mode == "async_streaming":

            @asynccontextmanager
            async def astreamed(*args: Any, **kwargs: Any) -> AsyncGenerator[Any, None]:
                async with client._request_streaming(build(obj, *args, **kwargs)) as response:
                    yield AsyncStreamedBinaryAPIResponse(
                        raw=response.http_response, client=client, retries_taken=response.retries_taken
                    )

            return astreamed
        if mode in ("async", "async_raw"):

            async def call_async(*args: Any, **kwargs: Any) -> Any:
                legacy = await client._request_raw(request_for(args, kwargs))
                return AsyncBinaryAPIResponse(
                    raw=legacy.http_response, client=client, retries_taken=legacy.retries_taken
                )

            return call_async

        def call(*args: Any, **kwargs: Any) -> Any:
            legacy = client._request_raw(request_for(args, kwargs))
            return BinaryAPIResponse(raw=legacy.http_response, client=client, retries_taken=legacy.retries_taken)

        return call


class helper(_Descriptor, Generic[_P, _S, _A]):
    """A method returning a helper object (e.g. a stream manager); served on the plain sync and async resources."""

    def __init__(self, build: Callable[Concatenate[Any, _P], Helper[_S, _A]]) -> None:
        super().__init__(build)

    @overload
    def __get__(self, obj: None, owner: type) -> Self: ...
    @overload
    def __get__(self, obj: SyncAPIResource, owner: type) -> Callable[_P, _S]: ...
    @overload
    def __get__(self, obj: AsyncAPIResource, owner: type) -> Callable[_P, _A]: ...
    def __get__(self, obj: Any, owner: type) -> Any:
        return self._get(obj)

    def _bind(self, obj: Any) -> Callable[..., Any]:
        build = self._build
        client = obj._client
        if obj._mode == "async":

            def call_async(*args: Any, **kwargs: Any) -> Any:
                return build(obj, *args, **kwargs).async_(client)

            return call_async

        def call(*args: Any, **kwargs: Any) -> Any:
            return build(obj, *args, **kwargs).sync(client)

        return call
