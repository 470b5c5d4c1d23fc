"""The behaviour shared by `MessageStream`, `BetaMessageStream` and their async twins.

A helper stream reads its raw stream's event generator directly, so leaving a `for` loop early does not close
it: `get_final_message()` may still finish the stream. The `with` block (or `close()`) closes the connection.
The generators here hold the raw iterator and the builder, never the helper object, so an abandoned helper is
freed (and its connection closed) as soon as it is unreachable.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, cast

import httpx
from typing_extensions import Self

from ._accumulator import BROKEN, Flavor, MessageAccumulator, partial_mode_for

if TYPE_CHECKING:
    from ..._streaming import AsyncStream, Stream

__all__ = ["AsyncMessageStreamBase", "MessageStreamBase"]

_E = TypeVar("_E")
_M = TypeVar("_M")


# A malformed event (see `MalformedStreamError`) makes the builder raise one of `BROKEN`; the loops below turn it
# into a `MalformedStreamError`. The `try` costs nothing per event.


def _events(owner: object, raw: Iterator[Any], builder: MessageAccumulator) -> Iterator[Any]:
    # `owner` (the raw stream) is held so that its connection stays open while this generator is in use.
    process = builder.process
    for event in raw:
        try:
            first, extra = process(event)
        except BROKEN as err:
            raise builder.malformed(event, err) from err
        yield first
        if extra is not None:
            yield extra


def _text(owner: object, raw: Iterator[Any], builder: MessageAccumulator) -> Iterator[str]:
    for event in raw:
        text = _text_of(builder, event)
        if text is not None:
            yield text


async def _aevents(owner: object, raw: AsyncIterator[Any], builder: MessageAccumulator) -> AsyncIterator[Any]:
    process = builder.process
    async for event in raw:
        try:
            first, extra = process(event)
        except BROKEN as err:
            raise builder.malformed(event, err) from err
        yield first
        if extra is not None:
            yield extra


async def _atext(owner: object, raw: AsyncIterator[Any], builder: MessageAccumulator) -> AsyncIterator[str]:
    async for event in raw:
        text = _text_of(builder, event)
        if text is not None:
            yield text


def _text_of(builder: MessageAccumulator, event: Any) -> str | None:
    """Accumulate `event`; its text when it is a text delta (what `text_stream` yields)."""
    try:
        if event.type == "content_block_delta":
            delta = event.delta
            if delta.type == "text_delta":
                text = delta.text
                builder.add_text(event.index, text)
                return text
        builder.accumulate(event)
    except BROKEN as err:
        raise builder.malformed(event, err) from err
    return None


def _accumulate_all(builder: MessageAccumulator, raw: Iterator[Any]) -> None:
    accumulate = builder.accumulate
    for event in raw:
        try:
            accumulate(event)
        except BROKEN as err:
            raise builder.malformed(event, err) from err


async def _aaccumulate_all(builder: MessageAccumulator, raw: AsyncIterator[Any]) -> None:
    accumulate = builder.accumulate
    async for event in raw:
        try:
            accumulate(event)
        except BROKEN as err:
            raise builder.malformed(event, err) from err


def _new_builder(flavor: Flavor, response: httpx.Response, output_format: object) -> MessageAccumulator:
    try:
        request: httpx.Request | None = response.request
    except RuntimeError:
        request = None
    return MessageAccumulator(
        flavor, response=response, partial_mode=partial_mode_for(request), output_format=output_format
    )


def _final_text(message: Any) -> str:
    texts = [block.text for block in message.content if block.type == "text"]
    if not texts:
        types = ",".join(block.type for block in message.content)
        raise RuntimeError(
            ".get_final_text() can only be called when the API returns a `text` content block.\n"
            f"The API returned {types} content block type(s) that you can access by calling "
            "get_final_message().content"
        )
    return "".join(texts)


class _Common(Generic[_M]):
    _flavor: ClassVar[Flavor]
    _builder: MessageAccumulator

    @property
    def response(self) -> httpx.Response:
        """The HTTP response being read."""
        return self._raw_stream_response

    @property
    def request_id(self) -> str | None:
        """The `request-id` header of the response."""
        return self._raw_stream_response.headers.get("request-id")

    @property
    def current_message_snapshot(self) -> _M:
        """The message as received so far, built on demand (the same object until the next event)."""
        try:
            return cast(_M, self._builder.snapshot())
        except BROKEN as err:
            raise self._builder.malformed(None, err) from err

    _raw_stream_response: httpx.Response

    def _finished_message(self) -> _M:
        builder = self._builder
        message = builder.final_message
        return cast(_M, message if message is not None else builder.snapshot())


class MessageStreamBase(_Common[_M], Generic[_E, _M]):
    """Iterate it for raw and helper events, or read `text_stream`; `get_final_message()` finishes it."""

    text_stream: Iterator[str]
    """Just the text deltas, e.g. `for text in stream.text_stream: print(text, end="")`."""

    def __init__(self, raw_stream: Stream[Any], output_format: object = None) -> None:
        self._raw_stream = raw_stream
        self._raw_stream_response = raw_stream.response
        builder = self._builder = _new_builder(self._flavor, raw_stream.response, output_format)
        raw: Iterator[Any] = getattr(raw_stream, "_iterator", None) or iter(raw_stream)
        self._raw = raw
        self._iterator: Iterator[_E] = _events(raw_stream, raw, builder)
        self.text_stream = _text(raw_stream, raw, builder)

    def __next__(self) -> _E:
        return self._iterator.__next__()

    def __iter__(self) -> Iterator[_E]:
        return self._iterator

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop reading and release the connection (done automatically at the end of the stream)."""
        self._raw_stream.close()

    def until_done(self) -> None:
        """Read the stream to its end."""
        _accumulate_all(self._builder, self._raw)

    def get_final_message(self) -> _M:
        """Read the stream to its end and return the whole message."""
        self.until_done()
        return self._finished_message()

    def get_final_text(self) -> str:
        """Read the stream to its end and return the text of all its `text` blocks, joined."""
        return _final_text(self.get_final_message())


class AsyncMessageStreamBase(_Common[_M], Generic[_E, _M]):
    """Async twin of `MessageStreamBase`."""

    text_stream: AsyncIterator[str]
    """Just the text deltas, e.g. `async for text in stream.text_stream: print(text, end="")`."""

    def __init__(self, raw_stream: AsyncStream[Any], output_format: object = None) -> None:
        self._raw_stream = raw_stream
        self._raw_stream_response = raw_stream.response
        builder = self._builder = _new_builder(self._flavor, raw_stream.response, output_format)
        raw: AsyncIterator[Any] = getattr(raw_stream, "_iterator", None) or raw_stream.__aiter__()
        self._raw = raw
        self._iterator: AsyncIterator[_E] = _aevents(raw_stream, raw, builder)
        self.text_stream = _atext(raw_stream, raw, builder)

    async def __anext__(self) -> _E:
        return await self._iterator.__anext__()

    def __aiter__(self) -> AsyncIterator[_E]:
        return self._iterator

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    async def close(self) -> None:
        """Stop reading and release the connection (done automatically at the end of the stream)."""
        await self._raw_stream.close()

    async def until_done(self) -> None:
        """Read the stream to its end."""
        await _aaccumulate_all(self._builder, self._raw)

    async def get_final_message(self) -> _M:
        """Read the stream to its end and return the whole message."""
        await self.until_done()
        return self._finished_message()

    async def get_final_text(self) -> str:
        """Read the stream to its end and return the text of all its `text` blocks, joined."""
        return _final_text(await self.get_final_message())
