"""Official import path `anthropic.types.messages.batch_create_params`; the definitions live in `anthropic.types._batches`."""

from .._batches import BatchCreateParams as BatchCreateParams
from .._batches import Request as Request

__all__ = ["BatchCreateParams", "Request"]
