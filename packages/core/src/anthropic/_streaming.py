"""`Stream` / `AsyncStream`: the events of a streamed response, parsed once each, with a clean ending.

Bytes go through the platform's `StreamDecoder` (SSE for the first-party API) and each event's data is validated
by pydantic-core straight from bytes into the stream's item type. How a stream ends is part of its contract:

- `message_stop` is the last event of a message stream: nothing after it is delivered; the rest of the body
  is read (normally just the end of the chunked body) so the connection goes back to the pool.
- an `error` event raises the `APIStatusError` subclass for its error type (`overloaded_error` ->
  `OverloadedError`, ...), with the response's request id;
- a transport failure or read timeout while reading raises `APIConnectionError` / `APITimeoutError`;
- a clean end of body before `message_stop` raises `StreamIncompleteError` (a truncated answer is not an answer);
- data that is not JSON raises `APIResponseValidationError`.

The response is closed when the stream ends, on `close()` / context exit, when a `for` loop over the stream is
left early (`break`), and when the stream object is garbage-collected.
"""

from __future__ import annotations

import contextlib
import sys
import warnings
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Generator, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

import httpx
import pydantic
import pydantic_core

from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    NotFoundError,
    OverloadedError,
    PermissionDeniedError,
    RateLimitError,
    RequestTooLargeError,
    StreamIncompleteError,
)

if TYPE_CHECKING:
    from ._decoders import StreamDecoder
    from ._decoders.sse import ServerSentEvent
    from ._observe import Observation

__all__ = ["AsyncStream", "Stream", "StreamDataError", "error_for_event"]

_T = TypeVar("_T")

_MESSAGE_EVENTS = frozenset(
    {
        "message_start",
        "message_delta",
        "message_stop",
        "content_block_start",
        "content_block_delta",
        "content_block_stop",
    }
)

_ERROR_CLASSES: dict[str, type[APIStatusError]] = {
    "overloaded_error": OverloadedError,
    "rate_limit_error": RateLimitError,
    "api_error": InternalServerError,
    "invalid_request_error": BadRequestError,
    "authentication_error": AuthenticationError,
    "permission_error": PermissionDeniedError,
    "not_found_error": NotFoundError,
    "request_too_large": RequestTooLargeError,
}

# After `message_stop`, at most this much trailing body is read to hand the connection back to the pool.
_DRAIN_LIMIT = 64 * 1024

_SKIP: Any = object()


class StreamDataError(APIResponseValidationError, ValueError):
    """Streamed data could not be parsed (an event's JSON, a tool call's input JSON).

    Also a `ValueError`: 0.74.0 let the JSON parser's `ValueError` through in these places.
    """


def error_for_event(sse: ServerSentEvent, response: httpx.Response) -> APIStatusError:
    """The exception for an `error` event: class by the error's `type`, message and body as 0.74.0 builds them."""
    body: object = sse.data
    try:
        body = sse.json()
        message = f"{body}"
    except ValueError:
        message = sse.data or f"Error code: {response.status_code}"
    error_type: object = None
    request_id: object = None
    if isinstance(body, dict):
        body_dict = cast("dict[str, object]", body)
        error = body_dict.get("error")
        if isinstance(error, dict):
            error_type = cast("dict[str, object]", error).get("type")
        request_id = body_dict.get("request_id")
    cls = _ERROR_CLASSES.get(error_type, APIStatusError) if isinstance(error_type, str) else APIStatusError
    exc = cls(message, response=response, body=body)
    if not exc.request_id and isinstance(request_id, str):
        exc.request_id = request_id
    return exc


class _Parser:
    """Turns one event into an item: validated from bytes in one pass; lenient fallback with `type` injected."""

    __slots__ = ("_cast_to", "_response", "_strict", "_validate_json", "saw_items", "saw_message", "stopped")

    def __init__(self, cast_to: Any, response: httpx.Response, strict: bool) -> None:
        self._cast_to = cast_to
        self._response = response
        self._strict = strict
        self._validate_json = _json_validator(cast_to)
        self.saw_message = False  # a message_* / content_block_* event was seen: message_stop is required
        self.saw_items = False
        self.stopped = False

    def __call__(self, sse: ServerSentEvent, at_eof: bool = False) -> Any:
        name = sse.event
        if name in _MESSAGE_EVENTS:
            self.saw_message = True
            if name == "message_stop":
                self.stopped = True
        elif name == "completion":
            pass
        elif name == "error":
            raise error_for_event(sse, self._response)
        else:  # ping, unknown or unnamed events
            return _SKIP
        self.saw_items = True
        raw = sse.raw
        validate_json = self._validate_json
        if validate_json is not None:
            try:
                return validate_json(raw)
            except pydantic.ValidationError:
                pass
        return self._slow_path(name, raw, at_eof)

    def _slow_path(self, name: str | None, raw: bytes, at_eof: bool) -> Any:
        try:
            data = pydantic_core.from_json(raw)
        except ValueError as err:
            request = self._response.request
            if at_eof:
                raise StreamIncompleteError(
                    request=request,
                    message=f"The stream ended in the middle of a {name!r} event; the response is incomplete.",
                ) from err
            raise StreamDataError(
                self._response,
                raw.decode("utf-8", "replace"),
                message=f"The data of a {name!r} stream event is not valid JSON: {err}",
            ) from err
        if isinstance(data, dict) and "type" not in data:
            cast("dict[str, object]", data)["type"] = name
        if self._cast_to is object:
            return data
        from ._models import validate_or_construct

        try:
            return validate_or_construct(self._cast_to, data, strict=self._strict)
        except pydantic.ValidationError as err:
            raise APIResponseValidationError(self._response, data) from err

    def incomplete(self) -> StreamIncompleteError | None:
        """At a clean end of body: the error to raise, if the stream is missing its final event."""
        if self.stopped:
            return None
        if self.saw_message:
            return StreamIncompleteError(request=self._response.request)
        if not self.saw_items:
            return StreamIncompleteError(
                request=self._response.request, message="The stream ended without sending any event."
            )
        return None  # completion streams end when the server closes the body


def _json_validator(cast_to: Any) -> Callable[[bytes], Any] | None:
    """The core validator's own `validate_json` (no Python wrapper per call), or None for `object`."""
    if cast_to is object:
        return None
    if isinstance(cast_to, type) and issubclass(cast_to, pydantic.BaseModel):
        validator: Any = cast_to.__pydantic_validator__  # a deferred build completes on this attribute access
        validate = getattr(validator, "validate_json", None)
        return cast("Callable[[bytes], Any]", validate) if validate is not None else cast_to.model_validate_json
    from ._models import _adapter_for

    adapter = _adapter_for(cast_to)
    validate = getattr(adapter.validator, "validate_json", None)
    return cast("Callable[[bytes], Any]", validate) if validate is not None else adapter.validate_json


def _transport_error(exc: Exception, request: httpx.Request) -> APIConnectionError:
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(request)
    return APIConnectionError(request=request)


def _decoder_for(client: Any, response: httpx.Response) -> StreamDecoder:
    platform = getattr(client, "_platform", None)
    if platform is not None:
        make = getattr(platform, "new_stream_decoder", None)
        if make is not None:
            return cast("StreamDecoder", make(response))
    from ._decoders.sse import SSEDecoder

    return SSEDecoder()


def _sync_items(response: httpx.Response, decoder: StreamDecoder, parse: _Parser) -> Generator[Any, None, None]:
    """The events of `response` as items. Holds no reference to the `Stream`, so dropping it closes the body."""
    try:
        chunks = response.iter_bytes()
        try:
            for chunk in chunks:
                for sse in decoder.feed(chunk):
                    item = parse(sse)
                    if item is not _SKIP:
                        yield item
                    if parse.stopped:
                        _sync_drain(chunks)
                        return
            for sse in decoder.flush():
                item = parse(sse, True)
                if item is not _SKIP:
                    yield item
                if parse.stopped:
                    return
        except (httpx.TransportError, httpx.StreamError) as exc:
            if response.is_closed:  # closed on purpose (`close()` from another thread or task): just stop
                return
            raise _transport_error(exc, response.request) from exc
        error = parse.incomplete()
        if error is not None:
            raise error
    finally:
        response.close()


def _sync_drain(chunks: Iterator[bytes]) -> None:
    """Read the little that follows `message_stop` so the connection can be reused; give up on anything odd."""
    received = 0
    try:
        for chunk in chunks:
            received += len(chunk)
            if received > _DRAIN_LIMIT:
                return
    except (httpx.TransportError, httpx.StreamError):
        return


async def _async_items(response: httpx.Response, decoder: StreamDecoder, parse: _Parser) -> AsyncGenerator[Any, None]:
    try:
        chunks = response.aiter_bytes()
        try:
            async for chunk in chunks:
                for sse in decoder.feed(chunk):
                    item = parse(sse)
                    if item is not _SKIP:
                        yield item
                    if parse.stopped:
                        await _async_drain(chunks)
                        return
            for sse in decoder.flush():
                item = parse(sse, True)
                if item is not _SKIP:
                    yield item
                if parse.stopped:
                    return
        except (httpx.TransportError, httpx.StreamError) as exc:
            if response.is_closed:  # closed on purpose (`close()` from another thread or task): just stop
                return
            raise _transport_error(exc, response.request) from exc
        error = parse.incomplete()
        if error is not None:
            raise error
    finally:
        await response.aclose()


async def _async_drain(chunks: AsyncIterator[bytes]) -> None:
    received = 0
    try:
        async for chunk in chunks:
            received += len(chunk)
            if received > _DRAIN_LIMIT:
                return
    except (httpx.TransportError, httpx.StreamError):
        return


class _StreamMeta(type):
    """Keeps 0.74.0's quirk: `isinstance(message_stream, Stream)` is True, with a DeprecationWarning."""

    _helper_names: tuple[str, ...] = ()

    def __instancecheck__(cls, instance: Any) -> bool:
        if type.__instancecheck__(cls, instance):
            return True
        for module_name in ("anthropic.lib.streaming._messages", "anthropic.lib.streaming._beta_messages"):
            helpers = sys.modules.get(module_name)  # never imported from here: no helper exists without it
            if helpers is None:
                continue
            for name in cls._helper_names:
                helper = getattr(helpers, name, None)
                if helper is not None and type.__instancecheck__(helper, instance):
                    warnings.warn(
                        f"Using `isinstance()` to check if a `{name}` object is an instance of `{cls.__name__}` is "
                        "deprecated & will be removed in the next major version",
                        DeprecationWarning,
                        stacklevel=2,
                    )
                    return True
        return False


class Stream(Generic[_T], metaclass=_StreamMeta):
    """The events of a streamed response. Iterate it; use it as a context manager to close it early."""

    _helper_names = ("MessageStream", "BetaMessageStream")  # pyright: ignore[reportIncompatibleVariableOverride]

    response: httpx.Response

    def __init__(
        self,
        *,
        cast_to: type[_T],
        response: httpx.Response,
        client: Any,
        decoder: StreamDecoder | None = None,
    ) -> None:
        self.response = response
        self._cast_to = cast_to
        self._client = client
        parse = _Parser(cast_to, response, bool(getattr(client, "_strict_response_validation", False)))
        self._iterator: Generator[_T, None, None] = _sync_items(
            response, decoder if decoder is not None else _decoder_for(client, response), parse
        )

    def _attach_observation(self, observation: Observation) -> None:
        """Report each event to `observation`; the end of the stream (or `close()`) ends it."""
        from ._observe import observed_items

        self._observation = observation
        self._iterator = observed_items(self._iterator, observation)

    def __next__(self) -> _T:
        return self._iterator.__next__()

    def __iter__(self) -> Iterator[_T]:
        # A generator of its own, so that leaving a `for` loop early closes the stream (and the connection).
        return (yield from self._iterator)

    def __enter__(self) -> Stream[_T]:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop reading and release the connection (done automatically at the end of the stream)."""
        with contextlib.suppress(ValueError):  # being iterated right now (another thread): closing the body ends it
            self._iterator.close()
        self.response.close()
        observation = self.__dict__.get("_observation")
        if observation is not None:
            observation.end(None)  # closed before the first event: the iterator never ran to end it

    def __del__(self) -> None:
        response = self.__dict__.get("response")
        if response is not None and not response.is_closed:
            with contextlib.suppress(Exception):
                response.close()
        _end_abandoned(self)


class AsyncStream(Generic[_T], metaclass=_StreamMeta):
    """The events of a streamed response, asynchronously. `async for` it; `async with` closes it early."""

    _helper_names = ("AsyncMessageStream", "BetaAsyncMessageStream")

    response: httpx.Response

    def __init__(
        self,
        *,
        cast_to: type[_T],
        response: httpx.Response,
        client: Any,
        decoder: StreamDecoder | None = None,
    ) -> None:
        self.response = response
        self._cast_to = cast_to
        self._client = client
        parse = _Parser(cast_to, response, bool(getattr(client, "_strict_response_validation", False)))
        self._iterator: AsyncGenerator[_T, None] = _async_items(
            response, decoder if decoder is not None else _decoder_for(client, response), parse
        )

    def _attach_observation(self, observation: Observation) -> None:
        """Report each event to `observation`; the end of the stream (or `close()`) ends it."""
        from ._observe import async_observed_items

        self._observation = observation
        self._iterator = async_observed_items(self._iterator, observation)

    async def __anext__(self) -> _T:
        return await self._iterator.__anext__()

    async def __aiter__(self) -> AsyncIterator[_T]:
        # Leaving an `async for` early finalizes this generator, which closes the stream.
        iterator = self._iterator
        finished = False
        try:
            async for item in iterator:
                yield item
            finished = True
        finally:
            if not finished:
                await iterator.aclose()

    async def __aenter__(self) -> AsyncStream[_T]:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    async def close(self) -> None:
        """Stop reading and release the connection (done automatically at the end of the stream)."""
        with contextlib.suppress(RuntimeError):  # being iterated right now (another task): closing the body ends it
            await self._iterator.aclose()
        await self.response.aclose()
        observation = self.__dict__.get("_observation")
        if observation is not None:
            observation.end(None)  # closed before the first event: the iterator never ran to end it

    def __del__(self) -> None:
        response = self.__dict__.get("response")
        if response is not None and not response.is_closed:
            _close_later(response)
        _end_abandoned(self)


def _end_abandoned(stream: object) -> None:
    """A stream dropped without being read to the end or closed still ends its observation."""
    observation = stream.__dict__.get("_observation")
    if observation is not None:
        with contextlib.suppress(Exception):
            observation.end(None)


_PENDING_CLOSES: set[Any] = set()


def _close_later(response: httpx.Response) -> None:
    """Close an abandoned async response on the running event loop (nothing can be awaited in `__del__`)."""
    try:
        import asyncio

        loop = asyncio.get_running_loop()
    except RuntimeError:
        return
    task = loop.create_task(response.aclose())
    _PENDING_CLOSES.add(task)
    task.add_done_callback(_PENDING_CLOSES.discard)
