"""Official import path `anthropic.types.messages.message_batch_individual_response`; the definitions live in `anthropic.types._batches`."""

from .._batches import MessageBatchIndividualResponse as MessageBatchIndividualResponse

__all__ = ["MessageBatchIndividualResponse"]
