"""Official module path `anthropic.types.beta.beta_text_delta`: re-exports from the topic module."""

from ._message import BetaTextDelta

__all__ = ["BetaTextDelta"]
