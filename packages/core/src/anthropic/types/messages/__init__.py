"""Message Batches types (`anthropic.types.messages`), imported lazily from `anthropic.types._batches`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from anthropic._lazy import lazy_dir, lazy_getattr

if TYPE_CHECKING:
    from .._batches import (
        BatchCreateParams,
        BatchListParams,
        DeletedMessageBatch,
        MessageBatch,
        MessageBatchCanceledResult,
        MessageBatchErroredResult,
        MessageBatchExpiredResult,
        MessageBatchIndividualResponse,
        MessageBatchRequestCounts,
        MessageBatchResult,
        MessageBatchSucceededResult,
    )

# public name -> topic module (relative to anthropic.types) that defines it
_NAMES: dict[str, str] = {
    "BatchCreateParams": "_batches",
    "BatchListParams": "_batches",
    "DeletedMessageBatch": "_batches",
    "MessageBatch": "_batches",
    "MessageBatchCanceledResult": "_batches",
    "MessageBatchErroredResult": "_batches",
    "MessageBatchExpiredResult": "_batches",
    "MessageBatchIndividualResponse": "_batches",
    "MessageBatchRequestCounts": "_batches",
    "MessageBatchResult": "_batches",
    "MessageBatchSucceededResult": "_batches",
}

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
]

_TYPES = __name__.rpartition(".")[0]


def __getattr__(name: str) -> object:
    return lazy_getattr(globals(), name, _NAMES, topics=_TYPES)


def __dir__() -> list[str]:
    return lazy_dir(globals(), __all__)
