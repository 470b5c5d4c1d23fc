"""Official module path `anthropic.types.beta.beta_container`: re-exports from the topic module."""

from ._message import BetaContainer

__all__ = ["BetaContainer"]
