"""Official module path `anthropic.types.beta.messages.batch_list_params`: re-exports from the topic module."""

from ._batches import BatchListParams

__all__ = ["BatchListParams"]
