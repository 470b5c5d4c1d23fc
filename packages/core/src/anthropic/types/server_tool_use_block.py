"""Official import path `anthropic.types.server_tool_use_block`; the definitions live in `anthropic.types._content`."""

from ._content import ServerToolUseBlock as ServerToolUseBlock

__all__ = ["ServerToolUseBlock"]
