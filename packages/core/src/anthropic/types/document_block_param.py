"""Official import path `anthropic.types.document_block_param`; the definitions live in `anthropic.types._content_params`."""

from ._content_params import DocumentBlockParam as DocumentBlockParam
from ._content_params import DocumentSource as Source

__all__ = ["DocumentBlockParam", "Source"]
