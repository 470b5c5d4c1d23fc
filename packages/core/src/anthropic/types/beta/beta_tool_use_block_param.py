"""Official module path `anthropic.types.beta.beta_tool_use_block_param`: re-exports from the topic module."""

from ._content_params import BetaToolUseBlockParam

__all__ = ["BetaToolUseBlockParam"]
