"""Official import path `anthropic.types.tool_union_param`; the definitions live in `anthropic.types._tool_params`."""

from ._tool_params import ToolUnionParam as ToolUnionParam

__all__ = ["ToolUnionParam"]
