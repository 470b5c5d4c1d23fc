"""Official module path `anthropic.types.beta.beta_mcp_tool_use_block`: re-exports from the topic module."""

from ._content import BetaMCPToolUseBlock

__all__ = ["BetaMCPToolUseBlock"]
