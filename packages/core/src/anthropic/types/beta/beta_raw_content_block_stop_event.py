"""Official module path `anthropic.types.beta.beta_raw_content_block_stop_event`: re-exports from the topic module."""

from ._message import BetaRawContentBlockStopEvent

__all__ = ["BetaRawContentBlockStopEvent"]
