"""Official import path `anthropic.types.raw_content_block_start_event`; the definitions live in `anthropic.types._stream_events`."""

from ._content import ContentBlock as ContentBlock
from ._stream_events import RawContentBlockStartEvent as RawContentBlockStartEvent

__all__ = ["RawContentBlockStartEvent", "ContentBlock"]
