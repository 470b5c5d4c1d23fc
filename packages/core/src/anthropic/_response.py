"""Turning an httpx response into what a call returns, and the raw/streaming response wrappers.

`parse_response` is the one place that decides how bytes become a model (or text, bytes, a stream...).
`LegacyAPIResponse` is what `.with_raw_response` returns (body already read); `APIResponse` /
`AsyncAPIResponse` are what `.with_streaming_response` yields (body read only when asked).
"""

from __future__ import annotations

import datetime
import os
import weakref
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast, get_origin

import httpx

from ._exceptions import APIResponseValidationError
from ._types import NoneType

if TYPE_CHECKING:
    from ._request import APIRequest

__all__ = [
    "APIResponse",
    "AsyncAPIResponse",
    "AsyncBinaryAPIResponse",
    "AsyncStreamedBinaryAPIResponse",
    "BinaryAPIResponse",
    "LegacyAPIResponse",
    "StreamedBinaryAPIResponse",
    "parse_response",
]

_T = TypeVar("_T")


def parse_response(
    cast_to: Any,
    response: httpx.Response,
    *,
    client: Any,
    stream: bool = False,
    stream_cls: Any = None,
    post_parser: Any = None,
) -> Any:
    """Build the value a call returns from its (successful) response."""
    if stream:
        cls = stream_cls or _default_stream_cls(client)
        return cls(cast_to=_stream_item_type(cls, cast_to), response=response, client=client)
    is_model = isinstance(cast_to, type) and cast_to in _MODEL_TYPES
    if not is_model:
        if cast_to is httpx.Response:
            return response
        origin = get_origin(cast_to) or cast_to
        if isinstance(origin, type) and issubclass(origin, (BinaryAPIResponse, AsyncBinaryAPIResponse)):
            return cast_to(raw=response, client=client)
        if cast_to is NoneType or cast_to is None:
            return None
        if cast_to is str:
            return response.text
        if cast_to is bytes:
            return response.content
        if cast_to is bool:
            return response.text.lower() == "true"
        if cast_to in (int, float):
            return cast_to(response.text)
        is_model = _is_our_model(cast_to)
    content = response.content
    strict = bool(getattr(client, "_strict_response_validation", False))
    if strict:
        _check_strict_content_type(response, content, is_model)
    from ._models import GC_PAUSE_MIN_BYTES, BaseModel, GCPause

    if len(content) >= GC_PAUSE_MIN_BYTES:
        with GCPause():
            parsed = _parse_body(cast_to, response, content, is_model=is_model, strict=strict)
    else:
        parsed = _parse_body(cast_to, response, content, is_model=is_model, strict=strict)
    if post_parser is not None:
        parsed = post_parser(parsed)
    if isinstance(parsed, BaseModel):
        # Generic attribute assignment runs the `_request_id` property setter, skipping pydantic's `__setattr__`
        # (which, for this name, ends in this same call).
        object.__setattr__(parsed, "_request_id", response.headers.get("request-id"))
    return parsed


def _parse_body(cast_to: Any, response: httpx.Response, content: bytes, *, is_model: bool, strict: bool) -> Any:
    """The body as `cast_to`: validated from bytes when it fits, else constructed leniently (or refused, strict)."""
    failed: ValueError | None = None
    if is_model:
        # What `parse_json_bytes` tries first, without the wrappers: the core validator, straight from bytes.
        try:
            return cast_to.__pydantic_validator__.validate_json(content)
        except ValueError as err:
            failed = err
    from pydantic_core import ValidationError

    from ._models import construct_json_bytes, parse_json_bytes

    try:
        if isinstance(failed, ValidationError):
            # Validation already failed once: don't validate the whole body a second time.
            if strict:
                raise failed
            return construct_json_bytes(cast_to, content)
        return parse_json_bytes(cast_to, content, strict=strict)
    except ValueError as err:
        raise APIResponseValidationError(
            response,
            _safe_text(response),
            message=f"The API returned a body that could not be parsed as {_type_name(cast_to)}: {err}",
        ) from err


def _check_strict_content_type(response: httpx.Response, content: bytes, is_model: bool) -> None:
    """Strict mode, as 0.74.0: a non-JSON content type is refused, unless a model is expected and the body is
    JSON anyway (then it is parsed, strictly, like any other)."""
    content_type = response.headers.get("content-type", "*").split(";")[0]
    if content_type.endswith("json"):
        return
    if is_model:
        import json

        try:
            json.loads(content)
            return
        except ValueError:
            pass
    raise APIResponseValidationError(
        response,
        _safe_text(response),
        message=f"Expected Content-Type response header to be `application/json` but received `{content_type}` instead.",
    )


# Response model classes seen so far (subclasses of our `BaseModel`), for the fast path of `parse_response`;
# weak, so classes made on the fly (e.g. for `.parse(to=...)`) can still be freed.
_MODEL_TYPES: weakref.WeakSet[type] = weakref.WeakSet()


def _is_our_model(cast_to: Any) -> bool:
    from ._models import BaseModel

    if isinstance(cast_to, type) and issubclass(cast_to, BaseModel):
        _MODEL_TYPES.add(cast_to)
        return True
    return False


def _safe_text(response: httpx.Response) -> str:
    try:
        return response.text
    except Exception:
        return ""


def _type_name(type_: object) -> str:
    return getattr(type_, "__name__", None) or repr(type_)


def _default_stream_cls(client: Any) -> Any:
    from ._streaming import AsyncStream, Stream

    return AsyncStream if getattr(client, "_is_async", False) else Stream


def _stream_item_type(stream_cls: Any, cast_to: Any) -> Any:
    args = getattr(stream_cls, "__args__", None)
    if args:
        return args[0]
    return cast_to


class _ResponseInfo:
    """The response metadata every wrapper exposes."""

    http_response: httpx.Response
    retries_taken: int

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def http_request(self) -> httpx.Request:
        return self.http_response.request

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def method(self) -> str:
        return self.http_request.method

    @property
    def http_version(self) -> str:
        return self.http_response.http_version

    @property
    def elapsed(self) -> datetime.timedelta:
        return self.http_response.elapsed

    @property
    def is_closed(self) -> bool:
        return self.http_response.is_closed

    @property
    def request_id(self) -> str | None:
        return self.http_response.headers.get("request-id")

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code} {self.http_response.reason_phrase}] type={self._cast_to}>"

    _cast_to: Any


class LegacyAPIResponse(_ResponseInfo, Generic[_T]):
    """What `.with_raw_response` returns: headers and status now, `.parse()` for the model (cached per type)."""

    def __init__(self, *, raw: httpx.Response, request: APIRequest[_T], client: Any, retries_taken: int = 0) -> None:
        self.http_response = raw
        self.retries_taken = retries_taken
        self._request = request
        self._cast_to = request.cast_to
        self._client = client
        self._parsed: dict[object, Any] = {}

    def parse(self, *, to: type[Any] | None = None) -> _T:
        """The parsed body (a model, or a `Stream` for streaming calls); `to=` parses into another type."""
        key = to if to is not None else self._cast_to
        if key in self._parsed:
            return self._parsed[key]
        _check_parse_target(to)
        req = self._request
        value = parse_response(
            key,
            self.http_response,
            client=self._client,
            stream=req.stream and to is None,
            stream_cls=req.stream_cls,
            post_parser=req.post_parser if to is None else None,
        )
        self._parsed[key] = value
        return cast(_T, value)

    @property
    def content(self) -> bytes:
        return self.http_response.content

    @property
    def text(self) -> str:
        return self.http_response.text


def _check_parse_target(to: object) -> None:
    if to is None:
        return
    import pydantic

    from ._models import BaseModel

    if isinstance(to, type) and issubclass(to, pydantic.BaseModel) and not issubclass(to, BaseModel):
        raise TypeError("Pydantic models must subclass our base model type, e.g. `from anthropic import BaseModel`")


class APIResponse(_ResponseInfo, Generic[_T]):
    """What `.with_streaming_response` yields: the body is read only when you ask for it."""

    def __init__(self, *, raw: httpx.Response, request: APIRequest[_T], client: Any, retries_taken: int = 0) -> None:
        self.http_response = raw
        self.retries_taken = retries_taken
        self._request = request
        self._cast_to = request.cast_to
        self._client = client
        self._parsed: dict[object, Any] = {}

    def parse(self, *, to: type[Any] | None = None) -> _T:
        key = to if to is not None else self._cast_to
        if key in self._parsed:
            return self._parsed[key]
        _check_parse_target(to)
        req = self._request
        streaming = req.stream and to is None
        if not streaming:
            self.read()
        value = parse_response(
            key,
            self.http_response,
            client=self._client,
            stream=streaming,
            stream_cls=req.stream_cls,
            post_parser=req.post_parser if to is None else None,
        )
        self._parsed[key] = value
        return cast(_T, value)

    def read(self) -> bytes:
        return self.http_response.read()

    def text(self) -> str:
        self.read()
        return self.http_response.text

    def json(self) -> object:
        self.read()
        return self.http_response.json()

    def close(self) -> None:
        self.http_response.close()

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        yield from self.http_response.iter_bytes(chunk_size)

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        yield from self.http_response.iter_text(chunk_size)

    def iter_lines(self) -> Iterator[str]:
        yield from self.http_response.iter_lines()


class AsyncAPIResponse(_ResponseInfo, Generic[_T]):
    """The async twin of `APIResponse`."""

    def __init__(self, *, raw: httpx.Response, request: APIRequest[_T], client: Any, retries_taken: int = 0) -> None:
        self.http_response = raw
        self.retries_taken = retries_taken
        self._request = request
        self._cast_to = request.cast_to
        self._client = client
        self._parsed: dict[object, Any] = {}

    async def parse(self, *, to: type[Any] | None = None) -> _T:
        key = to if to is not None else self._cast_to
        if key in self._parsed:
            return self._parsed[key]
        _check_parse_target(to)
        req = self._request
        streaming = req.stream and to is None
        if not streaming:
            await self.read()
        value = parse_response(
            key,
            self.http_response,
            client=self._client,
            stream=streaming,
            stream_cls=req.stream_cls,
            post_parser=req.post_parser if to is None else None,
        )
        self._parsed[key] = value
        return cast(_T, value)

    async def read(self) -> bytes:
        return await self.http_response.aread()

    async def text(self) -> str:
        await self.read()
        return self.http_response.text

    async def json(self) -> object:
        await self.read()
        return self.http_response.json()

    async def close(self) -> None:
        await self.http_response.aclose()

    async def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        async for chunk in self.http_response.aiter_bytes(chunk_size):
            yield chunk

    async def iter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        async for chunk in self.http_response.aiter_text(chunk_size):
            yield chunk

    async def iter_lines(self) -> AsyncIterator[str]:
        async for line in self.http_response.aiter_lines():
            yield line


class BinaryAPIResponse(APIResponse[bytes]):
    """A binary body (file downloads): everything `APIResponse` offers, plus `.write_to_file(path)`."""

    def __init__(self, *, raw: httpx.Response, client: Any = None, retries_taken: int = 0) -> None:
        self.http_response = raw
        self.retries_taken = retries_taken
        self._cast_to = bytes
        self._client = client
        self._parsed = {}

    def parse(self, *, to: type[Any] | None = None) -> Any:
        """The body as bytes, or parsed into `to`."""
        self.read()
        if to is None:
            return self.http_response.content
        _check_parse_target(to)
        return parse_response(to, self.http_response, client=self._client)

    def write_to_file(self, file: str | os.PathLike[str]) -> None:
        """Write the body to `file` (replacing it)."""
        with open(file, mode="wb") as f:
            for chunk in self.http_response.iter_bytes():
                f.write(chunk)


class StreamedBinaryAPIResponse(BinaryAPIResponse):
    """A binary body read as it arrives: `.stream_to_file(path)` never holds the whole file in memory."""

    def stream_to_file(self, file: str | os.PathLike[str], *, chunk_size: int | None = None) -> None:
        with open(file, mode="wb") as f:
            for chunk in self.http_response.iter_bytes(chunk_size):
                f.write(chunk)


class AsyncBinaryAPIResponse(AsyncAPIResponse[bytes]):
    """The async twin of `BinaryAPIResponse`; file writes happen in a worker thread."""

    def __init__(self, *, raw: httpx.Response, client: Any = None, retries_taken: int = 0) -> None:
        self.http_response = raw
        self.retries_taken = retries_taken
        self._cast_to = bytes
        self._client = client
        self._parsed = {}

    async def parse(self, *, to: type[Any] | None = None) -> Any:
        """The body as bytes, or parsed into `to`."""
        await self.read()
        if to is None:
            return self.http_response.content
        _check_parse_target(to)
        return parse_response(to, self.http_response, client=self._client)

    async def write_to_file(self, file: str | os.PathLike[str]) -> None:
        import anyio

        async with await anyio.open_file(file, mode="wb") as f:
            async for chunk in self.http_response.aiter_bytes():
                await f.write(chunk)


class AsyncStreamedBinaryAPIResponse(AsyncBinaryAPIResponse):
    """The async twin of `StreamedBinaryAPIResponse`."""

    async def stream_to_file(self, file: str | os.PathLike[str], *, chunk_size: int | None = None) -> None:
        import anyio

        async with await anyio.open_file(file, mode="wb") as f:
            async for chunk in self.http_response.aiter_bytes(chunk_size):
                await f.write(chunk)
