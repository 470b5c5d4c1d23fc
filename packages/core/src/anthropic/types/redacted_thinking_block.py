"""Official import path `anthropic.types.redacted_thinking_block`; the definitions live in `anthropic.types._content`."""

from ._content import RedactedThinkingBlock as RedactedThinkingBlock

__all__ = ["RedactedThinkingBlock"]
