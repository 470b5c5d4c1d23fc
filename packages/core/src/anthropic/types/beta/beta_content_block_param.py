"""Official module path `anthropic.types.beta.beta_content_block_param`: re-exports from the topic module."""

from ._content_params import BetaContentBlockParam

__all__ = ["BetaContentBlockParam"]
