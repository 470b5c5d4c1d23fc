"""Beta Message Batches: the batch record, per-request results (discriminated on `type`) and parameters."""

# No `from __future__ import annotations`: with real (not string) annotations `Required[...]` is seen at run time,
# so the TypedDicts' `__required_keys__` are right.

import datetime
from typing import Iterable, List, Literal, Optional, Union

from pydantic import Field
from typing_extensions import Annotated, Required, TypeAlias, TypedDict

from ...._models import BaseModel
from ... import AnthropicBetaParam, BetaErrorResponse
from .._message import BetaMessage
from .._request_params import MessageCreateParamsNonStreaming

__all__ = [
    "BatchCreateParams",
    "BatchListParams",
    "BetaDeletedMessageBatch",
    "BetaMessageBatch",
    "BetaMessageBatchCanceledResult",
    "BetaMessageBatchErroredResult",
    "BetaMessageBatchExpiredResult",
    "BetaMessageBatchIndividualResponse",
    "BetaMessageBatchRequestCounts",
    "BetaMessageBatchResult",
    "BetaMessageBatchSucceededResult",
    "Request",
    "RequestParamsOutputFormat",
]


class BetaMessageBatchRequestCounts(BaseModel):
    canceled: int
    errored: int
    expired: int
    processing: int
    succeeded: int


class BetaMessageBatch(BaseModel):
    id: str
    archived_at: Optional[datetime.datetime] = None
    cancel_initiated_at: Optional[datetime.datetime] = None
    created_at: datetime.datetime
    ended_at: Optional[datetime.datetime] = None
    expires_at: datetime.datetime
    processing_status: Literal["in_progress", "canceling", "ended"]
    request_counts: BetaMessageBatchRequestCounts
    results_url: Optional[str] = None
    type: Literal["message_batch"]


class BetaDeletedMessageBatch(BaseModel):
    id: str
    type: Literal["message_batch_deleted"]


class BetaMessageBatchSucceededResult(BaseModel):
    message: BetaMessage
    type: Literal["succeeded"]


class BetaMessageBatchErroredResult(BaseModel):
    error: BetaErrorResponse
    type: Literal["errored"]


class BetaMessageBatchCanceledResult(BaseModel):
    type: Literal["canceled"]


class BetaMessageBatchExpiredResult(BaseModel):
    type: Literal["expired"]


BetaMessageBatchResult: TypeAlias = Annotated[
    Union[
        BetaMessageBatchSucceededResult,
        BetaMessageBatchErroredResult,
        BetaMessageBatchCanceledResult,
        BetaMessageBatchExpiredResult,
    ],
    Field(discriminator="type"),
]


class BetaMessageBatchIndividualResponse(BaseModel):
    """One line of a batch's results file (JSONL)."""

    custom_id: str
    result: BetaMessageBatchResult


# --------------------------------------------------------------------------------------------------------------
# Parameters


class RequestParamsOutputFormat(TypedDict, total=False):
    schema: Required[object]
    type: Required[Literal["json_schema"]]


class Request(TypedDict, total=False):
    custom_id: Required[str]
    params: Required[MessageCreateParamsNonStreaming]


class BatchCreateParams(TypedDict, total=False):
    requests: Required[Iterable[Request]]
    betas: List[AnthropicBetaParam]
    """Sent as the `anthropic-beta` header, comma-joined."""


class BatchListParams(TypedDict, total=False):
    after_id: str
    before_id: str
    limit: int
    betas: List[AnthropicBetaParam]
    """Sent as the `anthropic-beta` header, comma-joined."""
