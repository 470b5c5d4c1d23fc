"""Official import path `anthropic.types.text_citation`; the definitions live in `anthropic.types._content`."""

from ._content import TextCitation as TextCitation

__all__ = ["TextCitation"]
