"""Official import path `anthropic.types.tool_choice_param`; the definitions live in `anthropic.types._tool_params`."""

from ._tool_params import ToolChoiceParam as ToolChoiceParam

__all__ = ["ToolChoiceParam"]
