"""Official module path `anthropic.types.beta.beta_raw_message_stream_event`: re-exports from the topic module."""

from ._message import BetaRawMessageStreamEvent

__all__ = ["BetaRawMessageStreamEvent"]
