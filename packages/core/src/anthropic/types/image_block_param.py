"""Official import path `anthropic.types.image_block_param`; the definitions live in `anthropic.types._content_params`."""

from ._content_params import ImageBlockParam as ImageBlockParam
from ._content_params import ImageSource as Source

__all__ = ["ImageBlockParam", "Source"]
