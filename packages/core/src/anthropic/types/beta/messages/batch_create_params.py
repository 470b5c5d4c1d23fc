"""Official module path `anthropic.types.beta.messages.batch_create_params`: re-exports from the topic module."""

from ._batches import (
    BatchCreateParams,
    Request,
    RequestParamsOutputFormat,
)

__all__ = ["BatchCreateParams", "Request", "RequestParamsOutputFormat"]
