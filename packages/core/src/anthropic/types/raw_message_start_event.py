"""Official import path `anthropic.types.raw_message_start_event`; the definitions live in `anthropic.types._stream_events`."""

from ._stream_events import RawMessageStartEvent as RawMessageStartEvent

__all__ = ["RawMessageStartEvent"]
