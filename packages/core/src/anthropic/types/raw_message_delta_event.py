"""Official import path `anthropic.types.raw_message_delta_event`; the definitions live in `anthropic.types._stream_events`."""

from ._stream_events import Delta as Delta
from ._stream_events import RawMessageDeltaEvent as RawMessageDeltaEvent

__all__ = ["RawMessageDeltaEvent", "Delta"]
