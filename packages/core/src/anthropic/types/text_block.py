"""Official import path `anthropic.types.text_block`; the definitions live in `anthropic.types._content`."""

from ._content import TextBlock as TextBlock

__all__ = ["TextBlock"]
