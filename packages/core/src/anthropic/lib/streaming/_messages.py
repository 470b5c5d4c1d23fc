"""`client.messages.stream()`: `MessageStream` and its manager, sync and async."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import TYPE_CHECKING

from ...types import Message, RawMessageStreamEvent, ServerToolUseBlock, ToolUseBlock, Usage
from ._accumulator import Flavor
from ._helpers import AsyncMessageStreamBase, MessageStreamBase
from ._types import (
    CitationEvent,
    ContentBlockStopEvent,
    InputJsonEvent,
    MessageStopEvent,
    MessageStreamEvent,
    SignatureEvent,
    TextEvent,
    ThinkingEvent,
)

if TYPE_CHECKING:
    from ..._streaming import AsyncStream, Stream

__all__ = [
    "TRACKS_TOOL_INPUT",
    "AsyncMessageStream",
    "AsyncMessageStreamManager",
    "MessageStream",
    "MessageStreamManager",
]

TRACKS_TOOL_INPUT = (ToolUseBlock, ServerToolUseBlock)
"""Content blocks whose `input` is streamed as JSON fragments."""

_FLAVOR = Flavor(
    message_cls=Message,
    text_block_cls=None,
    text_event=TextEvent,
    citation_event=CitationEvent,
    thinking_event=ThinkingEvent,
    signature_event=SignatureEvent,
    input_json_event=InputJsonEvent,
    message_stop_event=MessageStopEvent,
    block_stop_event=ContentBlockStopEvent,
    usage_cls=Usage,
    tracks_tool_input=TRACKS_TOOL_INPUT,
)


class MessageStream(MessageStreamBase[MessageStreamEvent, Message]):
    """The events of `client.messages.stream()`, with the message built as they arrive."""

    _flavor = _FLAVOR

    def __init__(self, raw_stream: Stream[RawMessageStreamEvent]) -> None:
        super().__init__(raw_stream)


class AsyncMessageStream(AsyncMessageStreamBase[MessageStreamEvent, Message]):
    """The events of `client.messages.stream()` on an async client."""

    _flavor = _FLAVOR

    def __init__(self, raw_stream: AsyncStream[RawMessageStreamEvent]) -> None:
        super().__init__(raw_stream)


class MessageStreamManager:
    """What `client.messages.stream()` returns: the request is sent on `with`, the connection closed on exit.

    ```py
    with client.messages.stream(...) as stream:
        for text in stream.text_stream:
            print(text, end="")
    ```
    """

    def __init__(self, api_request: Callable[[], Stream[RawMessageStreamEvent]]) -> None:
        self.__api_request = api_request
        self.__stream: MessageStream | None = None

    def __enter__(self) -> MessageStream:
        self.__stream = MessageStream(self.__api_request())
        return self.__stream

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.__stream is not None:
            self.__stream.close()


class AsyncMessageStreamManager:
    """What `client.messages.stream()` returns on an async client: use it with `async with`."""

    def __init__(self, api_request: Awaitable[AsyncStream[RawMessageStreamEvent]]) -> None:
        self.__api_request = api_request
        self.__stream: AsyncMessageStream | None = None

    async def __aenter__(self) -> AsyncMessageStream:
        self.__stream = AsyncMessageStream(await self.__api_request)
        return self.__stream

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.__stream is not None:
            await self.__stream.close()
