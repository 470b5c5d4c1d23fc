"""Official import path `anthropic.types.message_stream_event`; the definitions live in `anthropic.types._stream_events`."""

from ._stream_events import MessageStreamEvent as MessageStreamEvent

__all__ = ["MessageStreamEvent"]
