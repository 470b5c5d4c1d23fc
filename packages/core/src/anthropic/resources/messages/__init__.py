"""`client.messages`: create, stream, count_tokens, and `messages.batches`."""

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
    "AsyncMessages",
    "AsyncMessagesWithRawResponse",
    "AsyncMessagesWithStreamingResponse",
    "Messages",
    "MessagesWithRawResponse",
    "MessagesWithStreamingResponse",
]


def __getattr__(name: str) -> object:
    if name.endswith(("Batches", "BatchesWithRawResponse", "BatchesWithStreamingResponse")):
        from . import batches

        return getattr(batches, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
