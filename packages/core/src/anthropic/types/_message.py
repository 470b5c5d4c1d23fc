"""The `Message` response and its usage accounting (`/v1/messages`, `/v1/messages/count_tokens`)."""

from __future__ import annotations

from typing import List, Literal, Optional

from typing_extensions import TypeAlias

from .._models import BaseModel
from ._content import ContentBlock
from ._models_api import Model

__all__ = [
    "CacheCreation",
    "Message",
    "MessageDeltaUsage",
    "MessageTokensCount",
    "ServerToolUsage",
    "StopReason",
    "Usage",
]

StopReason: TypeAlias = Literal["end_turn", "max_tokens", "stop_sequence", "tool_use", "pause_turn", "refusal"]


class CacheCreation(BaseModel):
    """Prompt-cache writes split by time to live."""

    ephemeral_1h_input_tokens: int
    ephemeral_5m_input_tokens: int


class ServerToolUsage(BaseModel):
    web_search_requests: int


class Usage(BaseModel):
    cache_creation: Optional[CacheCreation] = None
    cache_creation_input_tokens: Optional[int] = None
    cache_read_input_tokens: Optional[int] = None
    input_tokens: int
    output_tokens: int
    server_tool_use: Optional[ServerToolUsage] = None
    service_tier: Optional[Literal["standard", "priority", "batch"]] = None


class MessageDeltaUsage(BaseModel):
    """Cumulative usage carried by the `message_delta` stream event (only `output_tokens` is always there)."""

    cache_creation_input_tokens: Optional[int] = None
    cache_read_input_tokens: Optional[int] = None
    input_tokens: Optional[int] = None
    output_tokens: int
    server_tool_use: Optional[ServerToolUsage] = None


class Message(BaseModel):
    id: str
    content: List[ContentBlock]
    model: Model
    role: Literal["assistant"]
    stop_reason: Optional[StopReason] = None
    stop_sequence: Optional[str] = None
    type: Literal["message"]
    usage: Usage


class MessageTokensCount(BaseModel):
    """Answer of `messages.count_tokens`."""

    input_tokens: int
