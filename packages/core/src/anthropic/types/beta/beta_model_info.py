"""Official module path `anthropic.types.beta.beta_model_info`: re-exports from the topic module."""

from ._models_api import BetaModelInfo

__all__ = ["BetaModelInfo"]
