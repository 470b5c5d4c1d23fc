"""Official import path `anthropic.types.thinking_config_param`; the definitions live in `anthropic.types._params`."""

from ._params import ThinkingConfigParam as ThinkingConfigParam

__all__ = ["ThinkingConfigParam"]
