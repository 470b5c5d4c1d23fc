"""Official import path `anthropic.types.model_info`; the definitions live in `anthropic.types._models_api`."""

from ._models_api import ModelInfo as ModelInfo

__all__ = ["ModelInfo"]
