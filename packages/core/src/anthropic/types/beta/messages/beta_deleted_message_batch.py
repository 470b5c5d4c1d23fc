"""Official module path `anthropic.types.beta.messages.beta_deleted_message_batch`: re-exports from the topic module."""

from ._batches import BetaDeletedMessageBatch

__all__ = ["BetaDeletedMessageBatch"]
