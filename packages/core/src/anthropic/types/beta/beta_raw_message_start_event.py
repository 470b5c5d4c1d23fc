"""Official module path `anthropic.types.beta.beta_raw_message_start_event`: re-exports from the topic module."""

from ._message import BetaRawMessageStartEvent

__all__ = ["BetaRawMessageStartEvent"]
