"""Official import path `anthropic.types.message_param`; the definitions live in `anthropic.types._params`."""

from ._params import MessageParam as MessageParam

__all__ = ["MessageParam"]
