"""Official import path `anthropic.types.tool_use_block`; the definitions live in `anthropic.types._content`."""

from ._content import ToolUseBlock as ToolUseBlock

__all__ = ["ToolUseBlock"]
