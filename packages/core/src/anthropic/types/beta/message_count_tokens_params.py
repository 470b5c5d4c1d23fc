"""Official module path `anthropic.types.beta.message_count_tokens_params`: re-exports from the topic module."""

from ._request_params import (
    MessageCountTokensParams,
    Tool,
)

__all__ = ["MessageCountTokensParams", "Tool"]
