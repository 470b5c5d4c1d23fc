"""Helper events of `BetaMessageStream` (names and fields as 0.74.0), parametrised by the structured output type."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Generic, List, Literal, Union, cast

import pydantic
import pydantic_core
from typing_extensions import Annotated, TypeAlias

from ..._models import BaseModel
from ...types.beta import (
    BetaRawContentBlockDeltaEvent,
    BetaRawContentBlockStartEvent,
    BetaRawContentBlockStopEvent,
    BetaRawMessageDeltaEvent,
    BetaRawMessageStartEvent,
    BetaRawMessageStopEvent,
    BetaTextCitation,
)
from ...types.beta.parsed_beta_message import ParsedBetaContentBlock, ParsedBetaMessage, ResponseFormatT
from ._base import LazyFieldsModel

__all__ = [
    "BetaCitationEvent",
    "BetaInputJsonEvent",
    "BetaSignatureEvent",
    "BetaThinkingEvent",
    "ParsedBetaContentBlockStopEvent",
    "ParsedBetaMessageStopEvent",
    "ParsedBetaMessageStreamEvent",
    "ParsedBetaTextEvent",
]

Citation = BetaTextCitation


class ParsedBetaTextEvent(LazyFieldsModel):
    type: Literal["text"]

    text: str
    """The text delta."""

    snapshot: str
    """All the text of this block so far."""

    def parsed_snapshot(self) -> Dict[str, Any]:
        """The text so far read as (possibly unfinished) JSON, for structured outputs."""
        return cast(Dict[str, Any], pydantic_core.from_json(self.snapshot, allow_partial="trailing-strings"))


class BetaCitationEvent(BaseModel):
    type: Literal["citation"]

    citation: Citation
    """The new citation."""

    snapshot: List[Citation]
    """All the citations of this block so far."""


class BetaThinkingEvent(LazyFieldsModel):
    type: Literal["thinking"]

    thinking: str
    """The thinking delta."""

    snapshot: str
    """All the thinking of this block so far."""


class BetaSignatureEvent(BaseModel):
    type: Literal["signature"]

    signature: str
    """The signature of the thinking block."""


class BetaInputJsonEvent(LazyFieldsModel):
    type: Literal["input_json"]

    partial_json: str
    """A fragment of the tool input's JSON, e.g. `'"San Francisco,'`."""

    snapshot: object
    """The tool input parsed from all fragments so far, e.g. `{'location': 'San Francisco, CA'}`."""


class ParsedBetaMessageStopEvent(BetaRawMessageStopEvent, Generic[ResponseFormatT]):
    type: Literal["message_stop"]

    message: ParsedBetaMessage[ResponseFormatT]


class ParsedBetaContentBlockStopEvent(BetaRawContentBlockStopEvent, Generic[ResponseFormatT]):
    type: Literal["content_block_stop"]

    if TYPE_CHECKING:
        content_block: ParsedBetaContentBlock[ResponseFormatT]
    else:
        content_block: ParsedBetaContentBlock


ParsedBetaMessageStreamEvent: TypeAlias = Annotated[
    Union[
        ParsedBetaTextEvent,
        BetaCitationEvent,
        BetaThinkingEvent,
        BetaSignatureEvent,
        BetaInputJsonEvent,
        BetaRawMessageStartEvent,
        BetaRawMessageDeltaEvent,
        ParsedBetaMessageStopEvent[ResponseFormatT],
        BetaRawContentBlockStartEvent,
        BetaRawContentBlockDeltaEvent,
        ParsedBetaContentBlockStopEvent[ResponseFormatT],
    ],
    pydantic.Field(discriminator="type"),
]
