"""Official module path `anthropic.types.beta.beta_stop_reason`: re-exports from the topic module."""

from ._message import BetaStopReason

__all__ = ["BetaStopReason"]
