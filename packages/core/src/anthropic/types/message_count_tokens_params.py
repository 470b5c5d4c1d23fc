"""Official import path `anthropic.types.message_count_tokens_params`; the definitions live in `anthropic.types._params`."""

from ._params import MessageCountTokensParams as MessageCountTokensParams

__all__ = ["MessageCountTokensParams"]
