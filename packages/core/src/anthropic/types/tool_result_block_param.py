"""Official import path `anthropic.types.tool_result_block_param`; the definitions live in `anthropic.types._content_params`."""

from ._content_params import ToolResultBlockParam as ToolResultBlockParam
from ._content_params import ToolResultContent as Content

__all__ = ["ToolResultBlockParam", "Content"]
