"""Official import path `anthropic.types.text_delta`; the definitions live in `anthropic.types._stream_events`."""

from ._stream_events import TextDelta as TextDelta

__all__ = ["TextDelta"]
