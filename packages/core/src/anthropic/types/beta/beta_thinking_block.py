"""Official module path `anthropic.types.beta.beta_thinking_block`: re-exports from the topic module."""

from ._content import BetaThinkingBlock

__all__ = ["BetaThinkingBlock"]
