"""Official module path `anthropic.types.beta.beta_raw_message_stop_event`: re-exports from the topic module."""

from ._message import BetaRawMessageStopEvent

__all__ = ["BetaRawMessageStopEvent"]
