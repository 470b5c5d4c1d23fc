"""The beta message, its usage and metadata, and the raw server-sent events a beta stream is made of."""

from __future__ import annotations

import datetime
from typing import Literal, Optional, Union

from pydantic import Field
from typing_extensions import Annotated, TypeAlias

from ..._models import BaseModel
from .. import Model
from ._content import BetaContentBlock, BetaTextCitation

__all__ = [
    "AppliedEdit",
    "BetaCacheCreation",
    "BetaCitationsDelta",
    "BetaClearThinking20251015EditResponse",
    "BetaClearToolUses20250919EditResponse",
    "BetaContainer",
    "BetaContextManagementResponse",
    "BetaCountTokensContextManagementResponse",
    "BetaInputJSONDelta",
    "BetaMessage",
    "BetaMessageDeltaUsage",
    "BetaMessageTokensCount",
    "BetaRawContentBlockDelta",
    "BetaRawContentBlockDeltaEvent",
    "BetaRawContentBlockStartEvent",
    "BetaRawContentBlockStopEvent",
    "BetaRawMessageDeltaEvent",
    "BetaRawMessageStartEvent",
    "BetaRawMessageStopEvent",
    "BetaRawMessageStreamEvent",
    "BetaServerToolUsage",
    "BetaSignatureDelta",
    "BetaSkill",
    "BetaStopReason",
    "BetaTextDelta",
    "BetaThinkingDelta",
    "BetaUsage",
    "Delta",
]

BetaStopReason: TypeAlias = Literal[
    "end_turn", "max_tokens", "stop_sequence", "tool_use", "pause_turn", "refusal", "model_context_window_exceeded"
]

# --------------------------------------------------------------------------------------------------------------
# Usage


class BetaCacheCreation(BaseModel):
    ephemeral_1h_input_tokens: int
    ephemeral_5m_input_tokens: int


class BetaServerToolUsage(BaseModel):
    web_fetch_requests: int
    web_search_requests: int


class BetaUsage(BaseModel):
    cache_creation: Optional[BetaCacheCreation] = None
    cache_creation_input_tokens: Optional[int] = None
    cache_read_input_tokens: Optional[int] = None
    input_tokens: int
    output_tokens: int
    server_tool_use: Optional[BetaServerToolUsage] = None
    service_tier: Optional[Literal["standard", "priority", "batch"]] = None


class BetaMessageDeltaUsage(BaseModel):
    """Cumulative usage carried by `message_delta`; fields other than `output_tokens` may be null."""

    cache_creation_input_tokens: Optional[int] = None
    cache_read_input_tokens: Optional[int] = None
    input_tokens: Optional[int] = None
    output_tokens: int
    server_tool_use: Optional[BetaServerToolUsage] = None


# --------------------------------------------------------------------------------------------------------------
# Container and context management (what the server did on the request's behalf)


class BetaSkill(BaseModel):
    skill_id: str
    type: Literal["anthropic", "custom"]
    version: str


class BetaContainer(BaseModel):
    id: str
    expires_at: datetime.datetime
    skills: Optional[list[BetaSkill]] = None


class BetaClearToolUses20250919EditResponse(BaseModel):
    cleared_input_tokens: int
    cleared_tool_uses: int
    type: Literal["clear_tool_uses_20250919"]


class BetaClearThinking20251015EditResponse(BaseModel):
    cleared_input_tokens: int
    cleared_thinking_turns: int
    type: Literal["clear_thinking_20251015"]


AppliedEdit: TypeAlias = Annotated[
    Union[BetaClearToolUses20250919EditResponse, BetaClearThinking20251015EditResponse],
    Field(discriminator="type"),
]


class BetaContextManagementResponse(BaseModel):
    applied_edits: list[AppliedEdit]


class BetaCountTokensContextManagementResponse(BaseModel):
    original_input_tokens: int


class BetaMessageTokensCount(BaseModel):
    context_management: Optional[BetaCountTokensContextManagementResponse] = None
    input_tokens: int


# --------------------------------------------------------------------------------------------------------------
# The message


class BetaMessage(BaseModel):
    id: str
    container: Optional[BetaContainer] = None
    content: list[BetaContentBlock]
    context_management: Optional[BetaContextManagementResponse] = None
    model: Model
    role: Literal["assistant"]
    stop_reason: Optional[BetaStopReason] = None
    stop_sequence: Optional[str] = None
    type: Literal["message"]
    usage: BetaUsage


# --------------------------------------------------------------------------------------------------------------
# Deltas


class BetaTextDelta(BaseModel):
    text: str
    type: Literal["text_delta"]


class BetaInputJSONDelta(BaseModel):
    partial_json: str
    type: Literal["input_json_delta"]


class BetaCitationsDelta(BaseModel):
    citation: BetaTextCitation
    type: Literal["citations_delta"]


class BetaThinkingDelta(BaseModel):
    thinking: str
    type: Literal["thinking_delta"]


class BetaSignatureDelta(BaseModel):
    signature: str
    type: Literal["signature_delta"]


BetaRawContentBlockDelta: TypeAlias = Annotated[
    Union[BetaTextDelta, BetaInputJSONDelta, BetaCitationsDelta, BetaThinkingDelta, BetaSignatureDelta],
    Field(discriminator="type"),
]


# --------------------------------------------------------------------------------------------------------------
# Stream events


class BetaRawMessageStartEvent(BaseModel):
    message: BetaMessage
    type: Literal["message_start"]


class Delta(BaseModel):
    """The message-level changes announced by `message_delta`."""

    container: Optional[BetaContainer] = None
    stop_reason: Optional[BetaStopReason] = None
    stop_sequence: Optional[str] = None


class BetaRawMessageDeltaEvent(BaseModel):
    context_management: Optional[BetaContextManagementResponse] = None
    delta: Delta
    type: Literal["message_delta"]
    usage: BetaMessageDeltaUsage


class BetaRawMessageStopEvent(BaseModel):
    type: Literal["message_stop"]


class BetaRawContentBlockStartEvent(BaseModel):
    content_block: BetaContentBlock
    index: int
    type: Literal["content_block_start"]


class BetaRawContentBlockDeltaEvent(BaseModel):
    delta: BetaRawContentBlockDelta
    index: int
    type: Literal["content_block_delta"]


class BetaRawContentBlockStopEvent(BaseModel):
    index: int
    type: Literal["content_block_stop"]


BetaRawMessageStreamEvent: TypeAlias = Annotated[
    Union[
        BetaRawMessageStartEvent,
        BetaRawMessageDeltaEvent,
        BetaRawMessageStopEvent,
        BetaRawContentBlockStartEvent,
        BetaRawContentBlockDeltaEvent,
        BetaRawContentBlockStopEvent,
    ],
    Field(discriminator="type"),
]
