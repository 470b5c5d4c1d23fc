"""`client.messages`: create, stream, count_tokens, and `messages.batches`."""

from typing import TYPE_CHECKING

from .messages import (
    DEPRECATED_MODELS,
    AsyncMessages,
    AsyncMessagesWithRawResponse,
    AsyncMessagesWithStreamingResponse,
    Messages,
    MessagesWithRawResponse,
    MessagesWithStreamingResponse,
)

__all__ = [
    "DEPRECATED_MODELS",
    "AsyncBatches",
    "AsyncBatchesWithRawResponse",
    "AsyncBatchesWithStreamingResponse",
    "Batches",
    "BatchesWithRawResponse",
    "BatchesWithStreamingResponse",
    "AsyncMessages",
    "AsyncMessagesWithRawResponse",
    "AsyncMessagesWithStreamingResponse",
    "Messages",
    "MessagesWithRawResponse",
    "MessagesWithStreamingResponse",
]

if TYPE_CHECKING:
    from .batches import AsyncBatches as AsyncBatches
    from .batches import AsyncBatchesWithRawResponse as AsyncBatchesWithRawResponse
    from .batches import AsyncBatchesWithStreamingResponse as AsyncBatchesWithStreamingResponse
    from .batches import Batches as Batches
    from .batches import BatchesWithRawResponse as BatchesWithRawResponse
    from .batches import BatchesWithStreamingResponse as BatchesWithStreamingResponse


def __getattr__(name: str) -> object:
    if name.endswith(("Batches", "BatchesWithRawResponse", "BatchesWithStreamingResponse")):
        from . import batches

        return getattr(batches, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
