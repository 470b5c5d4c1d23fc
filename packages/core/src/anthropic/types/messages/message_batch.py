"""Official import path `anthropic.types.messages.message_batch`; the definitions live in `anthropic.types._batches`."""

from .._batches import MessageBatch as MessageBatch

__all__ = ["MessageBatch"]
