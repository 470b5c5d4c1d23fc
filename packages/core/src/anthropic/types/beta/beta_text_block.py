"""Official module path `anthropic.types.beta.beta_text_block`: re-exports from the topic module."""

from ._content import BetaTextBlock

__all__ = ["BetaTextBlock"]
