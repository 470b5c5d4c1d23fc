"""Official module path `anthropic.types.beta.beta_tool_use_block`: re-exports from the topic module."""

from ._content import BetaToolUseBlock

__all__ = ["BetaToolUseBlock"]
