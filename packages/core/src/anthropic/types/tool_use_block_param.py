"""Official import path `anthropic.types.tool_use_block_param`; the definitions live in `anthropic.types._content_params`."""

from ._content_params import ToolUseBlockParam as ToolUseBlockParam

__all__ = ["ToolUseBlockParam"]
