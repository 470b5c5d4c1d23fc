"""Official import path `anthropic.types.usage`; the definitions live in `anthropic.types._message`."""

from ._message import Usage as Usage

__all__ = ["Usage"]
