"""Official module path `anthropic.types.beta.messages.beta_message_batch_individual_response`: re-exports from the topic module."""

from ._batches import BetaMessageBatchIndividualResponse

__all__ = ["BetaMessageBatchIndividualResponse"]
