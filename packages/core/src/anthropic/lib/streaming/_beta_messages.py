"""`client.beta.messages.stream()`: `BetaMessageStream` and its manager, sync and async.

With `output_format`, each finished text block carries `parsed_output`. With the
`fine-grained-tool-streaming-2025-05-14` beta, unfinished strings of a tool input are kept in snapshots.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import TYPE_CHECKING, Generic

from ..._types import NOT_GIVEN, NotGiven
from ...types.beta import (
    BetaMCPToolUseBlock,
    BetaRawMessageStreamEvent,
    BetaServerToolUseBlock,
    BetaToolUseBlock,
    BetaUsage,
)
from ...types.beta.parsed_beta_message import ParsedBetaMessage, ParsedBetaTextBlock, ResponseFormatT
from ._accumulator import Flavor
from ._beta_types import (
    BetaCitationEvent,
    BetaInputJsonEvent,
    BetaSignatureEvent,
    BetaThinkingEvent,
    ParsedBetaContentBlockStopEvent,
    ParsedBetaMessageStopEvent,
    ParsedBetaTextEvent,
)
from ._helpers import AsyncMessageStreamBase, MessageStreamBase

if TYPE_CHECKING:
    from ..._streaming import AsyncStream, Stream
    from ._beta_types import ParsedBetaMessageStreamEvent as ParsedBetaMessageStreamEvent  # used in quoted bases

__all__ = [
    "TRACKS_TOOL_INPUT",
    "BetaAsyncMessageStream",
    "BetaAsyncMessageStreamManager",
    "BetaMessageStream",
    "BetaMessageStreamManager",
]

TRACKS_TOOL_INPUT = (BetaToolUseBlock, BetaServerToolUseBlock, BetaMCPToolUseBlock)
"""Content blocks whose `input` is streamed as JSON fragments."""

_FLAVOR = Flavor(
    message_cls=ParsedBetaMessage,
    text_block_cls=ParsedBetaTextBlock,
    text_event=ParsedBetaTextEvent,
    citation_event=BetaCitationEvent,
    thinking_event=BetaThinkingEvent,
    signature_event=BetaSignatureEvent,
    input_json_event=BetaInputJsonEvent,
    message_stop_event=ParsedBetaMessageStopEvent,
    block_stop_event=ParsedBetaContentBlockStopEvent,
    usage_cls=BetaUsage,
    tracks_tool_input=TRACKS_TOOL_INPUT,
    beta=True,
)


class BetaMessageStream(
    # quoted: the event union cannot be subscripted at run time (pydantic resolves `Model[T]` to `Model`)
    MessageStreamBase["ParsedBetaMessageStreamEvent[ResponseFormatT]", "ParsedBetaMessage[ResponseFormatT]"],
    Generic[ResponseFormatT],
):
    """The events of `client.beta.messages.stream()`, with the message built as they arrive."""

    _flavor = _FLAVOR

    def __init__(
        self,
        raw_stream: Stream[BetaRawMessageStreamEvent],
        output_format: ResponseFormatT | NotGiven = NOT_GIVEN,
    ) -> None:
        super().__init__(raw_stream, output_format)


class BetaAsyncMessageStream(
    AsyncMessageStreamBase["ParsedBetaMessageStreamEvent[ResponseFormatT]", "ParsedBetaMessage[ResponseFormatT]"],
    Generic[ResponseFormatT],
):
    """The events of `client.beta.messages.stream()` on an async client."""

    _flavor = _FLAVOR

    def __init__(
        self,
        raw_stream: AsyncStream[BetaRawMessageStreamEvent],
        output_format: ResponseFormatT | NotGiven = NOT_GIVEN,
    ) -> None:
        super().__init__(raw_stream, output_format)


class BetaMessageStreamManager(Generic[ResponseFormatT]):
    """What `client.beta.messages.stream()` returns: the request is sent on `with`, the connection closed on exit."""

    def __init__(
        self,
        api_request: Callable[[], Stream[BetaRawMessageStreamEvent]],
        *,
        output_format: ResponseFormatT | NotGiven = NOT_GIVEN,
    ) -> None:
        self.__api_request = api_request
        self.__output_format = output_format
        self.__stream: BetaMessageStream[ResponseFormatT] | None = None

    def __enter__(self) -> BetaMessageStream[ResponseFormatT]:
        self.__stream = BetaMessageStream(self.__api_request(), self.__output_format)
        return self.__stream

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.__stream is not None:
            self.__stream.close()


class BetaAsyncMessageStreamManager(Generic[ResponseFormatT]):
    """What `client.beta.messages.stream()` returns on an async client: use it with `async with`."""

    def __init__(
        self,
        api_request: Awaitable[AsyncStream[BetaRawMessageStreamEvent]],
        *,
        output_format: ResponseFormatT | NotGiven = NOT_GIVEN,
    ) -> None:
        self.__api_request = api_request
        self.__output_format = output_format
        self.__stream: BetaAsyncMessageStream[ResponseFormatT] | None = None

    async def __aenter__(self) -> BetaAsyncMessageStream[ResponseFormatT]:
        self.__stream = BetaAsyncMessageStream(await self.__api_request, self.__output_format)
        return self.__stream

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.__stream is not None:
            await self.__stream.close()
