"""Helper events of `MessageStream`, added after the raw events they derive from (names and fields as 0.74.0).

`TextEvent.snapshot`, `ThinkingEvent.snapshot` and `InputJsonEvent.snapshot` are computed when first read; see
`_base.LazyFieldsModel`.
"""

from __future__ import annotations

from typing import List, Literal, Union

import pydantic
from typing_extensions import Annotated, TypeAlias

from ..._models import BaseModel
from ...types import (
    ContentBlock,
    Message,
    RawContentBlockDeltaEvent,
    RawContentBlockStartEvent,
    RawContentBlockStopEvent,
    RawMessageDeltaEvent,
    RawMessageStartEvent,
    RawMessageStopEvent,
    TextCitation,
)
from ._base import LazyFieldsModel

__all__ = [
    "CitationEvent",
    "ContentBlockStopEvent",
    "InputJsonEvent",
    "MessageStopEvent",
    "MessageStreamEvent",
    "SignatureEvent",
    "TextEvent",
    "ThinkingEvent",
]

Citation = TextCitation


class TextEvent(LazyFieldsModel):
    type: Literal["text"]

    text: str
    """The text delta."""

    snapshot: str
    """All the text of this block so far."""


class CitationEvent(BaseModel):
    type: Literal["citation"]

    citation: Citation
    """The new citation."""

    snapshot: List[Citation]
    """All the citations of this block so far."""


class ThinkingEvent(LazyFieldsModel):
    type: Literal["thinking"]

    thinking: str
    """The thinking delta."""

    snapshot: str
    """All the thinking of this block so far."""


class SignatureEvent(BaseModel):
    type: Literal["signature"]

    signature: str
    """The signature of the thinking block."""


class InputJsonEvent(LazyFieldsModel):
    type: Literal["input_json"]

    partial_json: str
    """A fragment of the tool input's JSON, e.g. `'"San Francisco,'`."""

    snapshot: object
    """The tool input parsed from all fragments so far, e.g. `{'location': 'San Francisco, CA'}`."""


class MessageStopEvent(RawMessageStopEvent):
    type: Literal["message_stop"]

    message: Message


class ContentBlockStopEvent(RawContentBlockStopEvent):
    type: Literal["content_block_stop"]

    content_block: ContentBlock


MessageStreamEvent: TypeAlias = Annotated[
    Union[
        TextEvent,
        CitationEvent,
        ThinkingEvent,
        SignatureEvent,
        InputJsonEvent,
        RawMessageStartEvent,
        RawMessageDeltaEvent,
        MessageStopEvent,
        RawContentBlockStartEvent,
        RawContentBlockDeltaEvent,
        ContentBlockStopEvent,
    ],
    pydantic.Field(discriminator="type"),
]
