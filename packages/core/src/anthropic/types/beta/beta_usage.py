"""Official module path `anthropic.types.beta.beta_usage`: re-exports from the topic module."""

from ._message import BetaUsage

__all__ = ["BetaUsage"]
