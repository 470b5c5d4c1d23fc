"""Official module path `anthropic.types.beta.beta_raw_message_delta_event`: re-exports from the topic module."""

from ._message import (
    BetaRawMessageDeltaEvent,
    Delta,
)

__all__ = ["BetaRawMessageDeltaEvent", "Delta"]
