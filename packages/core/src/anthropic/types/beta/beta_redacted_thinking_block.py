"""Official module path `anthropic.types.beta.beta_redacted_thinking_block`: re-exports from the topic module."""

from ._content import BetaRedactedThinkingBlock

__all__ = ["BetaRedactedThinkingBlock"]
