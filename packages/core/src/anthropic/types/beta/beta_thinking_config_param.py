"""Official module path `anthropic.types.beta.beta_thinking_config_param`: re-exports from the topic module."""

from ._request_params import BetaThinkingConfigParam

__all__ = ["BetaThinkingConfigParam"]
