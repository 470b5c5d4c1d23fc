"""Official module path `anthropic.types.beta.beta_message_param`: re-exports from the topic module."""

from ._content_params import BetaMessageParam

__all__ = ["BetaMessageParam"]
