"""Official module path `anthropic.types.beta.messages.beta_message_batch`: re-exports from the topic module."""

from ._batches import BetaMessageBatch

__all__ = ["BetaMessageBatch"]
