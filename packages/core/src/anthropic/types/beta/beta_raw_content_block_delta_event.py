"""Official module path `anthropic.types.beta.beta_raw_content_block_delta_event`: re-exports from the topic module."""

from ._message import BetaRawContentBlockDeltaEvent

__all__ = ["BetaRawContentBlockDeltaEvent"]
