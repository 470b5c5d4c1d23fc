"""Official import path `anthropic.types.stop_reason`; the definitions live in `anthropic.types._message`."""

from ._message import StopReason as StopReason

__all__ = ["StopReason"]
