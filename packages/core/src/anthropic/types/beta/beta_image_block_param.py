"""Official module path `anthropic.types.beta.beta_image_block_param`: re-exports from the topic module."""

from __future__ import annotations

from typing import Union

from typing_extensions import TypeAlias

from ._content_params import (
    BetaBase64ImageSourceParam,
    BetaFileImageSourceParam,
    BetaImageBlockParam,
    BetaURLImageSourceParam,
)

__all__ = ["BetaImageBlockParam", "Source"]

Source: TypeAlias = Union[BetaBase64ImageSourceParam, BetaURLImageSourceParam, BetaFileImageSourceParam]
