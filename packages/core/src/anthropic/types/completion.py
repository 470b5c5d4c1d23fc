"""Official import path `anthropic.types.completion`; the definitions live in `anthropic.types._completions`."""

from ._completions import Completion as Completion

__all__ = ["Completion"]
