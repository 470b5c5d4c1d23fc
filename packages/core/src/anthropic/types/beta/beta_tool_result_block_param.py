"""Official module path `anthropic.types.beta.beta_tool_result_block_param`: re-exports from the topic module."""

from __future__ import annotations

from typing import Union

from typing_extensions import TypeAlias

from ._content_params import (
    BetaImageBlockParam,
    BetaRequestDocumentBlockParam,
    BetaSearchResultBlockParam,
    BetaTextBlockParam,
    BetaToolResultBlockParam,
)

__all__ = ["BetaToolResultBlockParam", "Content"]

Content: TypeAlias = Union[
    BetaTextBlockParam, BetaImageBlockParam, BetaSearchResultBlockParam, BetaRequestDocumentBlockParam
]
