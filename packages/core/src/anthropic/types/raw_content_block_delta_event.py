"""Official import path `anthropic.types.raw_content_block_delta_event`; the definitions live in `anthropic.types._stream_events`."""

from ._stream_events import RawContentBlockDeltaEvent as RawContentBlockDeltaEvent

__all__ = ["RawContentBlockDeltaEvent"]
