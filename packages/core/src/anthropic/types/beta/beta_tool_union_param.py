"""Official module path `anthropic.types.beta.beta_tool_union_param`: re-exports from the topic module."""

from ._tool_params import BetaToolUnionParam

__all__ = ["BetaToolUnionParam"]
