"""Official import path `anthropic.types.anthropic_beta_param`; the definitions live in `anthropic.types._models_api`."""

from ._models_api import AnthropicBetaParam as AnthropicBetaParam

__all__ = ["AnthropicBetaParam"]
