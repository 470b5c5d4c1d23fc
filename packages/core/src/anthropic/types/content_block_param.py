"""Official import path `anthropic.types.content_block_param`; the definitions live in `anthropic.types._content_params`."""

from ._content_params import ContentBlockParam as ContentBlockParam

__all__ = ["ContentBlockParam"]
