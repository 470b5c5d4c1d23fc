"""Official import path `anthropic.types.tool_param`; the definitions live in `anthropic.types._tool_params`."""

from ._tool_params import InputSchema as InputSchema
from ._tool_params import InputSchemaTyped as InputSchemaTyped
from ._tool_params import ToolParam as ToolParam

__all__ = ["ToolParam", "InputSchema", "InputSchemaTyped"]
