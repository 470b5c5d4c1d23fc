"""Official import path `anthropic.types.message`; the definitions live in `anthropic.types._message`."""

from ._message import Message as Message

__all__ = ["Message"]
