"""Official module path `anthropic.types.beta.beta_raw_content_block_start_event`: re-exports from the topic module."""

from __future__ import annotations

from typing_extensions import TypeAlias

from ._content import BetaContentBlock
from ._message import BetaRawContentBlockStartEvent

__all__ = ["BetaRawContentBlockStartEvent", "ContentBlock"]

ContentBlock: TypeAlias = BetaContentBlock
