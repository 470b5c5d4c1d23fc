"""Official module path `anthropic.types.beta.beta_message_tokens_count`: re-exports from the topic module."""

from ._message import BetaMessageTokensCount

__all__ = ["BetaMessageTokensCount"]
