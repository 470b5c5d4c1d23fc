"""Official module path `anthropic.types.beta.parsed_beta_message`: re-exports from the topic module."""

from ._parsed import (
    ParsedBetaContentBlock,
    ParsedBetaMessage,
    ParsedBetaTextBlock,
    ResponseFormatT,
)

__all__ = ["ParsedBetaTextBlock", "ParsedBetaContentBlock", "ParsedBetaMessage", "ResponseFormatT"]
