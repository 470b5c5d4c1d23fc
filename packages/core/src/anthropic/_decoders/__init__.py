"""Byte-stream decoders: sans-IO objects that turn response bytes into events or lines.

A platform supplies the decoder for its streams through `StreamDecoder`: the first-party API uses
`anthropic._decoders.sse.SSEDecoder`; Bedrock's AWS eventstream decoder emits the same `ServerSentEvent`
objects, so `Stream` handles every platform alike.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from .sse import ServerSentEvent

__all__ = ["StreamDecoder"]


@runtime_checkable
class StreamDecoder(Protocol):
    """Incremental decoder: fed raw body chunks of any size, returns the events each chunk completes."""

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        """Consume one chunk; return the events it completed (possibly none)."""
        ...

    def flush(self) -> list[ServerSentEvent]:
        """Called once at end of body: return whatever the buffered bytes still complete."""
        ...
