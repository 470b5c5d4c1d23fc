"""Official module path `anthropic.types.beta.beta_content_block`: re-exports from the topic module."""

from ._content import BetaContentBlock

__all__ = ["BetaContentBlock"]
