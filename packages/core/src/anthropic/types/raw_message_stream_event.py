"""Official import path `anthropic.types.raw_message_stream_event`; the definitions live in `anthropic.types._stream_events`."""

from ._stream_events import RawMessageStreamEvent as RawMessageStreamEvent

__all__ = ["RawMessageStreamEvent"]
