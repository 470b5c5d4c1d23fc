"""Official import path `anthropic.types.message_tokens_count`; the definitions live in `anthropic.types._message`."""

from ._message import MessageTokensCount as MessageTokensCount

__all__ = ["MessageTokensCount"]
