"""Official import path `anthropic.types.thinking_block_param`; the definitions live in `anthropic.types._content_params`."""

from ._content_params import ThinkingBlockParam as ThinkingBlockParam

__all__ = ["ThinkingBlockParam"]
