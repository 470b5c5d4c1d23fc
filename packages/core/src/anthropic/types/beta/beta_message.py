"""Official module path `anthropic.types.beta.beta_message`: re-exports from the topic module."""

from ._message import BetaMessage

__all__ = ["BetaMessage"]
