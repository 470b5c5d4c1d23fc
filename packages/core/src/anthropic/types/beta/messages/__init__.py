"""Beta Message Batches types (`anthropic.types.beta.messages`), loaded lazily from `_batches`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from anthropic._lazy import lazy_dir, lazy_getattr

if TYPE_CHECKING:
    from ._batches import (
        BatchCreateParams,
        BatchListParams,
        BetaDeletedMessageBatch,
        BetaMessageBatch,
        BetaMessageBatchCanceledResult,
        BetaMessageBatchErroredResult,
        BetaMessageBatchExpiredResult,
        BetaMessageBatchIndividualResponse,
        BetaMessageBatchRequestCounts,
        BetaMessageBatchResult,
        BetaMessageBatchSucceededResult,
    )

_NAMES: dict[str, str] = {
    "BatchCreateParams": "_batches",
    "BatchListParams": "_batches",
    "BetaDeletedMessageBatch": "_batches",
    "BetaMessageBatch": "_batches",
    "BetaMessageBatchCanceledResult": "_batches",
    "BetaMessageBatchErroredResult": "_batches",
    "BetaMessageBatchExpiredResult": "_batches",
    "BetaMessageBatchIndividualResponse": "_batches",
    "BetaMessageBatchRequestCounts": "_batches",
    "BetaMessageBatchResult": "_batches",
    "BetaMessageBatchSucceededResult": "_batches",
}

# Official module paths served by real (alias) submodules, imported on attribute access.

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
]


def __getattr__(name: str) -> object:
    return lazy_getattr(globals(), name, _NAMES)


def __dir__() -> list[str]:
    return lazy_dir(globals(), __all__)
