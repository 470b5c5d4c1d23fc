"""Official import path `anthropic.types.text_block_param`; the definitions live in `anthropic.types._content_params`."""

from ._content_params import TextBlockParam as TextBlockParam

__all__ = ["TextBlockParam"]
