"""Official module path `anthropic.types.beta.beta_tool_choice_param`: re-exports from the topic module."""

from ._tool_params import BetaToolChoiceParam

__all__ = ["BetaToolChoiceParam"]
