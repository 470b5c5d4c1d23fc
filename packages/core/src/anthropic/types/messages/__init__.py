"""Message Batches types (`anthropic.types.messages`), imported lazily from `anthropic.types._batches`."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from .. import _aliases

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
    topic = _NAMES.get(name)
    if topic is not None:
        value = getattr(importlib.import_module(f"{_TYPES}.{topic}"), name)
        globals()[name] = value  # later lookups skip __getattr__
        return value
    if f"{__name__.rpartition('.')[2]}.{name}" in _aliases.ALIASES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
