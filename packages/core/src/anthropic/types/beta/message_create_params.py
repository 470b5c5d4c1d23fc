"""Official module path `anthropic.types.beta.message_create_params`: re-exports from the topic module."""

from ._request_params import (
    Container,
    MessageCreateParams,
    MessageCreateParamsBase,
    MessageCreateParamsNonStreaming,
    MessageCreateParamsStreaming,
    OutputFormat,
    ParseMessageCreateParamsBase,
)

__all__ = [
    "MessageCreateParams",
    "MessageCreateParamsBase",
    "Container",
    "MessageCreateParamsNonStreaming",
    "MessageCreateParamsStreaming",
    "OutputFormat",
    "ParseMessageCreateParamsBase",
]
