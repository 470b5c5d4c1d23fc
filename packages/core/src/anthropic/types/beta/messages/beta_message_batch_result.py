"""Official module path `anthropic.types.beta.messages.beta_message_batch_result`: re-exports from the topic module."""

from ._batches import BetaMessageBatchResult

__all__ = ["BetaMessageBatchResult"]
