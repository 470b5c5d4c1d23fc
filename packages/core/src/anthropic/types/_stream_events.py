"""Server-sent events of a streamed `/v1/messages` call, and the deltas they carry.

The `MessageStartEvent`-style names are the older aliases of the `Raw*` classes: the same objects, not copies.
"""

from __future__ import annotations

from typing import Literal, Optional, Union

import pydantic
from typing_extensions import Annotated, TypeAlias

from .._models import BaseModel
from ._content import ContentBlock, TextCitation
from ._message import Message, MessageDeltaUsage, StopReason

__all__ = [
    "CitationsDelta",
    "ContentBlockDeltaEvent",
    "ContentBlockStartEvent",
    "ContentBlockStopEvent",
    "Delta",
    "InputJSONDelta",
    "InputJsonDelta",
    "MessageDeltaEvent",
    "MessageStartEvent",
    "MessageStopEvent",
    "MessageStreamEvent",
    "RawContentBlockDelta",
    "RawContentBlockDeltaEvent",
    "RawContentBlockStartEvent",
    "RawContentBlockStopEvent",
    "RawMessageDeltaEvent",
    "RawMessageStartEvent",
    "RawMessageStopEvent",
    "RawMessageStreamEvent",
    "SignatureDelta",
    "TextDelta",
    "ThinkingDelta",
]

# --------------------------------------------------------------------------------------------------------------
# Deltas of one content block


class TextDelta(BaseModel):
    text: str
    type: Literal["text_delta"]


class InputJSONDelta(BaseModel):
    """A fragment of a tool call's input JSON; fragments only parse once joined."""

    partial_json: str
    type: Literal["input_json_delta"]


InputJsonDelta = InputJSONDelta


class CitationsDelta(BaseModel):
    citation: TextCitation
    type: Literal["citations_delta"]


class ThinkingDelta(BaseModel):
    thinking: str
    type: Literal["thinking_delta"]


class SignatureDelta(BaseModel):
    signature: str
    type: Literal["signature_delta"]


RawContentBlockDelta: TypeAlias = Annotated[
    Union[TextDelta, InputJSONDelta, CitationsDelta, ThinkingDelta, SignatureDelta],
    pydantic.Field(discriminator="type"),
]

# --------------------------------------------------------------------------------------------------------------
# Events


class RawMessageStartEvent(BaseModel):
    message: Message
    type: Literal["message_start"]


class Delta(BaseModel):
    """The message-level change of a `message_delta` event."""

    stop_reason: Optional[StopReason] = None
    stop_sequence: Optional[str] = None


class RawMessageDeltaEvent(BaseModel):
    delta: Delta
    type: Literal["message_delta"]
    usage: MessageDeltaUsage


class RawMessageStopEvent(BaseModel):
    type: Literal["message_stop"]


class RawContentBlockStartEvent(BaseModel):
    content_block: ContentBlock
    index: int
    type: Literal["content_block_start"]


class RawContentBlockDeltaEvent(BaseModel):
    delta: RawContentBlockDelta
    index: int
    type: Literal["content_block_delta"]


class RawContentBlockStopEvent(BaseModel):
    index: int
    type: Literal["content_block_stop"]


RawMessageStreamEvent: TypeAlias = Annotated[
    Union[
        RawMessageStartEvent,
        RawMessageDeltaEvent,
        RawMessageStopEvent,
        RawContentBlockStartEvent,
        RawContentBlockDeltaEvent,
        RawContentBlockStopEvent,
    ],
    pydantic.Field(discriminator="type"),
]
"""Any event of a raw message stream (`ping` and `error` events are handled by the stream, not parsed here)."""

MessageStreamEvent = RawMessageStreamEvent
MessageStartEvent = RawMessageStartEvent
MessageDeltaEvent = RawMessageDeltaEvent
MessageStopEvent = RawMessageStopEvent
ContentBlockStartEvent = RawContentBlockStartEvent
ContentBlockDeltaEvent = RawContentBlockDeltaEvent
ContentBlockStopEvent = RawContentBlockStopEvent
