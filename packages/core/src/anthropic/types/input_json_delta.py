"""Official import path `anthropic.types.input_json_delta`; the definitions live in `anthropic.types._stream_events`."""

from ._stream_events import InputJSONDelta as InputJSONDelta
from ._stream_events import InputJsonDelta as InputJsonDelta

__all__ = ["InputJSONDelta", "InputJsonDelta"]
