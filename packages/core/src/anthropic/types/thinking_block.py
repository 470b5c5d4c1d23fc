"""Official import path `anthropic.types.thinking_block`; the definitions live in `anthropic.types._content`."""

from ._content import ThinkingBlock as ThinkingBlock

__all__ = ["ThinkingBlock"]
