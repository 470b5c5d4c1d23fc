"""Official module path `anthropic.types.beta.beta_text_block_param`: re-exports from the topic module."""

from ._content_params import BetaTextBlockParam

__all__ = ["BetaTextBlockParam"]
