"""Official module path `anthropic.types.beta.beta_tool_param`: re-exports from the topic module."""

from ._tool_params import (
    BetaToolParam,
    InputSchema,
    InputSchemaTyped,
)

__all__ = ["BetaToolParam", "InputSchema", "InputSchemaTyped"]
