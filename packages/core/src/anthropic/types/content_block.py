"""Official import path `anthropic.types.content_block`; the definitions live in `anthropic.types._content`."""

from ._content import ContentBlock as ContentBlock

__all__ = ["ContentBlock"]
