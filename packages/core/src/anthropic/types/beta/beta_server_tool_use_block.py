"""Official module path `anthropic.types.beta.beta_server_tool_use_block`: re-exports from the topic module."""

from ._content import BetaServerToolUseBlock

__all__ = ["BetaServerToolUseBlock"]
