"""Message Batches (`/v1/messages/batches`): the batch object, its per-request results, and the create/list params.

Public as `anthropic.types.messages`.
"""

from datetime import datetime
from typing import Iterable, Literal, Optional, Union

import pydantic
from typing_extensions import Annotated, Required, TypeAlias, TypedDict

from .._models import BaseModel
from ._errors import ErrorResponse
from ._message import Message
from ._params import MessageCreateParamsNonStreaming

__all__ = [
    "BatchCreateParams",
    "BatchListParams",
    "DeletedMessageBatch",
    "MessageBatch",
    "MessageBatchCanceledResult",
    "MessageBatchErroredResult",
    "MessageBatchExpiredResult",
    "MessageBatchIndividualResponse",
    "MessageBatchRequestCounts",
    "MessageBatchResult",
    "MessageBatchSucceededResult",
    "Request",
]


class MessageBatchRequestCounts(BaseModel):
    canceled: int
    errored: int
    expired: int
    processing: int
    succeeded: int


class MessageBatch(BaseModel):
    id: str
    archived_at: Optional[datetime] = None
    cancel_initiated_at: Optional[datetime] = None
    created_at: datetime
    ended_at: Optional[datetime] = None
    expires_at: datetime
    processing_status: Literal["in_progress", "canceling", "ended"]
    request_counts: MessageBatchRequestCounts
    results_url: Optional[str] = None
    type: Literal["message_batch"]


class DeletedMessageBatch(BaseModel):
    id: str
    type: Literal["message_batch_deleted"]


class MessageBatchSucceededResult(BaseModel):
    message: Message
    type: Literal["succeeded"]


class MessageBatchErroredResult(BaseModel):
    error: ErrorResponse
    type: Literal["errored"]


class MessageBatchCanceledResult(BaseModel):
    type: Literal["canceled"]


class MessageBatchExpiredResult(BaseModel):
    type: Literal["expired"]


MessageBatchResult: TypeAlias = Annotated[
    Union[
        MessageBatchSucceededResult,
        MessageBatchErroredResult,
        MessageBatchCanceledResult,
        MessageBatchExpiredResult,
    ],
    pydantic.Field(discriminator="type"),
]


class MessageBatchIndividualResponse(BaseModel):
    """One line of the results JSONL file."""

    custom_id: str
    result: MessageBatchResult


class Request(TypedDict, total=False):
    """One request of a batch: `custom_id` matches it to its result line."""

    custom_id: Required[str]
    params: Required[MessageCreateParamsNonStreaming]


class BatchCreateParams(TypedDict, total=False):
    requests: Required[Iterable[Request]]


class BatchListParams(TypedDict, total=False):
    after_id: str
    before_id: str
    limit: int
