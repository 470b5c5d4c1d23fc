"""Official module path `anthropic.types.beta.beta_text_citation`: re-exports from the topic module."""

from ._content import BetaTextCitation

__all__ = ["BetaTextCitation"]
